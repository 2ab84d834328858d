"""The item-writing check's numbers, lists and messages compared whole: what each test-wise strategy scores,
which questions each spread finding is about, on which line and in which file each problem is reported."""
import pytest

from macros import itemwriting
from macros.bank import Bank, Question
from macros.problems import Problem


def q(qid, qtype, answer, options=(), prompt="What now?", **fields):
    """A question whose options are given as texts, keyed a, b, c, ... in order."""
    return Question(id=qid, type=qtype, objective="o", prompt=prompt, answer=answer,
                    options=dict(zip("abcdef", options)), **fields)


def test_naive_scores_exactly():
    questions = [
        q("s1", "single", "c", ["x", "y", "the longest one"]),
        q("s2", "single", "a", ["one", "two words"]),
        q("t1", "true-false", True), q("t2", "true-false", False), q("t3", "true-false", False),
        q("m1", "multiple", ["a", "b", "c"], ["A", "B", "C"]),
        q("m2", "multiple", ["a"], ["A", "B"]),
        q("talk", "open", "Model."),
    ]
    single_chance = (1 / 3 + 1 / 2) / 2
    multiple_chance = (1 / 7 + 1 / 3) / 2
    assert itemwriting.naive_scores(questions) == [
        ("always the longest option", 2, 0.5, pytest.approx(single_chance, rel=1e-12)),
        ("always option a", 2, 0.5, pytest.approx(single_chance, rel=1e-12)),
        ("always option b", 2, 0.0, pytest.approx(single_chance, rel=1e-12)),
        ("always option c", 2, 0.5, pytest.approx(single_chance, rel=1e-12)),
        ("always true", 3, pytest.approx(1 / 3, rel=1e-12), 0.5),
        ("always false", 3, pytest.approx(2 / 3, rel=1e-12), 0.5),
        ("tick every option", 2, 0.5, pytest.approx(multiple_chance, rel=1e-12)),
        ("tick only the first option", 2, 0.5, pytest.approx(multiple_chance, rel=1e-12)),
    ]


def test_naive_scores_leave_out_the_kinds_a_bank_has_none_of():
    assert itemwriting.naive_scores([]) == []
    assert itemwriting.naive_scores([q("talk", "open", "Model.")]) == []
    assert itemwriting.naive_scores([q("t", "true-false", False), q("u", "true-false", False)]) == [
        ("always true", 2, 0.0, 0.5), ("always false", 2, 1.0, 0.5)]
    many = [q("m1", "multiple", ["b"], ["A", "B", "C", "D"]), q("m2", "multiple", ["a", "b"], ["A", "B"]),
            q("m3", "multiple", ["a"], ["A", "B", "C"])]
    chance = (1 / 15 + 1 / 3 + 1 / 7) / 3
    assert itemwriting.naive_scores(many) == [
        ("tick every option", 3, pytest.approx(1 / 3, rel=1e-12), pytest.approx(chance, rel=1e-12)),
        ("tick only the first option", 3, pytest.approx(1 / 3, rel=1e-12), pytest.approx(chance, rel=1e-12))]


def test_longest_key_share_of_no_single_choice_question_is_nothing():
    assert itemwriting.longest_key_share([]) == (0.0, 0.0)
    assert itemwriting.longest_key_share([q("t", "true-false", True)]) == (0.0, 0.0)


def test_ids_name_six_questions_then_count_the_rest():
    questions = [q(f"q{n}", "open", "") for n in range(9)]
    assert itemwriting._ids(questions[:6]) == "q0, q1, q2, q3, q4, q5"
    assert itemwriting._ids(questions[:7]) == "q0, q1, q2, q3, q4, q5 and 1 more"
    assert itemwriting._ids(questions) == "q0, q1, q2, q3, q4, q5 and 3 more"


def test_plain_keeps_link_text_and_drops_markup():
    assert itemwriting.plain("[A *Link*](https://x.org/) and `Code`, _here_!") == "a link and code here"


def test_every_key_too_long_is_named_as_every_key():
    many = q("m", "multiple", ["a", "b"], ["one two three four", "five six seven eight", "nine"], line=4)
    assert itemwriting.check_question(many, "quizzes/x.yml") == ([Problem(
        "quizzes/x.yml", 4, "every key is at least 1.5 times as long as the longest distractor (4 words against 1), "
        "which gives it away; shorten the key or make the distractors as long and specific", "m")], [])


@pytest.mark.parametrize("prompt, word", [("Which is **not a step?", "not"), ("Which is not** a step?", "not"),
                                          ("Which is _never_ a step?", None), ("Which is NOT a step?", None)])
def test_a_negative_emphasised_on_one_side_only_is_reported(prompt, word):
    found = itemwriting.check_question(q("n", "single", "a", ["A", "B"], prompt=prompt, line=9), "f.yml")[0]
    assert found == ([Problem("f.yml", 9, f"the question turns on the negative '{word}', which readers miss; ask it "
                              f"positively, or emphasise it as **{word.upper()}**", "n")] if word else [])


