"""The plan form in Chromium: saved as you type, downloads of what was typed, print, and hostile text."""
import json
import re
import subprocess
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar
from zoneinfo import ZoneInfo

from conftest import ROOT, checked_page, wait_until
from macros import plan as plans
from macros import plan_output

PLAN_PAGE = "lessons/networking-plan/"
HOSTILE = ['<script>alert(1)</script>', '" onmouseover="x', "{{ 7*7 }}",
           "fine\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:pwned\nDTSTART:20300101T000000"]


@pytest.fixture(scope="module")
def plan():
    return plans.load(ROOT)


def open_plan(page):
    page.goto(PLAN_PAGE)
    page.wait_for_selector(".nplan-buttons:not([hidden])")


def saved(page):
    return page.evaluate("CourseStore.get('plan')")


def wait_saved(page, name, value):
    wait_until(page, "([name, value]) => CourseStore.get('plan')[name] === value", [name, value])


def download(page, action):
    with page.expect_download() as info:
        page.click(f'[data-nplan-action="{action}"]')
    return info.value.suggested_filename, open(info.value.path(), "rb").read()


def refused(page, action):
    """Click a download button and return the status, failing if anything was downloaded."""
    downloads = []

    def seen(item):
        downloads.append(item)

    page.on("download", seen)
    page.click(f'[data-nplan-action="{action}"]')
    page.wait_for_timeout(400)
    page.remove_listener("download", seen)
    assert not downloads, f"{action} downloaded a file"
    return page.locator(".nplan-status").inner_text()


def unfolded(data):
    """The calendar's content lines, each physical line checked: at most 75 octets, whole UTF-8 characters."""
    assert data.endswith(b"\r\n")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold inside a character leaves half of it on each line
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def ics_text(text):
    """RFC 5545 TEXT escaping, written out again here so the test does not share the code it checks."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def starts(calendar):
    """Every start of the weekly slot: its RRULE's weeks, with the weeks that have an entry of their own replaced."""
    slots = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == plan_output.WORDS["slot"]]
    [series] = [e for e in slots if "RRULE" in e]
    moved = {e.decoded("RECURRENCE-ID"): e.decoded("DTSTART") for e in slots if "RECURRENCE-ID" in e}
    assert all(str(e["UID"]) == str(series["UID"]) for e in slots), "a moved week belongs to the series"
    weeks = list(rrulestr(series["RRULE"].to_ical().decode(), dtstart=series.decoded("DTSTART")))
    assert set(moved) <= set(weeks)
    return [moved.get(week, week) for week in weeks]


def fill_some(page):
    page.get_by_label("My networking goals").fill("Learn what a QA engineer does all week.")
    page.get_by_label("Roles I want to learn about").fill("QA engineer; product manager, maybe")
    page.get_by_label("Day", exact=True).select_option("thursday")
    page.get_by_label("Time", exact=True).fill("07:45")
    page.get_by_label("Minutes", exact=True).fill("45")
    page.get_by_label("First week").fill("2030-03-05")
    page.get_by_label("Meetups or events, month 2").fill("4")
    page.get_by_label("What I will do").nth(0).fill("Join the Testing Guild chat.\nAsk Sam for a coffee chat.")
    wait_saved(page, "month-1-actions", "Join the Testing Guild chat.\nAsk Sam for a coffee chat.")


def test_what_is_typed_survives_a_reload(page):
    open_plan(page)
    fill_some(page)
    assert saved(page)["habit-day"] == "thursday" and saved(page)["month-2-meetups"] == "4"
    assert "habit-weeks" not in saved(page) and "month-3-meetups" not in saved(page), "only changed fields are kept"
    page.reload()
    page.wait_for_selector(".nplan-buttons:not([hidden])")
    assert page.get_by_label("My networking goals").input_value() == "Learn what a QA engineer does all week."
    assert page.get_by_label("Day", exact=True).input_value() == "thursday"
    assert page.get_by_label("Time", exact=True).input_value() == "07:45"
    assert page.get_by_label("First week").input_value() == "2030-03-05"
    assert page.get_by_label("Meetups or events, month 2").input_value() == "4"
    assert page.get_by_label("What I will do").nth(0).input_value().startswith("Join the Testing Guild")
    # Nothing was sent anywhere: the storage key is the course's own, in this browser.
    assert "Testing Guild" in page.evaluate("localStorage.getItem(CourseStore.KEY)")


