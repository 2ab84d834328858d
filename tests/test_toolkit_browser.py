"""The message templates page in Chromium: the details fill in every message as they are typed, are kept in this
browser, and each message can be copied (also when the clipboard is blocked) and is counted against its limit."""
import json
import time

import pytest

from conftest import ROOT, serve_folder
from macros import messages, toolkit
from macros.course import config_value

PAGE = "toolkit/templates/"
DETAILS = {"their_name": "Priya", "your_name": "Sam", "where_met": "the Python meetup on Tuesday",
           "talked_about": "how your team built the accessibility checker"}
# 180 characters: the LinkedIn note becomes 303 characters, 3 over its limit of 300.
LONG_TOPIC = ("how your team built the accessibility checker, tested it with screen readers on every page, and taught the "
              "company to write alt text that really helps people who listen to the web")


@pytest.fixture(scope="module")
def templates():
    return messages.load(ROOT)


def open_page(page):
    page.goto(PAGE)
    page.wait_for_selector(".msg-form:not([hidden])")


def fill(page, details):
    for name, value in details.items():
        page.fill(f'input[name="{name}"]', value)


def message_text(page, template_id):
    return page.locator(f'.msg[data-msg="{template_id}"] .msg-live').inner_text()


def blanks(templates):
    return {name: toolkit.slot_label(field["label"]) for name, field in templates.fields.items()}


def expected_text(templates, template_id, values):
    return templates.templates[template_id].filled(values=values, blank=blanks(templates).get)


def saved(page):
    return page.evaluate("CourseStore.get('toolkit')")


