"""The item-writing check: flawed questions are named by id, line and fix; the course's banks pass;
naive strategies score no better than chance on the whole bank."""
import shutil
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT
from macros import bank, itemwriting
from macros.problems import Problem

PATH = "quizzes/held-out.yml"


def findings(yaml_text):
    """Every problem of each question of one bank, as 'line: id: message' strings, and the notes."""
    parsed, problems = bank.parse(textwrap.dedent(yaml_text), PATH)
    notes = []
    for q in parsed.questions if parsed else []:
        found, allowed = itemwriting.check_question(q, PATH)
        problems, notes = problems + found, notes + allowed
    return [str(p).removeprefix(PATH + ":") for p in problems], [str(n) for n in notes]


def single(qid, options, answer, prompt="Priya has just met someone at a meetup. What should she do next?", extra=""):
    lines = "\n".join(f"      {key}: {text}" for key, text in options.items())
    feedback = "\n".join(f"      {key}: Because." for key in options)
    return (f"  - id: {qid}\n    type: single\n    objective: o\n    prompt: {prompt}\n    options:\n{lines}\n"
            f"    answer: {answer}\n    feedback:\n{feedback}\n{extra}")


def bank_of(*questions):
    return "lesson: held-out\nquestions:\n" + "".join(questions)


@pytest.mark.parametrize("option", ["All of the above.", "None of the above", "all of these", "Both of the above",
                                    "Neither of these answers", "Both a and b.", "Options a and c", "a or b"])
def test_all_or_none_of_the_above_in_any_wording(option):
    problems, _ = findings(bank_of(single("pointer", {"a": "Send a thank-you note.", "b": "Ask for a referral.",
                                                      "c": option}, "a")))
    assert problems == [f"10: pointer: option c ('{option}') points at other options; \"all/none of the above\" and "
                        "\"a and b\" reward guessing and break when options are shuffled; write a real option instead"]


def test_options_that_mention_both_people_are_real_options():
    problems, _ = findings(bank_of(single("intro", {"a": "Email both of them at once and introduce them.",
                                                    "b": "Ask each of them first whether they want the introduction.",
                                                    "c": "Send each of them your CV."}, "b")))
    assert problems == []


def test_two_options_that_say_the_same():
    problems, _ = findings(bank_of(single("twins", {"a": "Send a short thank-you note.", "b": "Ask for a referral.",
                                                    "c": "send a  SHORT thank you note!"}, "b")))
    assert problems == ["10: twins: options a and c say the same thing; make each option a different answer"]


def test_a_key_much_longer_than_every_distractor():
    key = "Thank them, mention one thing you talked about, and suggest a short follow-up chat next month."
    problems, _ = findings(bank_of(single("long", {"a": "Ask for a job.", "b": key, "c": "Say nothing at all."}, "b")))
    assert problems == ["11: long: the key is at least 1.5 times as long as the longest distractor (17 words against "
                        "4), which gives it away; shorten the key or make the distractors as long and specific"]


def test_a_key_just_under_the_ratio_passes():
    # 5 words against 4: the key may be a little longer, as real answers sometimes are.
    problems, _ = findings(bank_of(single("fine", {"a": "Ask them for a job.", "b": "Thank them for their time.",
                                                   "c": "Say nothing at all."}, "b")))
    assert problems == []


def test_a_key_exactly_at_the_ratio_is_reported():
    # 6 words against 4 is 1.5 times: the limit itself already gives the key away.
    problems, _ = findings(bank_of(single("edge", {"a": "Ask for a job.", "b": "Thank them warmly for their time.",
                                                   "c": "Say nothing at all."}, "b")))
    assert problems == ["11: edge: the key is at least 1.5 times as long as the longest distractor (6 words against "
                        "4), which gives it away; shorten the key or make the distractors as long and specific"]


@pytest.mark.parametrize("prompt, word", [("Which of these is not a good first message?", "not"),
                                         ("Which step would you take, except for one?", "except"),
                                         ("Which habit should you never skip?", "never"),
                                         ("Which of these helps least?", "least"),
                                         ("Which of these shouldn't you do?", "shouldn't")])
