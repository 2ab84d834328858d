"""`python -m macros.check` called in-process on a copy of the course's sources: exactly what it prints and returns.
(test_site.py and test_authoring.py run the command itself.)"""
import re
import shutil
import sys

import pytest

from conftest import ROOT
from test_itemwriting import add_allowed_exception
from macros import check, messages, plan, reading
from macros.course import config_of, load

SOURCES = ("docs", "quizzes", "plan", "toolkit", "mkdocs.yml")


@pytest.fixture(scope="module")
def counts():
    course = load(ROOT)
    return len(course.lessons), sum(len(b.questions) for b in course.banks.values()), \
        len(messages.load(ROOT).templates)


def passed(counts):
    lessons, questions, templates = counts
    assert (lessons, templates) == (7, 12)
    return (f"Checked {lessons} lessons, {questions} quiz questions, the networking plan and {templates} message "
            "templates: no problems.\n")


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, root / name)
        else:
            shutil.copy(ROOT / name, root / name)
    return root


def test_the_check_passes_on_the_course_it_is_given(project, counts, capsys):
    assert check.main([str(project)]) == 0
    assert capsys.readouterr() == (passed(counts), "")


def test_without_an_argument_the_check_reads_its_own_project(counts, capsys, monkeypatch):
    assert check.main([]) == 0
    assert capsys.readouterr() == (passed(counts), "")
    # From the command line: the arguments after the program's name.
    monkeypatch.setattr(sys, "argv", ["check"])
    assert check.main() == 0
    assert capsys.readouterr() == (passed(counts), "")


def test_the_command_line_names_the_project(project, counts, capsys, monkeypatch):
    (project / "quizzes/in-person.yml").write_text("lesson: in-person\nquestions:\n\t- id: x\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["check", str(project)])
    assert check.main() == 1
    assert capsys.readouterr().err.endswith("\n1 problem found; fix them and run the check again.\n")


def test_every_problem_of_every_loader_is_reported_at_once(project, capsys):
    (project / "quizzes/in-person.yml").write_text("lesson: in-person\nquestions:\n\t- id: x\n", encoding="utf-8")
    plan_file = project / "plan/networking-plan.yml"
    plan_file.write_text(plan_file.read_text(encoding="utf-8") + "\tbad\n", encoding="utf-8")
    templates = project / "toolkit/templates.yml"
    templates.write_text(templates.read_text(encoding="utf-8") + "\tbad\n", encoding="utf-8")
    assert check.main([str(project)]) == 1
    tab = "the line is indented with a tab; YAML needs spaces: replace the tab with spaces"
    plan_line, templates_line = (len(path.read_text(encoding="utf-8").splitlines()) for path in (plan_file, templates))
    assert capsys.readouterr() == ("", f"plan/networking-plan.yml:{plan_line}: {tab}\n"
                                       f"quizzes/in-person.yml:3: {tab}\n"
                                       f"toolkit/templates.yml:{templates_line}: {tab}\n"
                                       "3 problems found; fix them and run the check again.\n")


def test_lessons_over_their_slot_are_problems_of_the_check(project, capsys):
    # The plan's lesson shows the plan, two others message templates: their words count too.
    slugs = ["networking-online", "networking-plan"]
    for slug in slugs:
        path = project / "docs/lessons" / f"{slug}.md"
        text, changed = re.subn(r"^(time:\n(?:\s+\w+: \d+\n)*?\s+lesson: )\d+", r"\g<1>1",
                                path.read_text(encoding="utf-8"), count=1, flags=re.M)
        assert changed
        path.write_text(text, encoding="utf-8")
    course, the_plan, templates = load(project), plan.load(project), messages.load(project)
    settings = reading.settings(config_of(project / "mkdocs.yml"))
    words = reading.reading_words(course, the_plan, templates, *settings)
    # Counted as the build renders the pages: with the plan, the templates, the site's Jinja settings and extensions.
    assert words != reading.reading_words(course, the_plan, templates)
    assert words["networking-plan"] != reading.reading_words(course, None, templates, *settings)["networking-plan"]
    assert words["networking-online"] != reading.reading_words(course, the_plan, None, *settings)["networking-online"]
    expected = ""
    for slug in slugs:
        line = reading.line_of_time((project / "docs/lessons" / f"{slug}.md").read_text(encoding="utf-8"))
        count, minutes = words[slug], reading.minutes(words[slug])
        assert minutes > 1
        expected += (f"docs/lessons/{slug}.md:{line}: the learner text has {count} words, about {minutes} minutes of "
                     f"reading at 150 words a minute, over its 1-minute lesson slot (`time.lesson`); cut {count - 150} "
                     f"words or raise time.lesson to {minutes}\n")
    assert check.main([str(project)]) == 1
    assert capsys.readouterr() == ("", expected + "2 problems found; fix them and run the check again.\n")


def test_the_notes_of_allowed_exceptions_come_before_the_count(project, counts, capsys):
    path = project / "quizzes/in-person.yml"
    reason = add_allowed_exception(path)
    assert check.main([str(project)]) == 0
    line = len(path.read_text(encoding="utf-8").splitlines()) - 1
    lessons, questions, templates = counts
    assert capsys.readouterr() == (
        f"quizzes/in-person.yml:{line}: quoted-rule: allowed exception (negative-stem): {reason}\n"
        + passed((lessons, questions + 1, templates)), "")
