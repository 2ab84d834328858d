"""Paper: each worksheet printed to PDF by Chromium has the expected pages, no navigation or controls,
and, from the learner edition, no answers; the instructor edition prints its answers."""
import math
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, require
from macros import pdf
from macros.course import nav_of, nav_paths
from macros.worksheets import list_after

WORKSHEETS = [p for p in nav_paths(nav_of(ROOT / "mkdocs.yml")) if p.startswith("worksheets/")]
# What a printed page never shows: the header, the navigation, the footer and the buttons; as whole lines,
# and as text anywhere.
NAV_LINES = {"Previous", "Next", "Search", "Table of contents", "Course overview", "Glossary", "Your progress"}
NOT_ON_PAPER = ["Networking for People Entering Tech", "Made with", "Print this", "Print the", "Print every",
                "Show the answer", "Start time"]
DECKS = [("in-person", "Some simple ways in"), ("networking-career", "Have questions ready"),
         ("networking-career", "Wrap up with a question"), ("networking-career", "Know how to leave")]


def words(text):
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def printed(tab, path, tmp_path):
    """Print a page of the served site to PDF; returns (number of pages, text of each page)."""
    require(shutil.which("pdftotext") and shutil.which("pdfinfo"),
            "poppler-utils (pdftotext, pdfinfo) for the print tests: apt-get install -y poppler-utils")
    target = pdf.print_page(tab, pdf.page_url(path), tmp_path / (path.replace("/", "-") + ".pdf"))
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    pages = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(target), "-"], capture_output=True, text=True,
                            check=True).stdout for n in range(1, count + 1)]
    return count, pages


def assert_no_screen_parts(text, where):
    assert not NAV_LINES & {line.strip() for line in text.splitlines()}, where
    for marker in NOT_ON_PAPER:
        assert marker not in text, (where, marker)


def feedback_snippets(course):
    """The first eight words of every option's feedback and of every model answer."""
    for bank in course.banks.values():
        for question in bank.questions:
            texts = list(question.feedback.values()) if question.type != "open" else [question.answer]
            for text in texts:
                yield " ".join(words(text).split()[:8])


def expected_pages(name, course):
    cards = sum(len(list_after(course.lessons[slug], marker)) for slug, marker in DECKS)
    # One sheet for superpowers and goals; eight business-size cards to an A4 sheet; the seven discussion
    # questions of the core lesson fit on two sheets with room to write.
    return {"worksheets/superpowers-and-goals.md": 1, "worksheets/conversation-cards.md": math.ceil(cards / 8),
            "worksheets/check-for-understanding.md": 2}.get(name)


@pytest.mark.parametrize("name", WORKSHEETS)
def test_each_worksheet_prints_without_navigation_or_answers(page, course, tmp_path, name):
    count, pages = printed(page, name, tmp_path)
    expected = expected_pages(name, course)
    if expected is not None:
        assert count == expected, f"{name} prints on {count} pages, not {expected}"
    text = "\n".join(pages)
    assert_no_screen_parts(text, name)
    assert "answer:" not in text.lower() and "model answer" not in text.lower(), name
    flat = words(text)
    for snippet in feedback_snippets(course):
        assert snippet not in flat, (name, snippet)


def test_each_lesson_quiz_starts_a_new_sheet(page, course, tmp_path):
    count, pages = printed(page, "worksheets/paper-quizzes.md", tmp_path)
    titles = [words(lesson.title) for lesson in course.lessons.values()]
    starts = [next(t for t in titles if words(text).startswith(t)) for text in pages[1:]
              if any(words(text).startswith(t) for t in titles)]
    assert words(pages[0]).startswith("paper quizzes") and titles[0] in words(pages[0])
    assert starts == titles[1:], "every lesson after the first starts a new sheet, in course order"
    for slug, bank in course.banks.items():
        assert sum(words(q.prompt)[:60] in words("\n".join(pages)) for q in bank.questions) == len(bank.questions), slug


