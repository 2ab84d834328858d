"""The LMS files of the two-lesson course in tests/tiny_course.py, compared whole: the QTI package's entries
(name, date, compression and text), Moodle XML, GIFT and Blackboard exactly as written, the files written
to disk and the table that links them."""
import io
import zipfile
from dataclasses import replace

import pytest

from macros import exports
from macros.bank import Bank, Question
from tiny_course import tiny_course


@pytest.fixture(scope="module")
def course():
    return tiny_course()


def unzip(data):
    """[(name, date, compression, text)] of a zip, in the archive's order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, info.date_time, info.compress_type, archive.read(info).decode("utf-8"))
                for info in archive.infolist()]


def test_the_course_qti_package_exactly(course, snapshot):
    entries = unzip(exports.qti_zip(course, name="tiny"))
    assert [entry[:3] for entry in entries] == [
        ("imsmanifest.xml", (2000, 1, 1, 0, 0, 0), zipfile.ZIP_DEFLATED),
        ("quiz-one/quiz-one.xml", (2000, 1, 1, 0, 0, 0), zipfile.ZIP_DEFLATED),
        ("quiz-two/quiz-two.xml", (2000, 1, 1, 0, 0, 0), zipfile.ZIP_DEFLATED)]
    assert {name: text for name, _, _, text in entries} == snapshot


def test_a_lesson_qti_package_holds_only_that_lesson(course):
    entries = unzip(exports.qti_zip(course, ["two"], "two"))
    assert [name for name, *_ in entries] == ["imsmanifest.xml", "quiz-two/quiz-two.xml"]
    assert entries[1][3] == exports.qti_assessment(course, course.lessons["two"]).decode("utf-8")
    # The package is named "course" unless given a name.
    assert '<manifest identifier="qti-course" ' in unzip(exports.qti_zip(course, ["two"]))[0][3]
    assert entries[0][3] == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest identifier="qti-two" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1">\n'
        '  <metadata>\n'
        '    <schema>IMS Content</schema>\n'
        '    <schemaversion>1.1.3</schemaversion>\n'
        '  </metadata>\n'
        '  <organizations />\n'
        '  <resources>\n'
        '    <resource identifier="quiz-two" type="imsqti_xmlv1p2" href="quiz-two/quiz-two.xml">\n'
        '      <file href="quiz-two/quiz-two.xml" />\n'
        '    </resource>\n'
        '  </resources>\n'
        '</manifest>\n')


def test_qti_drops_the_characters_xml_cannot_hold(course):
    lesson = replace(course.lessons["two"], title="T\x01wo\x1f")
    text = exports.qti_assessment(course, lesson).decode("utf-8")
    assert '<assessment ident="quiz-two" title="Two">' in text
    talk = replace(course.banks["two"].questions[0], prompt="Dis\x0bcuss")
    item = exports.ET.tostring(exports.qti_item(talk, lesson), encoding="unicode")
    assert "<mattext texttype=\"text/html\">&lt;p&gt;Discuss&lt;/p&gt;</mattext>" in item


def test_the_other_formats_of_the_course_exactly(course, snapshot):
    assert exports.moodle_xml(course, course_name="Tiny / course") == snapshot(name="moodle")
    assert exports.gift(course, course_name="Tiny / course") == snapshot(name="gift")
    assert exports.blackboard(course) == snapshot(name="blackboard")


def test_files_has_every_format_of_each_lesson_and_of_the_course(course):
    out = exports.files(course, "Tiny")
    assert list(out) == [f"{name}.{ext}" for name in ("one", "two", "course")
                         for ext in ("moodle.xml", "gift.txt", "qti.zip", "blackboard.txt")]
    for name, slugs in (("one", ["one"]), ("two", ["two"]), ("course", None)):
        assert out[f"{name}.moodle.xml"] == exports.moodle_xml(course, slugs, "Tiny")
        assert out[f"{name}.gift.txt"] == exports.gift(course, slugs, "Tiny")
        assert out[f"{name}.qti.zip"] == exports.qti_zip(course, slugs, name)
        assert out[f"{name}.blackboard.txt"] == exports.blackboard(course, slugs)
    # The course's name is "Course" unless given.
    default = exports.files(course)
    assert default["course.moodle.xml"] == exports.moodle_xml(course, None, "Course")
    assert default["one.gift.txt"] == exports.gift(course, ["one"], "Course")


def test_write_puts_every_file_in_the_downloads_folder(course, tmp_path):
    paths = exports.write(course, tmp_path / "site", "Tiny")
    out = exports.files(course, "Tiny")
    folder = tmp_path / "site" / "downloads" / "lms"
    assert paths == [folder / name for name in out]
    assert sorted(p.name for p in folder.iterdir()) == sorted(out)
    for name, data in out.items():
        assert (folder / name).read_bytes() == (data if isinstance(data, bytes) else data.encode("utf-8")), name
    # Non-ASCII text is written as UTF-8; the default course name is "Course"; writing again replaces the files.
    lesson = replace(course.lessons["one"], title="Café")
    other = replace(course, lessons={**course.lessons, "one": lesson})
    exports.write(other, tmp_path / "site")
    assert "$course$/top/Course/Café".encode("utf-8") in (folder / "one.moodle.xml").read_bytes()


def test_downloads_html_exactly(course):
    links = lambda name: " · ".join(  # noqa: E731
        f'<a href="/b&amp;x/{name}.{ext}" download>{label}</a>' for ext, label in
        (("moodle.xml", "Moodle XML"), ("gift.txt", "GIFT"), ("qti.zip", "Canvas (QTI)"),
         ("blackboard.txt", "Blackboard")))
    assert exports.downloads_html(course, "/b&x") == (
        '<table><caption>The quiz bank for import into an LMS</caption><thead><tr>'
        '<th scope="col">Lesson</th><th scope="col">Questions</th><th scope="col">Files</th></tr></thead><tbody>'
        f'<tr><td>First <em>one</em></td><td>4</td><td>{links("one")}</td></tr>'
        f'<tr><td>Two</td><td>2</td><td>{links("two")}</td></tr>'
        f'<tr><td><strong>The whole course</strong></td><td>6</td><td>{links("course")}</td></tr>'
        '</tbody></table>')


def test_gift_of_one_lesson_with_an_explained_open_question_and_texts_that_start_with_a_bracket(course):
    talk = Question(id="talk", type="open", objective="o", prompt="[Discuss]", answer=" Model. ",
                    explanation="[Why] it matters.")
    pick = Question(id="pick", type="single", objective="o", prompt="Pick", answer="a",
                    options={"a": "[A] first", "b": "B"}, feedback={"a": "[Yes]", "b": "No"})
    banks = {**course.banks, "two": Bank(lesson="two", path="quizzes/two.yml", questions=[talk, pick])}
    assert exports.gift(replace(course, banks=banks), ["two"], "C") == (
        "// Two (two)\n$CATEGORY: $course$/top/C/Two\n\n"
        "// [id:two/talk] objective: o\n::talk::[markdown][Discuss] {\n"
        "####Model answer\\:\\n\\nModel.\\n\\n[Why] it matters.\n}\n\n"
        "// [id:two/pick] objective: o\n::pick::[markdown]Pick {\n"
        "=[markdown][A] first#[markdown][Yes]\n~B#No\n}\n")


def test_gift_escape_makes_every_line_break_one_escaped_newline_and_drops_what_xml_cannot_hold():
    assert exports.gift_escape(" a\r\nb\rc\nd\x01e\x0b ") == "a\\nb\\nc\\nde"
