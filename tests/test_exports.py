"""The quiz bank for LMS import: Moodle XML read back with an XML parser, GIFT with a real GIFT parser
(gift-pegjs, through tests/gift_parse.js), the Canvas QTI package unzipped and parsed, Blackboard's upload
file split line by line and on tabs, hostile text surviving all of them, and the files in the instructor
edition only."""
import io
import json
import random
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
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
        # Written in the bank's order (above); Moodle shows each attempt its own order.
        assert element.findtext("shuffleanswers") == "true", q.id
        assert element.findtext("answernumbering") == "abc", q.id
    else:
        assert element.find("shuffleanswers") is None, q.id


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
                          for ext in ("moodle.xml", "gift.txt", "qti.zip", "blackboard.txt")}
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


def test_gift_weighs_options_that_would_read_as_weights_or_pairs_and_ends_an_open_question_with_its_answer():
    lesson = Lesson(slug="s", path="docs/lessons/s.md", title="S", description="D", time={}, objectives={"x": "x"})
    questions = [Question(id="arrow", type="single", objective="x", prompt="Which?", answer="b",
                          options={"a": "Go a -> b", "b": " %50 off", "c": "Plain"}, feedback={"a": "A", "b": "B", "c": "C"}),
                 Question(id="think", type="open", objective="x", prompt="Why?", answer="Because.")]
    course = Course(lessons={"s": lesson}, banks={"s": Bank(lesson="s", path="quizzes/s.yml", questions=questions)})
    assert exports.gift(course) == (
        "// S (s)\n$CATEGORY: $course$/top/Course/S\n\n"
        "// [id:s/arrow] objective: x\n::arrow::[markdown]Which? {\n~%0%Go a -> b#A\n~%100%%50 off#B\n~Plain#C\n}\n\n"
        "// [id:s/think] objective: x\n::think::[markdown]Why? {\n####Model answer\\:\\n\\nBecause.\n}\n")
    assert "<category><text><![CDATA[$course$/top/Course/S]]></text></category>" in exports.moodle_xml(course)


def test_cdata_drops_the_characters_xml_cannot_hold():
    assert exports.cdata("a\x01b\x0bc\ufffe") == "<![CDATA[abc]]>"


# ---- Canvas QTI ---------------------------------------------------------------------------------

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
CANVAS_TYPES = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
                "true-false": "true_false_question", "open": "essay_question"}


