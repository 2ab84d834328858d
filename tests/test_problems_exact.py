"""Problems are gathered from every loader and reported together, one per line."""
import pytest

from macros.problems import CourseError, Problem, load_all


def failing(*problems):
    def loader():
        raise CourseError(problems)
    return loader


def test_load_all_reports_the_problems_of_every_loader_at_once():
    first = Problem("quizzes/b.yml", 3, "second", "q")
    second = Problem("docs/a.md", 9, "first")
    third = Problem("quizzes/b.yml", 1, "third")
    with pytest.raises(CourseError) as raised:
        load_all(failing(first), lambda: "fine", failing(second, third))
    assert raised.value.problems == [second, third, first]
    assert str(raised.value) == "docs/a.md:9: first\nquizzes/b.yml:1: third\nquizzes/b.yml:3: q: second"
    assert load_all(lambda: 1, lambda: 2) == [1, 2]