def test_a_lesson_prints_as_a_paper_quiz_without_answers(page, course, tmp_path):
    count, pages = printed(page, "lessons/networking-career.md", tmp_path)
    assert_no_screen_parts("\n".join(pages), "lesson")
    text = words("\n".join(pages))
    for snippet in feedback_snippets(course):
        assert snippet not in text, snippet
    assert words(course.banks["networking-career"].questions[0].prompt) in text


def test_the_instructor_edition_prints_the_answers(instructor_page, course, tmp_path):
    count, pages = printed(instructor_page, "lessons/networking-career.md", tmp_path)
    text = words("\n".join(pages))
    bank = course.banks["networking-career"]
    for question in bank.questions:
        for feedback in (question.feedback.values() if question.type != "open" else [question.answer]):
            assert " ".join(words(feedback).split()[:8]) in text, question.id
    assert "show the answer" not in text


def test_the_answer_key_prints_each_lesson_on_new_sheets(instructor_page, course, tmp_path):
    count, pages = printed(instructor_page, "instructor/answer-key.md", tmp_path)
    assert count > len(course.lessons)
    starts = [n for n, text in enumerate(pages) if any(words(text).startswith(words(lesson.title))
                                                       for lesson in course.lessons.values())]
    assert len(starts) == len(course.lessons) - 1, "every lesson but the first starts a sheet"
    text = words("\n".join(pages))
    for snippet in feedback_snippets(course):
        assert snippet in text, snippet
    assert_no_screen_parts("\n".join(pages), "answer key")


def test_the_session_plan_prints_on_one_sheet(instructor_page, tmp_path):
    count, pages = printed(instructor_page, "instructor/sessions/networking-career.md", tmp_path)
    first = words(pages[0])
    assert "session networking for your tech career" in first and "62 min" in first
    assert_no_screen_parts("\n".join(pages), "session plan")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_paper_is_black_on_white_in_either_scheme(page, scheme):
    page.emulate_media(media="print", color_scheme=scheme)
    page.goto("worksheets/superpowers-and-goals/")
    colours = page.evaluate("""() => {
        const style = node => getComputedStyle(document.querySelector(node));
        return [style('.md-typeset').color, style('body').backgroundColor, style('.write-line').borderBottomColor,
                style('.md-header').display, style('.md-sidebar--primary').display, style('.print-control').display];
    }""")
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgb(85, 85, 85)", "none", "none", "none"]


def test_the_worksheet_packs_list_the_worksheets():
    assert pdf.pack_pages("learner") == WORKSHEETS
    teacher = pdf.pack_pages("instructor")
    assert teacher[0] == "instructor/session-plan.md" and teacher[-len(WORKSHEETS):] == WORKSHEETS
    assert "instructor/answer-key.md" in teacher and "instructor/timers.md" not in teacher


def test_the_interview_kit_prints_on_two_pages_at_most(page, course, tmp_path):
    from pypdf import PdfReader

    from macros import messages, toolkit

    count, pages = printed(page, "worksheets/interview-kit.md", tmp_path)
    assert len(PdfReader(str(tmp_path / "worksheets-interview-kit.md.pdf")).pages) == count <= 2, \
        f"the interview kit prints on {count} pages"
    text = "\n".join(pages)
    assert_no_screen_parts(text, "interview kit")
    flat = words(text)
    assert "the agenda 18 minutes" in flat and "notes" in flat
    for question in list_after(course.lessons["networking-career"], "Have questions ready"):
        assert words(question) in flat, question
    templates = messages.load(ROOT)
    thanks = templates.templates["thank-you-after-chat"]
    blanks = {name: toolkit.slot_label(field["label"]) for name, field in templates.fields.items()}
    assert words(thanks.filled(values={}, blank=blanks.get)) in flat
    assert "fill in this template" not in flat, "a link to a web page is no use on paper"
