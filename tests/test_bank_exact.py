"""One quiz bank file read in this process (macros/bank.py): what a good bank gives the course, and every
problem an author is shown, exact, with its file, line and question."""
import textwrap

import pytest

from macros import bank
from macros.bank import Bank, Question, parse, slug_of
from macros.problems import Problem

PATH = "quizzes/demo.yml"
FIELDS = "id, type, objective, prompt, options, answer, feedback, explanation, allow"
QUOTE = "quote it if YAML reads it as something else"


def bank_of(*questions, head="lesson: demo\nquestions:\n"):
    """A bank file: line 1 `lesson:`, line 2 `questions:`, the first question from line 3."""
    return head + "".join(textwrap.indent(textwrap.dedent(q), "  ") for q in questions)


def problems_of(text, path=PATH):
    return [str(p) for p in parse(text, path)[1]]


SINGLE = """\
    - id: say-hi
      type: single
      objective: greet
      prompt: What do you say first?
      options:
        a: Hello.
        b: A job?
      answer: a
      feedback:
        a: Friendly.
        b: Too soon.
      explanation: Start small.
      allow:
        long-key: The key is long on purpose.
    """
MULTIPLE = """\
    - id: pick-two
      type: multiple
      objective: greet
      prompt: Which two?
      options:
        a: One.
        b: Two.
        c: Three.
      answer: [a, c]
      feedback: {a: Yes., b: No., c: Yes.}
    """
TRUE_FALSE = """\
    - id: polite
      type: true-false
      objective: leave
      prompt: You may leave politely.
      answer: true
      feedback:
        true: Yes.
        false: You may.
    """
OPEN = """\
    - id: why
      type: open
      objective: leave
      prompt: Say why.
      answer: Because.
    """


def test_a_good_bank_gives_every_question_with_the_lines_of_its_parts():
    found, problems = parse(bank_of(SINGLE, MULTIPLE, TRUE_FALSE, OPEN), PATH)
    assert problems == []
    assert found == Bank(lesson="demo", path=PATH, line=2, questions=[
        Question(id="say-hi", type="single", objective="greet", prompt="What do you say first?", answer="a",
                 options={"a": "Hello.", "b": "A job?"}, feedback={"a": "Friendly.", "b": "Too soon."},
                 explanation="Start small.", line=3, allow={"long-key": "The key is long on purpose."},
                 lines={"prompt": 6, "answer": 10, "allow": 15, "option a": 8, "option b": 9}),
        Question(id="pick-two", type="multiple", objective="greet", prompt="Which two?", answer=["a", "c"],
                 options={"a": "One.", "b": "Two.", "c": "Three."}, feedback={"a": "Yes.", "b": "No.", "c": "Yes."},
                 explanation="", line=17, allow={},
                 lines={"prompt": 20, "answer": 25, "allow": 17, "option a": 22, "option b": 23, "option c": 24}),
        Question(id="polite", type="true-false", objective="leave", prompt="You may leave politely.", answer=True,
                 options={}, feedback={True: "Yes.", False: "You may."}, explanation="", line=27, allow={},
                 lines={"prompt": 30, "answer": 31, "allow": 27}),
        Question(id="why", type="open", objective="leave", prompt="Say why.", answer="Because.", options={},
                 feedback={}, explanation="", line=35, allow={}, lines={"prompt": 38, "answer": 39, "allow": 35}),
    ])
    # Plain dicts, not the parser's own mappings that remember lines.
    for question in found.questions:
        assert type(question.options) is dict and type(question.feedback) is dict and type(question.allow) is dict
    assert [q.keyed for q in found.questions] == [{"a"}, {"a", "c"}, {True}, set()]
    assert [q.choices for q in found.questions] == [[("a", "Hello."), ("b", "A job?")],
                                                    [("a", "One."), ("b", "Two."), ("c", "Three.")],
                                                    [(True, "True"), (False, "False")], []]


def test_the_slug_is_the_file_name_without_its_folders_and_extension():
    assert slug_of("quizzes/in-person.yml") == "in-person"
    assert slug_of("a/b/c/in-person.yml") == "in-person"
    assert slug_of("in.person.yml") == "in.person"
    assert slug_of("in-person") == "in-person"


