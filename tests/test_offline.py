"""The offline copy: a zip in the built site that works opened from disk (file://) in Chromium, with
navigation, search, quizzes and the plan, and makes no request to any network."""
import re
import shutil
import zipfile
from html.parser import HTMLParser

from conftest import ROOT, mkdocs_build
from macros import offline


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.scripts = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])


def links_of(path):
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_the_learner_site_links_the_zip_and_the_zip_is_there(site):
    page = site / "offline" / "index.html"
    zips = [link for link in links_of(page).links if link.endswith(".zip")]
    assert zips == [f"../{offline.ZIP}"]
    assert (page.parent / zips[0]).resolve() == (site / offline.ZIP).resolve()
    assert (site / offline.ZIP).stat().st_size > 100_000


def test_the_copy_needs_no_npm_package(tmp_path):
    # The search shim is the theme's own (overrides/), so a checkout without node_modules makes the copy too.
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "node_modules", "site", "site-*", ".git",
                                                                 "__pycache__", ".pytest_cache", ".hypothesis"))
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "out", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(tmp_path / "out" / offline.ZIP) as archive:
        assert f"{offline.FOLDER}/{offline.SHIM}" in archive.namelist()
    html = (tmp_path / "out" / "offline" / "index.html").read_text(encoding="utf-8")
    assert "networking-course-offline.zip" in html


def test_every_page_of_the_copy_loads_local_files_and_links_html_files(offline_copy, site):
    shim = offline_copy / offline.SHIM
    assert shim.read_bytes() == (ROOT / "overrides" / offline.SHIM).read_bytes()
    assert (offline_copy / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")
    assert (offline_copy / "README.txt").is_file()
    pages = sorted(offline_copy.rglob("*.html"))
    # Every page of the site, as a file: lessons/in-person/index.html becomes lessons/in-person.html.
    online = sorted("index.html" if path.parent == site else path.parent.relative_to(site).as_posix() + ".html"
                    for path in site.rglob("index.html"))
    assert sorted(page.relative_to(offline_copy).as_posix() for page in pages) == online
    for page in pages:
        found = links_of(page)
        assert not any(re.match(r"^(https?:)?//", src) for src in found.scripts), page
        assert any(src.endswith(offline.SHIM) for src in found.scripts), f"{page}: no local iframe-worker shim"
        for link in found.links:
            if re.match(r"^[a-z]+:|^#", link):
                continue
            target = (page.parent / link.split("#")[0]).resolve()
            assert target.is_file(), f"{page}: {link} (pages from disk need links to files, not folders)"
    text = (offline_copy / "offline.html").read_text(encoding="utf-8")
    assert "You are reading the offline copy" in text and ".zip" not in text


def test_from_disk_it_navigates_searches_takes_a_quiz_and_keeps_the_plan(offline_copy, browser, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests, errors = [], []

    def route(route_request):
        url = route_request.request.url
        requests.append(url)
        if url.startswith(("file://", "data:", "blob:", "about:")):
            route_request.continue_()
        else:
            route_request.abort()

    context.route("**/*", route)
    context.on("request", lambda request: requests.append(request.url))
    tab = context.new_page()
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("requestfailed", lambda request: errors.append(f"{request.url}: {request.failure}"))

    # Navigation: from the home page to a lesson through the sidebar.
    tab.goto((offline_copy / "index.html").as_uri())
    tab.locator(".md-nav__link", has_text="Networking in person").first.click()
    tab.wait_for_url("**/lessons/in-person.html")
    assert tab.locator("h1").inner_text() == "Networking in person"

    # Search, which runs its worker through the local iframe-worker shim and the inlined index.
    tab.locator("input.md-search__input").click()
    tab.locator("input.md-search__input").press_sequentially("sticky", delay=30)
    tab.wait_for_selector(".md-search-result__item", timeout=15000)
    assert "sticky" in tab.locator(".md-search-result__list").inner_text().lower()
    tab.screenshot(path=str(tmp_path / "offline-search.png"))
    tab.keyboard.press("Escape")

    # A quiz: choose the right answer, check it, get feedback; the answer is kept across a reload.
    first = tab.locator(".quiz-question[data-type=single]").first
    answer = first.get_attribute("data-answer").strip('[]"')
    first.locator(f"input[value='{answer}']").check()
    first.get_by_role("button", name="Check").click()
    assert first.locator(".quiz-verdict").inner_text() == "Correct."
    tab.reload()
    assert tab.locator(".quiz-question[data-type=single]").first.locator(f"input[value='{answer}']").is_checked()
    tab.screenshot(path=str(tmp_path / "offline-quiz.png"), full_page=False)

    # The plan: what the learner types is kept in this browser, and the blank plan's files are there.
    tab.goto((offline_copy / "lessons" / "networking-plan.html").as_uri())
    field = tab.locator("article form textarea").first
    field.fill("Go to the local JavaScript meetup")
    field.dispatch_event("change")
    tab.reload()
    assert tab.locator("article form textarea").first.input_value() == "Go to the local JavaScript meetup"
    downloads = tab.locator("article a[href*='downloads/networking-plan']").evaluate_all("nodes => nodes.map(n => n.href)")
    assert sorted(link.rsplit("/", 1)[1] for link in downloads) == [
        "networking-plan.docx", "networking-plan.ics", "networking-plan.md"]
    for link in downloads:
        assert link.startswith("file://") and (offline_copy / link.split("/networking-course/", 1)[1]).is_file(), link
    tab.screenshot(path=str(tmp_path / "offline-plan.png"))

    context.close()
    assert [url for url in requests if not url.startswith(("file://", "data:", "blob:", "about:"))] == []
    assert errors == []
