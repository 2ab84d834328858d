"""Shared fixtures: the project root, the course as the core loads it, and the built site."""
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.course import load  # noqa: E402


def pytest_addoption(parser):
    parser.addoption("--no-builds", action="store_true",
                     help="skip the tests that build a site or drive a browser (the fast set `make mutation` runs)")


def pytest_configure(config):
    global NO_BUILDS
    NO_BUILDS = config.getoption("--no-builds", False)


NO_BUILDS = False


def mkdocs_build(config, site_dir, cwd=ROOT):
    """Build one edition with --strict; returns the finished process (never raises on failure)."""
    if NO_BUILDS:
        pytest.skip("--no-builds")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def require(condition, what_to_install):
    """A test's outside input (a tool, a browser, the source texts): under CI=true a missing one fails the
    test with what to install; elsewhere it skips with the same message. Returns the condition."""
    if not condition:
        if os.environ.get("CI", "").lower() not in ("", "0", "false"):
            pytest.fail(f"CI needs {what_to_install}", pytrace=False)
        pytest.skip(f"needs {what_to_install}")
    return condition


@pytest.fixture(scope="session")
def course():
    return load(ROOT)


def built_edition(tmp_path_factory, config):
    site_dir = tmp_path_factory.mktemp(config.replace(".", "-"))
    result = mkdocs_build(ROOT / config, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The learner edition, built once per test run."""
    return built_edition(tmp_path_factory, "mkdocs.yml")


@pytest.fixture(scope="session")
def offline_copy(site, tmp_path_factory):
    """The offline copy from the learner site's downloads, unzipped."""
    from macros import offline

    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / offline.ZIP) as archive:
        assert archive.testzip() is None
        assert all(name.startswith(offline.FOLDER + "/") for name in archive.namelist())
        archive.extractall(folder)
    return folder / offline.FOLDER


# ---- The built site served on localhost, and real Chromium driven by Playwright ----------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def serve_folder(folder):
    """Serve folder on a free localhost port in a background thread; returns (base URL, server)."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def site_url(site):
    url, server = serve_folder(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium under Playwright. In CI it must run; elsewhere it may skip with how to enable it."""
    if NO_BUILDS:
        pytest.skip("--no-builds")
    require(CHROMIUM.exists(), "Chromium at /usr/bin/chromium for the browser tests: "
                               "sudo apt-get install -y chromium (Debian/Ubuntu)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh browser context (empty storage) whose requests may only go to the local server.

    Every request to another host is recorded and aborted, and every console error is recorded;
    the test fails at teardown if there was any.
    """
    yield from checked_page(browser, site_url)


@pytest.fixture(scope="session")
def instructor_site(tmp_path_factory):
    """The instructor edition (mkdocs.instructor.yml), built once per test run."""
    return built_edition(tmp_path_factory, "mkdocs.instructor.yml")


@pytest.fixture(scope="session")
def instructor_url(instructor_site):
    url, server = serve_folder(instructor_site)
    yield url
    server.shutdown()


@pytest.fixture
def instructor_page(browser, instructor_url):
    """Like `page`, on the instructor edition."""
    yield from checked_page(browser, instructor_url)


def wait_until(page, expression, arg=None, timeout=10.0):
    """Wait until a JavaScript expression (or a function of `arg`) is truthy in the page.

    Playwright's wait_for_function compiles its predicate from a string inside the page, which the site's
    Content-Security-Policy refuses ('unsafe-eval'); page.evaluate is not subject to it, so poll with that.
    """
    import time
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression, arg) if arg is not None else page.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for: {expression}")
        page.wait_for_timeout(50)


def checked_page(browser, site_url, **options):
    """A checked tab (see `page`); options go to the browser context, e.g. reduced_motion="reduce"."""
    context = browser.new_context(base_url=site_url, viewport={"width": 1280, "height": 900}, **options)
    foreign, errors = [], []

    def route(route_request):
        url = route_request.request.url
        if url.startswith(site_url) or url.startswith(("data:", "blob:")):
            route_request.continue_()
        else:
            foreign.append(url)
            route_request.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.foreign_requests, tab.console_errors = foreign, errors
    yield tab
    context.close()
    assert not foreign, f"requests to other hosts: {foreign}"
    assert not errors, f"console errors: {errors}"


@pytest.fixture
def ascii_locale():
    """An ASCII locale while the test runs: Python's default text encoding follows it, so a file read or written
    without encoding="utf-8" fails on the first letter outside ASCII, as it would on a machine set up that way."""
    import locale
    before = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    yield
    locale.setlocale(locale.LC_CTYPE, before)
