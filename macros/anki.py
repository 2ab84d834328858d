"""The whole quiz bank as an Anki deck (.apkg) for learners who review with spaced repetition.

One note per question: the prompt and its lettered options on the front; the answer, every option's
feedback and the explanation (or the model answer) on the back, in the site's own words and HTML
(render.py, so bank text is escaped and sanitised as on the site). No MkDocs here.

Anki recognises a note again by its GUID and a note type by its id, so both are fixed: importing a
newer deck updates the notes a learner already has, with their review history, instead of adding copies.
"""
import io
import re
import zipfile
from html import escape
from pathlib import Path

import genanki

from . import render
from .exports import XML_INVALID

DECK = "downloads/networking-course.apkg"
DECK_ID = 1736020514
MODEL_ID = 1736020515
FIELDS = ("Question", "Choices", "Answer", "Feedback", "Explanation", "Lesson")
CSS = """.card { font-family: system-ui, sans-serif; font-size: 1.1rem; line-height: 1.5; text-align: left;
  max-width: 40rem; margin: 0 auto; }
.lesson { font-size: 0.85rem; opacity: 0.75; }
.choices { list-style: none; padding-left: 0; }
.choices li { margin: 0.4rem 0; }
.quiz-feedback { padding-left: 1.2rem; }
.explanation { font-style: italic; }
"""
FRONT = '<p class="lesson">{{Lesson}}</p><div class="prompt">{{Question}}</div>{{Choices}}'
BACK = ('{{FrontSide}}<hr id="answer">{{Answer}}{{Feedback}}'
        '{{#Explanation}}<p class="explanation">{{Explanation}}</p>{{/Explanation}}')


def model(course_name):
    return genanki.Model(MODEL_ID, f"{course_name}: question", fields=[{"name": name} for name in FIELDS],
                         templates=[{"name": "Question", "qfmt": FRONT, "afmt": BACK}], css=CSS)


def tag(text):
    """Anki separates tags with spaces, so a tag has none."""
    return re.sub(r"\s+", "_", text.strip())


def tags(question, lesson):
    """The lesson's slug, and the objective under it (Anki shows `a::b` as b inside a)."""
    return [tag(lesson.slug), tag(f"{lesson.slug}::{question.objective}")]


def guid(question, lesson):
    return genanki.guid_for(lesson.slug, question.id)


def choices_html(question):
    """The options in bank order, each with its key as on the site; for true-false and discussion
    questions, what to do instead."""
    if question.type == "open":
        return '<p class="hint">Discussion question: answer in your own words, then compare with the model answer.</p>'
    if question.type == "true-false":
        return '<p class="hint">True or false?</p>'
    items = "".join(f"<li><strong>{escape(key)}.</strong> {render.inline(text)}</li>" for key, text in question.options.items())
    hint = '<p class="hint">Choose all that apply.</p>' if question.type == "multiple" else ""
    return f'{hint}<ul class="choices">{items}</ul>'


def fields(question, lesson):
    values = (render.inline(question.prompt), choices_html(question), render.answer_html(question),
              render.feedback_html(question), render.inline(question.explanation) if question.explanation else "",
              render.inline(lesson.title))
    # A control character would end a field early (Anki separates fields with \x1f).
    return [XML_INVALID.sub("", value) for value in values]


def deck(course, course_name="Course"):
    note_type = model(course_name)
    result = genanki.Deck(DECK_ID, course_name)
    for lesson in course.lessons.values():
        bank = course.banks.get(lesson.slug)
        for question in bank.questions if bank else []:
            result.add_note(genanki.Note(model=note_type, fields=fields(question, lesson), tags=tags(question, lesson),
                                         guid=guid(question, lesson)))
    return result


def write(course, site_dir, course_name="Course", timestamp=None):
    """Write the deck to site_dir/downloads/. Its notes carry the build's time (or `timestamp`): Anki
    updates a note on import only from a newer one."""
    path = Path(site_dir) / DECK
    path.parent.mkdir(parents=True, exist_ok=True)
    stored = io.BytesIO()
    genanki.Package(deck(course, course_name)).write_to_file(stored, timestamp=timestamp)
    # genanki stores the collection uncompressed; deflated, the download is a fifth of the size.
    with zipfile.ZipFile(stored) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(name, source.read(name))
    return path
