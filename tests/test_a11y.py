"""axe-core finds no accessibility violation on any page, in both palettes, also with quiz results and
messages showing, at desktop width and at 360 px."""
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, wait_until

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `make setup` (it runs `npm ci`)")
    return AXE


def pages_of(site):
    """Every HTML page of a built site as a path relative to its root ('' for the home page)."""
    site = Path(site)
    return sorted("" if path.parent == site else path.parent.relative_to(site).as_posix() + "/"
                  for path in site.rglob("index.html"))


def violations(page, axe_source):
    # Touch-target size (WCAG 2.2) is off in axe by default; Lighthouse checks it, so do we.
    # Evaluated, not added as a <script>: the pages' Content-Security-Policy refuses inline scripts.
    page.evaluate(axe_source.read_text(encoding="utf-8"))
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ["violations"],
            rules: {"target-size": {enabled: true}}})).violations
        .map(v => `${v.id} (${v.help}): ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)""")
    return found


def open_in(page, path, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(path)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == SCHEMES[scheme]


def check_every_page(page, site, scheme, axe_source):
    paths = pages_of(site)
    assert len(paths) > 10
    problems = {}
    for path in paths:
        open_in(page, path, scheme)
        found = violations(page, axe_source)
        if found:
            problems[path or "/"] = found
    assert not problems, "\n".join(f"{path}: {v}" for path, found in problems.items() for v in found)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_learner_page(page, site, scheme, axe_source):
    check_every_page(page, site, scheme, axe_source)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_instructor_page(instructor_page, instructor_site, scheme, axe_source):
    check_every_page(instructor_page, instructor_site, scheme, axe_source)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_not_found_page(page, site, site_url, scheme, axe_source):
    # 404.html links its assets by the published address's path (from site_url); serve those from the build.
    prefix = urlsplit(re.search(r'href="(/[^"]*?)assets/', (site / "404.html").read_text(encoding="utf-8")).group(1)).path
    page.route(f"**{prefix}**", lambda route: route.fulfill(path=str(site / urlsplit(route.request.url).path[len(prefix):])))
    open_in(page, "404.html", scheme)
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", "styles loaded"
    assert not violations(page, axe_source)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [1280, 360])
def test_quiz_results_and_progress_messages(page, course, scheme, width, axe_source):
    """The states the script draws: right and wrong results, an open answer marked, the answer opened."""
    page.set_viewport_size({"width": width, "height": 800})
    open_in(page, "lessons/in-person/", scheme)
    for number, question in enumerate(course.banks["in-person"].questions):
        box = page.locator(f'.quiz-question[data-qid="{question.id}"]')
        if question.type == "open":
            box.locator("textarea").fill("An answer.")
            box.get_by_role("button", name="Show the model answer").click()
            box.get_by_role("button", name="Yes, it did").click()
        else:
            # Right and wrong in turns; a wrong answer also offers the full answer, opened here.
            right = number % 2 == 0
            key = next(str(k).lower() for k, _ in question.choices if (k in question.keyed) == right)
            box.locator(f'input[value="{key}"]').check()
            box.get_by_role("button", name="Check", exact=True).click()
            if not right:
                box.locator(".quiz-answer summary").click()
    page.locator(".quiz-open-text").first.focus()
    assert not violations(page, axe_source)
    open_in(page, "progress/", scheme)
    page.locator(".progress input[type=file]").set_input_files(
        files=[{"name": "bad.json", "mimeType": "application/json", "buffer": b"[]"}])
    wait_until(page, "document.querySelector('.progress-message').textContent !== ''")
    assert not violations(page, axe_source)


def test_lessons_as_first_opened_on_a_phone(page, course, axe_source):
    """As a page is first shown, before any scrolling: questions off the screen are not laid out yet
    (content-visibility), and must not overlap for a tool that measures them, such as touch-target size."""
    page.set_viewport_size({"width": 360, "height": 800})
    problems = {}
    for slug in course.lessons:
        open_in(page, f"lessons/{slug}/", "light")
        page.wait_for_selector(".quiz--ready")
        if found := violations(page, axe_source):
            problems[slug] = found
    assert not problems, problems


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [1280, 360])
def test_the_templates_page_as_it_is_filled_in(page, scheme, width, axe_source):
    """The states the templates script draws: filled blanks, a message over its limit, a copy message, an example open."""
    page.set_viewport_size({"width": width, "height": 800})
    open_in(page, "toolkit/templates/", scheme)
    page.wait_for_selector(".msg-form:not([hidden])")
    page.fill('input[name="their_name"]', "Priya")
    page.fill('input[name="talked_about"]', "x" * 250)
    page.locator(".msg.msg--over").wait_for()
    page.locator('.msg[data-msg="linkedin-connection-note"] [data-msg-copy]').click()
    page.locator('.msg[data-msg="linkedin-connection-note"] .msg-status', has_text="C").wait_for()
    page.locator('.msg[data-msg="reconnect"] .msg-example summary').click()
    page.locator(".msg-announce", has_text="characters").wait_for(state="attached")
    page.locator('input[name="your_name"]').focus()
    assert not violations(page, axe_source)
