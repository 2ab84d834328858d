"""macros/buildconfig.py called directly, without Zensical: the config it writes for the learner edition, the values
of every page's head, the bundles, and what its command prints. The Zensical build itself is in test_zensical.py."""
import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from conftest import ROOT
from tiny_course import tiny_course
from macros import buildconfig, csp, messages
from macros import plan as plans
from macros.assets import Feature
from macros.course import load
from macros.problems import CourseError, Problem

QUIZZES = '{"one":["pick","many","tf","talk"],"two":["talk","tf"]}'
SEARCH_STYLE = "'sha256-oruq4oEwJeaasAcGtwLAO6NLfczaKqSNK9zDnBQv1Fs='"
ZENSICAL_POLICY = f"default-src 'self'; script-src 'self'; style-src 'self' {SEARCH_STYLE}; img-src 'self' data:"


def linked_project(tmp_path, mkdocs_text=None):
    """A project folder whose sources are the real ones (linked, not copied) and whose mkdocs.yml is mkdocs_text
    (the real one if None): a place buildconfig may write into."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("docs", "quizzes", "plan", "toolkit", "overrides"):
        (project / name).symlink_to(ROOT / name, target_is_directory=True)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8") if mkdocs_text is None else mkdocs_text
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    return project


# read()

def test_read_types_env_values_and_refuses_other_tags(tmp_path, ascii_locale):
    config = tmp_path / "mkdocs.yml"
    config.write_text("a: !ENV [N, 1]\nb: !ENV [M, 'é']\nc: !ENV N\n", encoding="utf-8")
    assert buildconfig.read(config, {}) == {"a": 1, "b": "é", "c": None}
    assert buildconfig.read(config, {"N": "false", "M": "12"}) == {"a": False, "b": 12, "c": False}
    assert buildconfig.read(config, {"N": "x: y", "M": ""}) == {"a": "x: y", "b": None, "c": "x: y"}
    # As MkDocs' own loader: a tag other than !ENV is an error, not a value.
    config.write_text("a: !relative x\n", encoding="utf-8")
    with pytest.raises(yaml.constructor.ConstructorError, match="could not determine a constructor for the tag '!relative'"):
        buildconfig.read(config, {})
    config.write_text("", encoding="utf-8")
    assert buildconfig.read(config, {}) == {}


# head_values()

def test_head_values_of_a_tiny_course():
    plan = SimpleNamespace(field_limits=lambda: {"goals": 2000, "habit-day": 9})
    templates = SimpleNamespace(limits=lambda: {"fields": {"your_name": 200, "about_you": 300}})
    assert buildconfig.head_values(tiny_course(), plan, templates) == {
        "course_quizzes": QUIZZES,
        "course_plan_limits": '{"goals":2000,"habit-day":9}',
        "course_toolkit_limits": '{"fields":{"your_name":200,"about_you":300}}',
        "content_security_policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:",
    }


# bundled()

BUNDLED_YML = """site_name: X – é
extra:
  features:
    plan:
      root: .nplan
      files: [assets/plan.css, assets/plan.js]
    tracker:
      root: .tracker
      files: [assets/tracker.js]
