"""The real course content: every bank has full answer keys and feedback, every lesson its sections."""
import pytest

from conftest import ROOT
from macros.lessons import PRACTICE_PARTS, SECTIONS

LESSONS = sorted(p.stem for p in (ROOT / "docs/lessons").glob("*.md"))


def all_questions(course):
    return [(slug, q) for slug, bank in course.banks.items() for q in bank.questions]


def test_every_lesson_has_a_bank_and_every_bank_a_lesson(course):
    assert LESSONS and sorted(course.lessons) == sorted(course.banks) == LESSONS


def test_every_question_has_an_answer_key(course):
    for slug, q in all_questions(course):
        where = f"{slug}/{q.id}"
        if q.type == "single":
            assert isinstance(q.answer, str) and q.answer in q.options, where
        elif q.type == "multiple":
            assert isinstance(q.answer, list) and q.answer and set(q.answer) <= set(q.options), where
        elif q.type == "true-false":
            assert isinstance(q.answer, bool), where
        else:
            assert q.type == "open" and isinstance(q.answer, str) and q.answer.strip(), where


def test_every_option_has_feedback(course):
    for slug, q in all_questions(course):
        if q.type != "open":
            assert {key for key, _ in q.choices} == set(q.feedback), f"{slug}/{q.id}"
            assert all(isinstance(text, str) and text.strip() for text in q.feedback.values()), f"{slug}/{q.id}"


def test_objectives_and_questions_match(course):
    for slug, lesson in course.lessons.items():
        checked = [q.objective for q in course.banks[slug].questions]
        assert set(checked) <= set(lesson.objectives), slug
        for objective in lesson.objectives:
            assert checked.count(objective) >= 2, f"{slug}: objective {objective} needs two questions"


def test_each_bank_is_big_and_varied_enough(course):
    for slug, bank in course.banks.items():
        assert len(bank.questions) >= 8, slug
        assert {q.type for q in bank.questions} == {"single", "multiple", "true-false", "open"}, slug


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_sections_are_in_order(course, slug):
    headings = course.lessons[slug].headings
    assert [h.text for h in headings if h.level == 2] == list(SECTIONS)
    h3 = [h.text for h in headings if h.level == 3]
    assert any(text.startswith("Step 1:") for text in h3)
    assert [text for text in h3 if text in PRACTICE_PARTS] == list(PRACTICE_PARTS)


def test_lesson_times_and_prerequisites(course):
    order = list(course.lessons)
    for slug, lesson in course.lessons.items():
        assert 20 <= lesson.minutes <= 90, slug
        for prerequisite in lesson.prerequisites:
            assert order.index(prerequisite) < order.index(slug), f"{slug} comes before its prerequisite"
