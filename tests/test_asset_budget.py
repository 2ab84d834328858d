"""What each page loads of the course's own files: the core bundles on every page, a feature's bundles only on
the pages that hold it, each within its budget.

The files and the budgets are written here, not read from mkdocs.yml or bench/sizes.py: a longer list there or
a bigger budget cannot make this pass, and the size report must agree with them."""
import gzip
import importlib.util
import re

import pytest

from conftest import ROOT

# Every page: one stylesheet and one script.
CORE = {
    "course.bundle.css": ["assets/course.css", "assets/theme.css", "assets/quiz.css", "assets/progress.css",
                          "assets/review.css", "assets/print.css"],
    "course.bundle.js": ["assets/features.js", "assets/lib/score.js", "assets/lib/order.js", "assets/lib/review.js",
                         "assets/store.js", "assets/quiz.js", "assets/review.js", "assets/scroll.js"],
}
# Only the pages that hold a feature; the timers are in the instructor edition only.
FEATURES = {
    "contacts.bundle.js": ["assets/lib/ics.js", "assets/lib/contacts.js"],
    "plan.bundle.css": ["assets/plan.css"],
    "plan.bundle.js": ["assets/plan.js"],
    "progress.bundle.js": ["assets/lib/progress.js", "assets/progress-page.js"],
    "tracker.bundle.css": ["assets/tracker.css"],
    "tracker.bundle.js": ["assets/tracker.js"],
    "messages.bundle.css": ["assets/toolkit.css"],
    "templates.bundle.js": ["assets/lib/templates.js", "assets/toolkit.js"],
    "worksheets.bundle.css": ["assets/worksheet.css"],
    "worksheets.bundle.js": ["assets/worksheet.js"],
}
INSTRUCTOR_FEATURES = {"timers.bundle.js": ["assets/timer.js"]}
BUDGETS = {  # bytes, gzipped (level 9)
    "course.bundle.css": 5376,
    "course.bundle.js": 10752,
    "contacts.bundle.js": 8448,
    "plan.bundle.css": 3072,
    "plan.bundle.js": 7424,
    "progress.bundle.js": 7168,
    "tracker.bundle.css": 1792,
    "tracker.bundle.js": 6912,
    "messages.bundle.css": 1536,
    "templates.bundle.js": 4096,
    "worksheets.bundle.css": 2816,
    "worksheets.bundle.js": 1536,
    "timers.bundle.js": 2560,
}
OWN = r'(?:href|src)="(?:\.\./)*assets/([a-z.]+\.(?:css|js))"'

spec = importlib.util.spec_from_file_location("sizes", ROOT / "bench" / "sizes.py")
sizes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sizes)


def sources(bundle_path):
    """The files a built bundle holds, from its `/* path */` headings, in order."""
    return re.findall(r"^/\* (assets/[\w./-]+) \*/$", bundle_path.read_text(encoding="utf-8"), re.MULTILINE)


def own_assets(html):
    return re.findall(OWN, html)


def test_the_bundles_hold_these_files(site, instructor_site):
    for folder, bundles in ((site, {**CORE, **FEATURES}), (instructor_site, {**CORE, **FEATURES, **INSTRUCTOR_FEATURES})):
        built = sorted(path.name for path in (folder / "assets").glob("*.bundle.*"))
        assert built == sorted(bundles)
        for name, files in bundles.items():
            assert sources(folder / "assets" / name) == files, name
    assert not (site / "assets/timer.js").exists(), "the learner edition has no timers"


@pytest.mark.parametrize("name", sorted(BUDGETS))
def test_each_bundle_fits_its_budget(instructor_site, name):
    packed = len(gzip.compress((instructor_site / "assets" / name).read_bytes(), compresslevel=9, mtime=0))
    assert packed <= BUDGETS[name], f"{name}: {packed} bytes gzipped is over its budget of {BUDGETS[name]}"


def test_the_word_template_is_loaded_by_no_page_and_fits_its_budget(site):
    # The plan page loads it only when the learner asks for the Word file (test_plan_browser.py); its document
    # parts are already deflated, so gzip gains little on them.
    packed = len(gzip.compress((site / "assets" / "plan-word.js").read_bytes(), compresslevel=9, mtime=0))
    assert packed <= 40 * 1024, packed
    assert [path for path in site.rglob("*.html") if "plan-word" in path.read_text(encoding="utf-8")] == []


def test_the_size_report_measures_the_same_bundles_and_budgets(instructor_site):
    assert sizes.BUDGETS == BUDGETS
    assert sizes.bundles() == {**CORE, **FEATURES, **INSTRUCTOR_FEATURES}
    assert {name: raw for name, (raw, _) in sizes.sizes().items()} == {
        name: (instructor_site / "assets" / name).stat().st_size for name in BUDGETS}


