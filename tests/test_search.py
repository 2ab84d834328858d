"""The search index holds what a learner reads, not the controls around it: no buttons, no form, no table whose
cells run together into one word; and the lessons' text is all there."""
import json
import re
from html import unescape

import pytest

from macros import spacing

# Controls the macros write, and the words a search result must never show.
CONTROLS = [
    "LessonAnsweredScore", "Your quiz progress in each lesson", "Export progress Import progress",
    "Reset progress<", "Print this quiz", "Print this worksheet", "Print the cards", "Print every quiz",
    "Download my plan (.md)", "Download my plan (.docx)", "Add my plan to my calendar (.ics)", "Blank plan to download",
    "Blank plan, Word (.docx)", "Scroll the table sideways", "Print my plan",
    "Download the offline copy (.zip)", "Download the Anki deck", "Name Date", "Name  Date",
    "Start the course", "Show the answer",
]
INSTRUCTOR_CONTROLS = ["StartsPartTime", "Start time", "Break between lessons", "Next round", "Full screen",
                       "TrueRight.", "FalseRight.", "LessonQuestionsFiles"]


def index(folder):
    return json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def text(entry):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", entry["text"])).split())


def found(docs, words):
    return [entry["location"] for entry in docs if words in entry["text"] or words in text(entry)]


@pytest.mark.parametrize("control", CONTROLS)
def test_no_control_of_the_learner_edition_is_in_its_index(site, control):
    assert found(index(site), control) == []


@pytest.mark.parametrize("control", CONTROLS + INSTRUCTOR_CONTROLS)
def test_no_control_of_the_instructor_edition_is_in_its_index(instructor_site, control):
    assert found(index(instructor_site), control) == []


def test_the_text_around_the_controls_is_in_the_index(site, instructor_site):
    docs = {entry["location"]: text(entry) for entry in index(site)}
    # The page's own words, and nothing of its table or buttons after them.
    assert docs["progress/"].startswith("This page shows how far you are with each lesson's check for understanding.")
    assert docs["progress/"].endswith("nothing you type leaves it, and you need no account.")
    assert docs["progress/#take-your-progress-with-you"].startswith("Export progress saves everything (")
    # Each card's text, without its label ("Open", "Ask") run into it.
    cards = docs["worksheets/conversation-cards/"]
    assert 'Introduce yourself and ask a question. "Hi, I\'m Sam.' in cards and "OpenIntroduce" not in cards
    assert docs["worksheets/superpowers-and-goals/"].startswith("For Step 1 of Networking for your tech career.")
    assert "My superpowers, one in each box" in docs["worksheets/superpowers-and-goals/"]
    assert docs["lessons/networking-plan/#guided-practice"].startswith(
        "Review Dani's month 1 (5 minutes, in pairs).")
    assert "Fill in your own plan, one part at a time, following the steps above." in docs["lessons/networking-plan/#guided-practice"]
    instructor = {entry["location"]: text(entry) for entry in index(instructor_site)}
    assert ("Session plan: the start of each part and its minutes Starts Part Time What happens 1. What networking "
            "really is") in instructor["instructor/session-plan/"]


def test_every_lesson_section_is_in_the_index(site, course):
    docs = {entry["location"] for entry in index(site)}
    for slug, lesson in course.lessons.items():
        headings = re.findall(r"^## (.+?)\s*(?:\{.*\})?$", lesson.body, re.MULTILINE)
        assert len(headings) >= 10, slug
        for heading in headings:
            anchor = re.sub(r"[^\w\s-]", "", heading.lower()).strip().replace(" ", "-")
            assert f"lessons/{slug}/#{anchor}" in docs, (slug, heading)


def test_the_hook_spaces_each_pages_html():
    assert spacing.on_page_content("<td>a</td><td>b</td>", None, None, None) == "<td>a</td>\n<td>b</td>"


def test_cells_and_line_breaks_are_kept_apart():
    assert spacing.spaced("<tr><th>Lesson</th><th>Score</th></tr><tr><td>a</td><td>b</td></tr>") == (
        "<tr><th>Lesson</th>\n<th>Score</th>\n</tr>\n<tr><td>a</td>\n<td>b</td>\n</tr>")
    assert spacing.spaced("True<br><span>Right.</span> <br>\nx</td> <td>") == "True<br>\n<span>Right.</span> <br>\nx</td> <td>"
    assert spacing.spaced("<caption>Plan</caption><thead>") == "<caption>Plan</caption>\n<thead>"
