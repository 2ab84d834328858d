"""`python -m macros.check` called in-process on a copy of the course's sources: exactly what it prints and returns.
(test_site.py and test_authoring.py run the command itself.)"""
import re
import shutil
import sys

import pytest

from conftest import ROOT
from test_itemwriting import single
from macros import bank, check, itemwriting, messages, plan, reading
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


def test_a_lesson_over_its_slot_is_a_problem_of_the_check(project, capsys):
    path = project / "docs/lessons/introverts.md"
    text = path.read_text(encoding="utf-8")
    assert "\n  lesson: 15\n" in text
    path.write_text(text.replace("\n  lesson: 15\n", "\n  lesson: 1\n", 1), encoding="utf-8")
    line = reading.line_of_time(path.read_text(encoding="utf-8"))
    assert path.read_text(encoding="utf-8").splitlines()[line - 1] == "  lesson: 1"
    assert check.main([str(project)]) == 1
    out, err = capsys.readouterr()
    found = re.fullmatch(rf"docs/lessons/introverts\.md:{line}: the learner text has (\d+) words, about (\d+) minutes of "
                         r"reading at 150 words a minute, over its 1-minute lesson slot \(`time.lesson`\); cut (\d+) "
                         r"words or raise time.lesson to (\d+)\n1 problem found; fix them and run the check again.\n",
                         err)
    assert out == "" and found, err
    words, minutes, cut, raise_to = map(int, found.groups())
    assert minutes == raise_to == reading.minutes(words) and cut == words - 150
    # Counted as the build renders the page: with the site's Jinja settings and Markdown extensions.
    course = load(project)
    counted = reading.reading_words(course, plan.load(project), messages.load(project),
                                    *reading.settings(config_of(project / "mkdocs.yml")))
    assert words == counted["introverts"]
    assert words != reading.reading_words(course, plan.load(project), messages.load(project))["introverts"]


def test_the_notes_of_allowed_exceptions_come_before_the_count(project, counts, capsys):
    path = project / "quizzes/in-person.yml"
    parsed, _ = bank.parse(path.read_text(encoding="utf-8"), "quizzes/in-person.yml")
    used = itemwriting._key_positions(parsed.questions)
    letter = min("abcd", key=lambda k: len(used.get(k, [])))
    reason = "Kept on purpose: the stem quotes a rule."
    with path.open("a", encoding="utf-8") as bank_file:
        bank_file.write(single("quoted-rule", {k: f"Option {k} of this question, four words." for k in "abcd"}, letter,
                               prompt="Which of these would you not do at a meetup?",
                               extra=f"    allow:\n      negative-stem: '{reason}'\n").replace(
                                   "objective: o", f"objective: {parsed.questions[0].objective}"))
    assert check.main([str(project)]) == 0
    line = len(path.read_text(encoding="utf-8").splitlines()) - 1
    lessons, questions, templates = counts
    assert capsys.readouterr() == (
        f"quizzes/in-person.yml:{line}: quoted-rule: allowed exception (negative-stem): {reason}\n"
        + passed((lessons, questions + 1, templates)), "")