def test_notes_and_problems_fall_back_to_the_questions_line():
    wasted = q("w", "single", "a", ["A", "B"], line=7, allow={"same-options": "why"})
    assert itemwriting.check_question(wasted, "f.yml") == ([Problem(
        "f.yml", 7, "`allow: same-options` is not needed: the question passes that rule; remove it", "w")], [])
    # An allowed rule does not stop the rules after it.
    allowed = q("a", "single", "a", ["All of the above", "Some other plain answer"], prompt="Which is not right?", line=8,
                allow={"all-or-none": "on purpose"})
    assert itemwriting.check_question(allowed, "f.yml") == (
        [Problem("f.yml", 8, "the question turns on the negative 'not', which readers miss; ask it positively, or "
                 "emphasise it as **NOT**", "a")],
        [itemwriting.Note("f.yml", 8, "a", "all-or-none", "on purpose")])


def test_check_bank_gathers_every_questions_problems_and_notes_then_the_spread():
    questions = [
        q("one", "single", "a", ["All of the above", "Some other plain answer"], line=3, allow={"all-or-none": "on purpose"}),
        q("two", "single", "a", ["Same", "same"], line=10),
        q("three", "single", "a", ["C", "c!"], line=20),
        q("four", "single", "a", ["D", "E"], line=30),
    ]
    problems, notes = itemwriting.check_bank(Bank("two", "quizzes/two.yml", questions, line=2))
    assert problems == [
        Problem("quizzes/two.yml", 10, "options a and b say the same thing; make each option a different answer", "two"),
        Problem("quizzes/two.yml", 20, "options a and b say the same thing; make each option a different answer", "three"),
        Problem("quizzes/two.yml", 2, "in this bank, 4 of 4 single-choice keys are in position a (one, two, three, "
                "four); at most 40% may share a position, so move some keys to other options")]
    assert notes == [itemwriting.Note("quizzes/two.yml", 3, "one", "all-or-none", "on purpose")]


def test_true_false_spread_at_its_bounds_and_the_statements_it_names():
    def statements(trues, falses):
        return [q(f"t{n}", "true-false", True) for n in range(trues)] + [
            q(f"f{n}", "true-false", False) for n in range(falses)]
    # 35% and 65% of ten, with half a question of slack, are three and seven.
    assert itemwriting.spread_findings(statements(3, 7), "x") == []
    assert itemwriting.spread_findings(statements(7, 3), "x") == []
    many_true = statements(8, 2)
    assert itemwriting.spread_findings(many_true, "x") == [(
        "in x, 8 of 10 true-false statements are true; keep between 35% and 65% true, so rewrite some true "
        "statements the other way round", many_true[:8])]
    many_false = statements(2, 8)
    assert itemwriting.spread_findings(many_false, "x") == [(
        "in x, 2 of 10 true-false statements are true; keep between 35% and 65% true, so rewrite some false "
        "statements the other way round", many_false[2:])]


def test_three_multiple_choice_questions_with_one_number_of_keys_are_a_pattern():
    three = [q("m1", "multiple", ["b", "c"], ["A", "B", "C"]), q("m2", "multiple", ["a", "c"], ["A", "B", "C"]),
             q("m3", "multiple", ["b", "c"], ["A", "B", "C"])]
    assert itemwriting.spread_findings(three, "x") == [(
        "in x, every multiple-choice question has 2 keys; vary how many options are right (one, some, all), or the "
        "count gives the answer away", three)]
    assert itemwriting.spread_findings(three[:2], "x") == []


def test_pick_the_longest_is_reported_on_the_bank_holding_most_of_those_questions():
    long_key = "the key that is much longer than the rest"
    hits = Bank("a", "quizzes/a.yml", [q("h1", "single", "b", ["w", long_key, "x", "y"]),
                                       q("h2", "single", "c", ["w", "x", long_key, "y"])], line=4)
    misses = Bank("b", "quizzes/b.yml", [q("m1", "single", "a", ["w", long_key, "x", "y"]),
                                         q("m2", "single", "d", ["w", long_key, "x", "y"]),
                                         q("m3", "single", "a", ["w", "x", long_key, "y"]),
                                         q("t", "true-false", True), q("u", "true-false", False)], line=5)
    assert itemwriting.check_course([misses, hits]) == [Problem(
        "quizzes/a.yml", 4, "across the course the key is the longest option in 40% of single-choice questions, "
        "against 25% by chance, so \"pick the longest\" beats guessing; make distractors as long as the key, and "
        "some keys the shortest option")]


def test_pick_the_longest_exactly_ten_points_over_chance_passes():
    long_key = "the key that is much longer than the rest"
    questions = [q("h", "single", "a", [long_key, "w", "x", "y"]), q("m1", "single", "b", ["w", "x", long_key, "y"]),
                 q("m2", "single", "c", ["w", "x", "y", long_key, "z"])]
    share, chance = itemwriting.longest_key_share(questions)
    assert share - chance == itemwriting.MAX_LONGEST_OVER_CHANCE
    assert itemwriting.check_course([Bank("a", "quizzes/a.yml", questions)]) == []