def test_an_unemphasised_negative_stem(prompt, word):
    problems, _ = findings(bank_of(single("negative", {"a": "Send a short note.", "b": "Ask for a referral."}, "a",
                                          prompt=prompt)))
    assert problems == [f"6: negative: the question turns on the negative '{word}', which readers miss; ask it "
                        f"positively, or emphasise it as **{word.upper()}**"]


@pytest.mark.parametrize("prompt", ["Which of these is **not** a good first message?",
                                    "Which of these is NOT a good first message?",
                                    "Sam doesn't know anyone there. He went anyway. What should he do first?",
                                    "How often should you take part, at least?"])
def test_emphasised_negatives_and_negatives_outside_the_question_pass(prompt):
    problems, _ = findings(bank_of(single("fine", {"a": "Send a short note.", "b": "Ask for a referral."}, "a",
                                          prompt=prompt)))
    assert problems == []


def test_an_allowed_exception_is_shown_with_its_reason_and_not_reported():
    key = "Thank them, mention one thing you talked about, and suggest a short follow-up chat next month."
    reason = "The key must name all three steps of a follow-up."
    problems, notes = findings(bank_of(single("long", {"a": "Ask for a job.", "b": key, "c": "Say nothing."}, "b",
                                              extra=f"    allow:\n      long-key: {reason}\n")))
    assert problems == []
    assert notes == [f"{PATH}:16: long: allowed exception (long-key): {reason}"]


def test_an_allow_that_is_not_needed_unknown_or_without_reason_is_a_problem():
    options = {"a": "Send a short note.", "b": "Ask for a referral."}
    problems, _ = findings(bank_of(single("spare", options, "a", extra="    allow:\n      long-key: Just in case.\n"),
                                   single("unknown", options, "a", extra="    allow:\n      longest: Because.\n"),
                                   single("empty", options, "a", extra="    allow:\n      long-key: ''\n")))
    assert problems == [
        "28: unknown: `allow:` names 'longest', which is no rule that one question can waive; use one of: "
        "all-or-none, same-options, long-key, negative-stem",
        "41: empty: `allow.long-key:` must be non-empty text (found str); quote it if YAML reads it as something else",
        "14: spare: `allow: long-key` is not needed: the question passes that rule; remove it",
    ]


def test_an_allow_that_is_no_mapping_and_each_wrong_rule_on_its_own_line():
    options = {"a": "Send a short note.", "b": "Ask for a referral."}
    problems, _ = findings(bank_of(
        single("text", options, "a", extra="    allow: because\n"),
        single("none", options, "a", extra="    allow: {}\n"),
        single("second", options, "a", extra="    allow:\n      long-key: Fine.\n      longest: Because.\n"
                                              "      negative-stem: ''\n"),
        single("typo", options, "a", extra="    colour: red\n")))
    mapping = ("`allow:` must map an item-writing rule to your reason, like "
               "`allow: {long-key: The key must name all three steps.}`")
    assert problems == [
        f"14: text: {mapping}",
        f"26: none: {mapping}",
        "40: second: `allow:` names 'longest', which is no rule that one question can waive; use one of: "
        "all-or-none, same-options, long-key, negative-stem",
        "41: second: `allow.negative-stem:` must be non-empty text (found str); quote it if YAML reads it as something else",
        "53: typo: unknown field 'colour' in a question; the fields are: id, type, objective, prompt, options, answer, "
        "feedback, explanation, allow",
    ]

def questions_of(*specs):
    """Questions made from (type, answer, number of options) for the spread rules."""
    made = []
    for number, (qtype, answer, count) in enumerate(specs):
        options = {k: f"Option {k} of question {number} with some words." for k in "abcdef"[:count]}
        made.append(bank.Question(id=f"q-{number}", type=qtype, objective="o", prompt="What now?", answer=answer,
                                  options={} if qtype == "true-false" else options))
    return made


