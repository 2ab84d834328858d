"""Feature bundles as authors declare them in mkdocs.yml (macros/assets.py): every mistake named with its line and
the fix, and a page's features found in its HTML."""
import pytest

from conftest import ROOT, mkdocs_build
from macros import assets
from macros.problems import CourseError
from test_site import copy_project

DOCS = ROOT / "docs"
CORE = ["assets/course.css", "assets/quiz.js"]
CONFIG_TEXT = """extra:
  features:
    plan:
      root: .nplan
      files: [assets/plan.css, assets/plan.js]
    sheets:
      root: div.sheet
      files: [assets/quiz.js, assets/plan.css, assets/nothing.js, notes.md]
    Timers:
      root: "[data-timer]"
      files: [assets/timer.js]
    spare:
      root: "[data-spare]"
    empty:
      root: "[data-empty]"
      files: []
"""
CONFIG = {
    "plan": {"root": ".nplan", "files": ["assets/plan.css", "assets/plan.js"]},
    "sheets": {"root": "div.sheet", "files": ["assets/quiz.js", "assets/plan.css", "assets/nothing.js", "notes.md"]},
    "Timers": {"root": "[data-timer]", "files": ["assets/timer.js"]},
    "spare": {"root": "[data-spare]"},
    "empty": {"root": "[data-empty]", "files": []},
}


def test_every_mistake_is_named_with_its_line_and_fix():
    with pytest.raises(CourseError) as raised:
        assets.read_features(CONFIG, DOCS, CORE, {"mkdocs.yml": CONFIG_TEXT})
    assert [str(problem) for problem in raised.value.problems] == [
        "mkdocs.yml:7: extra.features.sheets: root 'div.sheet' is not `.class` or `[attribute]` (several separated "
        "by commas), the forms the build can find in a page",
        "mkdocs.yml:8: extra.features.sheets: assets/nothing.js is not in docs/; check its spelling",
        "mkdocs.yml:8: extra.features.sheets: assets/plan.css is already in feature plan; a file belongs to one "
        "bundle only",
        "mkdocs.yml:8: extra.features.sheets: assets/quiz.js is already in extra_css or extra_javascript; a file "
        "belongs to one bundle only",
        "mkdocs.yml:8: extra.features.sheets: notes.md is not a stylesheet (.css) or script (.js) of docs/",
        "mkdocs.yml:9: extra.features.Timers: name a feature with lowercase letters, digits and hyphens, "
        "other than 'course'",
        "mkdocs.yml:12: extra.features.spare: give exactly `root:` (the element a page holds it in) and "
        "`files:` (a list)",
        "mkdocs.yml:16: extra.features.empty: list the feature's files, such as [assets/plan.css, assets/plan.js]",
    ]


def test_a_feature_is_found_by_its_class_or_attribute_and_nothing_else():
    plan, sheets = assets.read_features({"plan": {"root": ".nplan", "files": ["assets/plan.js"]},
                                         "sheets": {"root": "[data-print], .cards", "files": ["assets/worksheet.js"]}},
                                        DOCS, CORE)
    found = lambda html: [feature.name for feature in assets.page_features([plan, sheets], html)]  # noqa: E731
    assert found('<div class="nplan" data-nplan="{}">') == ["plan"]
    assert found('<div class="wide nplan">') == ["plan"]
    assert found('<p class="nplan-status">') == []
    assert found("<p>The nplan class is plan.js's root.</p>") == []
    assert found('<button type="button" data-print="sheet-x">') == ["sheets"]
    assert found('<section data-print>') == ["sheets"]
    assert found('<p data-printer="x">') == []
    assert found('<ul class="cards" aria-label="Conversation cards"><li class="nplan">') == ["plan", "sheets"]
    assert plan.bundles() == {".js": "assets/plan.bundle.js"}
    assert sheets.bundles() == {".js": "assets/sheets.bundle.js"}


def test_the_build_stops_on_a_bad_feature_and_writes_nothing(tmp_path):
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("files: [assets/plan.css, assets/plan.js]", "files: [assets/plan.css, assets/plans.js]"),
                      encoding="utf-8")
    line = next(number for number, line in enumerate(config.read_text(encoding="utf-8").splitlines(), start=1)
                if "assets/plans.js" in line)
    result = mkdocs_build(config, project / "out", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    errors = [line.split(" -  ", 1)[1] for line in output.splitlines() if line.startswith("ERROR")]
    assert errors[0] == f"mkdocs.yml:{line}: extra.features.plan: assets/plans.js is not in docs/; check its spelling"
    assert not (project / "out").exists()


def test_a_feature_of_the_instructor_edition_is_named_in_its_own_file():
    texts = {"mkdocs.yml": CONFIG_TEXT, "mkdocs.instructor.yml": "extra:\n  edition: instructor\n  features:\n"
                                                                   "    timers:\n      root: timer\n"}
    with pytest.raises(CourseError) as raised:
        assets.read_features({"timers": {"root": "timer", "files": ["assets/timer.js"]}}, DOCS, CORE, texts)
    assert [str(problem) for problem in raised.value.problems] == [
        "mkdocs.instructor.yml:5: extra.features.timers: root 'timer' is not `.class` or `[attribute]` (several "
        "separated by commas), the forms the build can find in a page"]
