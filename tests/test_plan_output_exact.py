"""The plan's generated files, exactly: the form's HTML, the Word document and its template, the page's Word
script and the downloads written into the site, from a small plan built here (not the course's plan file, so
that editing the plan does not change these snapshots)."""
import base64
import io
import json
import re
import time
import zipfile
import zlib
from datetime import date, datetime, timezone

import pytest
from docx.shared import Pt
from lxml import etree

from macros import plan_output
from macros.plan import Plan

STAMP = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)
# A text with a letter outside ASCII, a Markdown emphasis and characters HTML must escape.
LIBRARY = "\n  // docx.js \u00e9\nvar CourseDocx = {};\n\n"


def tiny_plan():
    return Plan(
        title="Plan for caf\u00e9 talks", intro="Talk *a little* & often.",
        questions=[{"id": "goals", "label": "My *goals*", "hint": "What *you* want", "lines": 3},
                   {"id": "roles", "label": "Roles <to> see", "hint": "", "lines": 2}],
        habit={"label": "My *slot*", "hint": "Keep it & guard it", "day": "wednesday", "time": "07:15", "minutes": 45,
               "weeks": 3},
        actions=[{"id": "meetups", "label": "Meetups & <events>", "hint": "Go *with* a goal"},
                 {"id": "posts", "label": "Posts", "hint": ""}],
        months=[{"focus": "Start *small*", "tip": "Say hi & smile", "counts": {"meetups": 1, "posts": 8}},
                {"focus": "Grow", "tip": "", "counts": {"meetups": 2, "posts": 9}}],
        review={"label": "My *review*", "hint": "Look back", "minutes": 20,
                "questions": ["What went *well*?", "What next?"]},
        limits={"questions": 500, "months": 300})


def unzip(data):
    """{part name: bytes} of a .docx (bytes or a python-docx Document), in the order of the archive."""
    if not isinstance(data, bytes):
        buffer = io.BytesIO()
        data.save(buffer)
        data = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def pretty(xml):
    return etree.tostring(etree.fromstring(xml), pretty_print=True, encoding="unicode")


@pytest.fixture(scope="module")
def plan():
    return tiny_plan()


# Not module-scoped: mutmut runs only the tests it saw call word(), and a cached document hides the call.
@pytest.fixture
def blank(plan):
    return plan_output.word(plan)


@pytest.fixture
def template(plan):
    return plan_output.word(plan, template=True)


# ---- Word ----------------------------------------------------------------------------------------------------

def test_the_blank_word_document_is_exact(blank, snapshot):
    assert pretty(unzip(blank)["word/document.xml"]) == snapshot


def test_the_word_template_marks_each_field_where_the_blank_has_its_box(template, snapshot):
    assert pretty(unzip(template)["word/document.xml"]) == snapshot


@pytest.mark.parametrize("kind", ["blank", "template"])
def test_word_margins_font_size_and_title(kind, request):
    document = request.getfixturevalue(kind)
    parts = unzip(document)
    margins = re.findall(r"<w:pgMar [^>]*/>", parts["word/document.xml"].decode())
    assert margins == ['<w:pgMar w:top="1020" w:right="1134" w:bottom="1020" w:left="1134" w:header="720" '
                       'w:footer="720" w:gutter="0"/>'], "1.8 cm at the top and bottom, 2 cm at the sides"
    assert document.styles["Normal"].font.size == Pt(10.5)
    normal = re.search(r'<w:style w:type="paragraph" w:default="1" w:styleId="Normal">.*?</w:style>',
                       parts["word/styles.xml"].decode(), re.S).group(0)
    assert '<w:sz w:val="21"/>' in normal
    assert document.core_properties.title == "Plan for caf\u00e9 talks"
    assert "<dc:title>Plan for caf\u00e9 talks</dc:title>" in parts["docProps/core.xml"].decode()


def test_the_blank_and_the_template_differ_only_in_the_document(blank, template):
    one, other = unzip(blank), unzip(template)
    assert list(one) == list(other)
    assert [name for name in one if one[name] != other[name]] == ["word/document.xml"]


# ---- The Word script of the plan page -----------------------------------------------------------------------------