"""


def small_docs(tmp_path, mkdocs_text=BUNDLED_YML):
    root = tmp_path / "small"
    (root / "docs/assets").mkdir(parents=True)
    for name in ("a.css", "b.css", "a.js", "plan.css", "plan.js", "tracker.js"):
        (root / "docs/assets" / name).write_text(f"/* {name} */\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(mkdocs_text, encoding="utf-8")
    return root


def test_bundled_replaces_the_own_files_by_the_core_bundles_and_adds_each_feature(tmp_path, ascii_locale):
    root = small_docs(tmp_path)
    config = {"extra_css": ["https://cdn.test/x.css", "assets/a.css", "assets/b.css", "//cdn.test/y.css"],
              "extra_javascript": ["assets/a.js", "https://cdn.test/z.js"],
              "extra": yaml.safe_load(BUNDLED_YML)["extra"]}
    css, js, bundles, features = buildconfig.bundled(config, root)
    assert css == ["https://cdn.test/x.css", "//cdn.test/y.css", "assets/course.bundle.css"]
    assert js == ["https://cdn.test/z.js", "assets/course.bundle.js"]
    assert bundles == {"assets/course.bundle.css": ["assets/a.css", "assets/b.css"],
                       "assets/course.bundle.js": ["assets/a.js"],
                       "assets/plan.bundle.css": ["assets/plan.css"], "assets/plan.bundle.js": ["assets/plan.js"],
                       "assets/tracker.bundle.js": ["assets/tracker.js"]}
    assert list(bundles) == ["assets/course.bundle.css", "assets/course.bundle.js", "assets/plan.bundle.css",
                             "assets/plan.bundle.js", "assets/tracker.bundle.js"]
    assert features == [Feature("plan", ".nplan", ("assets/plan.css", "assets/plan.js")),
                        Feature("tracker", ".tracker", ("assets/tracker.js",))]


def test_bundled_with_no_own_files_and_no_features(tmp_path):
    root = small_docs(tmp_path)
    assert buildconfig.bundled({}, root) == ([], [], {}, [])
    assert buildconfig.bundled({"extra_css": None, "extra_javascript": None, "extra": None}, root) == ([], [], {}, [])
    only_css = {"extra_css": ["assets/a.css"], "extra_javascript": ["https://cdn.test/z.js"], "extra": {"features": None}}
    assert buildconfig.bundled(only_css, root) == (["assets/course.bundle.css"], ["https://cdn.test/z.js"],
                                                   {"assets/course.bundle.css": ["assets/a.css"]}, [])


def test_bundled_names_the_config_line_of_a_file_in_two_bundles(tmp_path):
    root = small_docs(tmp_path)
    config = {"extra_css": ["assets/plan.css"], "extra_javascript": ["assets/tracker.js"],
              "extra": yaml.safe_load(BUNDLED_YML)["extra"]}
    with pytest.raises(CourseError) as caught:
        buildconfig.bundled(config, root)
    assert caught.value.problems == [
        Problem("mkdocs.yml", 6, "extra.features.plan: assets/plan.css is already in extra_css or extra_javascript; "
                                 "a file belongs to one bundle only"),
        Problem("mkdocs.yml", 9, "extra.features.tracker: assets/tracker.js is already in extra_css or "
                                 "extra_javascript; a file belongs to one bundle only")]
    # A feature's file looked for in docs/ of the root given.
    config = {"extra": {"features": {"plan": {"root": ".nplan", "files": ["assets/none.js"]}}}}
    with pytest.raises(CourseError, match=r"^mkdocs.yml:6: extra.features.plan: assets/none.js is not in docs/; "
                                          r"check its spelling$"):
        buildconfig.bundled(config, root)


def test_bundled_on_the_real_config():
    config = buildconfig.read(ROOT / "mkdocs.yml", {})
    css, js, bundles, features = buildconfig.bundled(config, ROOT)
    assert (css, js) == (["assets/course.bundle.css"], ["assets/course.bundle.js"])
    declared = config["extra"]["features"]
    assert [(f.name, f.root, list(f.files)) for f in features] == \
        [(name, entry["root"], entry["files"]) for name, entry in declared.items()]
    expected = {"assets/course.bundle.css": config["extra_css"], "assets/course.bundle.js": config["extra_javascript"]}
    for name, entry in declared.items():
        for suffix in (".css", ".js"):
            if any(path.endswith(suffix) for path in entry["files"]):
                expected[f"assets/{name}.bundle{suffix}"] = [p for p in entry["files"] if p.endswith(suffix)]
    assert bundles == expected and list(bundles) == list(expected)


# zensical_config()

@pytest.fixture(scope="module")
def real():
    """The real mkdocs.yml as MkDocs reads it, and the head values the build adds to it."""
    config = buildconfig.read(ROOT / "mkdocs.yml", {})
    values = buildconfig.head_values(load(ROOT), plans.load(ROOT), messages.load(ROOT))
    return config, values


def expected_online(real, site_url="https://example.org/"):
    config, values = real
    expected = copy.deepcopy(config)
    del expected["hooks"], expected["exclude_docs"]
    expected["site_url"] = site_url
    expected["site_dir"] = "site-zensical"
    expected["theme"]["custom_dir"] = "zensical/overrides"
    css, js, _, features = buildconfig.bundled(config, ROOT)
    assert (css, js) == (["assets/course.bundle.css"], ["assets/course.bundle.js"])
    expected["extra_css"], expected["extra_javascript"] = css, js
    expected["extra"].update(values, content_security_policy=ZENSICAL_POLICY)
    expected["extra"]["course_bundles"] = (
        '{"contacts":{"root":".tracker, .nplan, .progress","js":"contacts.bundle.js"},'
        '"plan":{"root":".nplan","css":"plan.bundle.css","js":"plan.bundle.js"},'
        '"progress":{"root":".progress","js":"progress.bundle.js"},'
        '"tracker":{"root":".tracker","css":"tracker.bundle.css","js":"tracker.bundle.js"},'
        '"messages":{"root":".msg, .msg-card, .msg-form, .kit-agenda","css":"messages.bundle.css"},'
        '"templates":{"root":".msg-form","js":"templates.bundle.js"},'
        '"worksheets":{"root":"[data-print], .write-space, .write-boxes, .worksheet-list, .cards, .paper-quiz, '
        '.key-item, .session-plan, .materials, .timer","css":"worksheets.bundle.css","js":"worksheets.bundle.js"}}')
    assert [entry for entry in config["plugins"] if isinstance(entry, dict) and "offline" in entry] == \
        [{"offline": {"enabled": False}}]
    expected["plugins"] = [entry for entry in config["plugins"] if not (isinstance(entry, dict) and "offline" in entry)] \
        + [{"exclude": {"glob": ["instructor/*"]}}]
    expected["markdown_extensions"] = config["markdown_extensions"] + ["macros.blocks",
                                                                       {"macros.editions": {"edition": "learner"}}]
    return expected


def test_the_zensical_config_is_mkdocs_yml_with_what_the_build_adds(real):
    config = buildconfig.zensical_config(ROOT, environ={})
    expected = expected_online(real)
    assert config == expected
    assert list(config) == list(expected)
    assert list(config["extra"])[-5:] == ["course_quizzes", "course_plan_limits", "course_toolkit_limits",
                                          "content_security_policy", "course_bundles"]
    assert config["theme"]["features"] == ["navigation.instant", "navigation.sections", "navigation.footer",
                                           "search.highlight"]
    assert "offline" not in config["extra"]
    # The head values are the course's own.
    assert config["extra"]["course_quizzes"].startswith('{"authentic-relationships":["')


def test_the_offline_zensical_config(real):
    config = buildconfig.zensical_config(ROOT, {"COURSE_SITE_URL": "https://x.test/"}, site_dir=Path("out"),
                                         offline=True)
    expected = expected_online(real, "https://x.test/")
    expected["site_dir"] = "out"
    expected["plugins"].append({"offline": {}})
    expected["extra"].update(offline=True, polyfills=[{"path": "assets/javascripts/workers/iframe-worker.js",
                                                       "type": "text/javascript", "async": False, "defer": False}])
    expected["theme"]["features"] = ["navigation.sections", "navigation.footer", "search.highlight"]
    assert config == expected
    assert list(config) == list(expected)


MINIMAL_YML = """site_name: Minimal
site_url: !ENV [COURSE_SITE_URL, "https://example.org/"]
theme:
  name: material
  features: [navigation.instant, navigation.instant.progress, navigation.sections]