def test_the_plan_comes_back_after_instant_navigation(page):
    open_plan(page)
    page.get_by_label("My superpowers").fill("Patient explainer")
    wait_saved(page, "superpowers", "Patient explainer")
    page.goto("lessons/networking-career/")
    page.click('article a[href$="networking-plan/"]')
    page.wait_for_selector(".nplan-buttons:not([hidden])")
    assert page.get_by_label("My superpowers").input_value() == "Patient explainer"


def test_every_field_has_a_label_and_the_keyboard_reaches_it(page):
    open_plan(page)
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('.nplan-sheet [name]')]
        .filter(field => !field.labels.length || !field.labels[0].textContent.trim()).map(field => field.name)""")
    assert unlabelled == []
    page.get_by_label("My networking goals").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "superpowers"
    page.keyboard.type("Kind")
    wait_saved(page, "superpowers", "Kind")
    page.get_by_label("Minutes", exact=True).press("Enter")  # Enter in a field never submits the form anywhere
    page.wait_for_timeout(300)
    address = urlsplit(page.url)
    assert address.path.endswith(PLAN_PAGE) and address.query == ""
    assert page.get_by_label("My superpowers").input_value() == "Kind"


def test_the_filled_plan_downloads_as_markdown(page, plan):
    open_plan(page)
    fill_some(page)
    name, data = download(page, "markdown")
    text = data.decode("utf-8")
    assert name == "my-networking-plan.md"
    assert "## My networking goals\n\n*" in text and "\n\nLearn what a QA engineer does all week.\n\n" in text
    assert "- Day: Thursday\n- Time: 07:45\n- Minutes: 45\n- First week: 2030-03-05" in text
    assert "| Meetups or events | 1 | 4 | 2 | 2 | 2 | 2 |" in text
    assert "**What I will do:**\n\nJoin the Testing Guild chat.\nAsk Sam for a coffee chat.\n\n" in text
    assert text.count(plan_output.WORDS["blank"]) == 2 + 1 * 6 + 5  # superpowers, industries; 6 reviews; 5 to-dos


def test_the_empty_form_downloads_the_same_markdown_as_the_build(page, plan):
    open_plan(page)
    _, data = download(page, "markdown")
    assert data.decode("utf-8") == plan_output.markdown(plan)


def test_the_filled_plan_downloads_as_a_calendar(page, plan):
    open_plan(page)
    fill_some(page)
    name, data = download(page, "calendar")
    assert name == "my-networking-plan.ics"
    lines = unfolded(data)
    for line in ("DTSTART:20300307T074500", "DURATION:PT45M", "RRULE:FREQ=WEEKLY;COUNT=26;BYDAY=TH"):
        assert lines.count(line) == 1, line
    assert lines.count("TRIGGER:-PT15M") == 7
    events = Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 7
    for event in events:
        [alarm] = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == timedelta(minutes=-15), "the alarm rings before the start"
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
    assert [e.decoded("DURATION") for e in events[1:]] == [timedelta(minutes=30)] * 6
    slot = events[0]
    assert slot["RRULE"]["FREQ"] == ["WEEKLY"] and slot["RRULE"]["COUNT"] == [26] and slot["RRULE"]["BYDAY"] == ["TH"]
    start = slot.decoded("DTSTART")
    assert start == datetime(2030, 3, 7, 7, 45), "the first Thursday on or after the chosen first week"
    assert slot.decoded("DURATION") == timedelta(minutes=45)
    assert "My networking goals: Learn what a QA engineer does all week." in str(slot["DESCRIPTION"])
    assert "Roles I want to learn about: QA engineer; product manager, maybe" in str(slot["DESCRIPTION"])
    reviews = [e.decoded("DTSTART") for e in events[1:]]
    assert [r.date() for r in reviews] == [date(2030, 4, 6), date(2030, 5, 6), date(2030, 6, 6), date(2030, 7, 6),
                                           date(2030, 8, 6), date(2030, 9, 6)]
    assert str(events[1]["SUMMARY"]) == "Networking plan: review of month 1"
    first = str(events[1]["DESCRIPTION"])
    assert "What I will do: Join the Testing Guild chat.\nAsk Sam for a coffee chat." in first
    assert "Next month: Start conversations. Meetups or events: 4;" in first


def test_start_over_asks_first(page):
    open_plan(page)
    fill_some(page)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click('[data-nplan-action="reset"]')
    assert page.get_by_label("My networking goals").input_value() != ""
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-nplan-action="reset"]')
    assert page.get_by_label("My networking goals").input_value() == ""
    assert page.get_by_label("Day", exact=True).input_value() == "tuesday"
    assert page.get_by_label("Meetups or events, month 2").input_value() == "1"
    assert saved(page) == {}
    assert "cleared" in page.locator(".nplan-status").inner_text()
    page.reload()
    assert page.get_by_label("My networking goals").input_value() == ""


def test_hostile_text_comes_out_inert_everywhere(page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_plan(page)
    text = "\n".join(HOSTILE)
    page.get_by_label("My networking goals").fill(text)
    page.get_by_label("What I will do").nth(0).fill(HOSTILE[3])
    page.get_by_label("What I will do").nth(5).fill("a;b,c\\d " + "é" * 60 + " 😀" * 20)
    wait_saved(page, "goals", text)
    wait_saved(page, "month-6-actions", "a;b,c\\d " + "é" * 60 + " 😀" * 20)
    page.reload()
    page.wait_for_selector(".nplan-buttons:not([hidden])")
    assert page.get_by_label("My networking goals").input_value() == text
    assert page.evaluate("document.querySelectorAll('[onmouseover]').length") == 0
    assert page.evaluate("document.querySelectorAll('.nplan script').length") == 0

    _, data = download(page, "markdown")
    markdown = data.decode("utf-8")
    assert "<script" not in markdown and "&lt;script>alert(1)&lt;/script>" in markdown
    assert '" onmouseover="x' in markdown and "{{ 7*7 }}" in markdown and "49" not in markdown

    _, data = download(page, "calendar")
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert lines.count(b"END:VEVENT") == 7 and lines.count(b"BEGIN:VEVENT") == 7
    assert b"SUMMARY:pwned" not in lines and not any(line.startswith(b"DTSTART:2030") for line in lines)
    events = Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 7
    assert f"My networking goals: {text}" in str(events[0]["DESCRIPTION"])
    assert f"What I will do: {HOSTILE[3]}" in str(events[1]["DESCRIPTION"])
    assert str(events[6]["DESCRIPTION"]).endswith("What I will do: a;b,c\\d " + "é" * 60 + " 😀" * 20 + "\nNext: make "
                                                  "your plan for the following six months.")
    assert not dialogs, "no script ran"


def test_tampered_storage_falls_back_to_the_template(page):
    open_plan(page)
    page.evaluate("""CourseStore.set('plan', {'habit-time': '18:00\\r\\nEND:VEVENT', 'habit-day': 'monday\\nX',
        'habit-minutes': '30;x', 'habit-start': '2030-13-45', 'month-1-meetups': '<b>', goals: 42})""")
    page.reload()
    page.wait_for_selector(".nplan-buttons:not([hidden])")
    assert page.get_by_label("Time", exact=True).input_value() == "18:30"
    assert page.get_by_label("Day", exact=True).input_value() == "tuesday"
    assert page.get_by_label("My networking goals").input_value() == ""
    _, data = download(page, "calendar")
    events = Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 7 and events[0].decoded("DTSTART").strftime("%A %H:%M") == "Tuesday 18:30"


# ---- The calendar: exact text, daylight saving, years and minutes ---------------------------------------------

GOALS = "Meet 3 people; ask, then listen.\nSay \\thanks\\ – é ü 日本語 😀 👩🏽‍💻 " + "é" * 40 + "😀" * 20
TODO = "Join the Testing Guild; say hi, ask one question.\n" + "€" * 30 + " 🙂"


def test_calendar_text_round_trips_exactly(page, plan):
    open_plan(page)
    page.get_by_label("My networking goals").fill(GOALS)
    page.get_by_label("What I will do").nth(0).fill(TODO)
    _, data = download(page, "calendar")
    lines = unfolded(data)
    slot_text = f"{plan.habit['hint']}\n\nMy networking goals: {GOALS}\n\n{plan.title}"
    assert "DESCRIPTION:" + ics_text(slot_text) in lines, "semicolons, commas, backslashes and new lines escaped"
    events = Calendar.from_ical(data).walk("VEVENT")
    assert str(events[0]["SUMMARY"]) == "Networking slot" and str(events[0]["DESCRIPTION"]) == slot_text
    blank = plan_output.review_description(plan, 1).split("\n")
    review = "\n".join(blank[:-1] + [f"What I will do: {TODO}", blank[-1]])
    assert str(events[1]["SUMMARY"]) == "Networking plan: review of month 1"
    assert str(events[1]["DESCRIPTION"]) == review
    assert "DESCRIPTION:" + ics_text(review) in lines


@pytest.fixture(params=["America/New_York", "Europe/Berlin"])
def zoned_page(request, browser, site_url):
    """A tab whose clocks are in one of two time zones."""
    tab = next(gen := checked_page(browser, site_url, timezone_id=request.param))
    tab.zone = request.param
    yield tab
    next(gen, None)


def slot_on_sundays(page, time, first):
    open_plan(page)
    page.get_by_label("Day", exact=True).select_option("sunday")
    page.get_by_label("Time", exact=True).fill(time)
    page.get_by_label("First week").fill(first)
    _, data = download(page, "calendar")
    unfolded(data)
    return data, Calendar.from_ical(data)


def shown_in(zone, moment):
    """What the clocks in `zone` show at a floating time (a skipped time read with the offset before the gap)."""
    return moment.replace(tzinfo=ZoneInfo(zone)).astimezone(ZoneInfo("UTC")).astimezone(ZoneInfo(zone)).replace(tzinfo=None)


# The clocks change on 27 Oct 2030 and 30 Mar 2031 in Berlin, on 3 Nov 2030 and 9 Mar 2031 in New York.
GAPS = {"America/New_York": datetime(2031, 3, 9, 2, 30), "Europe/Berlin": datetime(2031, 3, 30, 2, 30)}


def test_a_slot_in_a_daylight_saving_gap_moves_in_that_week_only(zoned_page):
    data, calendar = slot_on_sundays(zoned_page, "02:30", "2030-10-20")
    gap = GAPS[zoned_page.zone]
    lines = unfolded(data)
    assert "DTSTART:20301020T023000" in lines and "RRULE:FREQ=WEEKLY;COUNT=26;BYDAY=SU" in lines
    assert "RECURRENCE-ID:" + gap.strftime("%Y%m%dT%H%M%S") in lines
    weeks = starts(calendar)
    expected = [datetime(2030, 10, 20, 2, 30) + timedelta(weeks=n) for n in range(26)]
    assert weeks == [gap + timedelta(hours=1) if week == gap else week for week in expected]
    assert all(shown_in(zoned_page.zone, week) == week for week in weeks), "every written time exists there"
    assert datetime(2030, 10, 27, 2, 30) in weeks and datetime(2030, 11, 3, 2, 30) in weeks, "autumn weeks keep 02:30"
    [moved] = [e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" in e]
    assert moved.decoded("DURATION") == timedelta(minutes=30)
    assert moved.walk("VALARM")[0].decoded("TRIGGER") == timedelta(minutes=-15)
    # The monthly reviews, at the slot's time on the 19th (after the slot on Sunday 19 January), are in no gap.
    reviews = [e.decoded("DTSTART") for e in calendar.walk("VEVENT") if "review" in str(e["UID"])]
    assert reviews == [datetime(2030, 11, 19, 2, 30), datetime(2030, 12, 19, 2, 30), datetime(2031, 1, 19, 3, 0),
                       datetime(2031, 2, 19, 2, 30), datetime(2031, 3, 19, 2, 30), datetime(2031, 4, 19, 2, 30)]


def test_a_first_week_in_the_gap_moves_that_week_only(zoned_page):
    first = {"America/New_York": "2030-03-10", "Europe/Berlin": "2030-03-31"}[zoned_page.zone]
    _, calendar = slot_on_sundays(zoned_page, "02:30", first)
    weeks = starts(calendar)
    day = datetime.fromisoformat(first + "T02:30")
    assert weeks[0] == day + timedelta(hours=1)
    assert weeks[1:] == [day + timedelta(weeks=n) for n in range(1, 26)], "not every week at 03:30"


def test_a_slot_in_the_repeated_autumn_hour_stays_put(zoned_page):
    # 01:30 on 3 Nov 2030 happens twice in New York, 02:30 on 27 Oct 2030 twice in Berlin; both exist.
    time = {"America/New_York": "01:30", "Europe/Berlin": "02:30"}[zoned_page.zone]
    _, calendar = slot_on_sundays(zoned_page, time, "2030-10-20")
    moved = {e.decoded("RECURRENCE-ID") for e in calendar.walk("VEVENT") if "RECURRENCE-ID" in e}
    assert moved == ({datetime(2031, 3, 30, 2, 30)} if zoned_page.zone == "Europe/Berlin" else set()), "only the spring gap"
    hour, minute = map(int, time.split(":"))
    assert starts(calendar)[:3] == [datetime(2030, 10, 20 + 7 * n, hour, minute) for n in range(2)] + [
        datetime(2030, 11, 3, hour, minute)]


@pytest.mark.parametrize("first", ["0001-03-05", "0099-03-05", "9999-12-31", "1999-12-31", "2100-01-01"])
def test_a_first_week_outside_the_years_is_refused_with_a_message(page, first):
    open_plan(page)
    field = page.get_by_label("First week")
    field.fill(first)
    message = page.locator("#nplan-habit-start-msg")
    assert message.inner_text() == plan_output.MESSAGES["habit-start"] and message.is_visible()
    assert field.get_attribute("aria-invalid") == "true"
    assert refused(page, "calendar") == "First week: " + plan_output.MESSAGES["habit-start"]
    assert page.evaluate("document.activeElement.name") == "habit-start"
    assert refused(page, "markdown").startswith("First week: ")
    assert saved(page)["habit-start"] == first, "what was typed is kept, to be corrected"
    page.reload()
    page.wait_for_selector(".nplan-buttons:not([hidden])")
    assert field.input_value() == first and message.inner_text() == plan_output.MESSAGES["habit-start"]
    field.fill("")
    assert message.inner_text() == "" and not message.is_visible() and field.get_attribute("aria-invalid") is None
    download(page, "calendar")


def test_a_first_week_in_the_past_is_warned_about(page, plan):
    open_plan(page)
    page.get_by_label("First week").fill("2021-03-02")
    message = page.locator("#nplan-habit-start-msg")
    assert message.inner_text() == plan_output.WORDS["past"] and message.is_visible()
    assert page.get_by_label("First week").get_attribute("aria-invalid") is None
    _, data = download(page, "calendar")
    assert Calendar.from_ical(data).walk("VEVENT")[0].decoded("DTSTART") == datetime(2021, 3, 2, 18, 30)
    _, data = download(page, "markdown")
    assert "- First week: 2021-03-02\n" in data.decode("utf-8")
    page.get_by_label("First week").fill("2098-03-02")
    assert message.inner_text() == ""


@pytest.mark.parametrize("minutes", ["0", "999", "4", "241", ""])
def test_minutes_outside_the_range_are_refused_in_every_download(page, minutes):
    open_plan(page)
    page.get_by_label("Minutes", exact=True).fill(minutes)
    message = page.locator("#nplan-habit-minutes-msg")
    assert message.inner_text() == "Write a whole number of minutes from 5 to 240." and message.is_visible()
    assert refused(page, "markdown") == "Minutes: Write a whole number of minutes from 5 to 240."
    assert refused(page, "calendar") == "Minutes: Write a whole number of minutes from 5 to 240."


@pytest.mark.parametrize("minutes", [5, 240])
def test_minutes_in_the_range_are_the_same_in_every_download(page, minutes):
    open_plan(page)
    page.get_by_label("Minutes", exact=True).fill(str(minutes))
    assert page.locator("#nplan-habit-minutes-msg").inner_text() == ""
    _, data = download(page, "markdown")
    assert f"\n- Minutes: {minutes}\n" in data.decode("utf-8")
    _, data = download(page, "calendar")
    assert Calendar.from_ical(data).walk("VEVENT")[0].decoded("DURATION") == timedelta(minutes=minutes)


def test_a_count_outside_its_range_is_named_when_refused(page):
    open_plan(page)
    page.get_by_label("Meetups or events, month 2").fill("100")
    assert refused(page, "markdown") == "Meetups or events, month 2: Write a whole number from 0 to 99."
    page.get_by_label("Meetups or events, month 2").fill("99")
    _, data = download(page, "markdown")
    assert "| Meetups or events | 1 | 99 | 2 | 2 | 2 | 2 |" in data.decode("utf-8")


# ---- Limits and storage ------------------------------------------------------------------------------------------

def test_a_box_stops_at_its_limit_with_a_counter_and_keeps_everything(page, plan):
    limit = plan.limits["questions"]
    open_plan(page)
    box, counter = page.get_by_label("My networking goals"), page.locator("#nplan-goals-count")
    assert box.get_attribute("maxlength") == str(limit)
    box.fill("x" * 1799)
    assert counter.inner_text() == "" and not counter.is_visible(), "no counter far from the limit"
    box.press("End")
    page.keyboard.type("y")
    assert counter.inner_text() == "1,800 of 2,000 characters" and counter.is_visible()
    text = "Goals: é😀;, " + "z" * (limit - 30)
    box.fill(text)
    page.keyboard.type("0123456789abcdefghijklmnopqrstuvwxyz")  # more than fits
    full = box.input_value()
    # Limits count as the browser and JavaScript's length do, in UTF-16 units: the emoji counts as two.
    assert len(full.encode("utf-16-le")) // 2 == limit and full.startswith(text), "typing stops at the limit"
    assert full == text + "0123456789abcdefg"
    assert counter.inner_text() == "2,000 of 2,000 characters: this box is full"
    assert "nplan-goals-count" in box.get_attribute("aria-describedby").split()
    wait_until(page, "document.querySelector('[data-nplan-live]').textContent.includes('this box is full')")
    box.fill("p" * (limit + 500))
    assert box.input_value() == "p" * limit, "a paste stops at the limit too"
    box.fill(full)
    wait_saved(page, "goals", full)
    assert "saved" in page.locator(".nplan-status").inner_text()

    page.reload()
    page.wait_for_selector(".nplan-buttons:not([hidden])")
    assert box.input_value() == full
    assert counter.inner_text() == "2,000 of 2,000 characters: this box is full"
    _, data = download(page, "markdown")
    assert f"\n\n{full}\n\n" in data.decode("utf-8").replace("&lt;", "<")
    _, data = download(page, "calendar")
    assert f"My networking goals: {full}\n" in str(Calendar.from_ical(data).walk("VEVENT")[0]["DESCRIPTION"])
    page.goto("progress/")
    page.wait_for_selector('button[data-action="export"]', state="visible")
    with page.expect_download() as info:
        page.click('button[data-action="export"]')
    exported = json.loads(open(info.value.path(), encoding="utf-8").read())
    assert exported["progress"]["plan"]["goals"] == full


def test_a_month_box_has_its_own_limit(page, plan):
    open_plan(page)
    box = page.get_by_label("How it went").nth(2)
    assert box.get_attribute("maxlength") == str(plan.limits["months"]) == "1000"
    box.fill("a" * 1000)
    page.keyboard.type("b")
    assert box.input_value() == "a" * 1000
    assert page.locator("#nplan-month-3-review-count").inner_text() == "1,000 of 1,000 characters: this box is full"


def test_a_longer_text_kept_from_before_is_shown_whole(page):
    # Only a plan saved under an older, longer limit can hold more than the box takes: nothing of it is dropped.
    open_plan(page)
    page.evaluate("CourseStore.set('plan', {roles: 'r'.repeat(2345)})")
    page.reload()
    page.wait_for_selector(".nplan-buttons:not([hidden])")
    assert page.get_by_label("Roles I want to learn about").input_value() == "r" * 2345
    assert page.locator("#nplan-roles-count").inner_text() == (
        "2,345 of 2,000 characters: 345 over the limit; shorten it to write more")
    _, data = download(page, "markdown")
    assert "r" * 2345 in data.decode("utf-8")


BROKEN_STORAGE = {
    "full": "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    "blocked": "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('no', 'SecurityError'); } });",
}


@pytest.mark.parametrize("kind", sorted(BROKEN_STORAGE))
def test_a_plan_the_browser_will_not_keep_is_never_called_saved(page, kind):
    page.add_init_script(BROKEN_STORAGE[kind])
    open_plan(page)
    page.get_by_label("My networking goals").fill("Meet three people")
    status = page.locator(".nplan-status")
    wait_until(page, "document.querySelector('.nplan-status').textContent.includes('only for this visit')")
    assert "saved" not in status.inner_text()
    name, data = download(page, "markdown")
    assert "\n\nMeet three people\n\n" in data.decode("utf-8")
    assert "only for this visit" in status.inner_text() and "saved" not in status.inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-nplan-action="reset"]')
    assert "only for this visit" in status.inner_text() and "saved" not in status.inner_text()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_messages_and_counters_pass_axe(page, scheme):
    from test_a11y import AXE, violations

    page.emulate_media(color_scheme=scheme)
    open_plan(page)
    page.get_by_label("Minutes", exact=True).fill("999")
    page.get_by_label("First week").fill("2021-03-02")
    page.get_by_label("Meetups or events, month 2").fill("100")
    page.get_by_label("My networking goals").fill("g" * 2000)
    page.get_by_label("Roles I want to learn about").fill("r" * 1900)
    refused(page, "calendar")
    assert page.locator(".nplan-msg:visible, .nplan-count:visible").count() == 5
    assert violations(page, AXE) == []


def test_the_plan_has_no_style_attribute_and_prints_its_ruled_lines(page):
    open_plan(page)
    fill_some(page)
    page.get_by_label("First week").fill("1999-01-01")
    assert page.evaluate("document.querySelectorAll('.nplan [style]').length") == 0
    lines = """name => { const box = document.querySelector(`[name="${name}"]`), style = getComputedStyle(box);
                         return parseFloat(style.minHeight) / parseFloat(style.fontSize); }"""
    assert round(page.evaluate(lines, "goals"), 2) == 5.5  # 3 lines of 1.6em and .7em of padding
    page.emulate_media(media="print")
    # On paper: 2em a line and a spare one for handwriting; a month's boxes have no spare line.
    assert [round(page.evaluate(lines, name), 2) for name in ("goals", "roles", "month-1-actions")] == [8, 6, 4]
    assert not page.locator("#nplan-habit-start-msg").is_visible(), "messages do not print"


# ---- Print ----------------------------------------------------------------------------------------------------

NAVIGATION = ["Course overview", "Glossary", "Credits", "Table of contents", "Networking for People Entering Tech",
              "Start over", "Download my plan", "Blank plan to download", "Check for understanding", "Previous", "Next"]


def pdf_pages_and_text(pdf):
    pages = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                                              check=True).stdout, re.M).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return pages, text


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_plan_prints_as_a_worksheet_of_two_pages(page, plan, tmp_path, paper):
    open_plan(page)
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format=paper)
    pages, text = pdf_pages_and_text(pdf)
    assert pages <= 2
    for word in NAVIGATION:
        assert word not in text, word
    for label in [plan.title, *[q["label"] for q in plan.questions], plan.habit["label"], plan.review["label"],
                  "Month 1:", "Month 6:", plan.review["questions"][-1]]:
        assert label in text, label


def test_a_filled_plan_still_prints_on_two_pages(page, tmp_path):
    open_plan(page)
    fill_some(page)
    pdf = tmp_path / "filled.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages, text = pdf_pages_and_text(pdf)
    assert pages <= 2
    assert "Learn what a QA engineer does all week." in text and "Ask Sam for a coffee chat." in text


# ---- Without JavaScript ----------------------------------------------------------------------------------------

def test_without_javascript_the_blank_plan_and_downloads_are_there(browser, site_url):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(PLAN_PAGE)
        assert tab.get_by_label("My networking goals").is_visible()
        assert tab.get_by_label("Meetups or events, month 6").input_value() == "2"
        assert not tab.locator(".nplan-buttons").is_visible()
        for ext in ("docx", "md", "ics"):
            link = tab.locator(f'a[href$="networking-plan.{ext}"]')
            assert link.is_visible()
            response = tab.request.get(site_url + PLAN_PAGE + link.get_attribute("href"))
            assert response.ok and len(response.body()) > 200, ext
    finally:
        context.close()
