"""Every page of both editions and of the offline copy runs under the Content-Security-Policy of macros/csp.py,
carried in its head, with no violation; search, the palette toggle and instant navigation work under it."""
import re
from html.parser import HTMLParser

from conftest import ROOT, wait_until
from macros import csp
from test_quiz_browser import serve_sitemap_for_localhost

STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
META = 'meta[http-equiv="Content-Security-Policy"]'

# Every violation of the page and of its frames (the offline copy's search runs in one), kept in the top window.
RECORD = """
document.addEventListener("securitypolicyviolation", (event) => {
  const found = `${event.effectiveDirective} refused ${event.blockedURI || "inline"} `
    + `at ${event.sourceFile}:${event.lineNumber} ${event.sample}`;
  try { (top.cspViolations = top.cspViolations || []).push(found); } catch (error) { console.error(found); }
}, true);
"""


def html_pages(site):
    """Every HTML file of a built site, relative to its root."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def address(page):
    """The address a web server gives a page: its folder for index.html."""
    return re.sub(r"(^|/)index\.html$", r"\1", page)


class Head(HTMLParser):
    """What a page carries that the policy concerns: its policy tags, and anything inline it would refuse."""

    def __init__(self):
        super().__init__()
        self.policies, self.before_policy, self.inline = [], [], []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        position = "line %d" % self.getpos()[0]
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(attrs.get("content"))
        elif not self.policies and (tag in ("script", "style") or (tag == "link" and attrs.get("rel") == "stylesheet")):
            self.before_policy.append(f"{position}: <{tag}>")
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/json":
            self.inline.append(f"{position}: inline <script>")
        if tag == "style":
            self.inline.append(f"{position}: <style> element")
        for name, value in attrs.items():
            if name == "style" or name.startswith("on"):
                self.inline.append(f"{position}: {name}={value!r} on <{tag}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.inline.append(f"{position}: {name}={value!r} on <{tag}>")


def test_the_policy_is_strict_and_the_readme_gives_its_header_form():
    assert csp.POLICY == STRICT
    assert csp.HEADER == STRICT + "; frame-ancestors 'none'"
    assert "unsafe" not in csp.HEADER
    assert f"Content-Security-Policy: {csp.HEADER}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_page_carries_the_policy_before_anything_it_governs_and_nothing_inline(site, instructor_site,
                                                                                    offline_copy):
    problems = []
    for folder in (site, instructor_site, offline_copy):
        pages = html_pages(folder)
        assert len(pages) > 15, folder
        for page in pages:
            head = Head()
            head.feed((folder / page).read_text(encoding="utf-8"))
            where = f"{folder.name}/{page}"
            if head.policies != [csp.POLICY]:
                problems.append(f"{where}: policy tags {head.policies}")
            problems += [f"{where}: {found} comes before the policy" for found in head.before_policy]
            problems += [f"{where}: {found}" for found in head.inline]
    assert not problems, "\n".join(problems)


def visit_every_page(tab, base, pages, served=True):
    """Open each page once in the same tab; the violations, console errors and policy tags that are wrong, by page."""
    tab.add_init_script(RECORD)
    problems = []
    for page in pages:
        seen = len(tab.console_errors)
        tab.goto(base + (address(page) if served else page))
        found = sorted(set(tab.evaluate("(window.cspViolations || []).splice(0)") + tab.console_errors[seen:]))
        policies = tab.locator(META).evaluate_all("tags => tags.map(tag => tag.content)")
        if policies != [csp.POLICY]:
            found.append(f"policy tags in the browser: {policies}")
        problems += [f"{page}: {problem}" for problem in found]
    return problems


def test_no_learner_page_breaks_the_policy(page, site, site_url):
    problems = visit_every_page(page, site_url, html_pages(site))
    assert not problems, "\n".join(problems)


def test_no_instructor_page_breaks_the_policy(instructor_page, instructor_site, instructor_url):
    problems = visit_every_page(instructor_page, instructor_url, html_pages(instructor_site))
    assert not problems, "\n".join(problems)


def search(tab, query):
    tab.locator("input.md-search__input").click()
    tab.locator("input.md-search__input").press_sequentially(query, delay=20)
    tab.wait_for_selector(".md-search-result__item", timeout=15000)
    return tab.locator(".md-search-result__list").inner_text().lower()


def test_no_page_of_the_offline_copy_breaks_the_policy_and_search_works(browser, offline_copy):
    # From disk, search runs its worker in a frame (assets/javascripts/workers/iframe-worker.js).
    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:", "about:"))
                  else route.abort())
    tab = context.new_page()
    tab.console_errors = []
    tab.on("console", lambda message: tab.console_errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    problems = visit_every_page(tab, offline_copy.as_uri() + "/", html_pages(offline_copy), served=False)
    tab.goto((offline_copy / "lessons" / "in-person.html").as_uri())
    assert "sticky" in search(tab, "sticky")
    problems += tab.evaluate("(window.cspViolations || []).splice(0)") + tab.console_errors
    context.close()
    assert not problems, "\n".join(problems)


def test_search_works_under_the_policy(page):
    page.add_init_script(RECORD)
    page.goto("lessons/in-person/")
    assert "sticky" in search(page, "sticky")
    page.locator(".md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.evaluate("window.cspViolations") in (None, [])


def test_the_palette_toggle_switches_and_is_kept_under_the_policy(page):
    page.add_init_script(RECORD)
    page.emulate_media(color_scheme="light")
    page.goto("lessons/in-person/")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.get_by_title("Switch to dark mode").click()
    assert page.evaluate(scheme) == "slate"
    page.reload()
    assert page.evaluate(scheme) == "slate"
    page.goto("glossary/")
    assert page.evaluate(scheme) == "slate"
    page.get_by_title("Switch to light mode").click()
    page.reload()
    assert page.evaluate(scheme) == "default"
    assert page.evaluate("window.cspViolations") in (None, [])


def test_the_chosen_scheme_is_on_the_page_before_its_first_frame(page):
    page.emulate_media(color_scheme="light")
    page.goto("lessons/in-person/")
    page.get_by_title("Switch to dark mode").click()
    # Hold back Material's script and the course's (they run after the first paint): the theme's head script alone
    # must set the scheme, by the first frame that draws the body.
    for script in ("**/assets/javascripts/bundle.*.js", "**/assets/course.bundle.js"):
        page.route(script, lambda route: route.fulfill(body="", content_type="text/javascript"))
    page.add_init_script("""(function frame() {
        requestAnimationFrame(() => document.body
            ? window.firstFrameScheme = document.body.getAttribute("data-md-color-scheme") : frame());
    })();""")
    page.reload()
    wait_until(page, "window.firstFrameScheme !== undefined")
    assert page.evaluate("window.firstFrameScheme") == "slate"


def test_instant_navigation_works_under_the_policy(page, site, site_url):
    serve_sitemap_for_localhost(page, site, site_url)
    page.add_init_script(RECORD)
    page.goto("lessons/in-person/")
    page.evaluate("window.sameDocument = true")
    page.locator('a.md-nav__link[href$="glossary/"]').first.click()
    page.wait_for_url("**/glossary/")
    wait_until(page, "document.querySelector('h1').textContent.trim() === 'Glossary'")
    page.locator('a.md-nav__link[href$="lessons/introverts/"]').first.click()
    page.wait_for_url("**/lessons/introverts/")
    page.wait_for_selector(".quiz--ready")
    assert page.evaluate("window.sameDocument") is True, "navigation was instant (no full page load)"
    assert page.locator(META).evaluate_all("tags => tags.map(tag => tag.content)") == [csp.POLICY]
    assert page.evaluate("window.cspViolations") in (None, [])