# (bank text, the exact problems in the order they are found)
FILE_PROBLEMS = {
    "empty": ("", [f"{PATH}:1: the file is empty; start it with `lesson: demo` and a `questions:` list"]),
    "a list": ("- id: a\n", [f"{PATH}:1: the file must be a mapping; start it with `lesson: demo` and a `questions:` list"]),
    "yaml error": ("lesson: demo\nquestions: [\n", [
        f"{PATH}:3: the YAML does not parse (did not find expected node content); check the indentation and quote "
        "text that contains ': ' or starts with a special character"]),
    "unknown field, wrong lesson, no questions": ("colour: red\nlesson: other\n", [
        f"{PATH}:1: unknown field 'colour' at the top of a bank; the fields are: lesson, questions",
        f"{PATH}:2: `lesson:` must be 'demo', the file's name without .yml (found 'other')",
        f"{PATH}:1: `questions:` must be a non-empty list of questions, each starting with `- id:`"]),
    "no lesson, empty questions": ("colour: red\nquestions: []\n", [
        f"{PATH}:1: unknown field 'colour' at the top of a bank; the fields are: lesson, questions",
        f"{PATH}:1: `lesson:` must be 'demo', the file's name without .yml (found None)",
        f"{PATH}:2: `questions:` must be a non-empty list of questions, each starting with `- id:`"]),
    "questions as a mapping": ("lesson: demo\nquestions:\n  a: b\n", [
        f"{PATH}:2: `questions:` must be a non-empty list of questions, each starting with `- id:`"]),
    "a question as text, then a repeated id": (bank_of("- Just a line\n", OPEN, OPEN.replace("Because.", "So.")), [
        f"{PATH}:3: each question must be a mapping starting with `- id:`",
        f"{PATH}:9: why: the id is already used on line 4; give each question its own id (ids are never reused)"]),
}


@pytest.mark.parametrize("name", FILE_PROBLEMS)
def test_problems_of_the_file_as_a_whole(name):
    text, expected = FILE_PROBLEMS[name]
    assert problems_of(text) == expected


def test_the_first_of_two_questions_with_one_id_is_kept_and_the_next_read_on():
    found, problems = parse(bank_of(OPEN, SINGLE.replace("say-hi", "why"), TRUE_FALSE), PATH)
    assert [(q.id, q.type, q.line) for q in found.questions] == [("why", "open", 3), ("polite", "true-false", 22)]
    assert [str(p) for p in problems] == [
        f"{PATH}:8: why: the id is already used on line 3; give each question its own id (ids are never reused)"]


def test_objectives_the_lesson_does_not_declare_or_no_question_checks():
    found, _ = parse(bank_of(SINGLE, OPEN, TRUE_FALSE), PATH)
    assert bank.check_against_lesson(found, {"greet": "Greet.", "leave": "Leave."}, "docs/lessons/demo.md") == []
    assert bank.check_against_lesson(found, {"greet": "Greet.", "listen": "Listen.", "ask": "Ask."},
                                     "docs/lessons/demo.md") == [
        Problem(PATH, 17, "objective 'leave' is not declared in docs/lessons/demo.md (declared: greet, listen, ask); "
                "use one of those or add it to the lesson's front matter", "why"),
        Problem(PATH, 22, "objective 'leave' is not declared in docs/lessons/demo.md (declared: greet, listen, ask); "
                "use one of those or add it to the lesson's front matter", "polite"),
        Problem(PATH, 2, "no question checks objective 'listen' of docs/lessons/demo.md; "
                "add a question with `objective: listen`"),
        Problem(PATH, 2, "no question checks objective 'ask' of docs/lessons/demo.md; "
                "add a question with `objective: ask`")]
    found.line = 7  # the line of `questions:`, wherever it is
    assert bank.check_against_lesson(found, {}, "docs/lessons/x.md") == [
        Problem(PATH, 3, "objective 'greet' is not declared in docs/lessons/x.md (declared: none); "
                "use one of those or add it to the lesson's front matter", "say-hi"),
        Problem(PATH, 17, "objective 'leave' is not declared in docs/lessons/x.md (declared: none); "
                "use one of those or add it to the lesson's front matter", "why"),
        Problem(PATH, 22, "objective 'leave' is not declared in docs/lessons/x.md (declared: none); "
                "use one of those or add it to the lesson's front matter", "polite")]
    found.questions[0].objective = "ask"
    assert bank.check_against_lesson(found, {"greet": "Greet.", "leave": "Leave."}, "docs/lessons/x.md")[-1] == Problem(
        PATH, 7, "no question checks objective 'greet' of docs/lessons/x.md; add a question with `objective: greet`")


