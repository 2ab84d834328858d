"""The 6-month networking plan template: read from plan/networking-plan.yml and checked field by field.

Like the quiz bank, every mistake is collected as a `file:line:` Problem and raised together.
"""
import re
from dataclasses import dataclass
from pathlib import Path

from . import yamlsource
from .bank import BIDI_CONTROLS, ID_PATTERN, TEXT_LIMIT
from .problems import CourseError, Problem
from .yamlsource import item_lines, line_of

PLAN_FILE = "plan/networking-plan.yml"
MONTHS = 6
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
TIME_PATTERN = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
# The ranges the form accepts and every download uses; the page's script reads them from the form's attributes.
MINUTES = (5, 240)
COUNTS = (0, 99)
LINES = (1, 10)  # docs/assets/plan.css has a rule for each number of lines
# A first week from 2000 to 2099: four-digit years that calendars read, and a plan that ends before 2101.
FIRST_WEEK = ("2000-01-01", "2099-12-31")
# `limits:` of the plan: the most characters a learner can write in each box of the form.
LIMIT_RANGE = (100, 20000)
FIELDS = {
    "plan": ("title", "intro", "questions", "habit", "actions", "months", "review", "limits"),
    "question": ("id", "label", "hint", "lines"),
    "habit": ("label", "hint", "day", "time", "minutes", "weeks"),
    "action": ("id", "label", "hint"),
    "month": ("focus", "tip", "counts"),
    "review": ("label", "hint", "minutes", "questions"),
    "limits": ("questions", "months"),
}
OPTIONAL = {"hint", "tip", "lines"}
# Form field names the page uses for the habit and the months; a question id must not clash with them.
RESERVED = re.compile(r"^(habit|month)-")


@dataclass
class Plan:
    title: str
    intro: str
    questions: list  # [{"id", "label", "hint", "lines"}]
    habit: dict  # label, hint, day, time, minutes, weeks
    actions: list  # [{"id", "label", "hint"}]
    months: list  # [{"focus", "tip", "counts": {action id: int}}]
    review: dict  # label, hint, minutes, questions
    limits: dict  # {"questions": most characters of each question's box, "months": of each month's two boxes}

    def to_json(self):
        """The template as plain data, for the page's script."""
        return {"title": self.title, "intro": self.intro, "questions": self.questions, "habit": self.habit,
                "actions": self.actions, "months": self.months, "review": self.review}

    def field_limits(self):
        """Every form field's name (its key in the learner's saved plan) with the most characters it may hold.

        The written boxes take their limits from `limits:`; the other fields hold their longest valid value.
        """
        found = {q["id"]: self.limits["questions"] for q in self.questions}
        found |= {"habit-day": max(map(len, DAYS)), "habit-time": len("18:30"), "habit-minutes": len(str(MINUTES[1])),
                  "habit-start": len(FIRST_WEEK[1])}
        for n in range(1, len(self.months) + 1):
            found |= {field_name("month", n, a["id"]): len(str(COUNTS[1])) for a in self.actions}
            found |= {field_name("month", n, box): self.limits["months"] for box in ("actions", "review")}
        return found


def field_name(kind, *parts):
    """The name of a form field, which is also its key in the learner's saved plan."""
    return "-".join([kind, *map(str, parts)])


