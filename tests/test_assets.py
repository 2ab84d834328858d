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


def problems_of(config, texts):
    with pytest.raises(CourseError) as raised:
        assets.read_features(config, DOCS, CORE, texts)
    return [str(problem) for problem in raised.value.problems]


def test_features_that_are_no_mapping_are_named_on_their_line():
    assert problems_of(["plan"], {"mkdocs.yml": "extra:\n  features:\n    - plan\n"}) == [
        "mkdocs.yml:2: extra.features must map each feature's name to its `root` and `files`"]


def test_a_feature_is_found_under_features_only_and_a_missing_key_on_the_features_line():
    texts = {"notes.yml": "plan:\n  files: x\n",  # no `features:` here: not searched
             "mkdocs.yml": "nav:\n  plan:\n    files: x\nextra:\n  features:\n    other: {}\n"
                           "    plan: {root: .nplan, files: assets/plan.js}\n"}
    assert problems_of({"plan": {"root": ".nplan", "files": "assets/plan.js"}}, texts) == [
        "mkdocs.yml:7: extra.features.plan: list the feature's files, such as [assets/plan.css, assets/plan.js]"]


@pytest.mark.parametrize("texts, where", [({}, "mkdocs.yml:1"), ({"mkdocs.instructor.yml": "extra:\n"}, "mkdocs.instructor.yml:1")])
def test_a_feature_no_text_declares_is_named_on_the_first_line_of_the_first_file(texts, where):
    assert problems_of({"Plan": {}}, texts) == [
        f"{where}: extra.features.Plan: name a feature with lowercase letters, digits and hyphens, other than 'course'"]


def test_the_browser_table_names_each_features_root_and_bundles():
    features = [assets.Feature("plan", ".nplan", ("assets/plan.css", "assets/plan.js")),
                assets.Feature("sheets", "[data-print], .cards", ("assets/sheet.js",))]
    assert assets.browser_table(features) == (
        '{"plan":{"root":".nplan","css":"plan.bundle.css","js":"plan.bundle.js"},'
        '"sheets":{"root":"[data-print], .cards","js":"sheets.bundle.js"}}')
    assert assets.browser_table([]) == "{}"


def test_bundles_are_read_as_utf8_and_joined_in_order(tmp_path, ascii_locale):
    (tmp_path / "a.js").write_text("  var a = 'é';\n\n", encoding="utf-8")
    (tmp_path / "b.js").write_text("var b;", encoding="utf-8")
    (tmp_path / "a.css").write_text("a { content: '✓'; }\n", encoding="utf-8")
    (tmp_path / "b.css").write_text("b {}", encoding="utf-8")
    assert assets.bundle(tmp_path, ["a.js", "b.js"]) == "/* a.js */\nvar a = 'é';\n;\n/* b.js */\nvar b;\n"
    assert assets.bundle(tmp_path, ["a.css", "b.css"]) == "/* a.css */\na { content: '✓'; }\n/* b.css */\nb {}\n"


def test_bundled_sources_are_the_files_a_bundle_names_that_the_site_holds(tmp_path, ascii_locale):
    site = tmp_path / "site"
    (site / "assets" / "lib").mkdir(parents=True)
    for name in ("assets/quiz.js", "assets/lib/score.js", "assets/course.css", "assets/plan.css", "assets/map.js"):
        (site / name).write_text("x", encoding="utf-8")
    (site / "assets" / "course.bundle.js").write_text(
        "/* assets/lib/score.js */\nvar é;\n;\n/* assets/quiz.js */\nx /* assets/map.js */\n;\n/* assets/gone.js */\n",
        encoding="utf-8")
    (site / "assets" / "course.bundle.css").write_text("/* assets/course.css */\n", encoding="utf-8")
    (site / "assets" / "plan.bundle.css").write_text("/* assets/plan.css */\n", encoding="utf-8")
    (site / "assets" / "course.bundle.js.map").write_text("/* assets/map.js */\n", encoding="utf-8")
    assert assets.bundled_sources(site) == ["assets/course.css", "assets/lib/score.js", "assets/quiz.js",
                                            "assets/plan.css"]
    assert assets.bundled_sources(tmp_path / "empty") == []


def test_a_bundle_of_one_file_and_the_own_files_split_from_the_others(tmp_path):
    (tmp_path / "b.js").write_text("var b;", encoding="utf-8")
    assert assets.bundle(tmp_path, ["b.js"]) == "/* b.js */\nvar b;\n"
    paths = ["assets/a.js", "https://x.org/b.js", "//cdn.example/c.js", "assets/d.css", "javascripts/e.js"]
    assert assets.split(paths, ".js") == (["assets/a.js", "javascripts/e.js"],
                                          ["https://x.org/b.js", "//cdn.example/c.js", "assets/d.css"])
    assert [assets.is_own(p) for p in paths] == [True, False, False, True, True]
