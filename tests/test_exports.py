"""The quiz bank for LMS import: Moodle XML read back with an XML parser, GIFT with a real GIFT parser
(gift-pegjs, through tests/gift_parse.js), hostile text surviving both, and the files in the instructor
edition only."""
import json
import random
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from conftest import ROOT, require
from macros import exports, render
from macros.bank import Bank, Question
from macros.course import Course
from macros.lessons import Lesson

NAME = "Networking for People Entering Tech"
MOODLE_TYPES = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse", "open": "essay"}

# Each format's special characters, CDATA's end, markup, line breaks and what looks like GIFT syntax.
HOSTILE = [
    "<script>alert('x')</script> & <b>bold</b>",
    "~ = # { } : all of GIFT's specials",
    r"back\slash, two \\, a GIFT escape \{ \~ \= \# \: and \n written out",
    "CDATA's end ]]> and twice ]]]]>",
    "line one\nline two\n\nA new paragraph.\n\n\nAfter two blank lines.",
    "::fake-title:: [html]{=fake ~answer#fb ####general}",
    "[html] a format marker at the start",
    "%50% at the start looks like a weight",
    "an arrow -> like a matching pair",
    "// not a comment\n// nor this",
    "$CATEGORY: not a category",
    "TRUE",
    "ends with a backslash \\",
    "Unicode: naïve café, ✓, 日本語",
]


def question(qid, qtype, text, **fields):
    options = {"a": f"{text} (a)", "b": f"{text} (b)", "c": f"{text} (c)"} if qtype in ("single", "multiple") else {}
    keys = [True, False] if qtype == "true-false" else list(options)
    answer = {"single": "b", "multiple": ["a", "c"], "true-false": False, "open": f"Model: {text}"}[qtype]
    feedback = {key: f"Feedback {key}: {text}" for key in keys} if qtype != "open" else {}
    return Question(id=qid, type=qtype, objective="x", prompt=f"Prompt: {text}", answer=answer, options=options,
                    feedback=feedback, explanation=f"Explanation: {text}", **fields)


def make_course(texts, slug="hostile"):
    types = ("single", "multiple", "true-false", "open")
    questions = [question(f"q{i}", types[i % 4], text) for i, text in enumerate(texts)]
    lesson = Lesson(slug=slug, path=f"docs/lessons/{slug}.md", title="A / lesson: {with} ~specials~",
                    description="Hostile <b>text</b>", time={}, objectives={"x": "x"})
    return Course(lessons={slug: lesson}, banks={slug: Bank(lesson=slug, path=f"quizzes/{slug}.yml", questions=questions)})


def fuzz_texts(count=200, seed=7):
    """Random texts from an alphabet of each format's special characters (fixed seed: the same every run)."""
    alphabet = list("~=#{}:\\[]%<>&/-$\"' \n\tabcTRUEF") + ["]]>", "->", "::", "####", "\\n", "é", "✓"]
    rng = random.Random(seed)
    texts = []
    while len(texts) < count:
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24))).strip()
        # Both GIFT readers decode these placeholders of their own escaping; no text of ours holds one.
        if text and "&&" not in text:
            texts.append(text)
    return texts


# ---- Moodle XML ---------------------------------------------------------------------------------

def moodle(text):
    root = ET.fromstring(text)
    assert root.tag == "quiz"
    return root.findall("question")


def grouped(questions):
    """[(category text, [question elements])] in file order."""
    groups = []
    for element in questions:
        if element.get("type") == "category":
            groups.append((element.findtext("category/text"), []))
        else:
            groups[-1][1].append(element)
    return groups


def html_of(element, path):
    node = element.find(path)
    assert node is not None and node.get("format") == "html", path
    return node.findtext("text")


