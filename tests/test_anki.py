"""The Anki deck read back: the .apkg unzipped and its SQLite collection opened with sqlite3 — one note per
question with the right answer, the feedback and the explanation on the back, tags by lesson and objective,
GUIDs and ids that stay the same from build to build, hostile text escaped; and the deck in both editions,
linked from the progress page."""
import dataclasses
import json
import re
import sqlite3
import zipfile
from html.parser import HTMLParser

import genanki

from macros import anki, render
from macros.exports import XML_INVALID
from macros.lessons import Lesson
from test_exports import HOSTILE, HrefParser, fuzz_texts, make_course, question, text_of
from test_hostile import Scan

NAME = "Networking for People Entering Tech"


def read_deck(path, tmp_path):
    """{"notes": [{guid, mid, mod, tags, fields}], "cards": [(note id, deck id)], "models", "decks"}."""
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
        assert json.loads(archive.read("media")) == {}
        archive.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        notes = [{"id": nid, "guid": guid, "mid": mid, "mod": mod, "tags": tags.split(), "fields": flds.split("\x1f")}
                 for nid, guid, mid, mod, tags, flds in db.execute("SELECT id, guid, mid, mod, tags, flds FROM notes ORDER BY id")]
        cards = db.execute("SELECT nid, did FROM cards ORDER BY nid").fetchall()
        models, decks = (json.loads(value) for value in db.execute("SELECT models, decks FROM col").fetchone())
    finally:
        db.close()
    return {"notes": notes, "cards": cards, "models": models, "decks": decks}


class Feedback(HTMLParser):
    """{option key: the text of its feedback item} from the Feedback field."""

    def __init__(self):
        super().__init__()
        self.items, self.key = {}, None

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self.key = dict(attrs)["data-option"]
            self.items[self.key] = ""

    def handle_endtag(self, tag):
        if tag == "li":
            self.key = None

    def handle_data(self, data):
        if self.key is not None:
            self.items[self.key] += data


def label(key):
    return {True: "True", False: "False"}.get(key, key)


def check_note(note, q, lesson):
    fields = dict(zip(anki.FIELDS, note["fields"], strict=True))
    clean = lambda html: XML_INVALID.sub("", html)  # noqa: E731
    assert note["guid"] == genanki.guid_for(lesson.slug, q.id)
    assert note["tags"] == [lesson.slug, f"{lesson.slug}::{q.objective}"]
    assert fields["Question"] == clean(render.inline(q.prompt))
    assert fields["Lesson"] == clean(render.inline(lesson.title))
    assert fields["Explanation"] == (clean(render.inline(q.explanation)) if q.explanation else "")
    answer = text_of(fields["Answer"])
    if q.type == "open":
        assert answer == "Model answer:" + text_of(clean(render.block(q.answer)))
        assert fields["Feedback"] == ""
        assert "Discussion question" in fields["Choices"]
        return
    # The front: the options in bank order, each with its key.
    if q.type == "true-false":
        assert text_of(fields["Choices"]) == "True or false?"
    else:
        shown = re.findall(r"<li><strong>([^<]*)\.</strong> (.*?)</li>(?=<li><strong>|</ul>$)", fields["Choices"], re.S)
        assert shown == [(key, clean(render.inline(text))) for key, text in q.options.items()]
        assert ("Choose all that apply." in fields["Choices"]) is (q.type == "multiple")
    # The back: the right answer in words, and every option's feedback, said right or not.
    keys = [key for key, _ in q.choices if key in q.keyed]
    if q.type == "true-false":
        assert answer == f"Answer: {label(q.answer)}"
    else:
        # A multiple-choice key is a list under its heading: "Answers:" then one item per key.
        items = [f"{key}. {text_of(clean(render.inline(q.options[key])))}" for key in keys]
        assert answer == ("Answers:" + "".join(items) if q.type == "multiple" else "Answer: " + items[0])
    parser = Feedback()
    parser.feed(fields["Feedback"])
    assert parser.items == {str(key).lower(): f"{label(key)}. {'Right' if key in q.keyed else 'Not quite'}: "
                            + text_of(clean(render.inline(q.feedback[key]))) for key, _ in q.choices}


def check_deck(deck, course):
    expected = [(q, lesson) for lesson in course.lessons.values() for q in course.banks[lesson.slug].questions]
    assert len(deck["notes"]) == len(expected)
    for note, (q, lesson) in zip(deck["notes"], expected):
        check_note(note, q, lesson)
    # One card per note, all in the course's deck, of the course's note type.
    assert [nid for nid, _ in deck["cards"]] == [note["id"] for note in deck["notes"]]
    assert {did for _, did in deck["cards"]} == {anki.DECK_ID}
    assert {note["mid"] for note in deck["notes"]} == {anki.MODEL_ID}


def test_deck_has_a_note_per_question_with_the_answer_on_the_back(course, tmp_path):
    deck = read_deck(anki.write(course, tmp_path, NAME), tmp_path)
    check_deck(deck, course)
    assert deck["decks"][str(anki.DECK_ID)]["name"] == NAME
    model = deck["models"][str(anki.MODEL_ID)]
    assert [field["name"] for field in model["flds"]] == list(anki.FIELDS)
    template = model["tmpls"][0]
    # The front holds the question and its options, never the answer; the back holds all of it.
    assert re.findall(r"{{(\w+)}}", template["qfmt"]) == ["Lesson", "Question", "Choices"]
    assert {"FrontSide", "Answer", "Feedback", "Explanation"} <= set(re.findall(r"{{[#/]?(\w+)}}", template["afmt"]))


