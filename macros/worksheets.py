"""Printable worksheets: room to write, cut-out conversation cards and paper quizzes. Pure: no MkDocs here.

Card texts are read from the lists in the lessons themselves, so a worksheet is never a second copy.
"""
import re
from html import escape

from .lessons import FENCE
from .render import inline

LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+\.)\s+(.*)$")


def print_button(label="Print this worksheet", target=""):
    """A button that prints the page, or only the element with id target; shown only when
    assets/worksheet.js runs, never on paper."""
    return (f'<p class="print-control" hidden><button type="button" class="md-button" data-print="{escape(target)}">'
            f"{escape(label)}</button></p>")


def writing_space(lines=4, label=""):
    """Ruled lines to write on, with an optional label above them."""
    caption = f'<p class="write-label">{inline(label)}</p>' if label else ""
    return (f'<div class="write-space">{caption}<div class="write-lines" aria-hidden="true">'
            + '<span class="write-line"></span>' * int(lines) + "</div></div>")


def boxes(count=6, label=""):
    """Square boxes to write in, one idea each, like sticky notes."""
    caption = f'<p class="write-label">{inline(label)}</p>' if label else ""
    return (f'<div class="write-boxes">{caption}<ol class="boxes" aria-hidden="true">'
            + '<li class="box"></li>' * int(count) + "</ol></div>")


def plain_list(items, ticks=False):
    """A list quoted from a lesson; with ticks, each item has a box to tick, on screen and on paper."""
    kind = "worksheet-list worksheet-ticks" if ticks else "worksheet-list"
    return f'<ul class="{kind}">{"".join(f"<li>{inline(item)}</li>" for item in items)}</ul>'


def list_after(lesson, marker):
    """The items of the first Markdown list after the first line of the lesson that contains marker.

    Raises ValueError saying where to look when there is no such line or no list after it."""
    lines, fenced = lesson.body.splitlines(), False
    for number, line in enumerate(lines):
        if FENCE.match(line):
            fenced = not fenced
        if fenced or marker not in line:
            continue
        items, indent = [], None
        for following in lines[number + 1:]:
            item = LIST_ITEM.match(following)
            if item and (indent is None or len(item.group(1)) == indent):
                indent = len(item.group(1))
                items.append(item.group(2).strip())
            elif items and following.strip() and len(following) - len(following.lstrip()) > indent:
                items[-1] += " " + following.strip()
            elif items or following.strip():
                break
        if items:
            return items
        break
    raise ValueError(f"{lesson.path}: no list follows a line containing '{marker}'; "
                     "name text from the line just above the list you want")


def cards(items):
    """One cut-out card for each (label, text), with its label printed on it (Open, Ask, Wrap up, Leave)."""
    shown = "".join(f'<li class="card"><span class="card-kind">{escape(label)}</span>'
                    f'<span class="card-text">{inline(text)}</span></li>' for label, text in items)
    return f'<ul class="cards" aria-label="Conversation cards">{shown}</ul>'


def paper_question(question, number, lines=4):
    """A question as it is printed: circles or boxes to tick, or ruled lines to write on. Never the answer:
    paper quizzes are handed to learners in both editions; the answer key is a page of its own."""
    if question.type == "open":
        body = writing_space(lines)
    else:
        shape = "box" if question.type == "multiple" else "circle"
        hint = '<p class="paper-hint">Tick all that apply.</p>' if question.type == "multiple" else ""
        options = "".join(
            f'<li><span class="paper-{shape}" aria-hidden="true"></span> '
            + (str(key) if question.type == "true-false" else f"<strong>{escape(key)}.</strong> {inline(text)}")
            + "</li>" for key, text in question.choices)
        body = f'{hint}<ul class="paper-options">{options}</ul>'
    return (f'<li class="paper-question" data-qid="{escape(question.id)}" value="{number}">'
            f'<p class="paper-prompt">{inline(question.prompt)}</p>{body}</li>')


def paper_quiz(bank, questions, lines=4, title=""):
    """A lesson's quiz on paper: name and date lines, then every question numbered.

    With a title, every printed sheet of it starts with the lesson's name: Chromium repeats a table's <thead> on
    each page, so the quiz sits in a one-cell table (shown as plain blocks on screen, where the line is hidden)."""
    items = "".join(paper_question(q, n, lines) for n, q in enumerate(questions, start=1))
    body = ('<p class="paper-name">Name <span class="paper-blank"></span> Date <span class="paper-blank short">'
            f'</span></p><ol class="paper-questions">{items}</ol>')
    if title:
        body = ('<table class="paper-frame" role="presentation"><thead><tr><td class="paper-running" aria-hidden="true">'
                f"Paper quiz: {escape(title)}</td></tr></thead><tbody><tr><td>{body}</td></tr></tbody></table>")
    return f'<section class="paper-quiz" data-quiz="{escape(bank.lesson)}">{body}</section>'


def paper_quizzes(course, place=lambda html: html):
    """Every lesson's paper quiz, each under its own heading and starting on a new sheet (Markdown + HTML).
    `place` gets each quiz's HTML and returns what goes in the Markdown for it."""
    parts = []
    for slug, lesson in course.lessons.items():
        bank = course.banks[slug]
        parts.append(f'<div class="paper-sheet" id="sheet-{slug}" markdown>\n\n'
                     f"## {escape(lesson.title)} {{ #quiz-{slug} }}\n\n"
                     + print_button("Print this quiz", f"sheet-{slug}") + "\n\n"
                     + place(paper_quiz(bank, bank.questions, title=lesson.title)) + "\n\n</div>\n")
    return "\n".join(parts)
