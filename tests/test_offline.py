"""The offline copy: a zip in the built site that works opened from disk (file://) in Chromium, with
navigation, search, quizzes and the plan, and makes no request to any network."""
import os
import random
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

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
    # The filled plan in Word: its template is a script, which a page opened from disk can load.
    with tab.expect_download() as info:
        tab.click('[data-nplan-action="word"]')
    from docx import Document
    assert Document(info.value.path()).tables[0].cell(0, 0).text == "Go to the local JavaScript meetup"

    context.close()
    assert [url for url in requests if not url.startswith(("file://", "data:", "blob:", "about:"))] == []
    assert errors == []


def site_folder(folder):
    """A small built site: pages, files the zip leaves out, and a bundle holding two scripts."""
    words = random.Random(1)
    files = {
        # Text that deflates smaller at level 9 than at the default level 6.
        "index.html": " ".join(words.choice(["net", "work", "tech", "plan", "meet", "up", "the", "a", "and", "of"])
                               for _ in range(3000)),
        "lessons/a.html": "<p>A</p>", "lessons/404.html": "kept: only the top 404.html is left out",
        "404.html": "x", "sitemap.xml": "x", "sitemap.xml.gz": "x", "search/search_index.json": "{}",
        "search/search_index.js": "var __index = {};", "assets/x.js.map": "{}", "assets/deep/y.css.map": "{}",
        "assets/a.js": "var a;", "assets/b.js": "var b;", "assets/c.js": "var c;",
        "assets/course.bundle.js": "/* assets/a.js */\nvar a;\n;\n/* assets/b.js */\nvar b;\n",
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return files


def test_zip_folder_zips_what_a_page_can_load_from_disk(tmp_path):
    import zlib

    folder = tmp_path / "built"
    files = site_folder(folder)
    target = tmp_path / "out/deeper/copy.zip"
    assert offline.zip_folder(str(folder), str(target)) == target
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == ["networking-course/README.txt", "networking-course/assets/c.js",
                                      "networking-course/assets/course.bundle.js", "networking-course/index.html",
                                      "networking-course/lessons/404.html", "networking-course/lessons/a.html",
                                      "networking-course/search/search_index.js"]
        assert archive.read("networking-course/README.txt").decode("utf-8") == offline.README
        assert offline.README.startswith("Networking for People Entering Tech: the offline copy\n\nOpen index.html")
        for name in archive.namelist()[1:]:
            assert archive.read(name).decode("utf-8") == files[name.split("/", 1)[1]], name
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_DEFLATED}
        # Deflated at level 9, the smallest.
        def deflated(level):
            packer = zlib.compressobj(level, zlib.DEFLATED, -15)
            data = files["index.html"].encode("utf-8")
            return len(packer.compress(data) + packer.flush())
        assert archive.getinfo("networking-course/index.html").compress_size == deflated(9) < deflated(6)
    # Again into a folder that is there: the zip is replaced.
    (folder / "index.html").unlink()
    offline.zip_folder(folder, target)
    with zipfile.ZipFile(target) as archive:
        assert "networking-course/index.html" not in archive.namelist() and len(archive.namelist()) == 6


def test_the_offline_copy_built_with_zensical(tmp_path, monkeypatch):
    from macros import buildconfig, postbuild

    calls, folders = [], []
    root = tmp_path / "project"
    root.mkdir()

    def write(where, **options):
        calls.append(("write", where, options))
        folders.append(root / options["site_dir"])
        return where / "zensical.offline.yml"

    def build(where, config):
        calls.append(("build", where, config))
        site_folder(folders[0])

    def after(where, folder, **options):
        calls.append(("after", where, folder, options))

    monkeypatch.setattr(buildconfig, "write_zensical_config", write)
    monkeypatch.setattr(buildconfig, "run_zensical", build)
    monkeypatch.setattr(postbuild, "run_on_site", after)
    target = tmp_path / "copy.zip"
    assert offline.build_with_zensical(str(root), target) == target
    [folder] = folders
    assert folder.name.startswith(".offline-") and not folder.exists()
    assert calls == [("write", root, {"site_dir": folder.name, "offline": True}),
                     ("build", root, root / "zensical.offline.yml"),
                     ("after", root, str(folder), {"offline_copy": False})]
    with zipfile.ZipFile(target) as archive:
        assert len(archive.namelist()) == 7 and "networking-course/lessons/a.html" in archive.namelist()


