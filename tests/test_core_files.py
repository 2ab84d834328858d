"""Files the core writes, read back: the blank plan as Markdown and Word, the LMS files, the offline zip,
the asset bundles, and the check command's report. Small inputs built in code, exact expectations."""
import json
import os
import time
import zipfile
from datetime import date, datetime, timezone
from html import unescape
from pathlib import Path

import pytest
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from icalendar import Calendar

from conftest import ROOT
from macros import assets, check, exports, offline, plan_output
from macros.plan import Plan
from tiny_course import tiny_course


def tiny_plan():
    return Plan(title="My plan", intro="Go slowly.",
                questions=[{"id": "goals", "label": "Goals", "hint": "What you want.", "lines": 2},
                           {"id": "roles", "label": "Roles", "hint": "", "lines": 1}],
                habit={"label": "Slot", "hint": "Keep it.", "day": "friday", "time": "08:15", "minutes": 20,
                       "weeks": 3},
                actions=[{"id": "meet", "label": "Meetups", "hint": "Go."}, {"id": "post", "label": "Posts", "hint": ""}],
                months=[{"focus": "Start", "tip": "Small steps.", "counts": {"meet": 1, "post": 2}},
                        {"focus": "Grow", "tip": "", "counts": {"meet": 3, "post": 0}}],
                review={"label": "Review", "hint": "Look back.", "minutes": 15,
                        "questions": ["What worked?", "What next?"]})


PLAN_MARKDOWN = """# My plan

Go slowly.

## Goals

*What you want.*

_(write here)_

## Roles

_(write here)_

## Slot

*Keep it.*

- Day: Friday
- Time: 08:15
- Minutes: 20
- First week: _(write here)_

## Month by month

*The numbers are starting points: change them to fit your life.*

| Action | Month 1 | Month 2 |
|---|---:|---:|
| Meetups | 1 | 3 |
| Posts | 2 | 0 |

### Month 1: Start

*Small steps.*

**What I will do:**

_(write here)_

**How it went:**

_(write here)_

### Month 2: Grow

**What I will do:**

_(write here)_

**How it went:**

_(write here)_

## Review

*Look back.*

- What worked?
- What next?
"""


def test_the_blank_plan_in_markdown():
    assert plan_output.markdown(tiny_plan()) == PLAN_MARKDOWN


def word_document(path):
    """Each paragraph as (style, text, italic runs) and each table as (style, rows of cell texts), in order."""
    document = Document(str(path))
    found = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            found.append((paragraph.style.name, paragraph.text, [bool(run.italic) for run in paragraph.runs]))
        elif tag == "tbl":
            table = Table(child, document)
            found.append((table.style.name, [[cell.text for cell in row.cells] for row in table.rows]))
    return document, found


def test_the_blank_plan_in_word(tmp_path):
    plan_output.docx(tiny_plan(), tmp_path / "plan.docx")
    document, found = word_document(tmp_path / "plan.docx")
    assert found == [
        ("Title", "My plan", [False]),
        ("Normal", "Go slowly.", [False]),
        ("Heading 1", "Goals", [False]),
        ("Normal", "What you want.", [True]),
        ("Table Grid", [["\n"]]),  # a box of two lines to write in
        ("Heading 1", "Roles", [False]),
        ("Table Grid", [[""]]),
        ("Heading 1", "Slot", [False]),
        ("Normal", "Keep it.", [True]),
        ("Table Grid", [["Day", "Friday"], ["Time", "08:15"], ["Minutes", "20"], ["First week", ""]]),
        ("Heading 1", "Month by month", [False]),
        ("Normal", "The numbers are starting points: change them to fit your life.", [True]),
        ("Table Grid", [["Action", "Month 1", "Month 2"], ["Meetups", "1", "3"], ["Posts", "2", "0"]]),
        ("Heading 2", "Month 1: Start", [False]),
        ("Normal", "Small steps.", [True]),
        ("Table Grid", [["What I will do", "\n\n"], ["How it went", "\n"]]),
        ("Heading 2", "Month 2: Grow", [False]),
        ("Table Grid", [["What I will do", "\n\n"], ["How it went", "\n"]]),
        ("Heading 1", "Review", [False]),
        ("Normal", "Look back.", [True]),
        ("List Bullet", "What worked?", [False]),
        ("List Bullet", "What next?", [False]),
    ]
    section = document.sections[0]
    assert [round(length.cm, 2) for length in (section.top_margin, section.bottom_margin, section.left_margin,
                                               section.right_margin)] == [1.8, 1.8, 2.0, 2.0]
    assert document.styles["Normal"].font.size.pt == 10.5
    assert document.core_properties.title == "My plan"


