"""The plan template's checks, exactly: a small plan of our own read into the exact Plan, and each kind of
author mistake reported with its file, line and whole message, every one at once."""

import pytest

from macros import plan as plans
from macros.problems import CourseError, Problem

# Lines 1-45; the values sit on the edges of their ranges (lines 1 and 10, minutes 5 and 240, counts 0 and 99...).
MINI = """\
title: " A plan "
intro: Some weeks.
questions:
  - id: goals
    label: Goals
    hint: Say why.
    lines: 10
  - id: roles
    label: Roles
  - id: tiny
    label: Tiny
    hint: ""
    lines: 1
habit:
  label: Slot
  hint: Weekly.
  day: sunday
  time: "23:59"
  minutes: 240
  weeks: 52
actions:
  - id: meet
    label: Meet
    hint: Go.
  - id: habit-post
    label: Post
months:
  - focus: F1
    tip: T1
    counts: {meet: 0, habit-post: 99}
  - focus: F2
    counts: {meet: 2, habit-post: 3}
  - {focus: F3, counts: {meet: 3, habit-post: 0}}
  - {focus: F4, counts: {meet: 4, habit-post: 0}}
  - {focus: F5, counts: {meet: 5, habit-post: 0}}
  - {focus: F6, counts: {meet: 6, habit-post: 1}}
review:
  label: Review
  minutes: 5
  questions:
    - " Why? "
    - How?
limits:
  questions: 20000
  months: 100
"""

MONTHS = [{"focus": "F1", "tip": "T1", "counts": {"meet": 0, "habit-post": 99}},
          {"focus": "F2", "tip": "", "counts": {"meet": 2, "habit-post": 3}}] + [
    {"focus": f"F{n}", "tip": "", "counts": {"meet": n, "habit-post": 1 if n == 6 else 0}} for n in range(3, 7)]


def edit(old, new, text=MINI):
    assert text.count(old) == 1, old
    return text.replace(old, new)


def problems_of(text, path="p.yml"):
    """Every problem the check finds, as the author reads it."""
    plan, problems = plans.parse(text, path)
    assert plan is None and problems, "a plan with problems is no plan"
    assert all(isinstance(p, Problem) and p.question == "" for p in problems)
    return [str(p) for p in problems]


def test_a_good_plan_is_read_exactly():
    plan, problems = plans.parse(MINI, "p.yml")
    assert problems == []
    assert plan == plans.Plan(
        title="A plan", intro="Some weeks.",
        questions=[{"id": "goals", "label": "Goals", "hint": "Say why.", "lines": 10},
                   {"id": "roles", "label": "Roles", "hint": "", "lines": 3},
                   {"id": "tiny", "label": "Tiny", "hint": "", "lines": 1}],
        habit={"label": "Slot", "hint": "Weekly.", "day": "sunday", "time": "23:59", "minutes": 240, "weeks": 52},
        actions=[{"id": "meet", "label": "Meet", "hint": "Go."}, {"id": "habit-post", "label": "Post", "hint": ""}],
        months=MONTHS,
        review={"label": "Review", "hint": "", "minutes": 5, "questions": ["Why?", "How?"]},
        limits={"questions": 20000, "months": 100})
    assert plans.parse(MINI) == (plan, [])
    assert plan.to_json() == {"title": "A plan", "intro": "Some weeks.", "questions": plan.questions,
                              "habit": plan.habit, "actions": plan.actions, "months": MONTHS, "review": plan.review}


