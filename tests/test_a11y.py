"""axe-core finds no accessibility violation on any page, in both palettes, also with quiz results and
messages showing, at desktop width and at 360 px. Each page is checked once per palette: the instructor
sweep checks only what the learner sweep has not seen. Motion is reduced, as no animation is under test here."""
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, checked_page, wait_until
from macros.course import nav_of, nav_paths

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


@pytest.fixture
def calm_page(browser, site_url):
    yield from checked_page(browser, site_url, reduced_motion="reduce")


@pytest.fixture
def calm_instructor_page(browser, instructor_url):
    yield from checked_page(browser, instructor_url, reduced_motion="reduce")


ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">.*?</article>', re.S)


def article(site, path):
    found = ARTICLE.search((Path(site) / path / "index.html").read_text(encoding="utf-8"))
    assert found, f"{path or '/'}: no <article> where Material puts a page's content"
    return found.group(0)


def instructor_only(site, instructor_site):
    """The instructor pages the learner sweep has not checked: the pages of that edition alone, and the
    pages whose content differs from the learner's (facilitation notes, materials). Everywhere else the
    editions differ only in the site's name and the navigation, which the first kind shows just the same."""
    learner = set(pages_of(site))
    return [path for path in pages_of(instructor_site)
            if path not in learner or article(site, path) != article(instructor_site, path)]


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


def check_pages(page, paths, scheme, axe_source):
    problems = {}
    for path in paths:
        open_in(page, path, scheme)
        found = violations(page, axe_source)
        if found:
            problems[path or "/"] = found
    assert not problems, "\n".join(f"{path}: {v}" for path, found in problems.items() for v in found)


def url_of(source):
    """A page's path in the built site from its source in the nav: 'a/index.md' -> 'a/', 'a/b.md' -> 'a/b/'."""
    return source.removesuffix("index.md").removesuffix(".md") + ("/" if not source.endswith("index.md") else "")


def test_the_sweeps_cover_every_page_once(site, instructor_site, course):
    learner = [url_of(path) for path in nav_paths(nav_of(ROOT / "mkdocs.yml"))]
    assert pages_of(site) == sorted(learner)
    # The instructor sweep: the instructor's own pages, and the lessons, where the facilitation notes are.
    teacher = [url_of(path) for path in nav_paths(nav_of(ROOT / "mkdocs.instructor.yml")) if path not in
               nav_paths(nav_of(ROOT / "mkdocs.yml"))]
    assert teacher and all(path.startswith("instructor/") for path in teacher)
    # The review page holds every question of the course, rendered for its edition like the lessons' quizzes.
    assert instructor_only(site, instructor_site) == sorted(teacher + [f"lessons/{slug}/" for slug in course.lessons]
                                                            + ["review/"])


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_learner_page(calm_page, site, scheme, axe_source):
    check_pages(calm_page, pages_of(site), scheme, axe_source)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_instructor_page_the_learner_sweep_has_not_checked(calm_instructor_page, site, instructor_site, scheme,
                                                                 axe_source):
    check_pages(calm_instructor_page, instructor_only(site, instructor_site), scheme, axe_source)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_not_found_page(calm_page, site, site_url, scheme, axe_source):
    page = calm_page
    # 404.html links its assets by the published address's path (from site_url); serve those from the build.
    prefix = urlsplit(re.search(r'href="(/[^"]*?)assets/', (site / "404.html").read_text(encoding="utf-8")).group(1)).path
    page.route(f"**{prefix}**", lambda route: route.fulfill(path=str(site / urlsplit(route.request.url).path[len(prefix):])))
    open_in(page, "404.html", scheme)
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", "styles loaded"
    assert not violations(page, axe_source)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [1280, 360])
def test_quiz_results_and_progress_messages(calm_page, course, scheme, width, axe_source):
    """The states the script draws: right and wrong results, an open answer marked, the answer opened."""
    page = calm_page
    page.set_viewport_size({"width": width, "height": 800})
    open_in(page, "lessons/in-person/", scheme)
    for question in course.banks["in-person"].questions:
        box = page.locator(f'.quiz-question[data-qid="{question.id}"]')
        if question.type == "open":
            box.locator("textarea").fill("An answer.")
            box.get_by_role("button", name="Show the model answer").click()
            box.get_by_role("button", name="Yes, it did").click()
        else:
            box.locator("input").first.check()
            box.get_by_role("button", name="Check", exact=True).click()
            box.locator(".quiz-answer summary").click()
    page.locator(".quiz-open-text").first.focus()
    assert not violations(page, axe_source)
    open_in(page, "progress/", scheme)
    page.locator(".progress input[type=file]").set_input_files(
        files=[{"name": "bad.json", "mimeType": "application/json", "buffer": b"[]"}])
    wait_until(page, "document.querySelector('.progress-message').textContent !== ''")
    assert not violations(page, axe_source)


def test_lessons_as_first_opened_on_a_phone(calm_page, course, axe_source):
    """As a page is first shown, before any scrolling: questions off the screen are not laid out yet
    (content-visibility), and must not overlap for a tool that measures them, such as touch-target size."""
    page = calm_page
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
