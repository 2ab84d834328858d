"""The quiz bank: one YAML file per lesson, checked field by field.

Every check appends a Problem instead of raising, so one run reports everything.
"""
import re
from dataclasses import dataclass, field

from . import yamlsource
from .problems import Problem
from .yamlsource import item_lines, line_of

TYPES = ("single", "multiple", "true-false", "open")
QUESTION_FIELDS = ("id", "type", "objective", "prompt", "options", "answer", "feedback", "explanation", "allow")
BANK_FIELDS = ("lesson", "questions")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
OPTION_KEY_PATTERN = re.compile(r"^[a-z0-9]{1,12}$")
# Bidirectional controls can make text read differently from what it is ("Trojan Source").
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
TEXT_LIMIT = 5000


@dataclass
class Question:
    id: str
    type: str
    objective: str
    prompt: str
    answer: object
    options: dict = field(default_factory=dict)
    feedback: dict = field(default_factory=dict)
    explanation: str = ""
    line: int = 1
    allow: dict = field(default_factory=dict)  # item-writing rule -> the author's reason for the exception
    lines: dict = field(default_factory=dict)  # "prompt", "answer", "allow" or "option <key>" -> its line

    @property
    def choices(self):
        """The options a learner picks from, as (key, text); true-false has two."""
        if self.type == "true-false":
            return [(True, "True"), (False, "False")]
        return list(self.options.items())

    @property
    def keyed(self):
        """The set of correct choice keys (empty for open questions)."""
        if self.type == "multiple":
            return set(self.answer)
        return set() if self.type == "open" else {self.answer}


@dataclass
class Bank:
    lesson: str
    path: str
    questions: list
    line: int = 1


def slug_of(path):
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def parse(text, path):
    """Parse one bank file. Returns (Bank or None, problems). Does not know the lessons."""
    data, problems = yamlsource.load(text, path)
    if problems:
        return None, problems
    start = "start it with `lesson: " + slug_of(path) + "` and a `questions:` list"
    if data is None:
        return None, [Problem(path, 1, f"the file is empty; {start}")]
    if not isinstance(data, dict):
        return None, [Problem(path, 1, f"the file must be a mapping; {start}")]
    for key in data:
        if key not in BANK_FIELDS:
            problems.append(Problem(path, line_of(data, key), _unknown(key, BANK_FIELDS, "at the top of a bank")))
    lesson = data.get("lesson")
    if lesson != slug_of(path):
        problems.append(Problem(path, line_of(data, "lesson"),
                                f"`lesson:` must be '{slug_of(path)}', the file's name without .yml (found {lesson!r})"))
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        problems.append(Problem(path, line_of(data, "questions"),
                                "`questions:` must be a non-empty list of questions, each starting with `- id:`"))
        return None, problems
    parsed, seen = [], {}
    for item, line in zip(questions, item_lines(questions)):
        question = _parse_question(item, path, problems, line)
        if question is None:
            continue
        if question.id in seen:
            problems.append(Problem(path, question.line, f"the id is already used on line {seen[question.id]}; "
                                    "give each question its own id (ids are never reused)", question.id))
            continue
        seen[question.id] = question.line
        parsed.append(question)
    return Bank(lesson=slug_of(path), path=path, questions=parsed, line=line_of(data, "questions")), problems


def check_against_lesson(bank, objectives, lesson_path):
    """Problems between a bank and its lesson's declared objectives."""
    problems = []
    for q in bank.questions:
        if q.objective not in objectives:
            declared = ", ".join(objectives) or "none"
            problems.append(Problem(bank.path, q.line, f"objective '{q.objective}' is not declared in {lesson_path} "
                                    f"(declared: {declared}); use one of those or add it to the lesson's front matter",
                                    q.id))
    checked = {q.objective for q in bank.questions}
    for objective in objectives:
        if objective not in checked:
            problems.append(Problem(bank.path, bank.line, f"no question checks objective '{objective}' of "
                                    f"{lesson_path}; add a question with `objective: {objective}`"))
    return problems


def _unknown(key, allowed, where):
    return f"unknown field '{key}' {where}; the fields are: {', '.join(allowed)}"


def _parse_question(item, path, problems, line):
    if not isinstance(item, dict):
        problems.append(Problem(path, line, "each question must be a mapping starting with `- id:`"))
        return None
    qid = item.get("id")
    label = qid if isinstance(qid, str) else "(no id)"
    before = len(problems)

    def report(key, message, within=None):
        # within: a nested mapping (options, feedback) whose own key line is more precise
        where = line_of(within, key) if within is not None else line_of(item, key)
        problems.append(Problem(path, where, message, label))

    if not isinstance(qid, str) or not ID_PATTERN.match(qid):
        report("id", "`id:` is missing or not lowercase words joined by hyphens (like `brief-is-normal`); add one")
    for key in item:
        if key not in QUESTION_FIELDS:
            report(key, _unknown(key, QUESTION_FIELDS, "in a question"))
    qtype = item.get("type")
    if qtype not in TYPES:
        report("type", f"`type:` must be one of {', '.join(TYPES)} (found {qtype!r})")
    for key in ("objective", "prompt"):
        if key not in item:
            report(key, f"`{key}:` is missing; add it")
    for key in ("objective", "prompt", "explanation"):
        if key in item:
            _check_text(item[key], key, report)
    options = _check_options(item, qtype, report)
    _check_answer(item, qtype, options, report)
    _check_feedback(item, qtype, options, report)
    allow = _check_allow(item, report)
    if len(problems) > before:
        return None
    lines = {key: line_of(item, key) for key in ("prompt", "answer", "allow")}
    lines.update({f"option {key}": line_of(item["options"], key) for key in options})
    return Question(id=qid, type=qtype, objective=item["objective"], prompt=item["prompt"], answer=item["answer"],
                    options=dict(options), feedback=dict(item.get("feedback") or {}),
                    explanation=item.get("explanation", ""), line=line, allow=allow, lines=lines)


