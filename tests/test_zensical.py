"""The learner edition built with Zensical (`make zensical`, in zensical/.venv) against the MkDocs build: the same
pages, the same quizzes, the same downloads, no facilitation notes, and a quiz that works in Chromium.

Without zensical/.venv these tests are skipped with how to create it; in CI (`CI=true`) `make test` creates it
first, and its absence fails."""
import os
import re
import shutil
import subprocess
import zipfile
from html import unescape
from pathlib import Path

import pytest

from conftest import ROOT, checked_page, serve_folder, wait_until
from test_site import copy_project

ZENSICAL = ROOT / "zensical/.venv/bin/zensical"
FOLDER = "site-zensical-test"  # Zensical builds only inside the project's folder
QUESTION = re.compile(r'<div class="quiz-question"')
# Recorded before any page script runs, so a refused style or script is seen wherever it comes from.
WATCH_POLICY = """window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});"""


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory):
    if not ZENSICAL.exists():
        if os.environ.get("CI"):
            pytest.fail("CI builds the learner edition with Zensical as well: run make zensical-setup")
        pytest.skip("the Zensical build needs its own environment: run `make zensical-setup` to enable these tests")
    result = subprocess.run(["make", "--no-print-directory", "zensical", f"ZENSICAL_SITE={FOLDER}"], cwd=ROOT,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    # Out of the project's folder at once: other tests copy the project.
    return Path(shutil.move(ROOT / FOLDER, tmp_path_factory.mktemp("zensical") / "site"))


def html_pages(folder):
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.html"))


def quiz_counts(folder):
    return {name: len(QUESTION.findall((folder / name).read_text(encoding="utf-8"))) for name in html_pages(folder)}


def test_both_engines_build_the_same_pages(site, zensical_site):
    pages = html_pages(zensical_site)
    assert "lessons/in-person/index.html" in pages and "worksheets/paper-quizzes/index.html" in pages
    assert pages == html_pages(site)
    assert not [name for name in pages if name.startswith("instructor/")]


def test_every_page_has_the_same_quizzes(site, zensical_site, course):
    counts = quiz_counts(zensical_site)
    assert counts == quiz_counts(site)
    for slug, bank in course.banks.items():
        assert counts[f"lessons/{slug}/index.html"] == len(bank.questions), slug


def test_both_engines_write_the_same_downloads(site, zensical_site):
    def downloads(folder):
        return sorted(path.relative_to(folder).as_posix() for path in (folder / "downloads").rglob("*"))

    assert "networking-course-offline.zip" in " ".join(downloads(zensical_site))
    assert downloads(zensical_site) == downloads(site)
    plan = "downloads/networking-plan.md"
    assert (zensical_site / plan).read_text(encoding="utf-8") == (site / plan).read_text(encoding="utf-8")
    for bundle in ("assets/course.bundle.css", "assets/course.bundle.js"):
        assert (zensical_site / bundle).read_bytes() == (site / bundle).read_bytes(), bundle

    def offline_pages(folder):
        with zipfile.ZipFile(folder / "downloads/networking-course-offline.zip") as archive:
            return sorted(name for name in archive.namelist() if name.endswith(".html"))

    assert "networking-course/lessons/in-person.html" in offline_pages(zensical_site)
    assert offline_pages(zensical_site) == offline_pages(site)


def test_the_learner_edition_has_no_facilitation_notes_and_has_the_plan_form(site, zensical_site):
    for name in html_pages(zensical_site):
        html = (zensical_site / name).read_text(encoding="utf-8")
        assert 'class="admonition instructor"' not in html and "Facilitation notes" not in html, name
    plan = "lessons/networking-plan/index.html"
    form = re.compile(r'<form class="nplan-sheet" id="networking-plan"|<textarea')
    assert len(form.findall((zensical_site / plan).read_text(encoding="utf-8"))) == \
        len(form.findall((site / plan).read_text(encoding="utf-8"))) > 10


def test_every_page_carries_the_head_values_of_the_mkdocs_build(site, zensical_site):
    def head(folder, name):
        # As a browser reads them: the two template engines escape quotes each their own way (&quot;, &#34;).
        html = (folder / name).read_text(encoding="utf-8")
        return [(key, unescape(value)) for key, value in
                re.findall(r'<meta name="course-(quizzes|plan-limits|toolkit-limits)" content="([^"]*)">', html)]

    for name in html_pages(zensical_site):
        assert len(head(zensical_site, name)) == 3 and head(zensical_site, name) == head(site, name), name
        assert '<meta http-equiv="Content-Security-Policy"' in (zensical_site / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def zensical_url(zensical_site):
    url, server = serve_folder(zensical_site)
    yield url
    server.shutdown()


def test_a_quiz_of_the_zensical_build_works_in_chromium(browser, zensical_url, course):
    question = next(q for q in course.banks["in-person"].questions if q.type == "single")
    wrong = next(str(key).lower() for key, _ in question.choices if key not in question.keyed)
    for tab in checked_page(browser, zensical_url):
        tab.add_init_script(WATCH_POLICY)
        tab.goto("lessons/in-person/")
        tab.wait_for_selector(".quiz--ready")
        box = tab.locator(f'.quiz-question[data-qid="{question.id}"]')
        box.locator(f'input[value="{wrong}"]').check()
        box.get_by_role("button", name="Check", exact=True).click()
        result = box.locator(".quiz-result")
        wait_until(tab, "(qid) => document.querySelector(`[data-qid='${qid}'] .quiz-result`).textContent.trim()",
                   question.id)
        assert " ".join(result.inner_text().split()).startswith("Not quite.")
        feedback = box.locator(f'[data-option="{wrong}"]')
        assert feedback.count() and feedback.first.text_content().strip()
        saved = tab.evaluate("() => JSON.parse(localStorage.getItem('networking-course:v1'))['quiz:in-person']")
        assert saved[question.id] == {"choice": [wrong], "correct": False}
        assert tab.evaluate("window.__violations") == []


def zensical_build(project):
    """The build step of `make zensical` in a copy of the project, with Zensical's environment."""
    if not ZENSICAL.exists():
        pytest.skip("the Zensical build needs its own environment: run `make zensical-setup` to enable these tests")
    return subprocess.run([str(ZENSICAL.parent / "python"), "-m", "macros.buildconfig", "--build"], cwd=project,
                          capture_output=True, text=True, timeout=600)


def test_a_quiz_in_a_code_block_stops_the_zensical_build_with_its_line(tmp_path):
    project = copy_project(tmp_path)
    lesson = project / "docs/lessons/introverts.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("\n{{ quiz() }}\n", "\n```\n{{ quiz() }}\n```\n"), encoding="utf-8")
    line = text.split("\n{{ quiz() }}\n")[0].count("\n") + 3
    result = zensical_build(project)
    assert result.returncode == 1
    assert f"docs/lessons/introverts.md:{line}: the HTML of quiz() cannot go where the macro is" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_bad_macro_call_stops_the_zensical_build_with_its_line(tmp_path):
    project = copy_project(tmp_path)
    glossary = project / "docs/glossary.md"
    text = glossary.read_text(encoding="utf-8") + "\n{{ boxes(1, 2, 3, 4) }}\n"
    glossary.write_text(text, encoding="utf-8")
    result = zensical_build(project)
    assert result.returncode == 1
    assert f"docs/glossary.md:{text.count(chr(10))}: " in result.stderr and "positional arguments" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
