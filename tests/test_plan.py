"""The 6-month networking plan: one YAML source, checked with file:line errors, and its blank downloads."""
import json
import re
import shutil
import textwrap
from datetime import date, datetime, time, timedelta, timezone
from html import unescape
from html.parser import HTMLParser

import pytest
from dateutil.rrule import rrulestr
from docx import Document
from icalendar import Calendar
from zoneinfo import ZoneInfo

from conftest import ROOT, mkdocs_build
from macros import plan as plans
from macros import plan_output
from macros.problems import CourseError

STAMP = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def plan():
    return plans.load(ROOT)


def docx_text(path):
    document = Document(str(path))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return document, paragraphs, cells


# ---- The template ---------------------------------------------------------------------------------------------

def test_the_template_has_every_part(plan):
    assert [q["id"] for q in plan.questions] == ["goals", "superpowers", "roles", "industries"]
    assert len(plan.months) == 6
    assert {a["id"] for a in plan.actions} == {"meetups", "interviews", "posts", "follow-ups", "people"}
    assert all(set(m["counts"]) == {a["id"] for a in plan.actions} for m in plan.months)
    # Taking part online at least twice a week: about eight posts or comments a month.
    assert all(m["counts"]["posts"] >= 8 for m in plan.months)
    assert plan.habit["weeks"] == 26 and plan.habit["day"] in plans.DAYS
    assert plan.review["questions"]


# ---- The downloads in the built site ---------------------------------------------------------------------------

def test_the_site_has_the_three_blank_downloads(site):
    folder = site / plan_output.DOWNLOADS_DIR
    for ext in ("md", "docx", "ics"):
        assert (folder / f"networking-plan.{ext}").stat().st_size > 200, ext


def test_the_docx_holds_every_section_and_all_six_months(site, plan):
    document, paragraphs, cells = docx_text(site / "downloads/networking-plan.docx")
    headings = [text for style, text in paragraphs if style.startswith(("Heading", "Title"))]
    expected = [plan.title, *[q["label"] for q in plan.questions], plan.habit["label"], plan_output.WORDS["months"],
                *[f"Month {n}: {m['focus']}" for n, m in enumerate(plan.months, start=1)], plan.review["label"]]
    assert headings == expected
    texts = [text for _, text in paragraphs]
    for question in plan.review["questions"]:
        assert question in texts
    counts = document.tables[-7]  # the counts table comes before the six month tables
    assert [c.text for c in counts.rows[0].cells] == ["Action"] + [f"Month {n}" for n in range(1, 7)]
    for row, action in zip(counts.rows[1:], plan.actions):
        assert [c.text for c in row.cells] == [action["label"]] + [str(m["counts"][action["id"]]) for m in plan.months]
    assert cells.count(plan_output.WORDS["todo"]) == 6 and cells.count(plan_output.WORDS["done"]) == 6
    assert document.core_properties.title == plan.title


def test_the_docx_is_a_well_formed_word_file(site):
    import zipfile
    from xml.dom.minidom import parseString

    with zipfile.ZipFile(site / "downloads/networking-plan.docx") as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert {"[Content_Types].xml", "word/document.xml", "word/styles.xml"} <= set(names)
        for name in names:
            if name.endswith(".xml") or name.endswith(".rels"):
                parseString(archive.read(name))


def test_the_blank_docx_gives_each_month_four_lines_to_write_on(site):
    document = Document(str(site / "downloads/networking-plan.docx"))
    for table in document.tables[-6:]:
        assert [[c.text for c in row.cells] for row in table.rows] == [["What I will do", "\n\n\n"], ["How it went", "\n\n\n"]]


