"""Hostile strings written into a quiz bank go through every rendering path of both editions (quiz,
paper quiz, answer key, session pages, search index, LMS exports, the Anki deck) and nothing is injected."""
import io
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser

import pytest
import yaml

from conftest import mkdocs_build
from test_site import copy_project

PAYLOADS = ['<script>alert("pwned")</script>', '" onmouseover="alert(\'pwned\')', "{{ 7*7 }} {% if true %}JINJA{% endif %}",
            "<img src=x onerror=alert('pwned')>", "[click me](javascript:alert('pwned'))", "!!! instructor \"not a note\"",
            "</details></div></section><iframe src=//evil.example>", "\u200b" + "long " * 900]
TEXT = " | ".join(PAYLOADS[:-1])


class Scan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.bad, self.in_script = [], False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.bad.append(f"<{tag} {name}={value}>")
        if tag in ("iframe", "img") and any("evil" in (v or "") or v == "x" for _, v in attrs):
            self.bad.append(f"<{tag}>")
        self.in_script = tag == "script"

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and "pwned" in data:
            self.bad.append("script with the payload")


@pytest.fixture(scope="module")
def hostile_builds(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    bank_path = project / "quizzes/in-person.yml"
    bank = yaml.safe_load(bank_path.read_text(encoding="utf-8"))
    objective = bank["questions"][0]["objective"]
    bank["questions"] += [
        {"id": "hostile-choice", "type": "single", "objective": objective, "prompt": TEXT,
         "options": {"a": TEXT, "b": PAYLOADS[-1]}, "answer": "a", "feedback": {"a": TEXT, "b": TEXT}, "explanation": TEXT,
         "allow": {"negative-stem": "The prompt is hostile text on purpose; its 'not' is part of a payload."}},
        {"id": "hostile-open", "type": "open", "objective": objective, "prompt": TEXT, "answer": TEXT + "\n\n" + TEXT},
    ]
    bank_path.write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False), encoding="utf-8")
    sites = {}
    for edition, config in (("learner", "mkdocs.yml"), ("instructor", "mkdocs.instructor.yml")):
        site = project / f"out-{edition}"
        result = mkdocs_build(project / config, site, cwd=project)
        assert result.returncode == 0, result.stdout + result.stderr
        sites[edition] = site
    return sites


@pytest.mark.parametrize("edition", ["learner", "instructor"])
def test_nothing_is_injected_into_any_page(hostile_builds, edition):
    site = hostile_builds[edition]
    shown = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        scan = Scan()
        scan.feed(html)
        assert not scan.bad, f"{page.relative_to(site)}: {scan.bad}"
        assert "JINJA" not in html.replace("{% if true %}JINJA{% endif %}", "").replace(
            "{% if true %}JINJA{% endif %}".replace("%", "&#37;"), ""), page
        if "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in html or "&lt;script&gt;alert(\"pwned\")" in html:
            shown += 1
    assert shown >= 1, "the hostile text should still be shown, escaped, to the reader"


def test_the_learner_quiz_shows_the_text_literally(hostile_builds):
    html = (hostile_builds["learner"] / "lessons/in-person/index.html").read_text(encoding="utf-8")
    block = html.split('id="quiz-in-person-hostile-choice"', 1)[1]
    assert "{{ 7*7 }}" in block and "49" not in block.split("</legend>")[0]
    assert "!!! instructor" in block


def search_docs(site):
    return json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]


def test_the_learner_search_index_never_holds_the_quiz(hostile_builds):
    # Quizzes go into the finished page past the search index (macros/blocks.py): the hostile text is not there.
    docs = search_docs(hostile_builds["learner"])
    assert any(doc["location"] == "lessons/in-person/" for doc in docs), "the lesson itself is indexed"
    assert [doc["location"] for doc in docs if "pwned" in doc["title"] + doc["text"]] == []


def test_the_instructor_search_index_holds_the_text_as_text(hostile_builds):
    # The answer key is Markdown-rendered page text, so search indexes it; the theme shows results as HTML.
    docs = search_docs(hostile_builds["instructor"])
    key = next(doc for doc in docs if doc["location"] == "instructor/answer-key/#in-person")
    assert '&lt;script&gt;alert("pwned")&lt;/script&gt;' in key["text"]
    assert "&lt;img src=x onerror=alert('pwned')&gt;" in key["text"]
    assert "&lt;iframe src=//evil.example&gt;" in key["text"]
    for doc in docs:
        scan = Scan()
        scan.feed(doc["title"] + doc["text"])
        assert not scan.bad, (doc["location"], scan.bad)
        assert not re.search(r"<(script|img|iframe)\b", doc["title"] + doc["text"]), doc["location"]


def test_the_lms_exports_keep_the_text_inert(hostile_builds):
    lms = hostile_builds["instructor"] / "downloads/lms"
    xml = (lms / "in-person.moodle.xml").read_text(encoding="utf-8")
    gift = (lms / "in-person.gift.txt").read_text(encoding="utf-8")
    assert "hostile-choice" in xml and "hostile-choice" in gift
    for cdata in re.findall(r"<!\[CDATA\[(.*?)\]\]>", xml, re.S):
        scan = Scan()
        scan.feed(cdata)
        assert not scan.bad, scan.bad


def scanned(html):
    scan = Scan()
    scan.feed(html)
    return scan.bad


def test_canvas_and_blackboard_files_keep_the_text_inert(hostile_builds):
    lms = hostile_builds["instructor"] / "downloads/lms"
    with zipfile.ZipFile(io.BytesIO((lms / "in-person.qti.zip").read_bytes())) as archive:
        root = ET.fromstring(archive.read("quiz-in-person/quiz-in-person.xml"))
    ns = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
    items = {item.get("title"): item for item in root.iter(f"{ns}item")}
    for qid in ("hostile-choice", "hostile-open"):
        texts = [node.text or "" for node in items[qid].iter(f"{ns}mattext")]
        assert any("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in text or
                   "&lt;script&gt;alert(\"pwned\")&lt;/script&gt;" in text for text in texts), qid
        assert all(not scanned(text) for text in texts), qid
    lines = (lms / "in-person.blackboard.txt").read_text(encoding="utf-8").split("\n")
    hostile = [line.split("\t") for line in lines if "pwned" in line]
    # One line each, with the fields the format expects: a tab or line break in the text would add more.
    assert [(fields[0], len(fields)) for fields in hostile] == [("MC", 6), ("ESS", 3)]
    assert hostile[0][3] == "correct" and hostile[0][5] == "incorrect"
    assert all(not scanned(field) and "<script" not in field for fields in hostile for field in fields)


def test_the_anki_deck_keeps_the_text_inert(hostile_builds, tmp_path):
    with zipfile.ZipFile(hostile_builds["learner"] / "downloads/networking-course.apkg") as archive:
        archive.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    notes = [flds.split("\x1f") for (flds,) in db.execute("SELECT flds FROM notes") if "pwned" in flds]
    db.close()
    assert len(notes) == 2 and all(len(fields) == 6 for fields in notes)
    assert "&lt;script&gt;alert" in notes[0][0] and "{{ 7*7 }}" in notes[0][0]
    assert all(not scanned(field) and "<script" not in field for fields in notes for field in fields)