def check_moodle_question(element, q, slug):
    assert element.get("type") == MOODLE_TYPES[q.type]
    assert element.findtext("name/text") == q.id
    assert element.findtext("idnumber") == f"{slug}/{q.id}"
    assert html_of(element, "questiontext") == render.block(q.prompt)
    assert html_of(element, "generalfeedback") == (render.block(q.explanation) if q.explanation else "")
    answers = element.findall("answer")
    if q.type == "open":
        assert answers == []
        assert html_of(element, "graderinfo") == render.block(q.answer)
        return
    assert len(answers) == len(q.choices)
    fractions = {}
    for answer, (key, text) in zip(answers, q.choices):
        shown = answer.findtext("text")
        assert shown == (str(key).lower() if q.type == "true-false" else render.inline(text))
        assert html_of(answer, "feedback") == render.block(q.feedback[key])
        fractions[key] = float(answer.get("fraction"))
    right = {key for key, value in fractions.items() if value > 0}
    assert right == q.keyed, q.id
    assert sum(fractions[key] for key in right) == pytest.approx(100, abs=0.001), q.id
    assert all(fractions[key] <= 0 for key in fractions if key not in right), q.id
    if q.type == "multiple" and len(right) < len(fractions):
        assert sum(value for value in fractions.values() if value < 0) == pytest.approx(-100, abs=0.001), q.id
    if q.type != "true-false":
        assert element.findtext("single") == ("true" if q.type == "single" else "false")


def test_moodle_xml_has_every_question_with_its_key_and_feedback(course):
    groups = grouped(moodle(exports.moodle_xml(course, course_name=NAME)))
    assert [name for name, _ in groups] == [f"$course$/top/{NAME}/{lesson.title}" for lesson in course.lessons.values()]
    for (_, elements), (slug, bank) in zip(groups, ((slug, course.banks[slug]) for slug in course.lessons)):
        assert len(elements) == len(bank.questions), slug
        for element, q in zip(elements, bank.questions):
            check_moodle_question(element, q, slug)


def test_each_lesson_file_holds_only_that_lesson(course):
    files = exports.files(course, NAME)
    assert set(files) == {f"{slug}.{ext}" for slug in list(course.lessons) + ["course"]
                          for ext in ("moodle.xml", "gift.txt")}
    for slug, bank in course.banks.items():
        groups = grouped(moodle(files[f"{slug}.moodle.xml"]))
        assert len(groups) == 1 and [e.findtext("name/text") for e in groups[0][1]] == [q.id for q in bank.questions]


def test_moodle_fractions_are_on_moodles_grade_list():
    # Moodle's import stops on a grade it does not list (unless told to take the nearest).
    listed = {"100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333", "30", "25", "20",
              "16.66667", "14.28571", "12.5", "11.11111", "10", "5", "0"}
    assert {exports.fraction(1 / n) for n in range(1, 11)} <= listed


@pytest.mark.parametrize("text", HOSTILE + fuzz_texts(50))
def test_cdata_keeps_any_text(text):
    assert ET.fromstring(f"<t>{exports.cdata(text)}</t>").text == text


def test_hostile_text_survives_moodle_xml():
    course = make_course(HOSTILE + fuzz_texts())
    groups = grouped(moodle(exports.moodle_xml(course, course_name=NAME)))
    assert groups[0][0] == f"$course$/top/{NAME}/A // lesson: {{with}} ~specials~"
    for element, q in zip(groups[0][1], course.banks["hostile"].questions, strict=True):
        check_moodle_question(element, q, "hostile")
    # The HTML is the site's own sanitised rendering: markup in the bank arrives as text, never as a tag.
    html = html_of(groups[0][1][0], "questiontext")
    assert "&lt;script&gt;" in html and "<script" not in html
    assert "<script>alert('x')</script>" in text_of(html)


def text_of(html):
    parts = []
    parser = HTMLParser()
    parser.handle_data = parts.append
    parser.feed(html)
    return "".join(parts)


# ---- GIFT ---------------------------------------------------------------------------------------

def parse_gift(text, tmp_path):
    return parse_gifts([text], tmp_path)[0]