def test_the_word_template_marks_every_field_of_the_form_once(site, plan):
    # The page fills these in (docs/assets/lib/docx.js): a field the template lacked would be missing from the
    # learner's Word file without a word.
    script = (site / plan_output.WORD_SCRIPT).read_text(encoding="utf-8")
    assert script.startswith(f"/* {plan_output.WORD_LIBRARY} */\n")
    template = json.loads(re.search(r"root\.CoursePlanWord = (\{.*\}); \}\)\(this\);\n$", script).group(1))
    fields = re.findall(r"<w:t>\[\[nplan:([a-z0-9-]+):(\d+)\]\]</w:t>", template["document"])
    form = re.findall(r'\sname="([^"]+)"', plan_output.html(plan, "downloads"))
    assert sorted(name for name, _ in fields) == sorted(form) and len(form) == 4 + 4 + 5 * 6 + 2 * 6
    lines = dict(fields)
    assert lines["goals"] == str(plan.questions[0]["lines"]) and lines["month-3-review"] == "4" and lines["habit-day"] == "1"
    # Every part but the document is the blank template's, deflated, with its CRC-32 and size.
    import base64
    import zlib
    for part in template["parts"]:
        if part["name"] != "word/document.xml":
            data = zlib.decompress(base64.b64decode(part["deflated"]), -15)
            assert (len(data), zlib.crc32(data)) == (part["size"], part["crc"]), part["name"]
    assert [p["name"] for p in template["parts"]][0] == "[Content_Types].xml"