def test_keys_piled_on_one_position():
    questions = questions_of(*[("single", "b", 4)] * 3, ("single", "a", 4), ("single", "c", 4))
    assert [m for m, _ in itemwriting.spread_findings(questions, "this bank")] == [
        "in this bank, 3 of 5 single-choice keys are in position b (q-0, q-1, q-2); at most 40% may share a "
        "position, so move some keys to other options"]
    assert itemwriting.spread_findings(questions_of(("single", "b", 4), ("single", "b", 4), ("single", "a", 4),
                                                    ("single", "c", 4), ("single", "d", 4)), "x") == []


def test_true_false_outside_35_to_65_percent():
    falses = questions_of(*[("true-false", False, 0)] * 4, ("true-false", True, 0))
    assert [m for m, _ in itemwriting.spread_findings(falses, "the course")] == [
        "in the course, 1 of 5 true-false statements are true; keep between 35% and 65% true, so rewrite some false "
        "statements the other way round"]
    balanced = questions_of(*[("true-false", False, 0)] * 3, *[("true-false", True, 0)] * 2)
    assert itemwriting.spread_findings(balanced, "the course") == []


def test_first_option_keyed_in_most_multiple_choice_and_one_number_of_keys():
    questions = questions_of(*[("multiple", ["a", "b"], 4)] * 4)
    assert [m for m, _ in itemwriting.spread_findings(questions, "this bank")] == [
        "in this bank, 4 of 4 multiple-choice questions key their first option (q-0, q-1, q-2, q-3); at most 75% "
        "may, so make the first option wrong in some",
        "in this bank, every multiple-choice question has 2 keys; vary how many options are right (one, some, all), "
        "or the count gives the answer away"]
    varied = questions_of(("multiple", ["a"], 4), ("multiple", ["a", "b", "c"], 4), ("multiple", ["b", "d"], 4),
                          ("multiple", ["a", "b", "c", "d"], 4))
    assert itemwriting.spread_findings(varied, "this bank") == []


def test_the_course_check_names_the_bank_that_holds_most_of_a_pattern():
    piled = bank.Bank(lesson="one", path="quizzes/one.yml", questions=questions_of(*[("single", "b", 4)] * 4), line=3)
    other = bank.Bank(lesson="two", path="quizzes/two.yml",
                      questions=questions_of(("single", "a", 4), ("single", "c", 4)), line=2)
    problems = [str(p) for p in itemwriting.check_course([other, piled])]
    assert problems[0].startswith("quizzes/one.yml:3: in the course, 4 of 6 single-choice keys are in position b")


def test_pick_the_longest_beating_chance_is_reported_for_the_course():
    questions = questions_of(*[("single", "a", 3)] * 3)
    for q in questions:
        q.options["a"] = "The one option here that is longer than all of the others by far."
    problems = [str(p) for p in itemwriting.check_course([bank.Bank("one", "quizzes/one.yml", questions, 3)])]
    assert "quizzes/one.yml:3: across the course the key is the longest option in 100% of single-choice questions, " \
           "against 33% by chance, so \"pick the longest\" beats guessing; make distractors as long as the key, and " \
           "some keys the shortest option" in problems


def test_the_course_banks_pass(course):
    # `course` loads through the full check: a finding would have raised CourseError.
    assert sum(len(b.questions) for b in course.banks.values()) > 100


def test_naive_strategies_score_at_chance_on_the_whole_bank(course):
    questions = [q for b in course.banks.values() for q in b.questions]
    rows = itemwriting.naive_scores(questions)
    assert {name for name, *_ in rows} >= {"always the longest option", "always option a", "always option b",
                                           "always true", "always false", "tick every option"}
    for name, count, right, chance in rows:
        assert right - chance <= 0.10, f"{name} scores {right:.0%} on {count} questions against {chance:.0%} by chance"


