"""The built learner edition: strict build, quizzes in the HTML, nothing from other hosts."""
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from conftest import ROOT, mkdocs_build
from macros import render


class Collect(HTMLParser):
    """Every (tag, attribute, value) and the text of a page."""

    def __init__(self):
        super().__init__()
        self.attributes, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    def handle_data(self, data):
        self.text.append(data)


def parse(path):
    collect = Collect()
    collect.feed(path.read_text(encoding="utf-8"))
    return collect


def pages(site):
    return sorted(site.rglob("*.html"))


def test_every_lesson_page_shows_its_whole_quiz(site, course):
    for slug, bank in course.banks.items():
        html = (site / "lessons" / slug / "index.html").read_text(encoding="utf-8")
        assert html.count('class="quiz-question"') == len(bank.questions), slug
        assert html.count('<details class="quiz-answer" data-search-exclude>') == len(bank.questions), slug
        for objective in course.lessons[slug].objectives:
            assert f'id="objective-{objective}"' in html, (slug, objective)


def test_answers_and_feedback_sit_inside_details(site, course):
    slug, bank = next(iter(course.banks.items()))
    html = (site / "lessons" / slug / "index.html").read_text(encoding="utf-8")
    for question in bank.questions:
        block = html.split(f'id="quiz-{slug}-{question.id}"', 1)[1].split('<div class="quiz-question"', 1)[0]
        details = block.split('<details class="quiz-answer" data-search-exclude>', 1)[1]
        assert 'class="quiz-key"' in details or 'class="quiz-model-answer"' in details
        assert details.count("<li data-option=") == len(question.feedback)


def test_no_page_says_error_or_leaves_a_macro_unrendered(site):
    for path in pages(site):
        text = " ".join(parse(path).text)
        assert "Macro Rendering Error" not in text and "Traceback" not in text, path
        assert "{{" not in text.replace("{{ 7*7 }}", ""), path


def test_pages_load_nothing_from_other_hosts(site):
    loads = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"),
             ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")}
    for path in pages(site):
        for tag, name, value in parse(path).attributes:
            if (tag, name) in loads and not (tag == "link" and "stylesheet" not in value and name == "href"):
                assert not re.match(r"^(https?:)?//", value), f"{path}: <{tag} {name}={value}>"
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//|url\(\s*['\"]?(https?:)?//", text), css


def test_stylesheets_and_preconnects_are_local(site):
    for path in pages(site):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<link\b[^>]*>", html):
            if re.search(r'rel="?(stylesheet|preconnect|preload|dns-prefetch|modulepreload)', tag):
                assert not re.search(r'href="(https?:)?//', tag), f"{path}: {tag}"


def test_learner_edition_has_no_instructor_notes(site):
    for path in pages(site):
        assert "admonition instructor" not in path.read_text(encoding="utf-8"), path
    assert '"instructor' not in (site / "search/search_index.json").read_text(encoding="utf-8").lower()


def copy_project(tmp_path):
    target = tmp_path / "project"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".venv", "node_modules", "site", ".git", "*.pyc",
                                                                 "__pycache__", ".pytest_cache", ".hypothesis"))
    return target


def test_a_broken_bank_stops_the_build_cleanly(tmp_path):
    project = copy_project(tmp_path)
    bank = project / "quizzes/in-person.yml"
    text = bank.read_text(encoding="utf-8")
    first_answer = re.search(r"^(\s+)answer: .*$", text, re.M)
    bank.write_text(text[:first_answer.start()] + first_answer.group(1) + "answer: zz" + text[first_answer.end():],
                    encoding="utf-8")
    line = text[:first_answer.start()].count("\n") + 1
    site_dir = tmp_path / "out"
    result = mkdocs_build(project / "mkdocs.yml", site_dir, cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(rf"ERROR\s+-\s+quizzes/in-person\.yml:{line}: [a-z0-9-]+: `answer: zz` names no option", output), output
    assert "Traceback" not in output
    assert not site_dir.exists() or not any(site_dir.iterdir()), "a half-built site was written"


def test_the_check_command_reports_and_fails(tmp_path):
    project = copy_project(tmp_path)
    (project / "quizzes/in-person.yml").write_text("lesson: in-person\nquestions:\n\t- id: x\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.check", str(project)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "quizzes/in-person.yml:3: the line is indented with a tab" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_check_command_passes_on_the_course(course):
    result = subprocess.run([sys.executable, "-m", "macros.check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    questions = sum(len(bank.questions) for bank in course.banks.values())
    assert result.stdout == (f"Checked {len(course.lessons)} lessons, {questions} quiz questions, the networking plan "
                             "and 10 message templates: no problems.\n")


def test_the_overview_lists_every_lesson_in_order_with_its_time(site, course):
    html = (site / "overview/index.html").read_text(encoding="utf-8")
    cards = html.split('<li class="course-lesson">')[1:]
    assert len(cards) == len(course.lessons)
    for card, lesson in zip(cards, course.lessons.values()):
        assert card.startswith(f'<p class="course-lesson-title"><a href="../lessons/{lesson.slug}/">'
                               f'{render.inline(lesson.title)}</a> <span class="course-minutes">{lesson.minutes} min</span>'
                               f"</p><p>{render.inline(lesson.description)}</p>"), card[:300]
        objectives = card.split("<p>You will be able to:</p><ul>", 1)[1].split("</ul>", 1)[0]
        assert re.findall(r"<li>(.*?)</li>", objectives) == [render.inline(text) for text in lesson.objectives.values()]
    total = sum(lesson.minutes for lesson in course.lessons.values())
    assert f"{total} minutes in all" in html


def test_search_finds_lessons_but_never_gives_away_answers(site, course):
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    entries = {entry["location"]: entry["title"] for entry in json.loads(index)["docs"]}
    for slug, lesson in course.lessons.items():
        assert entries[f"lessons/{slug}/"] == lesson.title
    bank = course.banks["in-person"]
    for question in bank.questions:
        for text in question.feedback.values():
            assert text[:60] not in index, f"feedback of {question.id} is searchable"