def test_a_problem_is_a_problem_object_with_the_question_apart():
    assert parse(bank_of(OPEN.replace("answer: Because.", "answer: ''")), PATH)[1] == [Problem(
        PATH, 7, f"`answer:` must be non-empty text (found str); {QUOTE}", "why")]


# (the question's text from line 3 of the file, the exact problems in the order they are found)
QUESTION_PROBLEMS = {
    "no id, unknown field": ("""\
        - type: open
          objective: leave
          prompt: Say why.
          answer: Because.
          colour: red
        """, [f"{PATH}:3: (no id): `id:` is missing or not lowercase words joined by hyphens (like `brief-is-normal`); add one",
              f"{PATH}:7: (no id): unknown field 'colour' in a question; the fields are: {FIELDS}"]),
    "an id that is no word, a type that is none": ("""\
        - type: essay
          objective: leave
          id: Why_Not
          prompt: Say why.
          answer: Because.
        """, [f"{PATH}:5: Why_Not: `id:` is missing or not lowercase words joined by hyphens (like `brief-is-normal`); add one",
              f"{PATH}:3: Why_Not: `type:` must be one of single, multiple, true-false, open (found 'essay')"]),
    "a number for an id, no type, objective or prompt": ("""\
        - id: 12
          answer: x
        """, [f"{PATH}:3: (no id): `id:` is missing or not lowercase words joined by hyphens (like `brief-is-normal`); add one",
              f"{PATH}:3: (no id): `type:` must be one of single, multiple, true-false, open (found None)",
              f"{PATH}:3: (no id): `objective:` is missing; add it",
              f"{PATH}:3: (no id): `prompt:` is missing; add it"]),
    "texts that are empty, a number, bidirectional, too long": ("""\
        - id: why
          type: open
          objective: 12
          prompt: "  "
          explanation: "a\u202eb"
          answer: Because.
        """, [f"{PATH}:5: why: `objective:` must be non-empty text (found int); {QUOTE}",
              f"{PATH}:6: why: `prompt:` must be non-empty text (found str); {QUOTE}",
              f"{PATH}:7: why: `explanation:` contains an invisible text-direction control character; delete it"]),
    "an explanation of null": ("""\
        - id: why
          type: open
          objective: leave
          prompt: Say why.
          explanation:
          answer: Because.
        """, [f"{PATH}:7: why: `explanation:` must be non-empty text (found NoneType); {QUOTE}"]),
    "an open answer that is empty": ("""\
        - id: why
          type: open
          objective: leave
          prompt: Say why.
          answer: ''
        """, [f"{PATH}:7: why: `answer:` must be non-empty text (found str); {QUOTE}"]),
    "an open answer that is a list": ("""\
        - id: why
          type: open
          objective: leave
          prompt: Say why.

          answer: [a]
        """, [f"{PATH}:8: why: `answer:` must be non-empty text (found Sequence); {QUOTE}"]),
    "options and feedback on an open question": ("""\
        - id: why
          type: open
          objective: leave
          prompt: Say why.
          options: {a: x, b: y}
          answer: Because.
          feedback: {a: x}
        """, [f"{PATH}:7: why: a open question has no `options:`; remove them or change `type:`",
              f"{PATH}:9: why: an open question has no per-option `feedback:`; put guidance in `answer:` or `explanation:`"]),
    "options on a true-false question": ("""\
        - id: polite
          type: true-false
          objective: leave
          prompt: You may leave politely.
          answer: false
          options: {a: x, b: y}
          feedback: {true: Yes., false: You may.}
        """, [f"{PATH}:8: polite: a true-false question has no `options:`; remove them or change `type:`"]),
    "a true-false answer that is text, feedback missing one and naming another": ("""\
        - id: polite
          type: true-false
          objective: leave
          prompt: You may leave politely.
          answer: yes please
          feedback:
            true: Yes.
            maybe: Hm.
        """, [f"{PATH}:7: polite: a true-false answer must be `true` or `false` (found 'yes please')",
              f"{PATH}:8: polite: option 'false' has no feedback; add `false: ...` under `feedback:` saying why",
              f"{PATH}:10: polite: feedback for 'maybe' names no option; remove it or fix the key"]),
    "true-false feedback missing": ("""\
        - id: polite
          type: true-false
          objective: leave
          prompt: You may leave politely.
          answer: true
        """, [f"{PATH}:3: polite: `feedback:` is missing; give feedback for `true:` and `false:`, saying why it is right or wrong"]),
    "true-false feedback text empty": ("""\
        - id: polite
          type: true-false
          objective: leave
          prompt: You may leave politely.
          answer: true
          feedback:
            true: Yes.
            false: ""
        """, [f"{PATH}:10: polite: `feedback.false:` must be non-empty text (found str); {QUOTE}"]),
    "options that are too few, and no answer": ("""\
        - id: say-hi
          type: single
          objective: greet
          prompt: What first?
          options:
            a: Hello.
          feedback:
            a: Friendly.
        """, [f"{PATH}:7: say-hi: `options:` must map at least two keys (a, b, ...) to their text",
              f"{PATH}:3: say-hi: `answer:` is missing (the answer key); add one option key, like `answer: b`",
              f"{PATH}:10: say-hi: feedback for 'a' names no option; remove it or fix the key"]),
    "options as a list": ("""\
        - id: say-hi
          type: single
          objective: greet
          prompt: What first?
          options: [a, b]
          answer: a
          feedback: {a: x}
        """, [f"{PATH}:7: say-hi: `options:` must map at least two keys (a, b, ...) to their text",
              f"{PATH}:8: say-hi: `answer: a` names no option; use one of: ",
              f"{PATH}:9: say-hi: feedback for 'a' names no option; remove it or fix the key"]),
    "option keys that are no short lowercase word, and an empty option": ("""\
        - id: say-hi
          type: single
          objective: greet
          prompt: What first?
          options:
            a: Hello.
            B: Big.
            1: One.
            abcdefghijklm: Long.
            abcdefghijkl: ""
          answer: a
          feedback: {a: x, B: x, abcdefghijklm: x, abcdefghijkl: x}
        """, [f"{PATH}:9: say-hi: option key 'B' must be a short lowercase word or letter like `a`",
              f"{PATH}:10: say-hi: option key 1 must be a short lowercase word or letter like `a`",
              f"{PATH}:11: say-hi: option key 'abcdefghijklm' must be a short lowercase word or letter like `a`",
              f"{PATH}:12: say-hi: `options.abcdefghijkl:` must be non-empty text (found str); {QUOTE}"]),
    "a single answer that is a list": ("""\
        - id: say-hi
          type: single
          objective: greet
          prompt: What first?
          options: {a: Hello., b: A job?}
          answer: [a]
          feedback: {a: x, b: y}
        """, [f"{PATH}:8: say-hi: a single-choice question has one answer; write `answer: b`, or use `type: multiple`"]),
    "a single answer that is a number": ("""\
        - id: say-hi
          type: single
          objective: greet
          prompt: What first?
          options: {a: Hello., b: A job?, c: Maybe.}
          answer: 1
          feedback: {a: x, b: y, c: z}
        """, [f"{PATH}:8: say-hi: `answer: 1` names no option; use one of: a, b, c"]),
    "single feedback that is a list": ("""\
        - id: say-hi
          type: single
          objective: greet
          prompt: What first?
          options: {a: Hello., b: A job?}
          answer: b
          feedback: [a, b]
        """, [f"{PATH}:9: say-hi: `feedback:` is missing; give feedback for each option key, saying why it is right or wrong"]),
    "a multiple answer that is text, then empty": ("""\
        - id: pick-two
          type: multiple
          objective: greet
          prompt: Which two?
          options: {a: One., b: Two.}
          answer: a
          feedback: {a: x, b: y}
        - id: pick-three
          type: multiple
          objective: greet
          prompt: Which three?
          options: {a: One., b: Two.}
          answer: []
          feedback: {a: x, b: y}
        """, [f"{PATH}:8: pick-two: a multiple-choice answer must be a non-empty list of option keys, like `answer: [a, c]`",
              f"{PATH}:15: pick-three: a multiple-choice answer must be a non-empty list of option keys, like `answer: [a, c]`"]),
    "a multiple answer naming no option, a number, and one twice": ("""\
        - id: pick-two
          type: multiple
          objective: greet
          prompt: Which two?
          options: {a: One., b: Two., c: Three.}
          answer: [a, z, 1, a]
          feedback: {a: x, b: y, c: z}
        """, [f"{PATH}:8: pick-two: `answer:` names 'z', which is no option; use keys from: a, b, c",
              f"{PATH}:8: pick-two: `answer:` names '1', which is no option; use keys from: a, b, c",
              f"{PATH}:8: pick-two: `answer:` lists the same option twice; list each once"]),
    "a multiple answer of 1 and '1' lists no option twice": ("""\
        - id: pick-two
          type: multiple
          objective: greet
          prompt: Which two?
          options: {a: One., b: Two.}
          answer: [1, '1']
          feedback: {a: x, b: y}
        """, [f"{PATH}:8: pick-two: `answer:` names '1', which is no option; use keys from: a, b",
              f"{PATH}:8: pick-two: `answer:` names '1', which is no option; use keys from: a, b"]),
    "no answer, for each type": ("""\
        - id: a-one
          type: multiple
          objective: greet
          prompt: Which?
          options: {a: One., b: Two.}
          feedback: {a: x, b: y}
        - id: a-two
          type: true-false
          objective: greet
          prompt: True?
          feedback: {true: x, false: y}
        - id: a-three
          type: open
          objective: greet
          prompt: Why?
        - id: a-four
          type: essay
          objective: greet
          prompt: Why?
        """, [f"{PATH}:3: a-one: `answer:` is missing (the answer key); add a list of option keys, like `answer: [a, c]`",
              f"{PATH}:9: a-two: `answer:` is missing (the answer key); add `answer: true` or `answer: false`",
              f"{PATH}:14: a-three: `answer:` is missing (the answer key); add a model answer or the key points",
              f"{PATH}:19: a-four: `type:` must be one of single, multiple, true-false, open (found 'essay')",
              f"{PATH}:18: a-four: `answer:` is missing (the answer key); add one"]),
    "a question of no type checks no options, answer or feedback": ("""\
        - id: why
          objective: leave
          prompt: Say why.
          options: 3
          answer: [1]
          feedback: 4
        """, [f"{PATH}:3: why: `type:` must be one of single, multiple, true-false, open (found None)"]),
    "feedback for an option that is missing, empty, or none": ("""\
        - id: say-hi
          type: single
          objective: greet
          prompt: What first?
          options: {a: Hello., b: A job?, c: Maybe.}
          answer: a
          feedback:
            b: " "
            d: Extra.
        """, [f"{PATH}:9: say-hi: option 'a' has no feedback; add `a: ...` under `feedback:` saying why",
              f"{PATH}:10: say-hi: `feedback.b:` must be non-empty text (found str); {QUOTE}",
              f"{PATH}:9: say-hi: option 'c' has no feedback; add `c: ...` under `feedback:` saying why",
              f"{PATH}:11: say-hi: feedback for 'd' names no option; remove it or fix the key"]),
    "allow that is no mapping": ("""\
        - id: why
          type: open
          objective: leave
          prompt: Say why.
          answer: Because.
          allow: long-key
        """, [f"{PATH}:8: why: `allow:` must map an item-writing rule to your reason, like "
              "`allow: {long-key: The key must name all three steps.}`"]),
    "allow that is empty": ("""\
        - id: why
          type: open
          objective: leave
          prompt: Say why.
          answer: Because.
          allow: {}
        """, [f"{PATH}:8: why: `allow:` must map an item-writing rule to your reason, like "
              "`allow: {long-key: The key must name all three steps.}`"]),
    "allow naming no rule, and a rule without a reason": ("""\
        - id: why
          type: open
          objective: leave
          prompt: Say why.
          answer: Because.
          allow:
            negative-stem: ""
            short-key: Why not.
        """, [f"{PATH}:9: why: `allow.negative-stem:` must be non-empty text (found str); {QUOTE}",
              f"{PATH}:10: why: `allow:` names 'short-key', which is no rule that one question can waive; "
              "use one of: all-or-none, same-options, long-key, negative-stem"]),
}


