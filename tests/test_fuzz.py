"""Generated banks, valid and broken in every way the format allows: the loader either accepts a bank
or reports problems naming file and line; it never raises anything else and never hangs.

FUZZ_EXAMPLES sets how many banks each test tries (default 400; CI runs the default)."""
import os

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros import bank as banks
from macros.problems import Problem

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "400"))
PATH = "quizzes/demo.yml"
fuzz = settings(max_examples=EXAMPLES, deadline=2000, suppress_health_check=list(HealthCheck))

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30),
                    st.sampled_from(["a", "b", "true", "single", "multiple", "open", "true-false", "greet", ""]))
keys = st.one_of(st.sampled_from(banks.QUESTION_FIELDS + banks.BANK_FIELDS + ("a", "b", "c")), st.text(max_size=8),
                 st.booleans(), st.integers())
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(keys, inner, max_size=5)), max_leaves=20)


def questions():
    options = st.dictionaries(st.sampled_from(["a", "b", "c", "d", "A", "1"]), st.text(min_size=0, max_size=20),
                              max_size=4)
    return st.fixed_dictionaries(
        {"id": st.one_of(st.from_regex(r"[a-z]{1,6}(-[a-z0-9]{1,4})?", fullmatch=True), scalars),
         "type": st.sampled_from(banks.TYPES + ("essay",)),
         "objective": st.sampled_from(["greet", "leave", "nope"]),
         "prompt": st.one_of(st.text(min_size=1, max_size=40), scalars)},
        optional={"options": options, "answer": values, "feedback": st.dictionaries(keys, st.text(max_size=20), max_size=4),
                  "explanation": scalars, "extra": scalars})


banks_data = st.fixed_dictionaries({"lesson": st.sampled_from(["demo", "other", None]),
                                    "questions": st.lists(questions(), max_size=5)},
                                   optional={"typo": values})


def assert_clean(text):
    bank, problems = banks.parse(text, PATH)
    assert bank is not None or problems
    for problem in problems:
        assert isinstance(problem, Problem) and problem.file == PATH and problem.line >= 1 and problem.message
    if bank is not None:
        problems += banks.check_against_lesson(bank, {"greet": "G", "leave": "L"}, "docs/lessons/demo.md")
    return bank, problems


@fuzz
@given(banks_data)
def test_generated_banks_load_or_are_reported(data):
    assert_clean(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


@fuzz
@given(banks_data, st.data())
def test_mangled_yaml_is_reported_never_raised(data, draw):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    position = draw.draw(st.integers(0, len(text)))
    junk = draw.draw(st.sampled_from(["\t", ":", "- ", "[", "{", "\"", "'", "\n  ", "&a", "*a", "!!python/name:os.system",
                                      "\x00", "\ufeff", "? ", "|", ">", "%", "@", "`"]))
    assert_clean(text[:position] + junk + text[position:])


@fuzz
@given(st.text(max_size=200))
def test_any_text_at_all_is_reported_never_raised(text):
    assert_clean(text)


def test_deep_nesting_is_reported_not_a_crash():
    assert_clean("lesson: demo\nquestions: " + "[" * 5000 + "]" * 5000)