PREFIX = ("/* assets/lib/docx.js */\n// docx.js \u00e9\nvar CourseDocx = {};\n;\n"
          "/* The plan's Word template (macros/plan_output.py) */\n(function (root) { root.CoursePlanWord = ")
SUFFIX = "; })(this);\n"


def check_word_script(script, template):
    """The script is the library, then the template: its document.xml as text and every other part deflated."""
    assert script.startswith(PREFIX) and script.endswith(SUFFIX)
    data = script[len(PREFIX):-len(SUFFIX)]
    assert data.isascii(), "JSON with every letter outside ASCII escaped"
    loaded = json.loads(data)
    assert data == json.dumps(loaded, ensure_ascii=True, separators=(",", ":")), "compact JSON"
    assert list(loaded) == ["document", "parts"]
    expected = unzip(template)
    assert loaded["document"] == expected["word/document.xml"].decode("utf-8")
    assert "\\u00e9" in data.split('"parts"')[0], "the document's \u00e9 is escaped"
    assert [part["name"] for part in loaded["parts"]] == list(expected)
    for part in loaded["parts"]:
        name = part["name"]
        if name == "word/document.xml":
            assert part == {"name": name}
            continue
        assert list(part) == ["name", "crc", "size", "deflated"], name
        deflated = base64.b64decode(part["deflated"], validate=True)
        content = zlib.decompress(deflated, -15)
        assert content == expected[name], name
        assert (part["crc"], part["size"]) == (zlib.crc32(content), len(content)), name
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        assert deflated == packer.compress(content) + packer.flush(), f"{name}: raw deflate, level 9"
    assert len(loaded["parts"]) == 17


def test_the_word_script_holds_the_library_and_the_template_part_by_part(plan, template):
    check_word_script(plan_output.word_script(plan, LIBRARY), template)


def library_folder(tmp_path):
    docs = tmp_path / "docs"
    (docs / "assets/lib").mkdir(parents=True)
    (docs / "assets/lib/docx.js").write_bytes(LIBRARY.encode("utf-8"))
    return docs


def test_write_word_script_writes_it_into_the_site_as_utf8(plan, template, tmp_path, ascii_locale):
    docs, site = library_folder(tmp_path), tmp_path / "build/site"
    path = plan_output.write_word_script(plan, site, docs)
    assert path == site / "assets/plan-word.js"
    check_word_script(path.read_bytes().decode("utf-8"), template)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "build/site/assets/plan-word.js", "docs/assets/lib/docx.js"]
    path.write_text("old")
    assert plan_output.write_word_script(plan, str(site), str(docs)) == path, "a second build writes it again"
    assert path.read_bytes().decode("utf-8") == plan_output.word_script(plan, LIBRARY)


# ---- The downloads written into the site ---------------------------------------------------------------------

@pytest.mark.parametrize("today, first", [
    (date(2030, 3, 5), date(2030, 3, 6)),  # a Tuesday: the Wednesday slot is tomorrow
    (date(2030, 3, 6), date(2030, 3, 13)),  # a Wednesday: the calendar starts after today, a week later
])
def test_write_downloads_writes_the_three_blank_files_and_the_word_script(plan, template, tmp_path, today, first,
                                                                          ascii_locale):
    docs, site = library_folder(tmp_path), tmp_path / "build/site"
    paths = plan_output.write_downloads(plan, site, today, STAMP, docs)
    folder = site / "downloads"
    assert paths == {"md": folder / "networking-plan.md", "docx": folder / "networking-plan.docx",
                     "ics": folder / "networking-plan.ics"}
    assert list(paths) == ["md", "docx", "ics"]
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        "assets/plan-word.js", "downloads/networking-plan.docx", "downloads/networking-plan.ics",
        "downloads/networking-plan.md"]
    assert paths["md"].read_bytes().decode("utf-8") == plan_output.markdown(plan)
    assert unzip(paths["docx"].read_bytes()) == unzip(plan_output.word(plan))
    assert paths["ics"].read_bytes() == plan_output.ics(plan, first, STAMP)
    assert f"\r\nDTSTART:{first:%Y%m%d}T071500\r\n".encode() in paths["ics"].read_bytes()
    check_word_script((site / "assets/plan-word.js").read_bytes().decode("utf-8"), template)
    again = plan_output.write_downloads(plan, str(site), today, STAMP, str(docs))
    assert again == paths, "a second build writes them again"


