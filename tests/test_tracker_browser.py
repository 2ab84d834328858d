"""The contact tracker in Chromium: add, edit and delete (asked first, then undone), kept through reload and
instant navigation, who to follow up with this week by a controlled clock, CSV and JSON round trips into a
fresh browser, formula cells neutralised, hostile text shown as text, storage that keeps nothing, a follow-up
in the calendar, the plan's month beside the tracker's counts, and axe in both palettes."""
import csv
import io
import json
from datetime import date

import pytest
from icalendar import Calendar

from conftest import checked_page, wait_until
from test_a11y import SCHEMES, axe_source, violations  # noqa: F401 (axe_source is a fixture)
from test_csp import RECORD
from test_progress_browser import NOTICE, export, go_by_nav, notice_text
from test_quiz_browser import BLOCK_STORAGE, serve_sitemap_for_localhost, text_of

TRACKER = "toolkit/tracker/"
TODAY = "2025-03-05"  # a Wednesday
NOW = TODAY + "T10:00:00"
FIELDS = ["name", "met", "where", "remember", "exchange", "next", "due", "status", "followed", "helped"]
LIMITS = {"name": 100, "where": 200, "remember": 500, "exchange": 500, "next": 200}
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def person(**fields):
    return {**{name: "" for name in FIELDS}, "status": "follow-up", "met": "2025-03-01", **fields}


def open_tracker(page, contacts=None):
    page.goto(TRACKER)
    page.wait_for_selector(".tracker--ready")
    if contacts is not None:
        page.evaluate("c => CourseStore.set('contacts', c)", contacts)
        page.reload()
        page.wait_for_selector(".tracker--ready")


def stored(page):
    return page.evaluate("CourseStore.get('contacts')")


def card(page, name):
    return page.locator(".tracker-card", has=page.locator("h3", has_text=name))


def names(page):
    return page.locator(".tracker-card h3").all_inner_texts()


def status(page):
    return text_of(page.locator(".tracker-status"))


def csv_message(page):
    wait_until(page, "document.querySelector('.tracker-message').textContent !== ''")
    return text_of(page.locator(".tracker-message"))


def download(page, click):
    with page.expect_download() as info:
        click()
    return info.value.suggested_filename, open(info.value.path(), "rb").read()


def tab_to(page, field):
    """Press Tab until the form's field (or its submit button) has focus."""
    target = "document.activeElement.name || document.activeElement.type"
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate(target) == field:
            return
    raise AssertionError(f"Tab never reached {field}")


def fresh_page(browser, site_url):
    """Another browser with empty storage, checked like `page`."""
    pages = checked_page(browser, site_url)
    return pages, next(pages)


# ---- Add, edit, delete -----------------------------------------------------------------------------------------

