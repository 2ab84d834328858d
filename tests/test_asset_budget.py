"""The quiz script and stylesheet stay small: store.js + quiz.js + quiz.css at most 7 KB gzipped.

The budget and its files are written here, not read from bench/sizes.py: a smaller list or a bigger
budget there cannot make this pass, and the two must agree."""
import gzip
import importlib.util
import re

from conftest import ROOT

BUDGET = 7168  # bytes (7 KB), gzipped (level 9), the three files together; quiz.js keeps the review schedule
FILES = ("store.js", "quiz.js", "quiz.css")

spec = importlib.util.spec_from_file_location("sizes", ROOT / "bench" / "sizes.py")
sizes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sizes)


def test_quiz_assets_fit_the_budget():
    found = {name: len(gzip.compress((ROOT / "docs/assets" / name).read_bytes(), compresslevel=9, mtime=0))
             for name in FILES}
    total = sum(found.values())
    assert total <= BUDGET, f"{total} bytes gzipped is over the {BUDGET}-byte budget: {found}"


def test_the_size_report_measures_the_same_budget():
    assert (sizes.BUDGET, sizes.FILES) == (BUDGET, FILES)
    assert {name: packed for name, (_, packed) in sizes.sizes().items()} == {
        name: len(gzip.compress((ROOT / "docs/assets" / name).read_bytes(), compresslevel=9, mtime=0)) for name in FILES}


def test_the_quiz_assets_are_what_pages_load(site):
    # Pages load the project's own files as one stylesheet and one script (macros/assets.py).
    page = (site / "lessons" / "in-person" / "index.html").read_text(encoding="utf-8")
    for bundle in ("assets/course.bundle.css", "assets/course.bundle.js"):
        assert bundle in page
    for name in FILES:
        kind = name.rsplit(".", 1)[1]
        bundled = (site / f"assets/course.bundle.{kind}").read_text(encoding="utf-8")
        assert f"/* assets/{name} */\n" + (ROOT / "docs/assets" / name).read_text(encoding="utf-8").strip() in bundled, (
            f"{name} is counted in the budget but lesson pages do not load it")


def test_a_page_makes_two_requests_for_the_course_assets(site):
    page = (site / "lessons" / "in-person" / "index.html").read_text(encoding="utf-8")
    own = re.findall(r'(?:href|src)="(?:\.\./)*assets/([a-z.]+\.(?:css|js))"', page)
    assert own == ["course.bundle.css", "course.bundle.js"]


def test_no_script_holds_up_the_first_paint(site):
    # overrides/main.html adds `defer` to Material's script tags; a new Material version could write them otherwise.
    # The one exception, the theme's small head script, must run before the body is drawn: it sets the colour scheme.
    for path in (site / "lessons" / "in-person" / "index.html", site / "index.html"):
        scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", path.read_text(encoding="utf-8"))
        blocking = [tag for tag in scripts if not re.search(r"\sdefer\b", tag)]
        assert len(scripts) >= 3 and len(blocking) == 1 and "assets/javascripts/theme/head.js" in blocking[0], scripts