def test_the_ics_has_the_weekly_slot_and_the_monthly_reviews(site, plan):
    calendar = Calendar.from_ical((site / "downloads/networking-plan.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 7
    slot, reviews = events[0], events[1:]
    rule = slot["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["COUNT"] == [26] and rule["BYDAY"] == ["TU"]
    start = slot.decoded("DTSTART")
    assert start.tzinfo is None, "times are floating: the learner's own time zone"
    assert start.strftime("%A %H:%M") == "Tuesday 18:30" and start.date() > date.today()
    assert slot.decoded("DURATION").total_seconds() == 30 * 60
    for n, review in enumerate(reviews, start=1):
        assert str(review["SUMMARY"]) == f"Networking plan: review of month {n}"
        assert plan.review["questions"][0] in str(review["DESCRIPTION"])
        assert review.decoded("DURATION") == timedelta(minutes=plan.review["minutes"])
    assert len({str(e["UID"]) for e in events}) == 7


def test_every_calendar_alarm_rings_fifteen_minutes_before(plan):
    data = plan_output.ics(plan, date(2030, 3, 5), STAMP)
    events = Calendar.from_ical(data).walk("VEVENT")
    for event in events:
        [alarm] = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == timedelta(minutes=-15), "before the start, not after"
        assert str(alarm["ACTION"]) == "DISPLAY" and str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
    assert data.count(b"\r\nTRIGGER:-PT15M\r\n") == len(events) == 7


def test_the_blank_calendar_has_the_exact_slot(plan):
    data = plan_output.ics(plan, date(2030, 3, 5), STAMP)
    slot = Calendar.from_ical(data).walk("VEVENT")[0]
    assert slot.decoded("DTSTART") == datetime(2030, 3, 5, 18, 30)
    assert b"\r\nDTSTART:20300305T183000\r\n" in data, "floating: no time zone, no UTC"
    assert b"\r\nDURATION:PT30M\r\n" in data and b"\r\nRRULE:FREQ=WEEKLY;COUNT=26;BYDAY=TU\r\n" in data
    assert str(slot["UID"]) == "slot-2030-03-05@networking-plan"


def with_habit(plan, **habit):
    return plans.Plan(**{**plan.__dict__, "habit": {**plan.habit, **habit}})


def clock(moment, zone):
    """What the clocks in `zone` show for a floating time read there (RFC 5545 reads a skipped time with
    the offset from before the gap, as zoneinfo's fold=0 does)."""
    real = moment.replace(tzinfo=ZoneInfo(zone)).astimezone(timezone.utc).astimezone(ZoneInfo(zone))
    return real.replace(tzinfo=None)


def weekly(slot):
    """Every start of a weekly event, as its RRULE repeats DTSTART."""
    return list(rrulestr(slot["RRULE"].to_ical().decode(), dtstart=slot.decoded("DTSTART")))


# The weeks around both daylight-saving changes of 2030-2031 in New York (3 Nov 2030, 9 Mar 2031) and
# Berlin (27 Oct 2030, 30 Mar 2031): the slot at 02:30 on Sundays from 20 October 2030.
@pytest.mark.parametrize("zone, gap", [("America/New_York", date(2031, 3, 9)), ("Europe/Berlin", date(2031, 3, 30))])
def test_a_slot_in_a_daylight_saving_gap_moves_in_that_week_only(plan, zone, gap):
    sunday = with_habit(plan, day="sunday", time="02:30")
    slot = Calendar.from_ical(plan_output.ics(sunday, date(2030, 10, 20), STAMP)).walk("VEVENT")[0]
    starts = weekly(slot)
    assert len(starts) == 26 and starts[0] == datetime(2030, 10, 20, 2, 30)
    assert all(start.time() == time(2, 30) for start in starts), "the file repeats the time the learner chose"
    seen = [clock(start, zone) for start in starts]
    assert [s for s in seen if s.time() != time(2, 30)] == [datetime.combine(gap, time(3, 30))]
    # Around the autumn change 02:30 exists (once, or twice in Berlin): those weeks keep it.
    assert datetime(2030, 10, 27, 2, 30) in seen and datetime(2030, 11, 3, 2, 30) in seen


def test_a_slot_on_the_night_of_the_gap_moves_once_not_every_week(plan):
    # 10 March 2030 is New York's spring-forward Sunday: the first week is at 03:30, the rest at 02:30.
    sunday = with_habit(plan, day="sunday", time="02:30")
    calendar = Calendar.from_ical(plan_output.ics(sunday, date(2030, 3, 10), STAMP))
    seen = [clock(start, "America/New_York") for start in weekly(calendar.walk("VEVENT")[0])]
    assert seen[0] == datetime(2030, 3, 10, 3, 30)
    assert seen[1:] == [datetime(2030, 3, 10, 2, 30) + timedelta(weeks=n) for n in range(1, 26)]


@pytest.mark.parametrize("minutes", [5, 240])
def test_the_slot_lasts_the_same_minutes_in_every_download(plan, minutes, tmp_path):
    changed = with_habit(plan, minutes=minutes)
    paths = plan_output.write_downloads(changed, tmp_path, date(2030, 3, 1), STAMP)
    assert f"\n- Minutes: {minutes}\n" in paths["md"].read_text(encoding="utf-8")
    _, _, cells = docx_text(paths["docx"])
    assert cells[cells.index("Minutes") + 1] == str(minutes)
    slot = Calendar.from_ical(paths["ics"].read_bytes()).walk("VEVENT")[0]
    assert slot.decoded("DURATION") == timedelta(minutes=minutes)


def test_reviews_fall_on_the_last_day_of_each_plan_month(plan):
    # Starting on Saturday 31 January 2026: months end on the day before the same date, clamped to short months.
    start = date(2026, 1, 31)
    calendar = Calendar.from_ical(plan_output.ics(plan, start, STAMP))
    reviews = [e.decoded("DTSTART") for e in calendar.walk("VEVENT")[1:]]
    assert [r.date() for r in reviews] == [date(2026, 2, 27), date(2026, 3, 30), date(2026, 4, 29), date(2026, 5, 30),
                                           date(2026, 6, 29), date(2026, 7, 30)]
    # A review on the slot's own weekday starts when the slot ends (30 May 2026 is a Saturday).
    assert reviews[3].time() == time(19, 0) and reviews[0].time() == time(18, 30)
    assert "Month 6: Deepen and look ahead" in str(calendar.walk("VEVENT")[6]["DESCRIPTION"])


def test_the_first_slot_is_on_the_chosen_weekday():
    assert plan_output.first_slot(date(2026, 3, 3), "tuesday") == date(2026, 3, 3)
    assert plan_output.first_slot(date(2026, 3, 4), "tuesday") == date(2026, 3, 10)
    assert plan_output.first_slot(date(2026, 3, 4), "sunday") == date(2026, 3, 8)


def test_the_blank_markdown_matches_the_template(site, plan):
    text = (site / "downloads/networking-plan.md").read_text(encoding="utf-8")
    assert text == plan_output.markdown(plan)
    assert text.startswith(f"# {plan.title}\n\n{plan.intro}\n")
    headings = re.findall(r"^(#{2,3}) (.+)$", text, re.M)
    assert headings == ([("##", q["label"]) for q in plan.questions] + [("##", plan.habit["label"]), ("##", "Month by month")]
                        + [("###", f"Month {n}: {m['focus']}") for n, m in enumerate(plan.months, start=1)]
                        + [("##", plan.review["label"])])
    for q in plan.questions:
        assert f"*{q['hint']}*" in text
    assert "- Day: Tuesday\n- Time: 18:30\n- Minutes: 30\n" in text
    rows = {line.split("|")[1].strip(): [int(c) for c in line.split("|")[2:-1]]
            for line in text.splitlines() if re.match(r"^\| [A-Z].*\| \d", line)}
    assert rows == {a["label"]: [m["counts"][a["id"]] for m in plan.months] for a in plan.actions}
    for question in plan.review["questions"]:
        assert f"- {question}\n" in text


# ---- The form on the lesson page -----------------------------------------------------------------------------

def test_the_markdown_leaves_out_a_hint_the_template_does_not_give():
    text = (ROOT / "plan/networking-plan.yml").read_text(encoding="utf-8")
    for hint in ("  hint: Pick a day and time", "  hint: At the end of each month"):
        text = "\n".join(line for line in text.splitlines() if not line.startswith(hint)) + "\n"
    parsed, problems = plans.parse(text)
    assert problems == []
    blocks = plan_output.markdown(parsed).split("\n\n")
    habit, review = blocks.index("## My weekly networking slot"), blocks.index("## End-of-month review")
    assert blocks[habit + 1].startswith("- Day: Tuesday\n"), blocks[habit + 1]
    assert blocks[review + 1].startswith("- "), blocks[review + 1]
    assert "**" not in [line.strip() for line in blocks]


def test_the_lesson_page_shows_the_blank_form_and_the_downloads(site, plan):
    html = (site / "lessons/networking-plan/index.html").read_text(encoding="utf-8")
    assert html.count('class="nplan"') == 1 and 'method="dialog"' in html
    for ext in ("docx", "md", "ics"):
        assert f'href="../../downloads/networking-plan.{ext}" download' in html
    assert '<div class="nplan-buttons" hidden>' in html, "the buttons that need JavaScript start hidden"
    names = re.findall(r'<(?:textarea|input|select) id="nplan-([^"]+)" name="\1"', html)
    assert len(names) == len(plan.questions) + 4 + 6 * (len(plan.actions) + 2)
    for name in names:
        assert f'<label for="nplan-{name}"' in html or f'<label class="nplan-sr" for="nplan-{name}"' in html, name
    assert "<button" not in html.split('<form class="nplan-sheet"', 1)[1].split("</form>", 1)[0], "no button inside the form"
    data = json.loads(unescape(re.search(r'<div class="nplan" data-nplan="([^"]*)"', html).group(1)))
    assert data["plan"] == json.loads(json.dumps(plan.to_json())) and data["words"] == plan_output.WORDS


def test_the_boxes_of_the_form_hold_the_declared_limits(site, plan):
    assert plan.limits == {"questions": 2000, "months": 1000}
    html = (site / "lessons/networking-plan/index.html").read_text(encoding="utf-8")
    boxes = dict(re.findall(r'<textarea id="nplan-[^"]+" name="([^"]+)" rows="\d+" maxlength="(\d+)"', html))
    limits = plan.field_limits()
    assert len(boxes) == len(plan.questions) + 2 * len(plan.months)
    assert {name: int(limit) for name, limit in boxes.items()} == {name: limits[name] for name in boxes}
    assert boxes["goals"] == "2000" and boxes["month-6-review"] == "1000"
    for name in boxes:
        assert f'aria-describedby="nplan-{name}-hint nplan-{name}-count"' in html, name
        assert f'<p class="nplan-count" id="nplan-{name}-count"></p>' in html, name
    assert 'id="nplan-habit-minutes" name="habit-minutes" type="number" value="30" min="5" max="240"' in html
    assert 'name="habit-start" type="date" value="" min="2000-01-01" max="2099-12-31"' in html


def test_every_page_publishes_the_plan_limits_in_its_head(site, plan):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    expected = plan.field_limits()
    assert len(expected) == len(plan.questions) + 4 + len(plan.months) * (len(plan.actions) + 2)
    assert {name: expected[name] for name in ("goals", "habit-day", "habit-time", "habit-minutes", "habit-start",
                                              "month-1-meetups", "month-1-actions", "month-6-review")} == {
        "goals": 2000, "habit-day": 9, "habit-time": 5, "habit-minutes": 3, "habit-start": 10, "month-1-meetups": 2,
        "month-1-actions": 1000, "month-6-review": 1000}
    for path in pages:
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        found = re.findall(r'<meta name="course-plan-limits" content="([^"]*)">', head)
        assert len(found) == 1, path
        assert json.loads(unescape(found[0])) == expected, path


def test_the_form_has_no_style_attribute_and_keeps_its_lines(plan):
    html = plan_output.html(plan, "../../downloads")
    assert "style=" not in html, "a strict Content-Security-Policy refuses style attributes"
    assert re.findall(r'<textarea id="nplan-(goals|roles)"[^>]* rows="(\d)"', html) == [("goals", "3"), ("roles", "2")]
    css = (ROOT / "docs/assets/plan.css").read_text(encoding="utf-8")
    for lines in range(plans.LINES[0], plans.LINES[1] + 1):
        assert f'.nplan-sheet textarea[rows="{lines}"] {{ --nplan-lines: {lines}; }}' in css, lines


def test_template_text_is_escaped_in_the_form(plan):
    hostile = plans.Plan(**{**plan.__dict__, "title": '<script>alert(1)</script>', "intro": '" onmouseover="x {{ 7*7 }}'})
    html = plan_output.html(hostile, "../../downloads")
    tags = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: tags.append((tag, dict(attrs)))
    parser.feed(html)
    assert "script" not in [tag for tag, _ in tags]
    assert not any("onmouseover" in attrs for _, attrs in tags)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;</h4>" in html


# ---- A bad plan file stops with file:line ----------------------------------------------------------------------

GOOD = (ROOT / plans.PLAN_FILE).read_text(encoding="utf-8")


def line_of(text, needle):
    return text[:text.index(needle)].count("\n") + 1


@pytest.mark.parametrize("old, new, needle, message", [
    ("  day: tuesday", "  day: tusday", "  day: tusday", "`day:` must be a weekday"),
    ('  time: "18:30"', '  time: "6.30pm"', '  time: "6.30pm"', "`time:` must be a 24-hour time"),
    ("  weeks: 26", "  weeks: many", "  weeks: many", "`weeks:` must be a whole number from 1 to 52"),
    ("    counts: {meetups: 1, interviews: 0,", "    counts: {meetups: 1, interview: 0,", "interview: 0",
     "'interview' in month 1 is no action"),
    ("  - id: roles\n", "  - id: roles\n    lable: Roles\n", "    lable: Roles", "unknown field 'lable'"),
    ("  - id: superpowers", "  - id: goals", "  - id: goals\n    label: My superpowers", "the id 'goals' is already used"),
    ("  - id: roles", "  - id: habit-roles", "  - id: habit-roles", "kept for the form's own fields"),
    ("title: My 6-month", "title: My 6-month\ntitle: Again", "title: Again", "the key 'title' appears twice"),
    ("    - What will you keep, drop or change next month?", "    - 42", "  questions:\n    - Which of this",
     "non-empty list of questions"),
    ("  minutes: 30\n  weeks", "  minutes: 999\n  weeks", "  minutes: 999", "`minutes:` must be a whole number from 5 to 240"),
    ("  minutes: 30\n  questions", "  minutes: 0\n  questions", "  minutes: 0", "`minutes:` must be a whole number from 5 to 240"),
    ("  questions: 2000", "  questions: 50", "  questions: 50", "`questions:` must be a whole number from 100 to 20000"),
    ("  months: 1000 ", "  months: 100000 ", "  months: 100000", "`months:` must be a whole number from 100 to 20000"),
    ("  months: 1000 ", "  month: 1000 ", "  month: 1000", "unknown field 'month' in `limits:`"),
    ("  months: 1000 ", "  month: 1000 ", "  questions: 2000", "`months:` is missing in `limits:`"),
    ("limits:\n", "limits: 2000\nold:\n", "limits: 2000", "`limits:` must be a mapping with questions and months"),
    ("limits:\n", "old:\n", "old:\n", "unknown field 'old' at the top of the plan"),
])
def test_a_bad_plan_is_reported_with_file_and_line(old, new, needle, message):
    text = GOOD.replace(old, new, 1)
    assert text != GOOD
    plan, problems = plans.parse(text)
    assert plan is None
    line = line_of(text, needle)
    assert any(p.file == plans.PLAN_FILE and p.line == line and message in p.message for p in problems), problems


def test_every_problem_is_reported_at_once():
    text = GOOD.replace("  day: tuesday", "  day: someday").replace("  minutes: 30\n  weeks", "  minutes: 0\n  weeks")
    text = re.sub(r"  - focus: Widen your reach\n.*?(?=  - focus:)", "", text, flags=re.S)
    _, problems = plans.parse(text)
    messages = " ".join(p.message for p in problems)
    assert "`day:`" in messages and "`minutes:`" in messages and "exactly 6 months" in messages


def test_yaml_that_does_not_parse_gives_its_line(tmp_path):
    (tmp_path / "plan").mkdir()
    (tmp_path / plans.PLAN_FILE).write_text("title: x\nquestions:\n\t- id: goals\n", encoding="utf-8")
    with pytest.raises(CourseError) as error:
        plans.load(tmp_path)
    assert str(error.value).startswith("plan/networking-plan.yml:3: the line is indented with a tab")
    with pytest.raises(CourseError, match="plan template is missing"):
        plans.load(tmp_path / "nowhere")


def test_a_bad_plan_stops_the_build_cleanly(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "node_modules", "site", ".git", "*.pyc",
                                                                  "__pycache__", ".pytest_cache", ".hypothesis"))
    bad = GOOD.replace("  day: tuesday", "  day: someday")
    (project / plans.PLAN_FILE).write_text(bad, encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "out", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = line_of(bad, "  day: someday")
    assert re.search(rf"ERROR\s+-\s+plan/networking-plan\.yml:{line}: `day:` must be a weekday", output), output
    assert "Traceback" not in output


def test_the_check_command_checks_the_plan(tmp_path):
    import subprocess
    import sys

    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "node_modules", "site", ".git", "*.pyc",
                                                                  "__pycache__", ".pytest_cache", ".hypothesis"))
    (project / plans.PLAN_FILE).write_text(GOOD.replace('  time: "18:30"', '  time: "25:00"'), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.check", str(project)], capture_output=True, text=True)
    assert result.returncode == 1 and "plan/networking-plan.yml:" in result.stderr and "Traceback" not in result.stderr


def test_the_plan_file_documents_itself():
    # Authors read the file; the comment at its top says what it is for.
    assert textwrap.dedent(GOOD).startswith("# The 6-month networking plan")