def test_add_with_the_keyboard_alone_then_edit_reload_and_navigate(page, site, site_url):
    serve_sitemap_for_localhost(page, site, site_url)
    page.add_init_script(RECORD)
    page.clock.set_fixed_time(NOW)
    open_tracker(page)
    assert text_of(page.locator(".tracker-people .tracker-empty")) == "Nobody yet. Add the first person you met with the form above."
    assert page.locator("#tracker-met").input_value() == TODAY, "the day met starts as today"
    # Keyboard alone: Tab from field to field (a date box takes several: its month, day, year and picker), type,
    # and Enter on the button sends the form.
    page.locator("#tracker-name").focus()
    page.keyboard.type("Priya Raman")
    for field, keys in [("where", "PyData Berlin, at the coffee table"), ("remember", "Runs a book club"),
                        ("exchange", "Offered to review my CV"), ("next", "Send the article"), ("due", "03072025"),
                        ("status", "ArrowDown"), ("submit", "Enter")]:
        tab_to(page, field)
        page.keyboard.press(keys) if keys in ("ArrowDown", "Enter") else page.keyboard.type(keys)
    assert status(page) == "Added Priya Raman."
    assert page.evaluate("document.activeElement.id") == "tracker-name", "ready for the next person"
    assert page.locator("#tracker-name").input_value() == ""
    [(key, value)] = stored(page).items()
    assert value == person(name="Priya Raman", met=TODAY, where="PyData Berlin, at the coffee table",
                           remember="Runs a book club", exchange="Offered to review my CV", next="Send the article",
                           due="2025-03-07", status="waiting")
    assert names(page) == ["Priya Raman"]
    assert text_of(card(page, "Priya Raman").locator(".tracker-facts")) == (
        "Met on 5 March 2025 · Waiting for a reply · follow up on 7 March 2025")
    assert text_of(page.locator(".tracker-week-list")) == "Friday 7 March Priya Raman Send the article Followed up today Priya Raman"

    page.get_by_role("button", name="Edit Priya Raman").click()
    assert text_of(page.locator("#tracker-form-title")) == "Edit Priya Raman"
    assert page.evaluate("document.activeElement.id") == "tracker-name"
    assert page.locator("#tracker-next").input_value() == "Send the article"
    page.locator("#tracker-next").fill("Send the article on queues")
    page.locator("#tracker-helped").fill("2025-03-05")
    page.get_by_role("button", name="Save changes").click()
    assert status(page) == "Saved the changes to Priya Raman."
    assert page.evaluate("document.activeElement.textContent") == "Edit Priya Raman", "back where the learner was"
    assert stored(page) == {key: {**value, "next": "Send the article on queues", "helped": TODAY}}
    assert text_of(page.locator("#tracker-form-title")) == "Add a person"
    assert not page.get_by_role("button", name="Cancel").is_visible()

    page.get_by_role("button", name="Edit Priya Raman").click()
    page.locator("#tracker-name").fill("Someone else")
    page.get_by_role("button", name="Cancel").click()
    assert stored(page)[key]["name"] == "Priya Raman", "a cancelled edit changes nothing"

    page.reload()
    page.wait_for_selector(".tracker--ready")
    assert names(page) == ["Priya Raman"]
    assert text_of(card(page, "Priya Raman").locator(".tracker-details")) == (
        "Where and how PyData Berlin, at the coffee table One thing to remember Runs a book club "
        "What was offered or asked Offered to review my CV Next step Send the article on queues "
        "Last helped them 5 March 2025")

    page.evaluate("window.sameDocument = true")
    go_by_nav(page, "glossary/")
    go_by_nav(page, TRACKER)
    page.wait_for_selector(".tracker--ready")
    assert names(page) == ["Priya Raman"]
    assert page.locator(".tracker-form").count() == 1, "set up once"
    page.locator("#tracker-name").fill("Sam")
    page.get_by_role("button", name="Add person").click()
    assert names(page) == ["Priya Raman", "Sam"]
    assert len(stored(page)) == 2
    assert page.evaluate("window.cspViolations") in (None, [])


def test_delete_asks_first_and_can_be_undone_for_a_few_seconds(page):
    page.clock.install(time=NOW)
    open_tracker(page, {"priya0001": person(name="Priya", due=TODAY), "samsam001": person(name="Sam")})
    asked = []

    def answer(dialog, accept):
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, False))
    page.get_by_role("button", name="Delete Priya").click()
    assert asked == ["Delete Priya from your contacts?"]
    assert set(stored(page)) == {"priya0001", "samsam001"}, "kept when the learner says no"

    page.once("dialog", lambda dialog: answer(dialog, True))
    page.get_by_role("button", name="Delete Priya").click()
    assert set(stored(page)) == {"samsam001"}
    assert names(page) == ["Sam"]
    assert text_of(page.locator(".tracker-undo")) == "Deleted Priya. Undo deleting Priya"
    assert page.locator(".tracker-undo").get_attribute("role") == "status"
    assert page.evaluate("document.activeElement.textContent") == "Undo deleting Priya", "focus on Undo"
    assert page.locator(".tracker-week-list li").count() == 0
    page.clock.run_for(30_000)
    assert page.locator(".tracker-undo button").is_visible(), "Undo stays while it has focus"
    page.get_by_role("button", name="Undo deleting Priya").click()
    assert stored(page) == {"priya0001": person(name="Priya", due=TODAY), "samsam001": person(name="Sam")}
    assert names(page) == ["Priya", "Sam"]
    assert status(page) == "Priya is back in your contacts."
    assert page.evaluate("document.activeElement.textContent") == "Edit Priya"
    assert page.locator(".tracker-undo").inner_text() == ""

    page.once("dialog", lambda dialog: answer(dialog, True))
    page.get_by_role("button", name="Delete Sam").click()
    page.locator("h1").click()  # focus leaves Undo: now it lasts ten seconds
    page.clock.run_for(9_000)
    assert page.locator(".tracker-undo button").is_visible()
    page.clock.run_for(2_000)
    assert page.locator(".tracker-undo button").count() == 0
    assert set(stored(page)) == {"priya0001"}
    page.reload()
    page.wait_for_selector(".tracker--ready")
    assert names(page) == ["Priya"]