def read_qti(data):
    """[(resource identifier, assessment element)] in manifest order. The manifest must name every file of
    the package, and the package hold every file the manifest names."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        assert manifest.tag == f"{CP}manifest"
        resources = manifest.findall(f"{CP}resources/{CP}resource")
        hrefs = [[f.get("href") for f in resource.findall(f"{CP}file")] for resource in resources]
        assert all(len(files) == 1 and resource.get("href") == files[0] and resource.get("type") == "imsqti_xmlv1p2"
                   for resource, files in zip(resources, hrefs))
        assert sorted(archive.namelist()) == sorted(["imsmanifest.xml"] + [files[0] for files in hrefs])
        found = []
        for resource, files in zip(resources, hrefs):
            root = ET.fromstring(archive.read(files[0]))
            assert root.tag == f"{QTI}questestinterop"
            found.append((resource.get("identifier"), root.find(f"{QTI}assessment")))
        return found


def qti_scoring(item):
    """(choice idents that must be chosen, choice idents that must not be) from the one respcondition that
    sets SCORE to 100; None when no condition sets a score (an essay)."""
    scoring = [c for c in item.findall(f"{QTI}resprocessing/{QTI}respcondition") if c.find(f"{QTI}setvar") is not None]
    if not scoring:
        return None
    assert len(scoring) == 1
    setvar = scoring[0].find(f"{QTI}setvar")
    assert (setvar.get("action"), setvar.get("varname"), setvar.text) == ("Set", "SCORE", "100")
    assert scoring[0].get("continue") == "No"
    test = scoring[0].find(f"{QTI}conditionvar")
    if test.find(f"{QTI}and") is not None:
        test = test.find(f"{QTI}and")
    assert all(v.get("respident") == "response1" for v in test.iter(f"{QTI}varequal"))
    return ([v.text for v in test.findall(f"{QTI}varequal")], [v.text for v in test.findall(f"{QTI}not/{QTI}varequal")])


def qti_feedback(item):
    """{itemfeedback ident: (its HTML, what makes it show: a choice ident, or 'other')}."""
    shown = {}
    for condition in item.findall(f"{QTI}resprocessing/{QTI}respcondition"):
        display = condition.find(f"{QTI}displayfeedback")
        if display is not None:
            assert condition.get("continue") == "Yes" and condition.find(f"{QTI}setvar") is None
            test = condition.find(f"{QTI}conditionvar")[0]
            shown[display.get("linkrefid")] = "other" if test.tag == f"{QTI}other" else test.text
    texts = {fb.get("ident"): fb.findtext(f"{QTI}flow_mat/{QTI}material/{QTI}mattext") for fb in item.findall(f"{QTI}itemfeedback")}
    assert set(shown) == set(texts)
    return {ident: (texts[ident], shown[ident]) for ident in texts}


def check_qti_item(item, q, slug):
    assert (item.get("ident"), item.get("title")) == (f"item-{slug}.{q.id}", q.id)
    meta = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") for f in item.iter(f"{QTI}qtimetadatafield")}
    assert meta["question_type"] == CANVAS_TYPES[q.type] and meta["points_possible"] == "1.0"
    presentation = item.find(f"{QTI}presentation")
    assert presentation.findtext(f"{QTI}material/{QTI}mattext") == render.block(q.prompt)
    feedback = qti_feedback(item)
    general = render.block(q.explanation) if q.explanation else ""
    if q.type == "open":
        general = "<p><strong>Model answer:</strong></p>" + render.block(q.answer) + general
        assert presentation.find(f"{QTI}response_str") is not None and presentation.find(f"{QTI}response_lid") is None
        assert qti_scoring(item) is None, "an essay is graded by hand"
        assert feedback == {"general_fb": (general, "other")}
        return
    choice = {key: "choice-" + str(key).lower() for key, _ in q.choices}
    lid = presentation.find(f"{QTI}response_lid")
    assert lid.get("rcardinality") == ("Multiple" if q.type == "multiple" else "Single")
    assert [(label.get("ident"), label.findtext(f"{QTI}material/{QTI}mattext")) for label in lid.iter(f"{QTI}response_label")] == [
        (choice[key], text if q.type == "true-false" else render.inline(text)) for key, text in q.choices]
    expected = {choice[key] + "_fb": (render.block(q.feedback[key]), choice[key]) for key, _ in q.choices}
    if general:
        expected["general_fb"] = (general, "other")
    assert feedback == expected, q.id
    chosen, not_chosen = qti_scoring(item)
    assert sorted(chosen) == sorted(choice[key] for key in q.keyed), q.id
    assert sorted(not_chosen) == (sorted(choice[key] for key, _ in q.choices if key not in q.keyed)
                                  if q.type == "multiple" else []), q.id


def check_qti(data, course, slugs):
    assessments = read_qti(data)
    assert [ident for ident, _ in assessments] == [f"quiz-{slug}" for slug in slugs]
    for (ident, assessment), slug in zip(assessments, slugs):
        assert (assessment.get("ident"), assessment.get("title")) == (ident, course.lessons[slug].title)
        items = assessment.findall(f"{QTI}section/{QTI}item")
        assert len(items) == len(course.banks[slug].questions), slug
        for item, q in zip(items, course.banks[slug].questions):
            check_qti_item(item, q, slug)


def test_qti_package_has_every_item_with_its_key_and_feedback(course):
    files = exports.files(course, NAME)
    check_qti(files["course.qti.zip"], course, list(course.lessons))
    for slug in course.lessons:
        check_qti(files[f"{slug}.qti.zip"], course, [slug])


def test_qti_marks_exactly_the_keyed_options():
    course = make_course(["plain text"] * 4)
    items = read_qti(exports.qti_zip(course))[0][1].findall(f"{QTI}section/{QTI}item")
    assert [qti_scoring(item) for item in items] == [(["choice-b"], []), (["choice-a", "choice-c"], ["choice-b"]),
                                                     (["choice-false"], []), None]
    assert qti_feedback(items[2])["choice-true_fb"] == ("<p>Feedback True: plain text</p>", "choice-true")


def test_qti_package_is_the_same_for_the_same_bank(course):
    assert exports.qti_zip(course) == exports.qti_zip(course)


def test_hostile_text_survives_qti():
    course = make_course(HOSTILE + fuzz_texts())
    data = exports.qti_zip(course)
    check_qti(data, course, ["hostile"])
    # XML escaping keeps markup as text: the package holds the site's escaped HTML, never a live tag.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("quiz-hostile/quiz-hostile.xml").decode("utf-8")
    assert "<script" not in xml and "&amp;lt;script&amp;gt;" in xml
    prompt = read_qti(data)[0][1].find(f"{QTI}section/{QTI}item").findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext")
    assert "<script" not in prompt and "<script>alert('x')</script>" in text_of(prompt)


# ---- Blackboard ---------------------------------------------------------------------------------

def read_blackboard(text):
    """Each line split on tabs; the file has no blank line and no header."""
    assert text.endswith("\n") and "\r" not in text
    lines = text[:-1].split("\n")
    assert all(line.strip() for line in lines)
    return [line.split("\t") for line in lines]


def one_line(html):
    """HTML with every run of whitespace as one space (what the browser shows either way), in ASCII with
    character references."""
    return " ".join(exports.XML_INVALID.sub("", html).split()).encode("ascii", "xmlcharrefreplace").decode("ascii")


def check_blackboard_line(fields, q):
    assert fields[0] == {"single": "MC", "multiple": "MA", "true-false": "TF", "open": "ESS"}[q.type], q.id
    assert " ".join(fields[1].split()) == one_line(render.inline(q.prompt)), q.id
    rest = fields[2:]
    if q.type == "open":
        assert [" ".join(field.split()) for field in rest] == [one_line(render.block(q.answer))]
    elif q.type == "true-false":
        assert rest == [str(q.answer).lower()]
    else:
        assert len(rest) == 2 * len(q.options), q.id
        assert [(" ".join(text.split()), mark) for text, mark in zip(rest[::2], rest[1::2])] == [
            (one_line(render.inline(text)), "correct" if key in q.keyed else "incorrect") for key, text in q.options.items()]


def check_blackboard(text, course, slugs):
    assert text.isascii()
    lines = read_blackboard(text)
    expected = [q for slug in slugs for q in course.banks[slug].questions]
    assert len(lines) == len(expected)
    for fields, q in zip(lines, expected):
        check_blackboard_line(fields, q)


def test_blackboard_file_has_a_line_per_question_with_its_key(course):
    files = exports.files(course, NAME)
    check_blackboard(files["course.blackboard.txt"], course, list(course.lessons))
    for slug in course.lessons:
        check_blackboard(files[f"{slug}.blackboard.txt"], course, [slug])


def test_blackboard_lines_exactly():
    course = make_course(["plain text"] * 4)
    assert exports.blackboard(course).split("\n") == [
        "MC\tPrompt: plain text\tplain text (a)\tincorrect\tplain text (b)\tcorrect\tplain text (c)\tincorrect",
        "MA\tPrompt: plain text\tplain text (a)\tcorrect\tplain text (b)\tincorrect\tplain text (c)\tcorrect",
        "TF\tPrompt: plain text\tfalse",
        "ESS\tPrompt: plain text\t<p>Model: plain text</p>",
        ""]


def test_hostile_text_survives_blackboard():
    texts = HOSTILE + fuzz_texts() + ["a tab\there", "a carriage return\r\nand a form feed\f", "a line separator\u2028\x85 here"]
    course = make_course(texts)
    text = exports.blackboard(course)
    check_blackboard(text, course, ["hostile"])
    assert "<script" not in text and "&lt;script&gt;" in text
    # Read as HTML, the character references give the text back.
    unicode_line = next(line for line in text.split("\n") if "Unicode" in line).split("\t")[1]
    assert text_of(unicode_line) == "Prompt: Unicode: naïve café, ✓, 日本語"


# ---- In the built editions ----------------------------------------------------------------------

def test_instructor_edition_offers_every_file_and_each_link_works(instructor_site, course):
    page = instructor_site / "instructor" / "lms" / "index.html"
    html = page.read_text(encoding="utf-8")
    links = [link for link in HrefParser.of(html) if "/downloads/lms/" in link]
    written = {path.name: path.read_bytes() for path in (instructor_site / exports.DOWNLOADS_DIR).iterdir()}
    assert written == {name: data if isinstance(data, bytes) else data.encode("utf-8")
                       for name, data in exports.files(course, NAME).items()}
    assert sorted(link.rsplit("/", 1)[1] for link in links) == sorted(written)
    for link in links:
        assert (page.parent / link).resolve().is_file(), link
    for words in ("Settings → Import course content", "QTI .zip file", "Tests, Surveys and Pools → Pools",
                  "Upload Questions"):
        assert words in text_of(html), words


def test_learner_edition_neither_has_nor_links_the_answer_files(site):
    assert not (site / exports.DOWNLOADS_DIR).exists()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "downloads/lms" not in html, page
        assert not any(f".{ext}" in html for ext, _ in exports.FORMATS), page


class HrefParser(HTMLParser):
    @classmethod
    def of(cls, html):
        parser = cls()
        parser.links = []
        parser.feed(html)
        return parser.links

    def handle_starttag(self, tag, attrs):
        self.links += [value for name, value in attrs if tag == "a" and name == "href" and value]