@pytest.mark.parametrize("name", QUESTION_PROBLEMS)
def test_each_problem_of_a_question(name):
    text, expected = QUESTION_PROBLEMS[name]
    assert problems_of(bank_of(text)) == expected


# A missing field has no line of its own: it is reported on the question's first line, wherever a key that
# only looks like it (another case, a null key, the name inside another word) stands.
@pytest.mark.parametrize("lookalike", ["ANSWER", "Answer", "XXanswerXX", "~"])
def test_a_missing_answer_is_on_the_questions_line_whatever_key_looks_like_it(lookalike):
    text = bank_of(f"""\
        - id: say-hi
          type: single
          objective: greet
          prompt: What first?
          options: {{a: Hello., b: A job?}}
          {lookalike}: a
          feedback: {{a: x, b: y}}
        """)
    shown = "None" if lookalike == "~" else lookalike
    assert problems_of(text) == [
        f"{PATH}:8: say-hi: unknown field '{shown}' in a question; the fields are: {FIELDS}",
        f"{PATH}:3: say-hi: `answer:` is missing (the answer key); add one option key, like `answer: b`"]


@pytest.mark.parametrize("lookalike", ["FEEDBACK", "XXfeedbackXX", "~"])
def test_missing_feedback_is_on_the_questions_line_whatever_key_looks_like_it(lookalike):
    text = bank_of(f"""\
        - id: say-hi
          type: single
          objective: greet
          prompt: What first?
          options: {{a: Hello., b: A job?}}
          answer: a
          {lookalike}: {{a: x, b: y}}
        """)
    shown = "None" if lookalike == "~" else lookalike
    assert problems_of(text) == [
        f"{PATH}:9: say-hi: unknown field '{shown}' in a question; the fields are: {FIELDS}",
        f"{PATH}:3: say-hi: `feedback:` is missing; give feedback for each option key, saying why it is right or wrong"]