def add_allowed_exception(path):
    """Append to the bank at path a question with a negative stem and an `allow:` note for it; returns the note."""
    parsed, _ = bank.parse(path.read_text(encoding="utf-8"), "quizzes/in-person.yml")
    used = itemwriting._key_positions(parsed.questions)
    letter = min("abcd", key=lambda k: len(used.get(k, [])))  # the least used position keeps the spread fine
    reason = "Kept on purpose: the stem quotes a rule."
    with path.open("a", encoding="utf-8") as bank_file:
        bank_file.write(single("quoted-rule", {k: f"Option {k} of this question, four words." for k in "abcd"}, letter,
                               prompt="Which of these would you not do at a meetup?",
                               extra=f"    allow:\n      negative-stem: '{reason}'\n").replace(
                                   "objective: o", f"objective: {parsed.questions[0].objective}"))
    return reason


def test_the_check_command_shows_allowed_exceptions(tmp_path):
    shutil.copytree(ROOT, tmp_path / "c", ignore=shutil.ignore_patterns(".venv", "node_modules", "site*", ".git"))
    path = tmp_path / "c/quizzes/in-person.yml"
    reason = add_allowed_exception(path)
    result = subprocess.run([sys.executable, "-m", "macros.check"], cwd=tmp_path / "c", capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"quizzes/in-person.yml:{len(path.read_text().splitlines()) - 1}: quoted-rule: allowed exception " \
           f"(negative-stem): {reason}" in result.stdout.splitlines()


def test_a_question_that_is_no_mapping_and_an_objective_the_lesson_does_not_declare():
    options = {"a": "Send a short note.", "b": "Ask for a referral."}
    parsed, problems = bank.parse(bank_of(single("one", options, "a")) + "  - just a sentence\n", PATH)
    # A plain entry is reported on its own line.
    assert problems == [Problem(PATH, 14, "each question must be a mapping starting with `- id:`")]
    parsed, _ = bank.parse(bank_of(single("one", options, "a")), PATH)
    assert [str(p) for p in bank.check_against_lesson(parsed, {"greet": "G", "leave": "L"}, "docs/lessons/held-out.md")][0] == (
        f"{PATH}:3: one: objective 'o' is not declared in docs/lessons/held-out.md (declared: greet, leave); use one of "
        "those or add it to the lesson's front matter")
    assert [str(p) for p in bank.check_against_lesson(parsed, {}, "docs/lessons/held-out.md")] == [
        f"{PATH}:3: one: objective 'o' is not declared in docs/lessons/held-out.md (declared: none); use one of "
        "those or add it to the lesson's front matter"]


def test_each_question_mistake_is_named_exactly_on_its_line():
    bank_text = bank_of(
        "  - id: no-single\n    type: single\n    objective: o\n    prompt: P?\n    options:\n      a: A\n      b: B\n"
        "    feedback:\n      a: F\n      b: F\n",
        "  - id: no-multiple\n    type: multiple\n    objective: o\n    prompt: P?\n    options:\n      a: A\n      b: B\n"
        "    feedback:\n      a: F\n      b: F\n",
        "  - id: no-tf\n    type: true-false\n    objective: o\n    prompt: P?\n    feedback:\n      true: F\n      false: F\n",
        "  - id: no-open\n    type: open\n    objective: o\n    prompt: P?\n",
        "  - id: odd-type\n    type: essay\n    objective: o\n    prompt: P?\n",
        "  - id: one-option\n    type: single\n    objective: o\n    prompt: P?\n    options:\n      a: A\n    answer: a\n"
        "    feedback:\n      a: F\n",
        "  - id: bad-key\n    type: single\n    objective: o\n    prompt: P?\n    options:\n      a: A\n      B!: B\n    answer: a\n"
        "    feedback:\n      a: F\n      B!: F\n",
        "  - id: hidden\n    type: single\n    objective: o\n    prompt: \"P\\u202e?\"\n    explanation: \"E\\u202e\"\n"
        "    options:\n      a: A\n      b: B\n    answer: a\n    feedback:\n      a: F\n      b: F\n",
        "  - type: open\n    objective: o\n    prompt: P?\n    answer: A\n",
        "  - type: open\n    id: 7\n    objective: o\n    prompt: P?\n    answer: A\n",
        "  - id: no-prompt\n    type: open\n    answer: A\n")
    problems, _ = findings(bank_text)
    assert [p for p in problems if "names no option" not in p] == [
        "3: no-single: `answer:` is missing (the answer key); add one option key, like `answer: b`",
        "13: no-multiple: `answer:` is missing (the answer key); add a list of option keys, like `answer: [a, c]`",
        "23: no-tf: `answer:` is missing (the answer key); add `answer: true` or `answer: false`",
        "30: no-open: `answer:` is missing (the answer key); add a model answer or the key points",
        "35: odd-type: `type:` must be one of single, multiple, true-false, open (found 'essay')",
        "34: odd-type: `answer:` is missing (the answer key); add one",
        "42: one-option: `options:` must map at least two keys (a, b, ...) to their text",
        "53: bad-key: option key 'B!' must be a short lowercase word or letter like `a`",
        "61: hidden: `prompt:` contains an invisible text-direction control character; delete it",
        "62: hidden: `explanation:` contains an invisible text-direction control character; delete it",
        "70: (no id): `id:` is missing or not lowercase words joined by hyphens (like `brief-is-normal`); add one",
        "75: (no id): `id:` is missing or not lowercase words joined by hyphens (like `brief-is-normal`); add one",
        "79: no-prompt: `objective:` is missing; add it",
        "79: no-prompt: `prompt:` is missing; add it",
    ]


def test_answer_feedback_and_file_mistakes_are_named_exactly():
    problems, _ = findings(bank_of(
        "  - id: two-keys\n    type: single\n    objective: o\n    prompt: P?\n    options:\n      a: A\n      b: B\n"
        "    answer: [a, b]\n    feedback:\n      a: F\n      b: F\n",
        "  - id: not-a-list\n    type: multiple\n    objective: o\n    prompt: P?\n    options:\n      a: A\n      b: B\n"
        "    answer: a\n    feedback:\n      a: F\n      b: F\n",
        "  - id: open-feedback\n    type: open\n    objective: o\n    prompt: P?\n    answer: A\n    feedback:\n      a: F\n",
        "  - id: no-feedback\n    type: single\n    objective: o\n    prompt: P?\n    options:\n      a: A\n      b: B\n    answer: a\n",
        "  - id: tf-no-feedback\n    type: true-false\n    objective: o\n    prompt: P?\n    answer: true\n",
        "  - id: hidden-feedback\n    type: single\n    objective: o\n    prompt: P?\n    options:\n      a: A\n      b: B\n"
        "    answer: a\n    feedback:\n      a: F\n      b: \"F\\u202e\"\n"))
    assert problems == [
        "10: two-keys: a single-choice question has one answer; write `answer: b`, or use `type: multiple`",
        "21: not-a-list: a multiple-choice answer must be a non-empty list of option keys, like `answer: [a, c]`",
        "30: open-feedback: an open question has no per-option `feedback:`; put guidance in `answer:` or `explanation:`",
        "32: no-feedback: `feedback:` is missing; give feedback for each option key, saying why it is right or wrong",
        "40: tf-no-feedback: `feedback:` is missing; give feedback for `true:` and `false:`, saying why it is right or wrong",
        "55: hidden-feedback: `feedback.b:` contains an invisible text-direction control character; delete it",
    ]
    assert bank.parse("- a\n- b\n", "quizzes/x.yml") == (None, [Problem(
        "quizzes/x.yml", 1, "the file must be a mapping; start it with `lesson: x` and a `questions:` list")])
    assert bank.parse("questions: []\ncolour: red\nlesson: other\n", "quizzes/x.yml")[1] == [
        Problem("quizzes/x.yml", 2, "unknown field 'colour' at the top of a bank; the fields are: lesson, questions"),
        Problem("quizzes/x.yml", 3, "`lesson:` must be 'x', the file's name without .yml (found 'other')"),
        Problem("quizzes/x.yml", 1, "`questions:` must be a non-empty list of questions, each starting with `- id:`")]
    assert [bank.slug_of(path) for path in ("quizzes/a.b.yml", "x/quizzes/in-person.yml", "in-person.yml", "a/b/c.yml")] == [
        "a.b", "in-person", "in-person", "c"]