def test_a_failed_zensical_build_of_the_offline_copy_says_why(tmp_path, monkeypatch):
    from macros import buildconfig, postbuild

    monkeypatch.setattr(buildconfig, "write_zensical_config", lambda where, **options: where / "z.yml")

    def fail(where, config):
        raise buildconfig.ZensicalError("zensical build -f z.yml failed:\ndocs/a.md:2: bad")
    monkeypatch.setattr(buildconfig, "run_zensical", fail)
    with pytest.raises(offline.OfflineError) as caught:
        offline.build_with_zensical(tmp_path, tmp_path / "copy.zip")
    assert str(caught.value) == "building the offline copy failed:\nzensical build -f z.yml failed:\ndocs/a.md:2: bad"
    assert caught.value.__suppress_context__ and not (tmp_path / "copy.zip").exists()
    assert list(tmp_path.iterdir()) == []

    def no_site(where, folder, **options):
        raise postbuild.PostBuildError("no built site")
    monkeypatch.setattr(buildconfig, "run_zensical", lambda where, config: None)
    monkeypatch.setattr(postbuild, "run_on_site", no_site)
    with pytest.raises(offline.OfflineError, match="^building the offline copy failed:\nno built site$"):
        offline.build_with_zensical(tmp_path, tmp_path / "copy.zip")


def test_the_offline_copy_built_with_mkdocs(tmp_path, monkeypatch):
    calls = []

    def run(command, **options):
        calls.append((command, options))
        folder = Path(command[command.index("-d") + 1])
        assert folder.is_dir() and folder.name.startswith("course-offline-")
        (folder / "index.html").write_text("<p>Home</p>", encoding="utf-8")
        return subprocess.CompletedProcess(command, 0, "INFO - Documentation built\n", "")
    monkeypatch.setattr(offline.subprocess, "run", run)
    target = tmp_path / "copy.zip"
    assert offline.build(str(tmp_path), target) == target
    [(command, options)] = calls
    folder = command[-2]
    assert command == [sys.executable, "-m", "mkdocs", "build", "-f", str(tmp_path / "mkdocs.offline.yml"), "-d",
                       folder, "--strict"]
    assert not Path(folder).exists()
    environ = dict(os.environ, COURSE_OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    assert options == {"cwd": str(tmp_path), "env": environ, "capture_output": True, "text": True}
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == ["networking-course/README.txt", "networking-course/index.html"]
    calls.clear()
    offline.build(tmp_path, target, strict=False)
    assert calls[0][0][-2] == "-d" and "--strict" not in calls[0][0]


def test_a_failed_mkdocs_build_of_the_offline_copy_shows_its_warnings_and_errors(tmp_path, monkeypatch):
    def run(command, **options):
        return subprocess.CompletedProcess(command, 1, "INFO - Building\nout: a line\n",
                                           "INFO - Cleaning\nWARNING - docs/a.md: a link to b.md\n\nAborted with 1 warning\n")
    monkeypatch.setattr(offline.subprocess, "run", run)
    with pytest.raises(offline.OfflineError) as caught:
        offline.build(tmp_path, tmp_path / "copy.zip")
    assert str(caught.value) == ("building the offline copy failed:\nWARNING - docs/a.md: a link to b.md\n\n"
                                 "Aborted with 1 warning\nout: a line")
    assert not (tmp_path / "copy.zip").exists()