def parse_gifts(texts, tmp_path):
    """Each text as gift-pegjs reads it, in one run of Node."""
    node = require(shutil.which("node"), "Node.js for the GIFT tests: apt-get install -y nodejs npm")
    require((ROOT / "node_modules" / "gift-pegjs").is_dir(), "the npm packages for the GIFT tests: run `make setup`")
    paths = [tmp_path / f"bank-{number}.gift.txt" for number in range(len(texts))]
    for path, text in zip(paths, texts):
        path.write_text(text, encoding="utf-8")
    result = subprocess.run([node, str(ROOT / "tests" / "gift_parse.js"), *map(str, paths)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    parsed = json.loads(result.stdout)
    return parsed if len(texts) > 1 else [parsed]


def check_gift_question(parsed, q, slug):
    def same(node, text):
        assert node is not None and node["text"] == text.strip(), (q.id, node, text)
        assert node["format"] == "markdown", (q.id, node)

    assert parsed["title"] == q.id
    assert parsed["id"] == f"{slug}/{q.id}"
    same(parsed["stem"], q.prompt)
    if q.type == "open":
        assert parsed["type"] == "Essay"
        general = "Model answer:\n\n" + q.answer.strip() + ("\n\n" + q.explanation.strip() if q.explanation else "")
        same(parsed["globalFeedback"], general)
        return
    if q.explanation:
        same(parsed["globalFeedback"], q.explanation)
    else:
        assert parsed["globalFeedback"] is None
    if q.type == "true-false":
        assert parsed["type"] == "TF" and parsed["isTrue"] is q.answer
        # GIFT's order: {TRUE#feedback for a wrong answer#feedback for a right answer}
        same(parsed["trueFeedback"], q.feedback[not q.answer])
        same(parsed["falseFeedback"], q.feedback[q.answer])
        return
    assert parsed["type"] == "MC"
    assert len(parsed["choices"]) == len(q.options)
    weights = {}
    for choice, (key, text) in zip(parsed["choices"], q.options.items()):
        same(choice["text"], text)
        same(choice["feedback"], q.feedback[key])
        weights[key] = 100 if choice["isCorrect"] and choice["weight"] is None else (choice["weight"] or 0)
    right = {key for key, weight in weights.items() if weight > 0}
    assert right == q.keyed, q.id
    assert sum(weights[key] for key in right) == pytest.approx(100, abs=0.001), q.id


def check_gift(parsed, course):
    assert [item["title"] for item in parsed if item["type"] == "Category"] == [
        exports.category(NAME, lesson) for lesson in course.lessons.values()]
    questions = [item for item in parsed if item["type"] != "Category"]
    expected = [(slug, q) for slug in course.lessons for q in course.banks[slug].questions]
    assert len(questions) == len(expected)
    for item, (slug, q) in zip(questions, expected):
        check_gift_question(item, q, slug)


def test_gift_parses_with_every_question_answer_and_feedback(course, tmp_path):
    check_gift(parse_gift(exports.gift(course, course_name=NAME), tmp_path), course)


def test_gift_lesson_files_parse(course, tmp_path):
    files = exports.files(course, NAME)
    slugs = list(course.banks)
    for slug, parsed in zip(slugs, parse_gifts([files[f"{slug}.gift.txt"] for slug in slugs], tmp_path), strict=True):
        assert [item["title"] for item in parsed[1:]] == [q.id for q in course.banks[slug].questions]


def test_hostile_text_survives_gift(tmp_path):
    course = make_course(HOSTILE + fuzz_texts())
    check_gift(parse_gift(exports.gift(course, course_name=NAME), tmp_path), course)


def test_gift_escapes_each_special_character():
    assert exports.gift_escape("a~b=c#d{e}f:g\\h\ni") == r"a\~b\=c\#d\{e\}f\:g\\h\ni"


# ---- In the built editions ----------------------------------------------------------------------

def test_instructor_edition_offers_every_file_and_each_link_works(instructor_site, course):
    page = instructor_site / "instructor" / "lms" / "index.html"
    html = page.read_text(encoding="utf-8")
    links = [link for link in HrefParser.of(html) if "/downloads/lms/" in link]
    written = {path.name: path.read_text(encoding="utf-8") for path in (instructor_site / exports.DOWNLOADS_DIR).iterdir()}
    assert written == exports.files(course, NAME)
    assert sorted(link.rsplit("/", 1)[1] for link in links) == sorted(written)
    for link in links:
        assert (page.parent / link).resolve().is_file(), link


def test_learner_edition_neither_has_nor_links_the_answer_files(site):
    assert not (site / exports.DOWNLOADS_DIR).exists()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "downloads/lms" not in html and ".moodle.xml" not in html and ".gift.txt" not in html, page


class HrefParser(HTMLParser):
    @classmethod
    def of(cls, html):
        parser = cls()
        parser.links = []
        parser.feed(html)
        return parser.links

    def handle_starttag(self, tag, attrs):
        self.links += [value for name, value in attrs if tag == "a" and name == "href" and value]