plugins:
  - offline
  - search
nav:
  - Lessons:
    - lessons/what-networking-is.md
"""


def test_a_config_with_no_extra_no_extensions_and_no_edition(tmp_path):
    project = linked_project(tmp_path, MINIMAL_YML)
    config = buildconfig.zensical_config(project, environ={"COURSE_SITE_URL": "https://m.test/"}, offline=True)
    assert config["site_url"] == "https://m.test/"
    assert config["plugins"] == ["offline", "search", {"exclude": {"glob": ["instructor/*"]}}, {"offline": {}}]
    assert config["markdown_extensions"] == ["macros.blocks", {"macros.editions": {"edition": "learner"}}]
    assert config["theme"] == {"name": "material", "features": ["navigation.sections"],
                               "custom_dir": "zensical/overrides"}
    assert (config["extra_css"], config["extra_javascript"]) == ([], [])
    assert list(config["extra"]) == ["course_quizzes", "course_plan_limits", "course_toolkit_limits",
                                     "content_security_policy", "course_bundles", "offline", "polyfills"]
    assert config["extra"]["course_bundles"] == "{}"
    assert config["extra"]["content_security_policy"] == ZENSICAL_POLICY
    config = buildconfig.zensical_config(project, environ={})
    assert config["plugins"] == ["offline", "search", {"exclude": {"glob": ["instructor/*"]}}]
    assert config["theme"]["features"] == ["navigation.instant", "navigation.instant.progress", "navigation.sections"]


def test_the_instructor_edition_keeps_its_notes(tmp_path):
    text = MINIMAL_YML.replace("plugins:\n  - offline\n  - search\n", "") + "extra:\n  edition: instructor\n"
    project = linked_project(tmp_path, text)
    config = buildconfig.zensical_config(project, environ={})
    assert config["plugins"] == [{"exclude": {"glob": ["instructor/*"]}}]
    assert config["markdown_extensions"] == ["macros.blocks", {"macros.editions": {"edition": "instructor"}}]
    assert config["extra"]["edition"] == "instructor"


JINJA_YML = """site_name: X
theme:
  name: material