def test_the_downloads_are_written_and_the_calendar_starts_after_today(tmp_path, monkeypatch):
    stamp = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
    # Thursday 5 March 2026 is "today": the first slot is the next day, Friday 6 March.
    paths = plan_output.write_downloads(tiny_plan(), tmp_path / "site", date(2026, 3, 5), stamp)
    folder = tmp_path / "site" / "downloads"
    assert paths == {"md": folder / "networking-plan.md", "docx": folder / "networking-plan.docx",
                     "ics": folder / "networking-plan.ics"}
    assert sorted(path.name for path in folder.iterdir()) == ["networking-plan.docx", "networking-plan.ics",
                                                             "networking-plan.md"]
    assert paths["md"].read_text(encoding="utf-8") == PLAN_MARKDOWN
    assert word_document(paths["docx"])[1][0] == ("Title", "My plan", [False])
    events = Calendar.from_ical(paths["ics"].read_bytes()).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == [
        "Networking slot", "Networking plan: review of month 1", "Networking plan: review of month 2"]
    assert events[0].decoded("dtstart") == datetime(2026, 3, 6, 8, 15)
    assert events[0].decoded("dtstamp") == stamp
    # A Friday "today": the slot on that day has passed, the first is a week later. Written again over the files.
    plan_output.write_downloads(tiny_plan(), tmp_path / "site", date(2026, 3, 6), stamp)
    events = Calendar.from_ical(paths["ics"].read_bytes()).walk("VEVENT")
    assert events[0].decoded("dtstart") == datetime(2026, 3, 13, 8, 15)
    # Without a stamp, the time of writing in UTC, whatever the machine's time zone.
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    before = datetime.now(timezone.utc).replace(microsecond=0)
    try:
        plan_output.write_downloads(tiny_plan(), tmp_path / "again", date(2026, 3, 6))
    finally:
        monkeypatch.undo()
        time.tzset()
    again = Calendar.from_ical((tmp_path / "again/downloads/networking-plan.ics").read_bytes()).walk("VEVENT")[0]
    assert before <= again.decoded("dtstamp") <= datetime.now(timezone.utc)
    assert again.decoded("dtstamp").microsecond == 0


# ---- The LMS files --------------------------------------------------------------------------------------


def test_the_lms_files_are_written_into_their_folder(tmp_path):
    course = tiny_course()
    paths = exports.write(course, tmp_path, "Tiny")
    expected = exports.files(course, "Tiny")
    assert sorted(paths) == sorted(tmp_path / "downloads" / "lms" / name for name in expected)
    assert {path.name: path.read_text(encoding="utf-8") for path in paths} == expected
    assert sorted(expected) == ["course.gift.txt", "course.moodle.xml", "one.gift.txt", "one.moodle.xml",
                                "two.gift.txt", "two.moodle.xml"]
    # Written again over the same folder, and with the default course name.
    assert exports.write(course, tmp_path) == paths
    assert (tmp_path / "downloads/lms/one.gift.txt").read_text(encoding="utf-8").startswith(
        "// First *one* (one)\n$CATEGORY: $course$/top/Course/First *one*\n")


# ---- Asset bundles --------------------------------------------------------------------------------------


def test_own_assets_are_told_from_other_hosts():
    assert [assets.is_own(p) for p in ("assets/a.js", "https://cdn.example/a.js", "//cdn.example/a.js",
                                       "http://x/a.js")] == [True, False, False, False]


def test_split_keeps_the_order_of_each_kind():
    paths = ["assets/a.js", "https://cdn.example/b.js", "assets/c.css", "assets/d.js", "//e.js"]
    assert assets.split(paths, ".js") == (["assets/a.js", "assets/d.js"],
                                          ["https://cdn.example/b.js", "assets/c.css", "//e.js"])
    assert assets.split(paths, ".css") == (["assets/c.css"],
                                           ["assets/a.js", "https://cdn.example/b.js", "assets/d.js", "//e.js"])


