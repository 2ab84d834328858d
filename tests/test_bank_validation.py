"""Every kind of bad quiz bank or lesson is reported as `file:line: question-id: what and how to fix`."""
import re
import textwrap

import pytest

from macros.course import load
from macros.problems import CourseError

LESSON = textwrap.dedent("""\
    ---
    title: Demo
    description: A lesson for the tests.
    time:
      lesson: 10
      practice: 5
      check: 5
    objectives:
      greet: Greet someone new.
      leave: Leave a conversation politely.
    ---

    # Demo

    ## Overview
    Text.
    ## Objectives
    {{ objectives() }}
    ## Motivation
    Text.
    ## Steps
    ### Step 1: Say hello
    Text.
    ## Common mistakes
    Text.
    ## Practice
    ### Guided practice
    ### Independent practice
    ### Challenge
    ## Check for understanding
    {{ quiz() }}
    ## Summary
    ## Further reading
    ## Credits
    """)

BANK = textwrap.dedent("""\
    lesson: demo
    questions:
      - id: say-hi
        type: single
        objective: greet
        prompt: At a meetup, what do you say first?
        options:
          a: Hello, what brings you here?
          b: Can you get me a job?
        answer: a
        feedback:
          a: A friendly open question.
          b: Asking for a favour first puts people off.
      - id: leave-politely
        type: true-false
        objective: leave
        prompt: You may end a conversation politely.
        answer: true
        feedback:
          true: Yes.
          false: You may.
    """)


def make_project(tmp_path, bank=BANK, lesson=LESSON, slug="demo"):
    (tmp_path / "docs/lessons").mkdir(parents=True)
    (tmp_path / "quizzes").mkdir()
    if lesson is not None:
        (tmp_path / f"docs/lessons/{slug}.md").write_text(lesson)
    if bank is not None:
        (tmp_path / f"quizzes/{slug}.yml").write_text(bank)
    return tmp_path


def problems_for(tmp_path, **kwargs):
    with pytest.raises(CourseError) as caught:
        load(make_project(tmp_path, **kwargs))
    return [str(p) for p in caught.value.problems]


def test_the_demo_project_is_valid(tmp_path):
    course = load(make_project(tmp_path))
    assert [q.id for q in course.banks["demo"].questions] == ["say-hi", "leave-politely"]


# (name, change to BANK, expected line, expected question id or "", words the message must hold)
BROKEN = [
    ("missing answer", ("    answer: a\n", ""), 3, "say-hi", "`answer:` is missing"),
    ("answer naming no option", ("answer: a", "answer: z"), 10, "say-hi", "names no option"),
    ("multiple answer naming no option", ("type: single", "type: multiple", "answer: a", "answer: [a, q]"), 10,
     "say-hi", "'q', which is no option"),
    ("empty multiple answer", ("type: single", "type: multiple", "answer: a", "answer: []"), 10, "say-hi",
     "non-empty list"),
    ("true-false answer not boolean", ("answer: true", "answer: maybe"), 18, "leave-politely", "`true` or `false`"),
    ("duplicate id", ("id: leave-politely", "id: say-hi"), 14, "say-hi", "already used on line 3"),
    ("unknown field", ("    prompt: At a", "    promt: typo\n    prompt: At a"), 6, "say-hi", "unknown field 'promt'"),
    ("undeclared objective", ("objective: greet", "objective: flirt"), 3, "say-hi", "'flirt' is not declared"),
    ("option without feedback", ("      b: Asking for a favour first puts people off.\n", ""), 11, "say-hi",
     "option 'b' has no feedback"),
    ("feedback for no option", ("      b: Asking", "      c: Extra.\n      b: Asking"), 13, "say-hi",
     "feedback for 'c' names no option"),
    ("missing true-false feedback", ("      false: You may.\n", ""), 19, "leave-politely",
     "option 'false' has no feedback"),
    ("unknown type", ("type: true-false", "type: essay"), 15, "leave-politely", "`type:` must be one of"),
    ("empty prompt", ("prompt: You may end a conversation politely.", "prompt: ''"), 17, "leave-politely",
     "must be non-empty text"),
    ("duplicate key", ("    answer: a\n", "    answer: a\n    answer: b\n"), 11, "", "appears twice"),
    ("direction control in text", ("A friendly open question.", "A friendly \u202eopen question."), 12, "say-hi",
     "text-direction control"),
    ("options on a true-false question", ("    answer: true\n", "    answer: true\n    options: {a: x, b: y}\n"),
     19, "leave-politely", "has no `options:`"),
    ("a question as plain text", ("questions:\n", "questions:\n  - Just a line of text\n"), 3, "",
     "each question must be a mapping starting with `- id:`"),
]