plugins:
  - macros:
      j2_variable_start_string: !ENV [VARIABLE_START, "{{"]
      j2_variable_end_string: !ENV [VARIABLE_END, "}}"]
"""


def test_the_course_is_checked_with_the_jinja_settings_of_the_environment(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("quizzes", "plan", "toolkit"):
        (project / name).symlink_to(ROOT / name, target_is_directory=True)
    shutil.copytree(ROOT / "docs", project / "docs")  # a link inside docs/ is a problem of its own
    (project / "docs/extra.md").write_text("# Extra\n\n[[ no_such_name ]]\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(JINJA_YML, encoding="utf-8")
    assert buildconfig.zensical_config(project, environ={})["site_name"] == "X"
    with pytest.raises(CourseError) as caught:
        buildconfig.zensical_config(project, environ={"VARIABLE_START": "[[", "VARIABLE_END": "]]"})
    assert caught.value.problems == [Problem("docs/extra.md", 3, "`no_such_name` is no macro or variable of the "
                                             "course; the README lists the macros a page can call (to show it as "
                                             "text, put it between `{% raw %}` and `{% endraw %}`)")]


# copy_theme() and write_zensical_config()

def test_write_zensical_config_writes_the_config_and_the_theme_overrides(tmp_path, real):
    project = linked_project(tmp_path)
    theme = project / "zensical/overrides"
    target = buildconfig.write_zensical_config(project, environ={}, site_dir="built")
    assert target == project / "zensical.yml"
    text = target.read_text(encoding="utf-8")
    header = "# Made by `python -m macros.buildconfig` from mkdocs.yml: edit mkdocs.yml, not this file.\n"
    expected = expected_online(real)
    expected["site_dir"] = "built"
    assert text == header + yaml.safe_dump(expected, sort_keys=False, allow_unicode=True, width=1000)
    assert text.startswith(header + "site_name: Networking for People Entering Tech\nsite_description: 'An open")
    # One line each, however long: width=1000.
    assert "\n  course_quizzes: '{\"authentic-relationships\":[" in text and "\n    \"" not in text
    assert yaml.safe_load(text) == expected
    copied = sorted(p.relative_to(theme).as_posix() for p in theme.rglob("*") if p.is_file())
    assert copied == sorted(p.relative_to(ROOT / "overrides").as_posix() for p in (ROOT / "overrides").rglob("*")
                            if p.is_file() and p.relative_to(ROOT / "overrides").as_posix() != "partials/search.html")
    assert "main.html" in copied and "partials/search.html" not in copied and (ROOT / "overrides/partials/search.html").is_file()
    assert (theme / "main.html").read_bytes() == (ROOT / "overrides/main.html").read_bytes()
    # Written again: the old overrides replaced, the offline config beside the other.
    (theme / "stale.html").write_text("old", encoding="utf-8")
    offline = buildconfig.write_zensical_config(project, {"COURSE_SITE_URL": "https://x.test/"}, offline=True)
    assert offline == project / "zensical.offline.yml"
    assert not (theme / "stale.html").exists() and (theme / "main.html").is_file()
    settings = yaml.safe_load(offline.read_text(encoding="utf-8"))
    assert settings["site_url"] == "https://x.test/" and settings["site_dir"] == "site-zensical"
    assert settings["extra"]["offline"] is True and settings["plugins"][-1] == {"offline": {}}
    assert target.read_text(encoding="utf-8") == text


def test_the_config_is_written_with_characters_as_they_are_and_long_lines_folded_after_1000(tmp_path, ascii_locale):
    description = ("word " * 300)[:974] + " end more words here"
    text = MINIMAL_YML.replace("site_name: Minimal", f"site_name: Réseau – “Minimal”\nsite_description: {description}")
    project = linked_project(tmp_path, text)
    target = buildconfig.write_zensical_config(project, environ={})
    written = target.read_text(encoding="utf-8")
    assert "\nsite_name: Réseau – “Minimal”\n" in written
    assert f"\nsite_description: {description[:-11]}\n  words here\n" in written


# run_zensical()

def fake_run(calls, returncode=0, stderr="INFO built\n"):
    def run(command, **options):
        calls.append((command, options))
        return subprocess.CompletedProcess(command, returncode, "", stderr)
    return run


def test_run_zensical_runs_a_strict_clean_build_of_the_config_from_the_project(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(buildconfig.subprocess, "run", fake_run(calls))
    result = buildconfig.run_zensical(tmp_path, tmp_path / "zensical.yml")
    assert result.stderr == "INFO built\n"
    assert calls == [([sys.executable, "-m", "zensical", "build", "--clean", "--strict", "-f",
                       str(tmp_path / "zensical.yml")],
                      {"cwd": tmp_path, "env": dict(os.environ, PYTHONPATH=str(tmp_path)), "capture_output": True,
                       "text": True})]


def test_a_failed_zensical_build_says_what_failed_without_tracebacks(monkeypatch, tmp_path):
    stderr = ("Traceback (most recent call last):\n  File \"x.py\", line 1\nRuntimeError: Python error: "
              "BuildError: docs/a.md:3: fix this\n\x1b[31mdocs/a.md:3: fix this\x1b[0m\n")
    monkeypatch.setattr(buildconfig.subprocess, "run", fake_run([], 1, stderr))
    with pytest.raises(buildconfig.ZensicalError) as caught:
        buildconfig.run_zensical(tmp_path, tmp_path / "zensical.offline.yml")
    assert str(caught.value) == "zensical build -f zensical.offline.yml failed:\ndocs/a.md:3: fix this"
    monkeypatch.setattr(buildconfig.subprocess, "run", fake_run([], 2, "bad\n"))
    with pytest.raises(buildconfig.ZensicalError, match="^zensical build -f z.yml failed:\nbad$"):
        buildconfig.run_zensical(tmp_path, "z.yml")


# without_tracebacks()

def test_without_tracebacks_keeps_the_messages_and_the_last_line_of_other_exceptions():
    output = "\n".join([
        "\x1b[1;33mINFO\x1b[0m -  Building",
        "docs/a.md:3: the quiz cannot go here",
        "Traceback (most recent call last):",
        '  File "macros/__init__.py", line 9, in define_env',
        "",
        "    raise BuildError(message)",
        "RuntimeError: Python error: BuildError: docs/a.md:3: the quiz cannot go here",
        "Traceback (most recent call last):",
        '  File "x.py", line 1',
        "RuntimeError: Python error: SystemExit: 1",
        "Traceback (most recent call last):",
        '  File "y.py", line 2',
        "KeyError: 'nav'",
        "Traceback (most recent call last):",
        '  File "y.py", line 2',
        "KeyError: 'nav'",
        "  indented after",
        "Traceback (most recent call last):",
        "RuntimeError: Python error: ValueError: bad",
        "Done.",
        "",
    ])
    assert buildconfig.without_tracebacks(output) == "\n".join([
        "INFO -  Building", "docs/a.md:3: the quiz cannot go here", "KeyError: 'nav'", "  indented after",
        "ValueError: bad", "Done."])
    assert buildconfig.without_tracebacks("\n  lead\n\x1b[0m\n") == "lead"
    assert buildconfig.without_tracebacks("a\n\nb") == "a\n\nb"
    assert buildconfig.without_tracebacks("Traceback (most recent call last):\nBuildError: x\nafter") == "after"
    assert buildconfig.without_tracebacks("x Traceback (most recent call last):\n  y") == \
        "x Traceback (most recent call last):\n  y"


# main()

@pytest.fixture
def command(monkeypatch):
    """main() with the writing of the config and the build replaced by records of their calls."""
    calls = []

    def write(root, **options):
        calls.append(("write", root, options))
        return Path(root) / "zensical.yml"

    def run(root, config):
        calls.append(("run", root, config))
        return SimpleNamespace(stderr="\n  built in 1s \n")

    monkeypatch.setattr(buildconfig, "write_zensical_config", write)
    monkeypatch.setattr(buildconfig, "run_zensical", run)
    return calls


PROJECT = Path(buildconfig.__file__).resolve().parent.parent


def test_main_writes_the_config(command, capsys):
    assert buildconfig.main([]) == 0
    assert command == [("write", PROJECT, {"site_dir": "site-zensical", "offline": False})]
    assert capsys.readouterr() == ("", "")


def test_main_writes_the_offline_config_and_builds(command, capsys):
    assert buildconfig.main(["--offline", "--build", "--site-dir", "out"]) == 0
    assert command == [("write", PROJECT, {"site_dir": "out", "offline": True}),
                       ("run", PROJECT, PROJECT / "zensical.yml")]
    assert capsys.readouterr() == ("built in 1s\n", "")


@pytest.mark.parametrize("problems, last", [(1, "1 problem in the course sources; fix them and build again."),
                                            (2, "2 problems in the course sources; fix them and build again."),
                                            (0, "0 problems in the course sources; fix them and build again.")])
def test_main_reports_the_course_problems(monkeypatch, capsys, problems, last):
    error = CourseError([Problem(f"docs/{n}.md", 3, "fix this") for n in range(problems)])

    def write(root, **options):
        raise error
    monkeypatch.setattr(buildconfig, "write_zensical_config", write)
    assert buildconfig.main(["--build"]) == 1
    found = "".join(f"docs/{n}.md:3: fix this\n" for n in range(problems))
    assert capsys.readouterr() == ("", (found or "\n") + last + "\n")


def test_main_reports_a_failed_build(command, monkeypatch, capsys):
    def run(root, config):
        raise buildconfig.ZensicalError("zensical build -f zensical.yml failed:\nbad")
    monkeypatch.setattr(buildconfig, "run_zensical", run)
    assert buildconfig.main(["--build"]) == 1
    assert capsys.readouterr() == ("", "zensical build -f zensical.yml failed:\nbad\n")


def test_main_help(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as exited:
        buildconfig.main(["--help"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == """usage: python -m macros.buildconfig [-h] [--site-dir SITE_DIR] [--offline] [--build]

Check the course and write zensical.yml, the learner edition's config for Zensical (`make zensical` runs this).

options:
  -h, --help           show this help message and exit
  --site-dir SITE_DIR  where Zensical builds (default site-zensical)
  --offline            write zensical.offline.yml, for the offline copy
  --build              then run `zensical build` on it
"""