@pytest.fixture
def far_time_zone(monkeypatch):
    """A local time 14 hours ahead of UTC, so that a stamp in local time shows."""
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    assert time.localtime().tm_gmtoff == 14 * 3600
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_calendar_is_stamped_now_in_utc_when_no_stamp_is_given(plan, tmp_path, far_time_zone):
    before = datetime.now(timezone.utc).replace(microsecond=0)
    paths = plan_output.write_downloads(plan, tmp_path, date(2030, 3, 5), docs_dir=library_folder(tmp_path))
    after = datetime.now(timezone.utc)
    stamps = re.findall(rb"\r\nDTSTAMP:(\d{8}T\d{6})Z\r\n", paths["ics"].read_bytes())
    assert len(stamps) == 3 and len(set(stamps)) == 1, "one stamp for every event, in UTC"
    stamp = datetime.strptime(stamps[0].decode(), "%Y%m%dT%H%M%S").replace(tzinfo=timezone.utc)
    assert before <= stamp <= after


# ---- Markdown and calendar ----------------------------------------------------------------------------------

def test_the_blank_markdown_is_exact(plan, snapshot):
    assert plan_output.markdown(plan) == snapshot


def test_the_blank_calendar_is_exact(plan, snapshot):
    # From Wednesday 4 December 2030: the months end in the next year.
    data = plan_output.ics(plan, date(2030, 12, 4), STAMP)
    assert data.count(b"\n") == data.count(b"\r\n"), "every line ends in CRLF"
    assert data.decode("utf-8").replace("\r\n", "\n") == snapshot


def test_months_are_added_across_years_and_clamped_to_short_months():
    assert plan_output.add_months(date(2030, 12, 4), 1) == date(2031, 1, 4)
    assert plan_output.add_months(date(2030, 11, 30), 3) == date(2031, 2, 28)
    assert plan_output.add_months(date(2031, 1, 31), 13) == date(2032, 2, 29)
    assert plan_output.add_months(date(2030, 3, 6), 0) == date(2030, 3, 6)


# ---- The form ---------------------------------------------------------------------------------------------------

def test_the_form_is_exact(plan, snapshot):
    html = plan_output.html(plan, "../../downloads/")
    assert "\n" not in html
    # One tag a line, so that a change reads well.
    assert html.replace("><", ">\n<") == snapshot


def test_the_form_embeds_the_plan_and_the_words_for_the_page_script(plan):
    html = plan_output.html(plan, "x")
    data = re.fullmatch(r'<div class="nplan" data-nplan="([^"]*)"><form .*', html).group(1)
    assert json.loads(etree.fromstring(f'<a b="{data}"/>').get("b")) == {"plan": plan.to_json(),
                                                                      "words": plan_output.WORDS}
    assert "caf\u00e9" in data, "letters as they are, not escaped"


def test_the_blank_download_links_join_the_url_without_its_trailing_slashes(plan):
    links = re.findall(r'<a class="md-button" href="([^"]*)" download>', plan_output.html(plan, "/X//"))
    assert links == ["/X/networking-plan.docx", "/X/networking-plan.md", "/X/networking-plan.ics"]
    links = re.findall(r'<a class="md-button" href="([^"]*)" download>', plan_output.html(plan, "a&b"))
    assert links == ["a&amp;b/networking-plan.docx", "a&amp;b/networking-plan.md", "a&amp;b/networking-plan.ics"]


def test_long_dates_and_the_form_messages():
    assert plan_output._long_date("2030-03-05") == "5 March 2030"
    assert plan_output._long_date("2099-12-31") == "31 December 2099"
    assert plan_output.MESSAGES == {
        "habit-time": "Pick a time, like 18:30.",
        "habit-minutes": "Write a whole number of minutes from 5 to 240.",
        "habit-start": "Pick a date from 1 January 2000 to 31 December 2099, or leave it empty to start from today.",
        "count": "Write a whole number from 0 to 99.",
    }
