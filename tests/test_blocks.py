"""Quizzes skip Markdown and go into the finished page (macros/blocks.py): nothing is lost on the way,
links to their ids are still checked, and a misplaced macro stops the build with its file and line."""
import json
import re
from types import SimpleNamespace

from conftest import ROOT, mkdocs_build
from macros import blocks, render
from test_site import copy_project, pages


def test_blocks_go_back_where_their_placeholders_are():
    page = SimpleNamespace()
    markdown = f"a {blocks.set_aside(page, 'quiz', '<b>one</b>')} b {blocks.set_aside(page, 'quiz', '<i>two</i>')}"
    output, missing = blocks.put_back(f"<p>{markdown}</p>", page.course_blocks)
    assert output == "<p>a <b>one</b> b <i>two</i></p>" and missing == []
    output, missing = blocks.put_back("<p>nothing</p>", page.course_blocks)
    assert missing == ["quiz", "quiz"]


def test_no_placeholder_is_left_in_the_site(site, instructor_site):
    for folder in (site, instructor_site):
        for path in pages(folder):
            assert "course-block" not in path.read_text(encoding="utf-8"), path


def test_quizzes_stay_out_of_the_search_index(site, course):
    # A learner searching finds lessons, not quiz options (the wrong ones included) and never answers.
    entries = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    for slug, bank in course.banks.items():
        lesson = " ".join(entry["text"] for entry in entries if entry["location"].startswith(f"lessons/{slug}/"))
        # The Overview's first paragraph, as the lesson's source has it, is what search finds under Overview.
        source = course.lessons[slug].body.split("\n## Overview\n", 1)[1].strip().split("\n\n", 1)[0]
        overview = next(entry["text"] for entry in entries if entry["location"] == f"lessons/{slug}/#overview")
        assert overview.startswith(f"<p>{render.inline(source)}</p>"), (slug, overview[:200])
        prompts = [q.prompt for q in bank.questions if not set(q.prompt) & set("*`[<&")]
        assert prompts and [prompt for prompt in prompts if prompt in lesson] == [], slug


def add_link(project, target):
    glossary = project / "docs/glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + f"\n\nSee [this]({target}).\n", encoding="utf-8")


def test_links_to_ids_inside_quizzes_are_checked(tmp_path, course):
    project = copy_project(tmp_path)
    question = course.banks["in-person"].questions[0].id
    add_link(project, f"lessons/in-person.md#quiz-in-person-{question}")
    add_link(project, "worksheets/paper-quizzes.md#sheet-introverts")
    add_link(project, "lessons/in-person.md#quiz-in-person-no-such-question")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "out", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    warnings = re.findall(r"WARNING\s+-\s+(.*)", output)
    assert len(warnings) == 1 and "'#quiz-in-person-no-such-question'" in warnings[0], output


def test_a_quiz_in_a_code_block_stops_the_build_with_its_line(tmp_path):
    project = copy_project(tmp_path)
    lesson = project / "docs/lessons/introverts.md"
    text = lesson.read_text(encoding="utf-8")
    assert "\n{{ quiz() }}\n" in text
    lesson.write_text(text.replace("\n{{ quiz() }}\n", "\n```\n{{ quiz() }}\n```\n"), encoding="utf-8")
    line = text.split("\n{{ quiz() }}\n")[0].count("\n") + 3
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "out", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/lessons/introverts.md:{line}: the HTML of quiz() cannot go where the macro is" in output, output
    assert "Traceback" not in output


def test_every_build_in_the_makefile_is_strict_and_shows_its_warnings():
    # `mkdocs build --strict --quiet` passes with warnings: --quiet stops them from being counted.
    builds = [line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines() if "mkdocs build" in line]
    assert builds and all("--strict" in line and "--quiet" not in line and " -q" not in line for line in builds)