def until(page, script, arg=None, timeout=5):
    """Wait until script, a function of arg, is true in the page. Not wait_for_function: its polling evaluates a
    string, which the site's Content-Security-Policy (script-src 'self') forbids."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"never true: {script}"
        page.wait_for_timeout(50)


def announced(page, text):
    page.locator(".msg-announce", has_text=text).wait_for(state="attached")


def test_every_message_fills_in_as_the_learner_types(page, templates):
    open_page(page)
    assert message_text(page, "linkedin-connection-note") == expected_text(templates, "linkedin-connection-note", {})
    page.get_by_label("Their first name").fill("Priya")
    for template_id, template in templates.templates.items():
        if "their_name" in template.fields:
            assert message_text(page, template_id).startswith("Hi Priya"), template_id
    fill(page, DETAILS)
    for template_id in templates.templates:
        assert message_text(page, template_id) == expected_text(templates, template_id, DETAILS), template_id
    note = page.locator('.msg[data-msg="linkedin-connection-note"]')
    assert note.locator(".msg-count").inner_text() == "169 of 300 characters"
    live = note.locator(".msg-live")
    assert live.locator(".msg-slot--filled").count() == 4 and live.locator(".msg-slot:not(.msg-slot--filled)").count() == 0
    assert page.locator('.msg[data-msg="thank-you-after-chat"] .msg-live .msg-slot:not(.msg-slot--filled)').inner_text() == "[one thing you learned]"


def local_sitemap(page, site, site_url):
    """Material navigates instantly only to pages its sitemap lists; the sitemap names the published address."""
    published = config_value(ROOT / "mkdocs.yml", "site_url")
    text = (site / "sitemap.xml").read_text(encoding="utf-8").replace(published, site_url)
    page.route("**/sitemap.xml", lambda route: route.fulfill(body=text, content_type="application/xml"))


def test_the_details_survive_a_reload_and_instant_navigation(page, site, site_url):
    local_sitemap(page, site, site_url)
    open_page(page)
    page.evaluate("CourseStore.set('toolkit', {contacts: [{name: 'Ada'}], fields: {kept_from_elsewhere: 'yes'}})")
    fill(page, DETAILS)
    until(page, "value => CourseStore.get('toolkit').fields.talked_about === value", DETAILS["talked_about"])
    assert saved(page) == {"contacts": [{"name": "Ada"}], "fields": {"kept_from_elsewhere": "yes", **DETAILS}}
    stored = json.loads(page.evaluate("localStorage.getItem(CourseStore.KEY)"))
    assert stored["toolkit"]["fields"]["their_name"] == "Priya"
    page.reload()
    page.wait_for_selector(".msg-form:not([hidden])")
    for name, value in DETAILS.items():
        assert page.locator(f'input[name="{name}"]').input_value() == value
    assert message_text(page, "linkedin-connection-note").startswith("Hi Priya, it was great meeting you at the Python")
    page.get_by_label("Their first name").fill("")
    until(page, "() => !('their_name' in CourseStore.get('toolkit').fields)")
    page.goto("lessons/in-person/")
    page.evaluate("window.samePage = true")
    page.click('a[href$="toolkit/templates/#linkedin-connection-note"]')
    page.wait_for_selector(".msg-form:not([hidden])")
    assert page.evaluate("window.samePage") is True, "instant navigation, not a new load"
    assert page.locator('input[name="your_name"]').input_value() == "Sam"
    assert message_text(page, "linkedin-connection-note").startswith("Hi [their first name], it was great meeting you")
    assert saved(page)["contacts"] == [{"name": "Ada"}], "the rest of the section is left alone"


def test_copy_puts_the_exact_message_on_the_clipboard(page, templates):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_page(page)
    fill(page, DETAILS)
    message = page.locator('.msg[data-msg="follow-up-after-event"]')
    message.get_by_role("button", name="Copy the message: A follow-up after an event").click()
    status = message.locator(".msg-status")
    status.filter(has_text="Copied.").wait_for()
    assert status.inner_text() == "Copied. It still has blanks to fill in: [something they are working on]."
    assert page.evaluate("navigator.clipboard.readText()") == expected_text(templates, "follow-up-after-event", DETAILS)
    assert "\n\nSam" in page.evaluate("navigator.clipboard.readText()"), "line breaks are copied"
    page.fill('input[name="their_news"]', "the conference talk next month")
    message.get_by_role("button", name="Copy the message: A follow-up after an event").click()
    status.filter(has_text="Copied.").filter(has_not_text="blanks").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == templates.templates["follow-up-after-event"].filled(
        values={**DETAILS, "their_news": "the conference talk next month"})


@pytest.mark.parametrize("blocked", [
    "navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'))",
    "Object.defineProperty(navigator, 'clipboard', {value: undefined})",
], ids=["refused", "missing"])
def test_a_blocked_clipboard_selects_the_message_and_says_how_to_copy(page, templates, blocked):
    page.add_init_script(blocked)
    open_page(page)
    fill(page, DETAILS)
    message = page.locator('.msg[data-msg="linkedin-connection-note"]')
    message.get_by_role("button", name="Copy the message: A LinkedIn connection note").click()
    status = message.locator(".msg-status")
    status.filter(has_text="Ctrl+C").wait_for()
    assert status.inner_text() == ("This browser did not let the page copy. The message is selected: press Ctrl+C "
                                   "(or \u2318+C on a Mac) to copy it.")
    assert page.evaluate("String(window.getSelection())") == expected_text(templates, "linkedin-connection-note", DETAILS)


def test_the_count_marks_a_message_over_its_limit_and_says_so_politely(page):
    open_page(page)
    fill(page, DETAILS)
    note = page.locator('.msg[data-msg="linkedin-connection-note"]')
    announce = page.locator(".msg-announce")
    assert announce.get_attribute("role") == "status" and announce.get_attribute("aria-live") == "polite"
    page.fill('input[name="talked_about"]', LONG_TOPIC)
    assert note.locator(".msg-count").inner_text() == "303 of 300 characters: 3 over the limit"
    assert "msg--over" in note.get_attribute("class")
    marks = page.evaluate("""() => { const note = document.querySelector('.msg[data-msg="linkedin-connection-note"]');
        const count = getComputedStyle(note.querySelector('.msg-count'));
        return [count.color, count.fontWeight, getComputedStyle(note.querySelector('.msg-count'), '::before').content,
                getComputedStyle(note.querySelector('.msg-live')).borderLeftStyle]; }""")
    assert marks == ["rgb(179, 38, 30)", "700", '"\u26a0\ufe0e "', "double"]
    announced(page, "over the limit")
    assert "A LinkedIn connection note: 303 of 300 characters: 3 over the limit." in announce.inner_text()
    # Messages without a limit are counted but never over.
    assert page.locator('.msg[data-msg="reconnect"] .msg-count').inner_text().endswith(" characters")
    assert page.locator(".msg.msg--over").count() == 1
    page.fill('input[name="talked_about"]', "the checker")
    assert "msg--over" not in note.get_attribute("class")
    assert note.locator(".msg-count").inner_text() == "135 of 300 characters"
    announced(page, "135 of 300")


def test_a_detail_is_kept_to_its_limit_and_the_learner_is_told(page):
    open_page(page)
    field = page.locator('input[name="talked_about"]')
    field.fill("x" * 250)
    assert field.input_value() == "x" * 200
    assert page.locator(".msg-form-status").inner_text() == "Each detail can be up to 200 characters; the rest was cut."
    until(page, "() => CourseStore.get('toolkit').fields.talked_about.length === 200")


def test_what_is_typed_stays_text(page):
    open_page(page)
    hostile = '<img src=x onerror="window.pwned=1"> {your_name}'
    page.fill('input[name="their_name"]', hostile)
    page.fill('input[name="your_name"]', "Sam")
    assert message_text(page, "reconnect").startswith("Hi " + hostile + ",")
    assert page.locator(".msg img").count() == 0 and page.evaluate("window.pwned") is None


def test_without_storage_the_page_works_and_says_so_once(page, templates):
    page.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }")
    open_page(page)
    fill(page, DETAILS)
    status = page.locator(".msg-form-status")
    assert status.inner_text().startswith("This browser is not keeping your details")
    assert message_text(page, "linkedin-connection-note") == expected_text(templates, "linkedin-connection-note", DETAILS)


def test_clear_asks_first(page):
    open_page(page)
    fill(page, DETAILS)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Clear my details").click()
    assert page.locator('input[name="their_name"]').input_value() == "Priya"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear my details").click()
    assert page.locator('input[name="their_name"]').input_value() == ""
    assert saved(page)["fields"] == {}
    assert message_text(page, "linkedin-connection-note").startswith("Hi [their first name],")


def test_the_browser_counts_as_the_check_does(page):
    open_page(page)
    texts = ["caf\u00e9", "cafe\u0301", "\U0001F44B hi", "a\nb", "\u00e7a va \U0001F1EB\U0001F1F7"]
    counted = page.evaluate("""texts => texts.map(text => {
        const box = document.createElement('textarea'); box.value = text; return [box.value.length, CourseTemplates.count(text)]; })""",
                            texts)
    assert counted == [[messages.length(text)] * 2 for text in texts]


def test_without_javascript_the_templates_read_with_their_blanks(browser, site, templates):
    url, server = serve_folder(site)
    context = browser.new_context(base_url=url, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(PAGE)
        assert not tab.locator(".msg-form").is_visible()
        assert tab.locator(".msg-noscript").is_visible()
        assert tab.locator(".msg-tools").first.is_hidden()
        for template_id in templates.templates:
            assert message_text(tab, template_id) == expected_text(templates, template_id, {}), template_id
        assert message_text(tab, "linkedin-connection-note").startswith("Hi [their first name], it was great meeting you at "
                                                                       "[where you met].")
        tab.goto("lessons/in-person/")
        assert templates.templates["linkedin-connection-note"].filled() in tab.locator(".msg-card").inner_text()
    finally:
        context.close()
        server.shutdown()