def test_known_question_exactly(tmp_path):
    course = make_course(["plain text"] * 4)
    notes = read_deck(anki.write(course, tmp_path, NAME), tmp_path)["notes"]
    fields = [dict(zip(anki.FIELDS, note["fields"])) for note in notes]
    assert [text_of(f["Answer"]) for f in fields] == ["Answer: b. plain text (b)", "Answers:a. plain text (a)c. plain text (c)",
                                                     "Answer: False", "Model answer:Model: plain text"]
    assert notes[0]["tags"] == ["hostile", "hostile::x"]
    assert notes[0]["guid"] == genanki.guid_for("hostile", "q0")


def test_a_newer_deck_updates_the_same_notes(course, tmp_path):
    first = read_deck(anki.write(course, tmp_path / "one", NAME, timestamp=1_700_000_000), tmp_path / "one")
    second = read_deck(anki.write(course, tmp_path / "two", NAME, timestamp=1_800_000_000), tmp_path / "two")
    # Anki matches notes by GUID and note types by id, and takes a note whose modification time is newer.
    assert [n["guid"] for n in first["notes"]] == [n["guid"] for n in second["notes"]]
    assert len({n["guid"] for n in first["notes"]}) == len(first["notes"])
    assert set(first["models"]) == set(second["models"]) == {str(anki.MODEL_ID)}
    assert {n["mod"] for n in first["notes"]} == {1_700_000_000} and {n["mod"] for n in second["notes"]} == {1_800_000_000}


def test_tags_hold_no_space():
    assert anki.tag(" a lesson\tname ") == "a_lesson_name"


def test_hostile_text_survives_the_deck(tmp_path):
    course = make_course(HOSTILE + fuzz_texts() + ["Anki's field separator \x1f and other controls \x01\x0b"])
    deck = read_deck(anki.write(course, tmp_path, NAME), tmp_path)
    check_deck(deck, course)
    for note in deck["notes"]:
        for field in note["fields"]:
            scan = Scan()
            scan.feed(field)
            assert not scan.bad and "<script" not in field and "<b>" not in field, field
    # HTML-escaped, so Anki shows the markup as text.
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in deck["notes"][0]["fields"][0]


def test_both_editions_offer_the_deck_on_the_progress_page(site, instructor_site, course, tmp_path):
    for folder in (site, instructor_site):
        page = folder / "progress" / "index.html"
        html = page.read_text(encoding="utf-8")
        links = [link for link in HrefParser.of(html) if link.endswith(".apkg")]
        assert links == ["../downloads/networking-course.apkg"]
        assert "Review with Anki" in html and "Download the Anki deck" in html
        deck = read_deck((page.parent / links[0]).resolve(), tmp_path / folder.name)
        check_deck(deck, course)


# ---- Exact parts, without the real course -----------------------------------------------------------------

def test_the_front_says_what_to_do_for_each_type():
    assert anki.choices_html(question("q0", "open", "x")) == (
        '<p class="hint">Discussion question: answer in your own words, then compare with the model answer.</p>')
    assert anki.choices_html(question("q0", "true-false", "x")) == '<p class="hint">True or false?</p>'
    items = ('<li><strong>a.</strong> x &lt; (a)</li><li><strong>b.</strong> x &lt; (b)</li>'
             '<li><strong>c.</strong> x &lt; (c)</li>')
    assert anki.choices_html(question("q0", "single", "x <")) == f'<ul class="choices">{items}</ul>'
    assert anki.choices_html(question("q0", "multiple", "x <")) == (
        f'<p class="hint">Choose all that apply.</p><ul class="choices">{items}</ul>')


def test_a_question_without_explanation_has_an_empty_field():
    lesson = make_course(["x"]).lessons["hostile"]
    plain = dataclasses.replace(question("q0", "true-false", "x"), explanation="")
    assert anki.fields(plain, lesson)[4] == ""
    assert anki.fields(question("q0", "true-false", "x"), lesson)[4] == "Explanation: x"


def test_the_note_type_exactly():
    model = anki.model("A course")
    assert (model.model_id, model.name, model.css) == (anki.MODEL_ID, "A course: question", anki.CSS)
    assert model.fields == [{"name": name} for name in anki.FIELDS]
    assert model.templates == [{"name": "Question", "qfmt": anki.FRONT, "afmt": anki.BACK}]


def test_the_deck_is_named_course_by_default_and_skips_a_lesson_without_questions():
    course = make_course(["x", "y"])
    course.lessons["empty"] = Lesson(slug="empty", path="docs/lessons/empty.md", title="Empty", description="",
                                     time={}, objectives={})
    deck = anki.deck(course)
    assert (deck.deck_id, deck.name) == (anki.DECK_ID, "Course")
    assert [note.guid for note in deck.notes] == [genanki.guid_for("hostile", "q0"), genanki.guid_for("hostile", "q1")]
    assert {note.model.name for note in deck.notes} == {"Course: question"}


def test_the_written_deck_is_deflated_named_course_by_default_and_rewritten(tmp_path):
    course = make_course(["x"])
    path = anki.write(course, tmp_path, timestamp=1_700_000_000)
    assert path == tmp_path / "downloads" / "networking-course.apkg"
    with zipfile.ZipFile(path) as archive:
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_DEFLATED}
    deck = read_deck(path, tmp_path)
    assert [d["name"] for d in deck["decks"].values() if d["id"] == anki.DECK_ID] == ["Course"]
    assert deck["models"][str(anki.MODEL_ID)]["name"] == "Course: question"
    # A second build writes over the first into the folder that is already there.
    assert anki.write(course, tmp_path, "Again", timestamp=1_700_000_001) == path
    assert [d["name"] for d in read_deck(path, tmp_path / "again")["decks"].values() if d["id"] == anki.DECK_ID] == ["Again"]