def test_the_form_says_what_is_wrong_and_holds_each_limit(page):
    page.clock.set_fixed_time(NOW)
    open_tracker(page, {"priya0001": person(name="Priya", met=TODAY)})
    page.locator("#tracker-met").fill("")
    page.get_by_role("button", name="Add person").click()
    assert status(page) == "Check these 2 fields: “Name” is empty; “Met on” is empty."
    assert page.evaluate("document.activeElement.id") == "tracker-name"
    assert page.locator("#tracker-name").get_attribute("aria-invalid") == "true"
    assert "tracker-name-msg" in page.locator("#tracker-name").get_attribute("aria-describedby").split()
    assert text_of(page.locator("#tracker-name-msg")) == "“Name” is empty"
    assert page.locator(".tracker-status").get_attribute("role") == "status"
    page.locator("#tracker-name").fill("Ana")
    assert page.locator("#tracker-name").get_attribute("aria-invalid") is None, "cleared once it is right"
    assert page.locator("#tracker-name-msg").inner_text() == ""
    # The same name met the same day is someone the tracker already has.
    page.locator("#tracker-name").fill("priya")
    page.locator("#tracker-met").fill(TODAY)
    page.get_by_role("button", name="Add person").click()
    assert status(page) == ("Check this field: You already have priya, met on 5 March 2025: edit that entry, or tell "
                            "the two apart by name.")
    assert len(stored(page)) == 1
    # Every box stops at its limit, which is the module's, and says so near it.
    assert page.evaluate("Object.fromEntries(CourseContacts.FIELDS.filter(f => f.max).map(f => [f.name, f.max]))") == LIMITS
    for name, limit in LIMITS.items():
        box = page.locator(f"#tracker-{name}")
        assert box.get_attribute("maxlength") == str(limit)
        box.fill("")
        box.press_sequentially("é" * (limit - 1) + "xyz")
        assert box.input_value() == "é" * (limit - 1) + "x", name
        assert text_of(page.locator(f"#tracker-{name}-count")) == f"{limit} of {limit} characters: this box is full"
    page.locator("#tracker-name").fill("Ana")
    page.get_by_role("button", name="Add person").click()
    [added] = [c for c in stored(page).values() if c["name"] == "Ana"]
    assert [len(added[name]) for name in LIMITS if name != "name"] == [limit for name, limit in LIMITS.items() if name != "name"]


# ---- Follow up this week -----------------------------------------------------------------------------------------

def test_follow_up_this_week_by_the_clock(page):
    contacts = {
        "late0001": person(name="Lee", due="2025-02-27", next="Say thanks"),
        "today001": person(name="Tao", due=TODAY),
        "sunday01": person(name="Sun", due="2025-03-09", status="in-touch"),
        "tuesday1": person(name="Tue", due="2025-03-11"),
        "toofar01": person(name="Far", due="2025-03-12"),
        "done0001": person(name="Don", due="2025-03-06", status="done"),
        "nodate01": person(name="Nod"),
    }
    page.clock.set_fixed_time(NOW)
    open_tracker(page, contacts)
    rows = [text_of(item) for item in page.locator(".tracker-week-list > li").all()]
    assert rows == ["Overdue since Thursday 27 February Lee Say thanks Followed up today Lee",
                    "Today Tao Followed up today Tao", "Sunday 9 March Sun Followed up today Sun",
                    "Tuesday 11 March Tue Followed up today Tue"]
    page.get_by_role("button", name="Followed up today Lee").click()
    assert stored(page)["late0001"] == person(name="Lee", next="Say thanks", followed=TODAY, status="waiting")
    assert page.locator(".tracker-week-list > li").count() == 3
    assert status(page) == "Marked Lee as followed up today. Give a new follow-up date when you want to write again."
    assert page.evaluate("document.activeElement.textContent") == "Followed up today Tao"

    # A week later, by the clock alone.
    page.clock.set_fixed_time("2025-03-12T09:00:00")
    page.reload()
    page.wait_for_selector(".tracker--ready")
    assert [text_of(item.locator(".tracker-who")) for item in page.locator(".tracker-week-list > li").all()] == [
        "Tao", "Sun", "Tue", "Far"]
    assert text_of(page.locator(".tracker-week-list > li").last.locator(".tracker-when")) == "Today"