def test_the_lowest_and_the_middle_values_are_read_too():
    text = edit("  minutes: 240\n  weeks: 52", "  minutes: 5\n  weeks: 1")
    text = edit("  minutes: 5\n  questions", "  minutes: 240\n  questions", text)
    text = edit('  time: "23:59"', '  time: "00:00"', text)
    text = edit("  questions: 20000\n  months: 100", "  questions: 100\n  months: 20000", text)
    # An empty hint or tip is as good as none.
    text = edit("  hint: Weekly.", '  hint: ""', text)
    text = edit("  label: Review", '  label: Review\n  hint: ""', text)
    text = edit("    tip: T1", '    tip: ""', text)
    plan, problems = plans.parse(text)
    assert problems == []
    assert plan.habit == {"label": "Slot", "hint": "", "day": "sunday", "time": "00:00", "minutes": 5, "weeks": 1}
    assert plan.review == {"label": "Review", "hint": "", "minutes": 240, "questions": ["Why?", "How?"]}
    assert plan.limits == {"questions": 100, "months": 20000}
    assert plan.months[0] == {"focus": "F1", "tip": "", "counts": {"meet": 0, "habit-post": 99}}
    for day in plans.DAYS:
        plan, problems = plans.parse(edit("  day: sunday", f"  day: {day}"))
        assert problems == [] and plan.habit["day"] == day
    longest = plans.parse(edit("intro: Some weeks.", "intro: " + "x" * 5000))
    assert longest[1] == [] and longest[0].intro == "x" * 5000
    for good in ("00:00", "09:30", "19:05", "20:00", "23:59"):
        assert plans.parse(edit('"23:59"', f'"{good}"'))[0].habit["time"] == good


def test_a_review_hint_is_read():
    plan, problems = plans.parse(edit("  label: Review", "  label: Review\n  hint: Look back."))
    assert problems == [] and plan.review["hint"] == "Look back."


def test_every_field_name_with_its_most_characters():
    plan, _ = plans.parse(MINI)
    expected = {"goals": 20000, "roles": 20000, "tiny": 20000,
                "habit-day": 9, "habit-time": 5, "habit-minutes": 3, "habit-start": 10}
    for n in range(1, 7):
        expected |= {f"month-{n}-meet": 2, f"month-{n}-habit-post": 2, f"month-{n}-actions": 100, f"month-{n}-review": 100}
    limits = plan.field_limits()
    assert limits == expected
    assert list(limits) == list(expected), "in the order of the form"
    assert plans.field_name("month", 3, "meet") == "month-3-meet" and plans.field_name("habit") == "habit"


# ---- Whole files that are no plan ----------------------------------------------------------------------------

def test_yaml_that_does_not_parse_is_reported_alone():
    # Only the YAML's problem: nothing else of the file can be checked.
    assert problems_of("title: x\nquestions:\n\t- id: goals\n") == [
        "p.yml:3: the line is indented with a tab; YAML needs spaces: replace the tab with spaces"]


@pytest.mark.parametrize("text", ["", "- title\n", "just words\n"])
def test_a_file_that_is_no_mapping(text):
    message = "the plan must be a mapping of title, intro, questions, habit, actions, months, review, limits"
    assert problems_of(text) == [f"p.yml:1: {message}"]
    assert plans.parse(text) == (None, [Problem(plans.PLAN_FILE, 1, message)])


def test_an_empty_mapping_misses_every_field():
    assert problems_of("{}\n") == [f"p.yml:1: `{key}:` is missing at the top of the plan; add it" for key in
                                   ("title", "intro", "questions", "habit", "actions", "months", "review", "limits")]


# ---- Each mistake, with its line -----------------------------------------------------------------------------