def test_bundles_join_files_in_order_each_headed_by_its_name(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/a.js").write_text("\nvar a = 1;\n\n", encoding="utf-8")
    (tmp_path / "assets/b.js").write_text("(function () {})()", encoding="utf-8")
    (tmp_path / "assets/a.css").write_text("a { color: red; }\n", encoding="utf-8")
    (tmp_path / "assets/b.css").write_text("b {}", encoding="utf-8")
    # Scripts are kept apart by `;`, so one without a final semicolon cannot run into the next.
    assert assets.bundle(tmp_path, ["assets/a.js", "assets/b.js"]) == (
        "/* assets/a.js */\nvar a = 1;\n;\n/* assets/b.js */\n(function () {})()\n")
    assert assets.bundle(tmp_path, ["assets/a.css", Path("assets/b.css")]) == (
        "/* assets/a.css */\na { color: red; }\n/* assets/b.css */\nb {}\n")


# ---- The offline copy -----------------------------------------------------------------------------------


def test_the_offline_copy_needs_the_shim_from_the_npm_packages(tmp_path):
    assert offline.available(ROOT) is (ROOT / offline.SHIM_SOURCE).is_file()
    assert offline.available(tmp_path) is False
    with pytest.raises(offline.OfflineError, match=r"^node_modules/iframe-worker/shim/index\.js is missing; run "
                                                  r"`make setup` \(it runs `npm ci`\) and build again$"):
        offline.copy_shim(tmp_path, tmp_path / "site")
    source = tmp_path / offline.SHIM_SOURCE
    source.parent.mkdir(parents=True)
    source.write_text("shim", encoding="utf-8")
    offline.copy_shim(tmp_path, tmp_path / "site")
    assert (tmp_path / "site/assets/vendor/iframe-worker/shim.js").read_text(encoding="utf-8") == "shim"
    offline.copy_shim(tmp_path, tmp_path / "site")  # again, over the copy
    assert offline.available(tmp_path) is True


def a_built_site(folder):
    for name in ("index.html", "lessons/a.html", "404.html", "sitemap.xml", "sitemap.xml.gz",
                 "search/search_index.json", "search/search_index.js", "assets/app.js", "assets/app.js.map"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(name, encoding="utf-8")


def test_the_zip_holds_the_site_under_one_folder_with_a_readme(tmp_path):
    a_built_site(tmp_path / "site")
    target = offline.zip_folder(tmp_path / "site", tmp_path / "out/deep/copy.zip")
    assert target == tmp_path / "out/deep/copy.zip"
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == ["networking-course/README.txt", "networking-course/assets/app.js",
                                      "networking-course/index.html", "networking-course/lessons/a.html",
                                      "networking-course/search/search_index.js"]
        assert archive.read("networking-course/README.txt").decode() == offline.README
        assert archive.read("networking-course/lessons/a.html").decode() == "lessons/a.html"
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_DEFLATED}


def test_the_offline_build_runs_mkdocs_strictly_and_zips_what_it_wrote(tmp_path, monkeypatch):
    calls = []

    def run(command, cwd, env, capture_output, text):
        calls.append((command, cwd, env["COURSE_OFFLINE"], env["NO_MKDOCS_2_WARNING"], capture_output, text))
        assert env["PATH"] == os.environ["PATH"], "MkDocs runs in this environment"
        a_built_site(Path(command[command.index("-d") + 1]))
        return type("Done", (), {"returncode": 0, "stdout": "", "stderr": ""})()

    monkeypatch.setattr(offline.subprocess, "run", run)
    target = offline.build(tmp_path, tmp_path / "copy.zip")
    folder = calls[0][0][calls[0][0].index("-d") + 1]
    assert calls == [([offline.sys.executable, "-m", "mkdocs", "build", "-f", str(tmp_path / "mkdocs.offline.yml"),
                       "-d", folder, "--strict"], tmp_path, "true", "1", True, True)]
    assert not Path(folder).exists(), "the temporary build is removed"
    assert Path(folder).name.startswith("course-offline-")
    assert "networking-course/index.html" in zipfile.ZipFile(target).namelist()
    offline.build(tmp_path, tmp_path / "loose.zip", strict=False)
    assert "--strict" not in calls[1][0]


def test_a_failed_offline_build_reports_its_warnings_and_errors(tmp_path, monkeypatch):
    def run(command, **options):
        return type("Failed", (), {"returncode": 1, "stdout": "INFO - Building\nWARNING - a link is broken\n",
                                   "stderr": "ERROR - Aborted\n"})()

    monkeypatch.setattr(offline.subprocess, "run", run)
    with pytest.raises(offline.OfflineError) as error:
        offline.build(tmp_path, tmp_path / "copy.zip")
    assert str(error.value) == "building the offline copy failed:\nERROR - Aborted\nWARNING - a link is broken"
    assert not (tmp_path / "copy.zip").exists()


# ---- The check command ----------------------------------------------------------------------------------


def test_the_check_command_reports_the_course(capsys, course):
    assert check.main([str(ROOT)]) == 0
    questions = sum(len(bank.questions) for bank in course.banks.values())
    assert capsys.readouterr() == (f"Checked {len(course.lessons)} lessons, {questions} quiz questions and the "
                                   "networking plan: no problems.\n", "")
    assert check.main([]) == 0, "without an argument it checks the project it belongs to"


@pytest.mark.parametrize("count, ending", [(1, "1 problem found"), (2, "2 problems found")])
def test_the_check_command_counts_the_problems(tmp_path, capsys, count, ending):
    import shutil

    for name in ("docs", "quizzes", "plan"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for slug in ("in-person", "introverts")[:count]:
        (tmp_path / f"quizzes/{slug}.yml").write_text(f"lesson: {slug}\nquestions:\n\t- id: x\n", encoding="utf-8")
    assert check.main([str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.endswith(f"\n{ending}; fix them and run the check again.\n"), err
    assert err.count(": the line is indented with a tab") == count


# ---- The LMS files, exactly ------------------------------------------------------------------------------
# GIFT: `~` a wrong option, `=` the right one, `~%50%` a share of a multiple answer, `#` its feedback, `####`
# the general feedback; {FALSE#feedback for a learner who answers true#feedback for one who answers false}.

ONE_GIFT = r"""// First *one* (one)
$CATEGORY: $course$/top/Tiny/First *one*

// [id:one/pick] objective: hello
::pick::[markdown]Pick *one* {
~A <b>#No.
=B#Yes.
####Because.
}

// [id:one/many] objective: hello
::many::[markdown]Many {
~%50%A#Fa
~%-100%B#Fb
~%50%C#Fc
}

// [id:one/tf] objective: hello
::tf::[markdown]True? {
FALSE#Not true.#Right.
}

// [id:one/talk] objective: hello
::talk::[markdown]Discuss {
####Model answer\:\n\nModel\n\nanswer.
}
"""

TWO_GIFT = r"""// Two (two)
$CATEGORY: $course$/top/Tiny/Two

// [id:two/talk] objective: hello
::talk::[markdown]Discuss {
####Model answer\:\n\nModel\n\nanswer.
}

// [id:two/tf] objective: hello
::tf::[markdown]True? {
FALSE#Not true.#Right.
}
"""

ONE_MOODLE = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <!-- one -->
  <question type="category">
    <category><text><![CDATA[$course$/top/Tiny/First *one*]]></text></category>
    <info format="html"><text><![CDATA[<p>D1</p>]]></text></info>
  </question>
  <question type="multichoice">
    <name><text><![CDATA[pick]]></text></name>
    <questiontext format="html"><text><![CDATA[<p>Pick <em>one</em></p>]]></text></questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>Because.</p>]]></text></generalfeedback>
    <defaultgrade>1</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber><![CDATA[one/pick]]></idnumber>
    <single>true</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <showstandardinstruction>0</showstandardinstruction>
    <answer fraction="0" format="html">
      <text><![CDATA[A &lt;b&gt;]]></text>
      <feedback format="html"><text><![CDATA[<p>No.</p>]]></text></feedback>
    </answer>
    <answer fraction="100" format="html">
      <text><![CDATA[B]]></text>
      <feedback format="html"><text><![CDATA[<p>Yes.</p>]]></text></feedback>
    </answer>
  </question>
  <question type="multichoice">
    <name><text><![CDATA[many]]></text></name>
    <questiontext format="html"><text><![CDATA[<p>Many</p>]]></text></questiontext>
    <generalfeedback format="html"><text><![CDATA[]]></text></generalfeedback>
    <defaultgrade>1</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber><![CDATA[one/many]]></idnumber>
    <single>false</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <showstandardinstruction>0</showstandardinstruction>
    <answer fraction="50" format="html">
      <text><![CDATA[A]]></text>
      <feedback format="html"><text><![CDATA[<p>Fa</p>]]></text></feedback>
    </answer>
    <answer fraction="-100" format="html">
      <text><![CDATA[B]]></text>
      <feedback format="html"><text><![CDATA[<p>Fb</p>]]></text></feedback>
    </answer>
    <answer fraction="50" format="html">
      <text><![CDATA[C]]></text>
      <feedback format="html"><text><![CDATA[<p>Fc</p>]]></text></feedback>
    </answer>
  </question>
  <question type="truefalse">
    <name><text><![CDATA[tf]]></text></name>
    <questiontext format="html"><text><![CDATA[<p>True?</p>]]></text></questiontext>
    <generalfeedback format="html"><text><![CDATA[]]></text></generalfeedback>
    <defaultgrade>1</defaultgrade>
    <penalty>1</penalty>
    <hidden>0</hidden>
    <idnumber><![CDATA[one/tf]]></idnumber>
    <answer fraction="0" format="moodle_auto_format">
      <text><![CDATA[true]]></text>
      <feedback format="html"><text><![CDATA[<p>Not true.</p>]]></text></feedback>
    </answer>
    <answer fraction="100" format="moodle_auto_format">
      <text><![CDATA[false]]></text>
      <feedback format="html"><text><![CDATA[<p>Right.</p>]]></text></feedback>
    </answer>
  </question>
  <question type="essay">
    <name><text><![CDATA[talk]]></text></name>
    <questiontext format="html"><text><![CDATA[<p>Discuss</p>]]></text></questiontext>
    <generalfeedback format="html"><text><![CDATA[]]></text></generalfeedback>
    <defaultgrade>1</defaultgrade>
    <penalty>0</penalty>
    <hidden>0</hidden>
    <idnumber><![CDATA[one/talk]]></idnumber>
    <responseformat>editor</responseformat>
    <responserequired>1</responserequired>
    <responsefieldlines>10</responsefieldlines>
    <attachments>0</attachments>
    <attachmentsrequired>0</attachmentsrequired>
    <graderinfo format="html"><text><![CDATA[<p>Model</p>
<p>answer.</p>]]></text></graderinfo>
    <responsetemplate format="html"><text><![CDATA[]]></text></responsetemplate>
  </question>
</quiz>
"""


def test_the_gift_files_of_each_lesson_and_of_the_course():
    files = exports.files(tiny_course(), "Tiny")
    assert (files["one.gift.txt"], files["two.gift.txt"]) == (ONE_GIFT, TWO_GIFT)
    assert files["course.gift.txt"] == ONE_GIFT + "\n" + TWO_GIFT
    assert exports.files(tiny_course())["two.gift.txt"] == TWO_GIFT.replace("/Tiny/", "/Course/")
    assert exports.gift(tiny_course(), ["two"]) == TWO_GIFT.replace("/Tiny/", "/Course/")


def test_gift_text_loses_carriage_returns_and_control_characters():
    assert exports.gift_escape(" a\r\nb\rc\x01d\x00 ") == "a\\nb\\ncd"


def test_the_moodle_xml_of_a_lesson():
    assert exports.files(tiny_course(), "Tiny")["one.moodle.xml"] == ONE_MOODLE


def test_the_plan_form():
    """The blank form (hints tied to their fields, the day chosen, every count) and the data for plan.js."""
    html = plan_output.html(tiny_plan(), "../../downloads/")
    head, form = html.split('"><form ', 1)
    assert head.startswith('<div class="nplan" data-nplan="{&quot;plan&quot;: {&quot;title&quot;: &quot;My plan&quot;')
    assert json.loads(unescape(head[len('<div class="nplan" data-nplan="'):])) == {
        "plan": tiny_plan().to_json(), "words": plan_output.WORDS}
    expected = ('<form class="nplan-sheet" id="networking-plan" method="dialog" aria-labelledby="nplan-title" '
                'autocomplete="off"><h4 class="nplan-title" id="nplan-title">My plan</h4><p '
                'class="nplan-intro">Go slowly.</p><div class="nplan-part nplan-about"><div '
                'class="nplan-field"><label for="nplan-goals">Goals</label><p class="nplan-hint" '
                'id="nplan-goals-hint">What you want.</p><textarea id="nplan-goals" name="goals" rows="2" '
                'style="--nplan-lines: 2" aria-describedby="nplan-goals-hint"></textarea></div><div '
                'class="nplan-field"><label for="nplan-roles">Roles</label><textarea id="nplan-roles" '
                'name="roles" rows="1" style="--nplan-lines: 1"></textarea></div></div><fieldset '
                'class="nplan-part nplan-habit" aria-describedby="nplan-habit-hint"><legend>Slot</legend><p '
                'class="nplan-hint" id="nplan-habit-hint">Keep it.</p><div class="nplan-row"><div '
                'class="nplan-field nplan-small"><label for="nplan-habit-day">Day</label><select '
                'id="nplan-habit-day" name="habit-day"><option value="monday">Monday</option><option '
                'value="tuesday">Tuesday</option><option value="wednesday">Wednesday</option><option '
                'value="thursday">Thursday</option><option value="friday" selected>Friday</option><option '
                'value="saturday">Saturday</option><option value="sunday">Sunday</option></select></div><div '
                'class="nplan-field nplan-small"><label for="nplan-habit-time">Time</label><input '
                'id="nplan-habit-time" name="habit-time" type="time" value="08:15"></div><div '
                'class="nplan-field nplan-small"><label for="nplan-habit-minutes">Minutes</label><input '
                'id="nplan-habit-minutes" name="habit-minutes" type="number" value="20" min="5" max="240" '
                'step="5"></div><div class="nplan-field nplan-small"><label for="nplan-habit-start">First '
                'week</label><input id="nplan-habit-start" name="habit-start" type="date" value=""></div>'
                '</div></fieldset><fieldset class="nplan-part nplan-months"><legend>Month by month</legend><p '
                'class="nplan-hint">The numbers are starting points: change them to fit your life.</p><div '
                'class="nplan-scroll"><table class="nplan-counts"><thead><tr><th scope="col">Action</th><th '
                'scope="col">Month 1</th><th scope="col">Month 2</th></tr></thead><tbody><tr><th scope="row">'
                'Meetups<span class="nplan-hint">Go.</span></th><td><label class="nplan-sr" '
                'for="nplan-month-1-meet">Meetups, month 1</label><input id="nplan-month-1-meet" '
                'name="month-1-meet" type="number" min="0" max="99" value="1"></td><td><label '
                'class="nplan-sr" for="nplan-month-2-meet">Meetups, month 2</label><input '
                'id="nplan-month-2-meet" name="month-2-meet" type="number" min="0" max="99" value="3"></td>'
                '</tr><tr><th scope="row">Posts</th><td><label class="nplan-sr" for="nplan-month-1-post">'
                'Posts, month 1</label><input id="nplan-month-1-post" name="month-1-post" type="number" '
                'min="0" max="99" value="2"></td><td><label class="nplan-sr" for="nplan-month-2-post">Posts, '
                'month 2</label><input id="nplan-month-2-post" name="month-2-post" type="number" min="0" '
                'max="99" value="0"></td></tr></tbody></table></div><div class="nplan-month-list"><div '
                'class="nplan-month"><p class="nplan-month-title"><strong>Month 1:</strong> Start</p><p '
                'class="nplan-hint" id="nplan-month-1-tip">Small steps.</p><div class="nplan-field"><label '
                'for="nplan-month-1-actions">What I will do</label><p class="nplan-hint" '
                'id="nplan-month-1-actions-hint">Which events, groups and people, by name</p><textarea '
                'id="nplan-month-1-actions" name="month-1-actions" rows="2" style="--nplan-lines: 2" '
                'aria-describedby="nplan-month-1-actions-hint"></textarea></div><div class="nplan-field">'
                '<label for="nplan-month-1-review">How it went</label><p class="nplan-hint" '
                'id="nplan-month-1-review-hint">Fill this in at the review</p><textarea '
                'id="nplan-month-1-review" name="month-1-review" rows="2" style="--nplan-lines: 2" '
                'aria-describedby="nplan-month-1-review-hint"></textarea></div></div><div class="nplan-month">'
                '<p class="nplan-month-title"><strong>Month 2:</strong> Grow</p><div class="nplan-field">'
                '<label for="nplan-month-2-actions">What I will do</label><p class="nplan-hint" '
                'id="nplan-month-2-actions-hint">Which events, groups and people, by name</p><textarea '
                'id="nplan-month-2-actions" name="month-2-actions" rows="2" style="--nplan-lines: 2" '
                'aria-describedby="nplan-month-2-actions-hint"></textarea></div><div class="nplan-field">'
                '<label for="nplan-month-2-review">How it went</label><p class="nplan-hint" '
                'id="nplan-month-2-review-hint">Fill this in at the review</p><textarea '
                'id="nplan-month-2-review" name="month-2-review" rows="2" style="--nplan-lines: 2" '
                'aria-describedby="nplan-month-2-review-hint"></textarea></div></div></div></fieldset>'
                '<fieldset class="nplan-part nplan-review"><legend>Review</legend><p class="nplan-hint" '
                'id="nplan-review-hint">Look back.</p><ul><li>What worked?</li><li>What next?</li></ul>'
                '</fieldset></form><div class="nplan-controls"><p class="nplan-status" role="status" '
                'aria-live="polite"></p><div class="nplan-buttons" hidden><button type="button" '
                'class="md-button md-button--primary" data-nplan-action="markdown">Download my plan '
                '(.md)</button><button type="button" class="md-button md-button--primary" '
                'data-nplan-action="calendar">Add my plan to my calendar (.ics)</button><button type="button" '
                'class="md-button" data-nplan-action="print">Print my plan</button><button type="button" '
                'class="md-button" data-nplan-action="reset">Start over</button></div><p class="nplan-blank">'
                'Blank plan to download: <a class="md-button" href="../../downloads/networking-plan.docx" '
                'download>Word (.docx)</a> <a class="md-button" href="../../downloads/networking-plan.md" '
                'download>Markdown (.md)</a> <a class="md-button" href="../../downloads/networking-plan.ics" '
                'download>Calendar (.ics)</a></p></div></div>')
    assert "<form " + form == expected


def test_a_bundle_of_one_file(tmp_path):
    (tmp_path / "one.js").write_text("var one;\n", encoding="utf-8")
    assert assets.bundle(tmp_path, ["one.js"]) == "/* one.js */\nvar one;\n"


def test_an_open_question_in_gift_gives_its_model_answer_then_its_explanation():
    from macros.bank import Bank, Question
    from macros.course import Course
    from macros.lessons import Lesson

    question = Question(id="why", type="open", objective="x", prompt="Why?", answer="Because.",
                        explanation="More to say.")
    course = Course(lessons={"l": Lesson(slug="l", path="docs/lessons/l.md", title="L", description="D", time={},
                                         objectives={"x": "x"})},
                    banks={"l": Bank(lesson="l", path="quizzes/l.yml", questions=[question])})
    assert exports.files(course, "N")["l.gift.txt"] == (
        "// L (l)\n$CATEGORY: $course$/top/N/L\n\n// [id:l/why] objective: x\n"
        "::why::[markdown]Why? {\n####Model answer\\:\\n\\nBecause.\\n\\nMore to say.\n}\n")


def test_the_zip_is_packed_at_the_highest_level(tmp_path):
    import random
    import zlib

    rng = random.Random(3)
    words = ["net", "work", "people", "tech", "meet", "hello", "coffee", "career", "plan", "month"]
    text = " ".join(rng.choice(words) + str(rng.randint(0, 99)) for _ in range(40000)).encode()
    (tmp_path / "site").mkdir()
    (tmp_path / "site/page.html").write_bytes(text)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    with zipfile.ZipFile(offline.zip_folder(tmp_path / "site", tmp_path / "copy.zip")) as archive:
        assert archive.getinfo("networking-course/page.html").compress_size == len(packer.compress(text) + packer.flush())


def test_months_are_added_by_the_calendar():
    assert plan_output.add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert plan_output.add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert plan_output.add_months(date(2026, 1, 31), 13) == date(2027, 2, 28)
    assert plan_output.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_a_months_counts_in_one_line():
    assert plan_output.counts_line(tiny_plan(), {"meet": 1, "post": 2}) == "Meetups: 1; Posts: 2"


# The calendar of the blank plan: the weekly slot from its first day, a review at the end of each month,
# each with an alarm 15 minutes before. Lines are folded at 75 octets, `;` escaped in text.
PLAN_ICS = r"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Networking for People Entering Tech//Networking plan//EN
CALSCALE:GREGORIAN
BEGIN:VEVENT
SUMMARY:Networking slot
DTSTART:20260306T081500
DURATION:PT20M
DTSTAMP:20260301T120000Z
UID:slot-2026-03-06@networking-plan
RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=FR
DESCRIPTION:Keep it.\n\nMy plan
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:Networking slot
TRIGGER:-PT15M
END:VALARM
END:VEVENT
BEGIN:VEVENT
SUMMARY:Networking plan: review of month 1
DTSTART:20260405T081500
DURATION:PT15M
DTSTAMP:20260301T120000Z
UID:review-1-2026-03-06@networking-plan
DESCRIPTION:Look back.\n- What worked?\n- What next?\n\nMonth 1: Start. Me
 etups: 1\; Posts: 2\nNext month: Grow. Meetups: 3\; Posts: 0
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:Networking plan: review of month 1
TRIGGER:-PT15M
END:VALARM
END:VEVENT
BEGIN:VEVENT
SUMMARY:Networking plan: review of month 2
DTSTART:20260505T081500
DURATION:PT15M
DTSTAMP:20260301T120000Z
UID:review-2-2026-03-06@networking-plan
DESCRIPTION:Look back.\n- What worked?\n- What next?\n\nMonth 2: Grow. Mee
 tups: 3\; Posts: 0\nNext: make your plan for the following six months.
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:Networking plan: review of month 2
TRIGGER:-PT15M
END:VALARM
END:VEVENT
END:VCALENDAR
"""


def test_the_blank_plan_calendar():
    ics = plan_output.ics(tiny_plan(), date(2026, 3, 6), datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc))
    assert ics.decode("utf-8").replace("\r\n", "\n") == PLAN_ICS
    assert ics.count(b"\r\n") == PLAN_ICS.count("\n")


def test_a_review_on_the_slot_day_comes_after_the_slot():
    plan = tiny_plan()
    plan.habit["day"] = "thursday"
    # From Thursday 1 February 2024, the month ends on Thursday 29 February: the review follows the 20-minute slot.
    assert plan_output.review_times(plan, date(2024, 2, 1)) == [datetime(2024, 2, 29, 8, 35), datetime(2024, 3, 31, 8, 15)]


# ---- YAML syntax errors in words an author can act on ------------------------------------------------


class ParserError(Exception):
    """Like PyYAML's errors: a short `problem` beside the long text."""

    def __init__(self, problem):
        super().__init__(f"while parsing, {problem}, in <unicode string>")
        self.problem = problem


@pytest.mark.parametrize("error, line, message", [
    (ParserError("found character '\\t' that cannot start any token"), "", "tab"),
    (ParserError("a tab where it does not belong"), "", "tab"),
    (ParserError("mapping values are not allowed here"), "\t  a: b", "tab"),
    (ParserError("mapping values are not allowed here"), "  a:\tb", "the YAML does not parse (mapping values are not "
                                                                      "allowed here)"),
    (ValueError("nesting too deep"), "", "the YAML does not parse (nesting too deep)"),
    (ParserError(""), "", "the YAML does not parse (while parsing, , in <unicode string>)"),
])
def test_a_yaml_error_says_what_to_do(error, line, message):
    from macros.yamlsource import _describe_syntax_error

    hint = ("; check the indentation and quote text that contains ': ' or starts with a special character")
    expected = ("the line is indented with a tab; YAML needs spaces: replace the tab with spaces" if message == "tab"
                else message + hint)
    assert _describe_syntax_error(error, line) == expected
    if not line:
        assert _describe_syntax_error(error) == expected


# ---- The plan template: what cannot be read at all --------------------------------------------------------


def test_a_plan_that_is_missing_unreadable_or_not_a_mapping_is_one_problem(tmp_path):
    from macros import plan
    from macros.problems import CourseError, Problem

    with pytest.raises(CourseError) as error:
        plan.load(tmp_path)
    assert error.value.problems == [Problem("plan/networking-plan.yml", 1, "the plan template is missing; create it "
                                                                          "(see the plan lesson)")]
    (tmp_path / "plan").mkdir()
    (tmp_path / "plan/networking-plan.yml").write_bytes(b"title: caf\xe9\n")
    with pytest.raises(CourseError) as error:
        plan.load(tmp_path)
    assert [(p.file, p.line) for p in error.value.problems] == [("plan/networking-plan.yml", 1)]
    assert error.value.problems[0].message.startswith("the file cannot be read as UTF-8 text ('utf-8' codec can't "
                                                      "decode byte 0xe9 in position 10")
    (tmp_path / "plan/networking-plan.yml").write_text("- a list\n", encoding="utf-8")
    with pytest.raises(CourseError) as error:
        plan.load(tmp_path)
    assert error.value.problems == [Problem("plan/networking-plan.yml", 1, "the plan must be a mapping of title, "
                                                                          "intro, questions, habit, actions, months, review")]
    assert plan.parse("- a\n", "p.yml") == (None, [Problem("p.yml", 1, "the plan must be a mapping of title, intro, "
                                                                       "questions, habit, actions, months, review")])
    # The course's own plan reads as it is.
    assert plan.load(ROOT).title == "My 6-month networking plan"


def test_gift_text_starting_with_a_bracket_is_marked_as_markdown():
    """Else a GIFT reader takes `[...]` at the start for a format marker and drops it."""
    from macros.bank import Bank, Question
    from macros.course import Course
    from macros.lessons import Lesson

    question = Question(id="q", type="single", objective="x", prompt="[See this](https://example.org) first", answer="a",
                        options={"a": "[x] box", "b": "plain"}, feedback={"a": "[y]", "b": "no"})
    course = Course(lessons={"l": Lesson(slug="l", path="docs/lessons/l.md", title="L", description="D", time={},
                                         objectives={"x": "x"})},
                    banks={"l": Bank(lesson="l", path="quizzes/l.yml", questions=[question])})
    assert exports.files(course, "N")["l.gift.txt"] == (
        "// L (l)\n$CATEGORY: $course$/top/N/L\n\n// [id:l/q] objective: x\n"
        "::q::[markdown][See this](https\\://example.org) first {\n=[markdown][x] box#[markdown][y]\n~plain#no\n}\n")