def test_nobody_due_says_so(page):
    page.clock.set_fixed_time(NOW)
    open_tracker(page, {"far00001": person(name="Far", due="2025-04-01")})
    assert page.locator(".tracker-week-list").is_hidden()
    assert text_of(page.locator(".tracker-week .tracker-empty")) == (
        "Nobody to follow up with this week. Give people a follow-up date and they show here.")


# ---- CSV and JSON round trips -----------------------------------------------------------------------------------

# Text that tests a spreadsheet and a CSV reader: separators, quotes, line ends, scripts, emoji, and formulas.
ROUND = {
    "csv00001": person(name="Zoë \"Z\" O'Neil, PhD", where="Café, line 1\nline 2", remember="文字化け 🧑‍💻🎉 “curly”",
                       exchange="She asked: \"can you review, please?\"", next="<script>alert(1)</script>", due="2025-03-07",
                       status="waiting", followed="2025-03-02", helped="2025-03-04"),
    "csv00002": person(name="=HYPERLINK(\"http://evil.example\",\"Click\")", met="2025-02-01", where="+1 555 0100",
                       remember="-2+3", exchange="@SUM(A1:A2)", next="\t=1+1", status="in-touch"),
    "csv00003": person(name="'=already quoted", met="2024-12-31", where="a=b", status="done"),
}


def test_csv_round_trip_into_a_fresh_browser_with_no_formula_left_to_run(page, browser, site_url, tmp_path):
    page.clock.set_fixed_time(NOW)
    open_tracker(page, ROUND)
    name, data = download(page, lambda: page.get_by_role("button", name="Download as CSV").click())
    assert name == f"my-contacts-{TODAY}.csv"
    assert status(page) == f"Your 3 people were saved to the file {name}. It opens in any spreadsheet program."
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark"
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["Name", "Met on", "Where and how", "One thing to remember", "What was offered or asked", "Next step",
                       "Follow up on", "Status", "Last followed up", "Last helped them", "ID"]
    assert len(rows) == 4 and all(len(row) == 11 for row in rows)
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA)], "no cell a spreadsheet would run"
    assert {cell for cell in cells if cell.startswith("'")} == {
        "'=HYPERLINK(\"http://evil.example\",\"Click\")", "'+1 555 0100", "'-2+3", "'@SUM(A1:A2)", "'\t=1+1",
        "''=already quoted"}
    assert rows[1][:2] == ["Zoë \"Z\" O'Neil, PhD", "2025-03-01"] and rows[1][2] == "Café, line 1\nline 2"
    assert rows[1][7] == "Waiting for a reply" and rows[1][10] == "csv00001"
    # Every cell quoted, CRLF between records: the raw text of the first two lines.
    assert text.split("\r\n")[0] == ",".join(f'"{cell}"' for cell in rows[0])
    path = tmp_path / name
    path.write_bytes(data)

    pages, fresh = fresh_page(browser, site_url)
    try:
        fresh.clock.set_fixed_time(NOW)
        open_tracker(fresh)
        fresh.locator(".tracker-file").set_input_files(str(path))
        fresh.locator(".tracker-import").wait_for()
        assert csv_message(fresh) == f"The file {name} holds 3 people new."
        assert stored(fresh) == {}, "nothing changes while the page asks"
        assert fresh.evaluate("document.activeElement.textContent") == f"Import from {name}"
        fresh.get_by_role("button", name=f"Import from {name}").click()
        assert stored(fresh) == ROUND
        assert csv_message(fresh) == f"Imported from {name}: 3 people new. The tracker holds 3 people."
        assert names(fresh) == ["Zoë \"Z\" O'Neil, PhD", "=HYPERLINK(\"http://evil.example\",\"Click\")", "'=already quoted"]
        # The same file again: nothing new, nothing changed.
        fresh.locator(".tracker-file").set_input_files(str(path))
        wait_until(fresh, "document.querySelector('.tracker-message').textContent.startsWith('Nothing')")
        assert csv_message(fresh) == f"Nothing to import from {name}: the 3 people in it are here already, just as in the file."
        assert fresh.locator(".tracker-import").count() == 0
    finally:
        next(pages, None)


