"""Loading the whole course from its files (macros/course.py): lesson order, and the problems that only
the course as a whole can have, each exact, on a copy of the course in a temporary folder."""
import shutil

import pytest

from conftest import ROOT
from macros.course import lesson_order, lesson_slug, load
from macros.problems import CourseError, Problem

ORDER = ["what-networking-is", "networking-career", "networking-online", "in-person", "authentic-relationships",
         "introverts", "networking-plan"]


def a_copy(tmp_path, config=True):
    for name in ("docs", "quizzes", "plan"):
        shutil.copytree(ROOT / name, tmp_path / name)
    if config:
        shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_lesson_slugs_come_from_lesson_pages_only():
    assert [lesson_slug(path) for path in ("lessons/in-person.md", "lessons/in-person.MD", "lessons/in-person.txt",
                                           "worksheets/cards.md", "in-person.md", "a/lessons/in-person.md",
                                           "lessons/a/b.md")] == ["in-person", None, None, None, None, None, None]
    nav = [{"Home": "index.md"}, {"Lessons": ["lessons/b.md", {"A": "lessons/a.md"}]}, "glossary.md"]
    assert lesson_order(nav) == ["b", "a"]
    assert lesson_order(None) == []


def test_the_course_is_in_the_nav_order_or_by_name(tmp_path):
    assert list(load(ROOT).lessons) == ORDER
    assert list(load(ROOT, ["introverts", "in-person"]).lessons) == ["introverts", "in-person"] + sorted(
        set(ORDER) - {"introverts", "in-person"})
    # Without a site config and without an order, by name.
    assert list(load(a_copy(tmp_path, config=False)).lessons) == sorted(ORDER)


def test_problems_of_the_course_as_a_whole(tmp_path):
    root = a_copy(tmp_path)
    lesson = root / "docs/lessons/introverts.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("prerequisites: [", "prerequisites: [no-such-lesson, ", 1), encoding="utf-8")
    career = root / "docs/lessons/networking-career.md"
    career.write_text(career.read_text(encoding="utf-8").replace("  - worksheet: conversation-cards",
                                                                  "  - worksheet: lost-cards"), encoding="utf-8")
    # A .yaml bank is reported as such, not as a missing bank.
    (root / "quizzes/in-person.yml").rename(root / "quizzes/in-person.yaml")
    (root / "quizzes/extra.yml").write_text("lesson: extra\nquestions: []\n", encoding="utf-8")
    (root / "docs/lessons/latin.md").write_bytes(b"caf\xe9")
    with pytest.raises(CourseError) as error:
        load(root)
    line = career.read_text(encoding="utf-8").splitlines().index("  - worksheet: lost-cards") + 1
    assert error.value.problems == sorted([
        Problem("docs/lessons/introverts.md", 2, "prerequisite 'no-such-lesson' is no lesson; use a file name from "
                                                 "docs/lessons/ without .md"),
        Problem("docs/lessons/latin.md", 1, "the file is not UTF-8 text (unexpected end of data); save it as UTF-8"),
        Problem("docs/lessons/networking-career.md", line, "`worksheet: lost-cards` names no page "
                                                           "docs/worksheets/lost-cards.md; use a worksheet's file name "
                                                           "without .md"),
        Problem("quizzes/extra.yml", 1, "no lesson docs/lessons/extra.md for this bank; rename the file to match a "
                                        "lesson, or write the lesson"),
        Problem("quizzes/in-person.yaml", 1, "quiz banks end in .yml; rename it to in-person.yml"),
    ])


def test_a_file_that_cannot_be_read_is_named(tmp_path):
    root = a_copy(tmp_path)
    (root / "quizzes/introverts.yml").unlink()
    (root / "quizzes/introverts.yml").mkdir()
    with pytest.raises(CourseError) as error:
        load(root)
    assert error.value.problems == [Problem("quizzes/introverts.yml", 1, "the file cannot be read (Is a directory)")]


def test_a_lesson_without_a_bank(tmp_path):
    root = a_copy(tmp_path)
    (root / "quizzes/introverts.yml").unlink()
    with pytest.raises(CourseError) as error:
        load(root)
    assert error.value.problems == [Problem("docs/lessons/introverts.md", 1, "the lesson has no quiz bank; create "
                                                                            "quizzes/introverts.yml starting with "
                                                                            "`lesson: introverts`")]