def load(root):
    """Read and check the plan under root. Raises CourseError listing every problem."""
    path = Path(root) / PLAN_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CourseError([Problem(PLAN_FILE, 1, "the plan template is missing; create it (see the plan lesson)")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise CourseError([Problem(PLAN_FILE, 1, f"the file cannot be read as UTF-8 text ({error})")]) from None
    plan, problems = parse(text, PLAN_FILE)
    if problems:
        raise CourseError(problems)
    return plan


def parse(text, path=PLAN_FILE):
    """Parse the plan template. Returns (Plan or None, problems)."""
    data, problems = yamlsource.load(text, path)
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [Problem(path, 1, "the plan must be a mapping of " + ", ".join(FIELDS["plan"]))]

    def report(mapping, key, message):
        problems.append(Problem(path, line_of(mapping, key), message))

    def fields(mapping, kind, where):
        """Unknown and missing fields of one mapping; True when it is a mapping at all."""
        if not isinstance(mapping, dict):
            return False
        for key in mapping:
            if key not in FIELDS[kind]:
                report(mapping, key, f"unknown field '{key}' {where}; the fields are: {', '.join(FIELDS[kind])}")
        for key in FIELDS[kind]:
            if key not in mapping and key not in OPTIONAL:
                report(mapping, key, f"`{key}:` is missing {where}; add it")
        return True

    def text_of(mapping, key, optional=False):
        value = mapping.get(key, "" if optional else None)
        if optional and value == "":
            return ""
        if not isinstance(value, str) or not value.strip():
            if key in mapping:
                report(mapping, key, f"`{key}:` must be non-empty text; quote it if YAML reads it as something else")
            return ""
        if BIDI_CONTROLS.search(value):
            report(mapping, key, f"`{key}:` contains an invisible text-direction control character; delete it")
        elif len(value) > TEXT_LIMIT:
            report(mapping, key, f"`{key}:` is {len(value)} characters long; keep it under {TEXT_LIMIT}")
        return value.strip()

    def number(mapping, key, low, high, default=None):
        value = mapping.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            if key in mapping:
                report(mapping, key, f"`{key}:` must be a whole number from {low} to {high} (found {value!r})")
            return default or low
        return value

    def items(mapping, key, kind, where):
        """A list of mappings with unique ids."""
        value = mapping.get(key)
        if not isinstance(value, list) or not value:
            if key in mapping:
                report(mapping, key, f"`{key}:` must be a non-empty list, each item starting with `- id:`")
            return []
        found, seen = [], {}
        for item, line in zip(value, item_lines(value)):
            if not isinstance(item, dict):
                problems.append(Problem(path, line, f"each item of `{key}:` must be a mapping starting with `- id:`"))
                continue
            fields(item, kind, f"in {where}")
            item_id = item.get("id")
            if not isinstance(item_id, str) or not ID_PATTERN.match(item_id):
                report(item, "id", "`id:` must be lowercase words joined by hyphens, like `follow-ups`")
            elif item_id in seen:
                report(item, "id", f"the id '{item_id}' is already used on line {seen[item_id]}; give each its own id")
            elif kind == "question" and RESERVED.match(item_id):
                report(item, "id", f"the id '{item_id}' is kept for the form's own fields; "
                                   "pick one that does not start with habit- or month-")
            else:
                seen[item_id] = line_of(item, "id")
                found.append({"id": item_id, "label": text_of(item, "label"), "hint": text_of(item, "hint", optional=True)}
                             | ({"lines": number(item, "lines", *LINES, default=3)} if kind == "question" else {}))
        return found

    fields(data, "plan", "at the top of the plan")
    title, intro = text_of(data, "title"), text_of(data, "intro")
    questions = items(data, "questions", "question", "a question")

    habit = {}
    raw = data.get("habit")
    if fields(raw, "habit", "in `habit:`"):
        habit = {"label": text_of(raw, "label"), "hint": text_of(raw, "hint", optional=True),
                 "day": raw.get("day"), "time": raw.get("time"),
                 "minutes": number(raw, "minutes", *MINUTES), "weeks": number(raw, "weeks", 1, 52)}
        if "day" in raw and habit["day"] not in DAYS:
            report(raw, "day", f"`day:` must be a weekday in lowercase: {', '.join(DAYS)} (found {habit['day']!r})")
        if "time" in raw and not (isinstance(habit["time"], str) and TIME_PATTERN.match(habit["time"])):
            report(raw, "time", f"`time:` must be a 24-hour time in quotes, like \"18:30\" (found {habit['time']!r})")
    elif "habit" in data:
        report(data, "habit", "`habit:` must be a mapping with label, day, time, minutes and weeks")

    actions = items(data, "actions", "action", "an action")
    action_ids = [a["id"] for a in actions]
    months = []
    raw_months = data.get("months")
    if not isinstance(raw_months, list) or len(raw_months) != MONTHS:
        if "months" in data:
            count = len(raw_months) if isinstance(raw_months, list) else 0
            report(data, "months", f"`months:` must list exactly {MONTHS} months, each with focus and counts (found {count})")
    else:
        for number_of_month, (month, line) in enumerate(zip(raw_months, item_lines(raw_months)), start=1):
            where = f"in month {number_of_month}"
            if not fields(month, "month", where):
                problems.append(Problem(path, line, f"month {number_of_month} must be a mapping with focus and counts"))
                continue
            counts = month.get("counts")
            if not isinstance(counts, dict):
                if "counts" in month:
                    report(month, "counts", f"`counts:` {where} must map each action id to a number, like `meetups: 1`")
                counts = {}
            elif actions:
                for key in counts:
                    if key not in action_ids:
                        report(counts, key, f"'{key}' {where} is no action; the actions are: {', '.join(action_ids)}")
                for key in action_ids:
                    if key not in counts:
                        report(month, "counts", f"`counts:` {where} has no number for '{key}'; add `{key}: 0` or more")
            months.append({"focus": text_of(month, "focus"), "tip": text_of(month, "tip", optional=True),
                           "counts": {key: number(counts, key, *COUNTS, default=0) for key in action_ids}})

    review = {}
    raw = data.get("review")
    if fields(raw, "review", "in `review:`"):
        review_questions = raw.get("questions")
        if not isinstance(review_questions, list) or not review_questions or not all(
                isinstance(q, str) and q.strip() for q in review_questions):
            if "questions" in raw:
                report(raw, "questions", "`questions:` of the review must be a non-empty list of questions as text")
            review_questions = []
        review = {"label": text_of(raw, "label"), "hint": text_of(raw, "hint", optional=True),
                  "minutes": number(raw, "minutes", *MINUTES), "questions": [q.strip() for q in review_questions]}
    elif "review" in data:
        report(data, "review", "`review:` must be a mapping with label, minutes and questions")

    limits = {}
    raw = data.get("limits")
    if fields(raw, "limits", "in `limits:`"):
        limits = {key: number(raw, key, *LIMIT_RANGE) for key in FIELDS["limits"]}
    elif "limits" in data:
        report(data, "limits", "`limits:` must be a mapping with questions and months, each a number of characters")

    if problems:
        return None, problems
    return Plan(title=title, intro=intro, questions=questions, habit=habit, actions=actions, months=months,
                review=review, limits=limits), []