NO_MONTH_3 = edit("  - {focus: F3, counts: {meet: 3, habit-post: 0}}", "  - F3")
CASES = {
    "unknown top field": (edit("limits:\n", "limit:\n"), [
        "p.yml:43: unknown field 'limit' at the top of the plan; the fields are: "
        "title, intro, questions, habit, actions, months, review, limits",
        "p.yml:1: `limits:` is missing at the top of the plan; add it"]),
    "missing title and empty intro": (edit('title: " A plan "\nintro: Some weeks.\n', "intro: ' '\n"), [
        "p.yml:1: `title:` is missing at the top of the plan; add it",
        "p.yml:1: `intro:` must be non-empty text; quote it if YAML reads it as something else"]),
    "an empty string for text": (edit("    label: Goals", '    label: ""'), [
        "p.yml:5: `label:` must be non-empty text; quote it if YAML reads it as something else"]),
    "a number for text": (edit("    label: Goals", "    label: 42"), [
        "p.yml:5: `label:` must be non-empty text; quote it if YAML reads it as something else"]),
    "an empty label": (edit("    label: Goals", "    label:"), [
        "p.yml:5: `label:` must be non-empty text; quote it if YAML reads it as something else"]),
    "a blank optional hint": (edit('    hint: ""', '    hint: "  "'), [
        "p.yml:12: `hint:` must be non-empty text; quote it if YAML reads it as something else"]),
    "a hint that is no text": (edit("    hint: Say why.", "    hint: [a]"), [
        "p.yml:6: `hint:` must be non-empty text; quote it if YAML reads it as something else"]),
    "a direction control": (edit("intro: Some weeks.", "intro: Some \u202eweeks."), [
        "p.yml:2: `intro:` contains an invisible text-direction control character; delete it"]),
    "a direction control and too long": (edit("intro: Some weeks.", "intro: \u2066" + "x" * 5000), [
        "p.yml:2: `intro:` contains an invisible text-direction control character; delete it"]),
    "too long": (edit("intro: Some weeks.", "intro: " + "x" * 5001), [
        "p.yml:2: `intro:` is 5001 characters long; keep it under 5000"]),
    "a list that is no list": (edit("questions:\n  - id: goals", "questions: goals\nold:\n  - id: goals"), [
        "p.yml:4: unknown field 'old' at the top of the plan; the fields are: "
        "title, intro, questions, habit, actions, months, review, limits",
        "p.yml:3: `questions:` must be a non-empty list, each item starting with `- id:`"]),
    "an empty list": (edit("actions:\n  - id: meet\n    label: Meet\n    hint: Go.\n  - id: habit-post\n    label: Post\n",
                           "actions: []\n"), [
        "p.yml:21: `actions:` must be a non-empty list, each item starting with `- id:`"]),
    "an item that is no mapping": (edit("  - id: roles\n    label: Roles\n", "  - roles\n  - [x]\n"), [
        "p.yml:8: each item of `questions:` must be a mapping starting with `- id:`",
        "p.yml:9: each item of `questions:` must be a mapping starting with `- id:`"]),
    "an item without id": (edit("  - id: roles\n    label: Roles\n", "  - label: Roles\n"), [
        "p.yml:8: `id:` is missing in a question; add it",
        "p.yml:8: `id:` must be lowercase words joined by hyphens, like `follow-ups`"]),
    "bad ids": (edit("  - id: roles", "  - id: Roles", edit("  - id: meet", "  - id: 7")), [
        "p.yml:8: `id:` must be lowercase words joined by hyphens, like `follow-ups`",
        "p.yml:22: `id:` must be lowercase words joined by hyphens, like `follow-ups`",
        "p.yml:30: 'meet' in month 1 is no action; the actions are: habit-post",
        "p.yml:32: 'meet' in month 2 is no action; the actions are: habit-post",
        "p.yml:33: 'meet' in month 3 is no action; the actions are: habit-post",
        "p.yml:34: 'meet' in month 4 is no action; the actions are: habit-post",
        "p.yml:35: 'meet' in month 5 is no action; the actions are: habit-post",
        "p.yml:36: 'meet' in month 6 is no action; the actions are: habit-post"]),
    "a repeated id": (edit("  - id: tiny", "  - id: goals"), [
        "p.yml:10: the id 'goals' is already used on line 4; give each its own id"]),
    # `id:` need not come first: each problem names the id's own line.
    "ids after the label": (edit("  - id: goals\n    label: Goals\n", "  - label: Goals\n    id: goals\n", edit(
        "  - id: roles\n    label: Roles\n", "  - label: Roles\n    id: Roles\n", edit(
            "  - id: tiny\n    label: Tiny\n", "  - label: Tiny\n    id: goals\n"))), [
        "p.yml:9: `id:` must be lowercase words joined by hyphens, like `follow-ups`",
        "p.yml:11: the id 'goals' is already used on line 5; give each its own id"]),
    "a reserved id after the label": (edit("  - id: tiny\n    label: Tiny\n", "  - label: Tiny\n    id: habit-x\n"), [
        "p.yml:11: the id 'habit-x' is kept for the form's own fields; pick one that does not start with habit- or month-"]),
    "reserved question ids": (edit("  - id: roles", "  - id: month-roles", edit("  - id: tiny", "  - id: habit-x")), [
        "p.yml:8: the id 'month-roles' is kept for the form's own fields; pick one that does not start with habit- or month-",
        "p.yml:10: the id 'habit-x' is kept for the form's own fields; pick one that does not start with habit- or month-"]),
    "unknown and missing item fields": (edit("    label: Roles", "    lable: Roles"), [
        "p.yml:9: unknown field 'lable' in a question; the fields are: id, label, hint, lines",
        "p.yml:8: `label:` is missing in a question; add it"]),
    "an action with lines": (edit("    label: Post", "    label: Post\n    lines: 2"), [
        "p.yml:27: unknown field 'lines' in an action; the fields are: id, label, hint"]),
    "lines out of range": (edit("    lines: 10", "    lines: 11", edit("    lines: 1\n", "    lines: 0\n")), [
        "p.yml:7: `lines:` must be a whole number from 1 to 10 (found 11)",
        "p.yml:13: `lines:` must be a whole number from 1 to 10 (found 0)"]),
    "numbers that are no whole numbers": (edit("  minutes: 240", "  minutes: true", edit("  weeks: 52", "  weeks: '5'")), [
        "p.yml:19: `minutes:` must be a whole number from 5 to 240 (found True)",
        "p.yml:20: `weeks:` must be a whole number from 1 to 52 (found '5')"]),
    "numbers past the ends": (edit("  minutes: 240", "  minutes: 241", edit("  weeks: 52", "  weeks: 53")), [
        "p.yml:19: `minutes:` must be a whole number from 5 to 240 (found 241)",
        "p.yml:20: `weeks:` must be a whole number from 1 to 52 (found 53)"]),
    "numbers below the ends": (edit("  minutes: 240", "  minutes: 4", edit("  weeks: 52", "  weeks: 0")), [
        "p.yml:19: `minutes:` must be a whole number from 5 to 240 (found 4)",
        "p.yml:20: `weeks:` must be a whole number from 1 to 52 (found 0)"]),
    "a habit that is no mapping": (edit("habit:\n  label: Slot\n  hint: Weekly.\n  day: sunday\n  time: \"23:59\"\n"
                                        "  minutes: 240\n  weeks: 52\n", "habit: [weekly]\n"), [
        "p.yml:14: `habit:` must be a mapping with label, day, time, minutes and weeks"]),
    "a habit that misses its fields": (edit("  hint: Weekly.\n  day: sunday\n  time: \"23:59\"\n  minutes: 240\n", ""), [
        "p.yml:15: `day:` is missing in `habit:`; add it",
        "p.yml:15: `time:` is missing in `habit:`; add it",
        "p.yml:15: `minutes:` is missing in `habit:`; add it"]),
    "a habit with an unknown field": (edit("  weeks: 52", "  weeks: 52\n  week: 1"), [
        "p.yml:21: unknown field 'week' in `habit:`; the fields are: label, hint, day, time, minutes, weeks"]),
    "a day that is no weekday": (edit("  day: sunday", "  day: Sunday"), [
        "p.yml:17: `day:` must be a weekday in lowercase: monday, tuesday, wednesday, thursday, friday, saturday, "
        "sunday (found 'Sunday')"]),
    "times that are no times": (edit('  time: "23:59"', "  time: 18:30"), [
        "p.yml:18: `time:` must be a 24-hour time in quotes, like \"18:30\" (found 1110)"]),
    "a time past midnight": (edit('  time: "23:59"', '  time: "24:00"'), [
        "p.yml:18: `time:` must be a 24-hour time in quotes, like \"18:30\" (found '24:00')"]),
    "five months": (edit("  - {focus: F6, counts: {meet: 6, habit-post: 1}}\n", ""), [
        "p.yml:27: `months:` must list exactly 6 months, each with focus and counts (found 5)"]),
    "seven months": (edit("  - {focus: F6, counts: {meet: 6, habit-post: 1}}\n",
                          "  - {focus: F6, counts: {meet: 6, habit-post: 1}}\n  - {focus: F7, counts: {}}\n"), [
        "p.yml:27: `months:` must list exactly 6 months, each with focus and counts (found 7)"]),
    "months that are no list": (edit("months:\n  - focus: F1", "months: 6\nold:\n  - focus: F1"), [
        "p.yml:28: unknown field 'old' at the top of the plan; the fields are: "
        "title, intro, questions, habit, actions, months, review, limits",
        "p.yml:27: `months:` must list exactly 6 months, each with focus and counts (found 0)"]),
    "a month that is no mapping": (NO_MONTH_3, [
        "p.yml:33: month 3 must be a mapping with focus and counts"]),
    "two months that are no mapping": (edit("  - {focus: F5, counts: {meet: 5, habit-post: 0}}", "  - [F5]",
                                            NO_MONTH_3), [
        "p.yml:33: month 3 must be a mapping with focus and counts",
        "p.yml:35: month 5 must be a mapping with focus and counts"]),
    "a month with a bad field": (edit("    tip: T1", "    tips: T1"), [
        "p.yml:29: unknown field 'tips' in month 1; the fields are: focus, tip, counts"]),
    "counts that are no mapping": (edit("    counts: {meet: 2, habit-post: 3}", "    counts: [2, 3]"), [
        "p.yml:32: `counts:` in month 2 must map each action id to a number, like `meetups: 1`"]),
    "a month without counts": (edit("    counts: {meet: 2, habit-post: 3}\n", ""), [
        "p.yml:31: `counts:` is missing in month 2; add it"]),
    # Counts written one per line: each problem names the count's own line, or the line of `counts:`.
    "block counts": (edit("    counts: {meet: 0, habit-post: 99}", "    counts:\n      meet: 0\n      meets: 1\n      post: 2"), [
        "p.yml:32: 'meets' in month 1 is no action; the actions are: meet, habit-post",
        "p.yml:33: 'post' in month 1 is no action; the actions are: meet, habit-post",
        "p.yml:30: `counts:` in month 1 has no number for 'habit-post'; add `habit-post: 0` or more"]),
    "counts that miss an action": (edit("{meet: 4, habit-post: 0}", "{meet: 4}"), [
        "p.yml:34: `counts:` in month 4 has no number for 'habit-post'; add `habit-post: 0` or more"]),
    "a count out of range": (edit("{meet: 5, habit-post: 0}", "{meet: 5, habit-post: 100}"), [
        "p.yml:35: `habit-post:` must be a whole number from 0 to 99 (found 100)"]),
    "a negative count": (edit("{meet: 5, habit-post: 0}", "{meet: -1, habit-post: 0}"), [
        "p.yml:35: `meet:` must be a whole number from 0 to 99 (found -1)"]),
    "review questions that are no list": (edit('  questions:\n    - " Why? "\n    - How?\n', "  questions: Why?\n"), [
        "p.yml:40: `questions:` of the review must be a non-empty list of questions as text"]),
    "an empty list of review questions": (edit('  questions:\n    - " Why? "\n    - How?\n', "  questions: []\n"), [
        "p.yml:40: `questions:` of the review must be a non-empty list of questions as text"]),
    "a blank review question": (edit('    - " Why? "', '    - " "'), [
        "p.yml:40: `questions:` of the review must be a non-empty list of questions as text"]),
    "a review question that is no text": (edit("    - How?", "    - 42"), [
        "p.yml:40: `questions:` of the review must be a non-empty list of questions as text"]),
    "a review without questions": (edit('  questions:\n    - " Why? "\n    - How?\n', ""), [
        "p.yml:38: `questions:` is missing in `review:`; add it"]),
    "a review that is no mapping": (edit("review:\n  label: Review\n", "review: Review\nold:\n"), [
        "p.yml:38: unknown field 'old' at the top of the plan; the fields are: "
        "title, intro, questions, habit, actions, months, review, limits",
        "p.yml:37: `review:` must be a mapping with label, minutes and questions"]),
    "a review with a bad minutes": (edit("  minutes: 5\n", "  minutes: 4\n"), [
        "p.yml:39: `minutes:` must be a whole number from 5 to 240 (found 4)"]),
    "limits that are no mapping": (edit("limits:\n  questions: 20000\n  months: 100\n", "limits: 100\n"), [
        "p.yml:43: `limits:` must be a mapping with questions and months, each a number of characters"]),
    "limits out of range": (edit("  questions: 20000\n  months: 100\n", "  questions: 20001\n  months: 99\n"), [
        "p.yml:44: `questions:` must be a whole number from 100 to 20000 (found 20001)",
        "p.yml:45: `months:` must be a whole number from 100 to 20000 (found 99)"]),
    # A missing field is reported on its mapping's first line, whatever other keys the mapping holds.
    "a null key for a missing one": (edit("  months: 100\n", "  null: 100\n"), [
        "p.yml:45: unknown field 'None' in `limits:`; the fields are: questions, months",
        "p.yml:44: `months:` is missing in `limits:`; add it"]),
    "limits that miss one": (edit("  months: 100\n", ""), [
        "p.yml:44: `months:` is missing in `limits:`; add it"]),
}


