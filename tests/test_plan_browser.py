"""The plan form in Chromium: saved as you type, downloads of what was typed, print, and hostile text."""
import re
import subprocess
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from icalendar import Calendar

from conftest import ROOT
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
    page.wait_for_function("([name, value]) => CourseStore.get('plan')[name] === value", arg=[name, value])


def download(page, action):
    with page.expect_download() as info:
        page.click(f'[data-nplan-action="{action}"]')
    return info.value.suggested_filename, open(info.value.path(), "rb").read()


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
    assert b"\r\n" in data and all(len(line) <= 75 for line in data.split(b"\r\n")), "lines folded at 75 octets"
    events = Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 7
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
    page.get_by_label("How it went").nth(5).fill("a;b,c\\d " + "é" * 60 + " 😀" * 20)
    wait_saved(page, "goals", text)
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