def test_a_lesson_page_loads_the_core_alone(site):
    page = (site / "lessons" / "introverts" / "index.html").read_text(encoding="utf-8")
    assert own_assets(page) == ["course.bundle.css", "course.bundle.js"]


def test_pages_load_the_bundles_of_the_features_they_hold(site, instructor_site):
    # A feature's stylesheet comes before the core one, so that print.css, last in the core, has the last word.
    expected = {
        # The contacts' code comes first: the plan, the progress page and the tracker build on it.
        (site, "lessons/networking-plan"): ["plan.bundle.css", "course.bundle.css", "course.bundle.js",
                                            "contacts.bundle.js", "plan.bundle.js"],
        (site, "toolkit/tracker"): ["tracker.bundle.css", "course.bundle.css", "course.bundle.js", "contacts.bundle.js",
                                    "tracker.bundle.js"],
        (site, "review"): ["course.bundle.css", "course.bundle.js"],
        (site, "worksheets/paper-quizzes"): ["worksheets.bundle.css", "course.bundle.css", "course.bundle.js",
                                             "worksheets.bundle.js"],
        (site, "progress"): ["course.bundle.css", "course.bundle.js", "contacts.bundle.js", "progress.bundle.js"],
        (site, ""): ["course.bundle.css", "course.bundle.js"],
        # A lesson that shows an example message gets the messages' stylesheet, and no script for them.
        (site, "lessons/in-person"): ["messages.bundle.css", "course.bundle.css", "course.bundle.js"],
        (site, "toolkit/templates"): ["messages.bundle.css", "course.bundle.css", "course.bundle.js",
                                      "templates.bundle.js"],
        (instructor_site, "instructor/timers"): ["worksheets.bundle.css", "course.bundle.css", "course.bundle.js",
                                                 "worksheets.bundle.js", "timers.bundle.js"],
        (instructor_site, "instructor/answer-key"): ["worksheets.bundle.css", "course.bundle.css",
                                                     "course.bundle.js", "worksheets.bundle.js"],
        (instructor_site, "lessons/introverts"): ["course.bundle.css", "course.bundle.js"],
    }
    for (folder, page), loads in expected.items():
        html = (folder / page / "index.html").read_text(encoding="utf-8")
        assert own_assets(html) == loads, page


def test_no_script_holds_up_the_first_paint(site):
    # overrides/main.html adds `defer` to Material's script tags; a new Material version could write them otherwise.
    # The one exception, the theme's small head script, must run before the body is drawn: it sets the colour scheme.
    for path in (site / "lessons" / "in-person" / "index.html", site / "index.html",
                 site / "lessons" / "networking-plan" / "index.html"):
        scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", path.read_text(encoding="utf-8"))
        blocking = [tag for tag in scripts if not re.search(r"\sdefer\b", tag)]
        assert len(scripts) >= 3 and len(blocking) == 1 and "assets/javascripts/theme/head.js" in blocking[0], scripts


def styled_classes(css):
    """The class names a stylesheet's selectors name (declarations and comments left out)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    while re.search(r"\{[^{}]*\}", css):
        css = re.sub(r"\{[^{}]*\}", ";", css)
    return set(re.findall(r"\.([A-Za-z_][\w-]*)", css))


def test_a_page_that_uses_a_features_classes_loads_its_bundle(site, instructor_site):
    # A class only a feature's stylesheet styles, on a page without that feature's bundle, would be unstyled there:
    # the feature's `root` in mkdocs.yml misses an element its files serve.
    core = set().union(*(styled_classes((site / "assets" / name).read_text(encoding="utf-8")) for name in CORE
                         if name.endswith(".css")))
    features = {name.split(".")[0]: styled_classes((instructor_site / "assets" / name).read_text(encoding="utf-8"))
                - core for name in {**FEATURES, **INSTRUCTOR_FEATURES} if name.endswith(".css")}
    unstyled = []
    for folder in (site, instructor_site):
        for page in sorted(folder.rglob("index.html")):
            html = page.read_text(encoding="utf-8")
            used = {name for value in re.findall(r'\sclass="([^"]*)"', html) for name in value.split()}
            loaded = set(re.findall(r'data-course-bundle="([a-z-]+)"', html))
            unstyled += [f"{page.relative_to(folder)}: {feature} styles {sorted(used & classes)}"
                         for feature, classes in features.items() if used & classes and feature not in loaded]
    assert unstyled == []