@pytest.mark.parametrize("name,edits,line,qid,words", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_bank_names_file_line_question_and_fix(tmp_path, name, edits, line, qid, words):
    bank = BANK
    for old, new in zip(edits[::2], edits[1::2]):
        assert old in bank, old
        bank = bank.replace(old, new, 1)
    problems = problems_for(tmp_path, bank=bank)
    where = f"quizzes/demo.yml:{line}: " + (f"{qid}: " if qid else "")
    matching = [p for p in problems if p.startswith(where) and words in p]
    assert matching, f"expected a problem starting {where!r} containing {words!r}, got {problems}"


def test_yaml_syntax_error_names_the_line(tmp_path):
    problems = problems_for(tmp_path, bank=BANK.replace("prompt: At a meetup, what", "prompt: [At a meetup, what"))
    assert len(problems) == 1 and re.match(r"quizzes/demo\.yml:\d+: the YAML does not parse", problems[0])


def test_tab_indentation_is_named_as_such(tmp_path):
    problems = problems_for(tmp_path, bank=BANK.replace("    answer: a\n", "\tanswer: a\n"))
    assert problems[0].startswith("quizzes/demo.yml:10: ") and "tab" in problems[0] and "spaces" in problems[0]


def test_an_empty_file_says_how_to_start(tmp_path):
    assert problems_for(tmp_path, bank="") == [
        "quizzes/demo.yml:1: the file is empty; start it with `lesson: demo` and a `questions:` list"]


def test_a_bank_without_a_lesson(tmp_path):
    project = make_project(tmp_path)
    (project / "quizzes/orphan.yml").write_text(BANK.replace("lesson: demo", "lesson: orphan"))
    with pytest.raises(CourseError) as caught:
        load(project)
    assert [str(p) for p in caught.value.problems] == [
        "quizzes/orphan.yml:1: no lesson docs/lessons/orphan.md for this bank; "
        "rename the file to match a lesson, or write the lesson"]


def test_a_lesson_without_a_bank(tmp_path):
    problems = problems_for(tmp_path, bank=None)
    assert problems == ["docs/lessons/demo.md:1: the lesson has no quiz bank; create quizzes/demo.yml "
                        "starting with `lesson: demo`"]


def test_an_objective_no_question_checks(tmp_path):
    problems = problems_for(tmp_path, lesson=LESSON.replace("  leave:", "  listen: Listen well.\n  leave:"))
    assert problems == ["quizzes/demo.yml:2: no question checks objective 'listen' of docs/lessons/demo.md; "
                        "add a question with `objective: listen`"]


def test_every_problem_is_reported_in_one_run(tmp_path):
    bank = BANK.replace("answer: a", "answer: z").replace("objective: leave", "objective: nope").replace(
        "    prompt: You may", "    colour: red\n    prompt: You may")
    problems = problems_for(tmp_path, bank=bank)
    assert len(problems) >= 4, problems  # wrong answer, undeclared objective, unknown field, unchecked objective


def test_the_bank_names_its_own_lesson(tmp_path):
    problems = problems_for(tmp_path, bank=BANK.replace("lesson: demo", "lesson: other"))
    assert problems == ["quizzes/demo.yml:1: `lesson:` must be 'demo', the file's name without .yml (found 'other')"]


@pytest.mark.parametrize("change,line,words", [
    (("## Steps\n", "## Stpes\n"), 21, "not a lesson section: '## Stpes'"),
    (("## Check for understanding\n{{ quiz() }}\n", ""), 15, "missing: '## Check for understanding'"),
    (("### Step 1: Say hello", "### Say hello"), 21, "'### Step 1: ...'"),
    (("### Challenge\n", ""), 26, "'### Guided practice', '### Independent practice', '### Challenge'"),
    (("{{ objectives() }}", "Typed by hand."), 17, "must contain `{{ objectives() }}`"),
    (("  lesson: 10", "  lesson: ten"), 5, "`time.lesson` must be a whole number"),
    (("objectives:", "objectivs:"), 8, "unknown front-matter field 'objectivs'"),
])
def test_a_broken_lesson_names_file_and_line(tmp_path, change, line, words):
    problems = problems_for(tmp_path, lesson=LESSON.replace(*change, 1))
    assert any(p.startswith(f"docs/lessons/demo.md:{line}: ") and words in p for p in problems), problems


# Exact messages for the checks whose wording authors follow.
def test_an_answer_naming_no_option_gives_the_options_there_are(tmp_path):
    problems = problems_for(tmp_path, bank=BANK.replace("answer: a", "answer: z"))
    assert "quizzes/demo.yml:10: say-hi: `answer: z` names no option; use one of: a, b" in problems


def test_a_multiple_answer_listing_an_option_twice(tmp_path):
    bank = BANK.replace("type: single", "type: multiple").replace("answer: a", "answer: [a, b, a]")
    problems = problems_for(tmp_path, bank=bank)
    assert "quizzes/demo.yml:10: say-hi: `answer:` lists the same option twice; list each once" in problems


@pytest.mark.parametrize("field,old,line", [("prompt", "At a meetup, what do you say first?", 6),
                                            ("options.b", "Can you get me a job?", 9),
                                            ("feedback.a", "A friendly open question.", 12)])
def test_text_over_the_limit(tmp_path, field, old, line):
    limit = 5000  # characters in any one text of a bank; written here, not read from the code under test
    def text(length):  # words, so that a long option is not also one giant word to the item-writing check
        return ("words " * length)[:length]
    at_limit = BANK.replace(old, text(limit))
    assert load(make_project(tmp_path / "at", bank=at_limit)).banks["demo"].questions[0].id == "say-hi"
    problems = problems_for(tmp_path / "over", bank=BANK.replace(old, text(limit + 1)))
    assert f"quizzes/demo.yml:{line}: say-hi: `{field}:` is {limit + 1} characters long; keep it under {limit}" in problems