def test_a_csv_edited_elsewhere_updates_adds_and_lists_each_row_left_out(page, tmp_path):
    page.clock.set_fixed_time(NOW)
    open_tracker(page, {"priya0001": person(name="Priya", next="Coffee"), "samsam001": person(name="Sam")})
    path = tmp_path / "contacts.csv"
    path.write_text("Name;Met on;Next step;ID;Mood\r\n"            # a spreadsheet that saves with semicolons
                    "Priya;2025-03-01;Lunch on Friday;priya0001;fine\r\n"
                    "Sam;2025-03-01;;;\r\n"
                    "<img src=x onerror=window.pwned=1>;2025-02-30;;;\r\n"
                    "Ana;2025-03-02;;;\r\n"
                    "ana;2025-03-02;again;;\r\n", encoding="utf-8")
    page.locator(".tracker-file").set_input_files(str(path))
    page.locator(".tracker-import").wait_for()
    assert csv_message(page) == (
        "The file contacts.csv holds 1 person new, 1 person you have, with changes (the file's version replaces yours), "
        "1 person just as here. Left out: "
        "Column “Mood” is not a column of the tracker: it was left out. "
        "Row 4 (“<img src=x onerror=window.pwned=1>”): “Met on” “2025-02-30” is not a date written as YYYY-MM-DD, "
        "from 1900-01-01 to 2099-12-31. "
        "Row 6 (“ana”): row 5 already gives this person (the same ID, or the same name and date met).")
    assert page.locator(".tracker-skipped li").count() == 3
    assert page.locator(".tracker-message img").count() == 0
    page.get_by_role("button", name="Cancel").click()
    assert csv_message(page) == "Nothing was imported from contacts.csv; your contacts are as they were."
    assert len(stored(page)) == 2
    page.locator(".tracker-file").set_input_files(str(path))
    page.get_by_role("button", name="Import from contacts.csv").click()
    held = stored(page)
    assert held["priya0001"] == person(name="Priya", next="Lunch on Friday")
    assert held["samsam001"] == person(name="Sam")
    [new] = [c for c in held.values() if c["name"] == "Ana"]
    assert new == person(name="Ana", met="2025-03-02")
    assert page.evaluate("window.pwned") is None


def test_a_file_that_is_not_the_trackers_csv_changes_nothing(page, tmp_path):
    open_tracker(page, {"priya0001": person(name="Priya")})
    for name, content, why in [
            ("people.csv", "First name,Email\nAna,a@example.org\n",
             "it has no “Name” column and it has no “Met on” column. Its first row must name the columns, as the "
             "tracker's own CSV file does: Name, Met on, Where and how, One thing to remember, What was offered or "
             "asked, Next step, Follow up on, Status, Last followed up, Last helped them, ID."),
            ("broken.csv", 'Name,Met on\n"Ana,2025-03-01\n', "it is not a CSV file this page can read: a quoted cell in row 2 is never closed."),
            ("huge.csv", "Name,Met on\n" + "x" * (4 * 1024 * 1024), "it is 4.1 MB, and the tracker reads files of at most 4 MB.")]:
        (tmp_path / name).write_text(content, encoding="utf-8")
        page.locator(".tracker-file").set_input_files(str(tmp_path / name))
        wait_until(page, "name => document.querySelector('.tracker-message').textContent.includes(name)", name)
        assert csv_message(page) == f"Nothing was imported from {name}, and your contacts are as they were: {why}"
        assert stored(page) == {"priya0001": person(name="Priya")}


def test_export_and_import_through_the_progress_page_into_a_fresh_browser(page, browser, site_url, tmp_path):
    page.clock.set_fixed_time(NOW)
    open_tracker(page, ROUND)
    page.goto("progress/")
    exported, name = export(page)
    assert exported["progress"]["contacts"] == ROUND
    assert text_of(page.locator(".progress-message")) == f"Your progress was saved to the file {name}. It holds 3 contacts."
    # A forged entry beside the real ones is left out and named.
    exported["progress"]["contacts"]["forged01"] = person(name="<b>Forged</b>", met="yesterday")
    path = tmp_path / name
    path.write_text(json.dumps(exported), encoding="utf-8")

    pages, fresh = fresh_page(browser, site_url)
    try:
        fresh.goto("progress/")
        fresh.wait_for_selector(".progress--ready")
        fresh.locator(".progress input[type=file]").set_input_files(str(path))
        question = fresh.locator(".progress-import")
        question.wait_for()
        assert text_of(question.locator("#progress-import-about")) == (
            "The file holds 3 contacts. Left out: contacts that do not fit the tracker (“<b>Forged</b>” (“Met on” "
            "“yesterday” is not a date written as YYYY-MM-DD, from 1900-01-01 to 2099-12-31)). "
            "This browser holds no progress yet.")
        question.get_by_role("button", name="Import").click()
        assert fresh.evaluate("CourseStore.get('contacts')") == ROUND
        fresh.clock.set_fixed_time(NOW)
        open_tracker(fresh)
        assert names(fresh) == ["Zoë \"Z\" O'Neil, PhD", "=HYPERLINK(\"http://evil.example\",\"Click\")", "'=already quoted"]
        assert fresh.locator(".tracker-week-list > li").count() == 1
    finally:
        next(pages, None)