def _check_allow(item, report):
    """`allow: {rule: reason}`: a deliberate exception to an item-writing rule, with the author's reason."""
    from .itemwriting import WAIVABLE
    allow = item.get("allow")
    if allow is None:
        return {}
    if not isinstance(allow, dict) or not allow:
        report("allow", "`allow:` must map an item-writing rule to your reason, like "
                        "`allow: {long-key: The key must name all three steps.}`")
        return {}
    for rule, reason in allow.items():
        if rule not in WAIVABLE:
            report(rule, f"`allow:` names '{rule}', which is no rule that one question can waive; "
                         f"use one of: {', '.join(WAIVABLE)}", within=allow)
        else:
            _check_text(reason, f"allow.{rule}", lambda _k, msg, k=rule: report(k, msg, within=allow))
    return dict(allow)


def _check_text(value, key, report):
    if not isinstance(value, str) or not value.strip():
        report(key, f"`{key}:` must be non-empty text (found {type(value).__name__}); quote it if YAML reads it as something else")
    elif BIDI_CONTROLS.search(value):
        report(key, f"`{key}:` contains an invisible text-direction control character; delete it")
    elif len(value) > TEXT_LIMIT:
        report(key, f"`{key}:` is {len(value)} characters long; keep it under {TEXT_LIMIT}")


def _check_options(item, qtype, report):
    options = item.get("options")
    if qtype in ("true-false", "open"):
        if options is not None:
            report("options", f"a {qtype} question has no `options:`; remove them or change `type:`")
        return {}
    if qtype not in TYPES:
        return {}
    if not isinstance(options, dict) or len(options) < 2:
        report("options", "`options:` must map at least two keys (a, b, ...) to their text")
        return {}
    for key, text in options.items():
        if not isinstance(key, str) or not OPTION_KEY_PATTERN.match(key):
            report(key, f"option key {key!r} must be a short lowercase word or letter like `a`", within=options)
        else:
            _check_text(text, f"options.{key}", lambda _k, msg, k=key: report(k, msg, within=options))
    return {k: v for k, v in options.items() if isinstance(k, str)}


def _check_answer(item, qtype, options, report):
    if "answer" not in item:
        hint = {"single": "one option key, like `answer: b`", "multiple": "a list of option keys, like `answer: [a, c]`",
                "true-false": "`answer: true` or `answer: false`", "open": "a model answer or the key points"}
        report("answer", "`answer:` is missing (the answer key); add " + hint.get(qtype, "one"))
        return
    answer = item["answer"]
    if qtype == "single":
        if isinstance(answer, list):
            report("answer", "a single-choice question has one answer; write `answer: b`, or use `type: multiple`")
        elif not isinstance(answer, str) or answer not in options:
            report("answer", f"`answer: {answer}` names no option; use one of: {', '.join(options)}")
    elif qtype == "multiple":
        if not isinstance(answer, list) or not answer:
            report("answer", "a multiple-choice answer must be a non-empty list of option keys, like `answer: [a, c]`")
        else:
            for key in answer:
                if not isinstance(key, str) or key not in options:
                    report("answer", f"`answer:` names '{key}', which is no option; use keys from: {', '.join(options)}")
            if len(set(map(repr, answer))) != len(answer):
                report("answer", "`answer:` lists the same option twice; list each once")
    elif qtype == "true-false":
        if not isinstance(answer, bool):
            report("answer", f"a true-false answer must be `true` or `false` (found {answer!r})")
    elif qtype == "open":
        _check_text(answer, "answer", report)


def _check_feedback(item, qtype, options, report):
    feedback = item.get("feedback")
    if qtype == "open":
        if feedback is not None:
            report("feedback", "an open question has no per-option `feedback:`; put guidance in `answer:` or `explanation:`")
        return
    if qtype not in TYPES:
        return
    expected = [True, False] if qtype == "true-false" else list(options)
    if not isinstance(feedback, dict):
        names = "`true:` and `false:`" if qtype == "true-false" else "each option key"
        report("feedback", f"`feedback:` is missing; give feedback for {names}, saying why it is right or wrong")
        return
    for key in expected:
        name = str(key).lower()
        if key not in feedback:
            report("feedback", f"option '{name}' has no feedback; add `{name}: ...` under `feedback:` saying why")
        else:
            _check_text(feedback[key], f"feedback.{name}", lambda _k, msg, k=key: report(k, msg, within=feedback))
    for key in feedback:
        if key not in expected:
            report(key, f"feedback for '{key}' names no option; remove it or fix the key", within=feedback)