@pytest.mark.parametrize("name", CASES)
def test_each_mistake_is_reported_with_its_line(name):
    text, expected = CASES[name]
    assert problems_of(text) == expected


def test_every_mistake_of_the_file_is_reported_at_once():
    text = edit("  day: sunday", "  day: someday", edit("    label: Roles", "    lable: Roles"))
    text = edit("  questions: 20000\n  months: 100\n", "  questions: 20001\n  months: 99\n", text)
    assert problems_of(text) == [
        "p.yml:9: unknown field 'lable' in a question; the fields are: id, label, hint, lines",
        "p.yml:8: `label:` is missing in a question; add it",
        "p.yml:17: `day:` must be a weekday in lowercase: monday, tuesday, wednesday, thursday, friday, saturday, "
        "sunday (found 'someday')",
        "p.yml:44: `questions:` must be a whole number from 100 to 20000 (found 20001)",
        "p.yml:45: `months:` must be a whole number from 100 to 20000 (found 99)"]


# ---- Reading the file ----------------------------------------------------------------------------------------

def test_load_reads_the_file_as_utf8_whatever_the_locale(tmp_path, ascii_locale):
    (tmp_path / "plan").mkdir()
    (tmp_path / plans.PLAN_FILE).write_bytes(edit("intro: Some weeks.", "intro: Café ✓").encode("utf-8"))
    assert plans.load(tmp_path).intro == "Café ✓"


def test_load_names_the_plan_file_in_each_problem(tmp_path):
    (tmp_path / "plan").mkdir()
    (tmp_path / plans.PLAN_FILE).write_text(edit("  day: sunday", "  day: someday"), encoding="utf-8")
    with pytest.raises(CourseError) as error:
        plans.load(tmp_path)
    assert [str(p) for p in error.value.problems] == [
        "plan/networking-plan.yml:17: `day:` must be a weekday in lowercase: monday, tuesday, wednesday, thursday, "
        "friday, saturday, sunday (found 'someday')"]


def test_load_reports_a_missing_or_unreadable_file(tmp_path):
    with pytest.raises(CourseError) as error:
        plans.load(tmp_path)
    assert str(error.value) == "plan/networking-plan.yml:1: the plan template is missing; create it (see the plan lesson)"
    (tmp_path / "plan").mkdir()
    (tmp_path / plans.PLAN_FILE).write_bytes(b"title: \xff\n")
    with pytest.raises(CourseError) as error:
        plans.load(tmp_path)
    assert str(error.value) == ("plan/networking-plan.yml:1: the file cannot be read as UTF-8 text ('utf-8' codec can't "
                                "decode byte 0xff in position 7: invalid start byte)")