# ---- Hostile text, storage that keeps nothing, the calendar ------------------------------------------------------

HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>{{ 7*7 }} &amp; <b>bold</b>'


def test_hostile_text_in_every_field_is_shown_as_text(page):
    page.clock.set_fixed_time(NOW)
    open_tracker(page)
    for name in LIMITS:
        page.locator(f"#tracker-{name}").fill(HOSTILE)
    page.locator("#tracker-due").fill(TODAY)
    page.get_by_role("button", name="Add person").click()
    assert status(page) == f"Added {HOSTILE}."
    [contact] = stored(page).values()
    assert contact["name"] == contact["next"] == HOSTILE
    tracker = page.locator(".tracker")
    assert tracker.locator("img, script:not([src]), b").count() == 0
    assert text_of(card(page, "onerror").locator("h3")) == HOSTILE
    assert text_of(page.locator(".tracker-week-list .tracker-who")) == HOSTILE
    assert text_of(card(page, "onerror").locator(".tracker-details")).count(HOSTILE) == 4
    page.get_by_role("button", name=f"Edit {HOSTILE}").click()
    assert text_of(page.locator("#tracker-form-title")) == f"Edit {HOSTILE}"
    page.get_by_role("button", name="Cancel").click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=f"Delete {HOSTILE}").click()
    assert text_of(page.locator(".tracker-undo > span")) == f"Deleted {HOSTILE}."
    assert tracker.locator("img, script:not([src]), b").count() == 0
    assert page.evaluate("window.pwned") is None


def test_storage_that_keeps_nothing_says_so_and_loses_nothing_in_the_visit(page, site, site_url):
    page.context.add_init_script(BLOCK_STORAGE)
    serve_sitemap_for_localhost(page, site, site_url)
    page.clock.set_fixed_time(NOW)
    open_tracker(page)
    page.evaluate("window.sameDocument = true")
    page.locator("#tracker-name").fill("Priya")
    page.locator("#tracker-due").fill("2025-03-06")
    page.get_by_role("button", name="Add person").click()
    assert notice_text(page) == NOTICE
    assert status(page) == ("Added Priya. This browser is not keeping your contacts: they last only for this visit. "
                            "Download them as CSV, or export your progress, before you leave.")
    assert names(page) == ["Priya"]
    go_by_nav(page, "glossary/")
    go_by_nav(page, TRACKER)
    page.wait_for_selector(".tracker--ready")
    assert names(page) == ["Priya"], "kept in memory for the visit"
    assert page.locator(".tracker-week-list .tracker-who").all_inner_texts() == ["Priya"]
    _, data = download(page, lambda: page.get_by_role("button", name="Download as CSV").click())
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1][:2] == ["Priya", TODAY], "and it can still leave"
    assert page.locator(".course-notice").count() == 1


def test_a_follow_up_goes_into_the_calendar(page):
    page.clock.set_fixed_time(NOW)
    open_tracker(page, {"priya0001": person(name="Priya; \"P\", Raman", where="PyData, Berlin", due="2025-03-07",
                                            next="Send the article\nEND:VEVENT", remember="🧑‍💻 " * 30)})
    name, data = download(page, lambda: page.get_by_role("button", name="Add the follow-up to my calendar with Priya").click())
    assert name == "follow-up-priya-p-raman.ics"
    assert status(page) == ("The follow-up with Priya; \"P\", Raman on 7 March 2025 was downloaded: open the file to add "
                            "it to your calendar.")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
    [event] = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Follow up with Priya; \"P\", Raman"
    assert event.decoded("DTSTART") == date(2025, 3, 7) and event.decoded("DTEND") == date(2025, 3, 8)
    assert str(event["DESCRIPTION"]) == ("Next step: Send the article\nEND:VEVENT\nMet on 1 March 2025: PyData, Berlin\n"
                                         "One thing to remember: " + ("🧑‍💻 " * 30).strip())
    assert str(event["UID"]) == "follow-up-priya0001@networking-course-tracker"
    assert len(Calendar.from_ical(data).walk("VEVENT")) == 1
    assert page.get_by_role("button", name="Add the follow-up to my calendar with Sam").count() == 0