@pytest.mark.parametrize("key", ["objective", "prompt"])
@pytest.mark.parametrize("lookalike", ["upper", "~"])
def test_a_missing_objective_or_prompt_is_on_the_questions_line(key, lookalike):
    written = key.upper() if lookalike == "upper" else lookalike
    text = bank_of(OPEN.replace(f"  {key}:", f"  {written}:"))
    shown = "None" if lookalike == "~" else written
    assert problems_of(text) == [
        f"{PATH}:{5 if key == 'objective' else 6}: why: unknown field '{shown}' in a question; the fields are: {FIELDS}",
        f"{PATH}:3: why: `{key}:` is missing; add it"]


@pytest.mark.parametrize("field,line", [("prompt", 6), ("explanation", 14), ("options.b", 9), ("feedback.a", 12),
                                        ("allow.long-key", 16)])
def test_text_is_checked_up_to_its_limit(field, line):
    old = {"prompt": "What do you say first?", "explanation": "Start small.", "options.b": "A job?",
           "feedback.a": "Friendly.", "allow.long-key": "The key is long on purpose."}[field]
    limit = 5000  # written here, not read from the code under test
    assert problems_of(bank_of(SINGLE.replace(old, "x" * limit))) == []
    assert problems_of(bank_of(SINGLE.replace(old, "x" * (limit + 1)))) == [
        f"{PATH}:{line}: say-hi: `{field}:` is {limit + 1} characters long; keep it under {limit}"]


@pytest.mark.parametrize("control", ["\u202a", "\u202e", "\u2066", "\u2069"])
def test_every_text_direction_control_is_refused(control):
    assert problems_of(bank_of(SINGLE.replace("Friendly.", f"Friend{control}ly."))) == [
        f"{PATH}:12: say-hi: `feedback.a:` contains an invisible text-direction control character; delete it"]


def test_text_next_to_the_controls_is_fine():
    assert problems_of(bank_of(SINGLE.replace("Friendly.", "Friend\u2065\u206a\u202fly."))) == []


def test_a_question_with_a_problem_is_left_out_and_the_others_kept():
    found, problems = parse(bank_of(OPEN.replace("answer: Because.", "answer: ''"), TRUE_FALSE), PATH)
    assert found is not None and [q.id for q in found.questions] == ["polite"] and len(problems) == 1