# ---- The plan meets the tracker --------------------------------------------------------------------------------

def test_the_plan_shows_this_month_in_the_tracker_beside_the_plan(page):
    contacts = {
        "aaaaaaaa": person(name="A", met="2025-03-04", followed="2025-03-06"),         # month 1: met, followed up
        "bbbbbbbb": person(name="B", met="2025-04-03", helped="2025-03-20"),           # met in month 1's last day
        "cccccccc": person(name="C", met="2025-02-20", followed="2025-04-04", helped="2025-03-10"),  # followed in month 2
        "dddddddd": person(name="D", met="2025-03-03"),                                # the day before the plan
    }
    page.clock.set_fixed_time("2025-03-20T12:00:00")
    page.goto("lessons/networking-plan/")
    page.evaluate("c => CourseStore.set('contacts', c)", contacts)
    page.reload()
    box = page.locator(".nplan-tracker")
    assert text_of(box) == ("Pick your first week above, and this shows how each month of your plan is going in your "
                            "contact tracker. Open your contact tracker")
    page.locator("#nplan-habit-start").fill("2025-03-03")  # a Monday; the slot is on Tuesdays: the plan starts 4 March
    assert text_of(box.locator("caption")) == "Month 1 of your plan (4 March 2025 to 3 April 2025) in your contact tracker"
    rows = [text_of(row) for row in box.locator("tr").all()]
    assert rows == ["This month So far Planned", "People met 2 3", "People followed up 1 3", "People helped 2 –"]
    page.locator("#nplan-month-1-people").fill("5")
    assert text_of(box.locator("tr").nth(1)) == "People met 2 5", "the planned number as typed"
    assert box.get_by_role("link", name="Open your contact tracker").get_attribute("href").endswith("toolkit/tracker/")

    page.clock.set_fixed_time("2025-04-04T12:00:00")
    page.reload()
    assert text_of(box.locator("caption")) == "Month 2 of your plan (4 April 2025 to 3 May 2025) in your contact tracker"
    assert [text_of(row) for row in box.locator("tbody tr").all()] == ["People met 0 4", "People followed up 1 3",
                                                                         "People helped 0 –"]
    page.clock.set_fixed_time("2025-03-01T12:00:00")
    page.reload()
    assert text_of(box.locator("p").first) == ("Your plan starts on 4 March 2025: from then on, this shows how each month "
                                               "is going in your contact tracker.")
    page.clock.set_fixed_time("2025-09-04T12:00:00")
    page.reload()
    assert text_of(box.locator("p").first) == "The six months of your plan ended on 3 September 2025: time to plan the next six."


# ---- Accessibility ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [1280, 360])
def test_axe_finds_nothing_on_the_tracker_in_use(page, scheme, width, axe_source, tmp_path):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.clock.install(time=NOW)  # Undo stays until the clock runs on
    open_tracker(page, ROUND)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == SCHEMES[scheme]
    assert not violations(page, axe_source), "with people, this week's list and their details"
    page.get_by_role("button", name="Add person").click()  # every error showing
    page.locator("#tracker-where").fill("x" * 200)
    path = tmp_path / "contacts.csv"
    path.write_text("Name,Met on,Mood\nAna,2025-03-01,fine\nBo,soon,\n", encoding="utf-8")
    page.locator(".tracker-file").set_input_files(str(path))
    page.locator(".tracker-import").wait_for()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete '=already quoted").click()
    page.locator(".tracker-undo button").wait_for()
    page.evaluate("document.activeElement.blur()")  # Material's own focus colours for buttons are not checked here
    assert not violations(page, axe_source), "with errors, the import question and Undo"
    page.goto("lessons/networking-plan/")
    page.locator("#nplan-habit-start").fill("2025-03-03")
    page.locator(".nplan-tracker table").wait_for()
    assert not violations(page, axe_source), "the plan with the tracker's counts"
