"""macros/postbuild.py called directly on a small folder standing for a built site: what it writes and calls, with
the writers of the downloads and the offline build replaced by records of their calls (each has tests of its own:
test_plan.py, test_anki.py, test_exports.py, test_offline.py). test_engine.py runs the command on a real build."""
import shutil
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT
from test_buildconfig_exact import linked_project
from tiny_course import tiny_course
from macros import anki, buildconfig, exports, offline, plan_output, postbuild
from macros.course import load
from macros.problems import CourseError, Problem

ZIP = "downloads/networking-course-offline.zip"


@pytest.fixture
def calls(monkeypatch):
    """The writers run() calls, recorded instead of run."""
    found = []

    def record(name):
        return lambda *args, **options: found.append((name, args, options))

    monkeypatch.setattr(plan_output, "write_downloads", record("plan"))
    monkeypatch.setattr(anki, "write", record("anki"))
    monkeypatch.setattr(exports, "write", record("lms"))
    monkeypatch.setattr(offline, "build", record("offline"))
    monkeypatch.setattr(offline, "build_with_zensical", record("offline-zensical"))
    return found


@pytest.fixture
def small(tmp_path):
    root = tmp_path / "project"
    (root / "docs/assets").mkdir(parents=True)
    (root / "docs/assets/a.js").write_text("var a = 1;\n", encoding="utf-8")
    (root / "docs/assets/b.js").write_text("  var b = 'é';\n\n", encoding="utf-8")
    (root / "docs/assets/a.css").write_text("a { color: red; }\n", encoding="utf-8")
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    return root, site


BUNDLES = {"assets/course.bundle.js": ["assets/a.js", "assets/b.js"], "assets/x.bundle.css": ["assets/a.css"]}


def test_run_writes_the_bundles_and_the_learner_downloads_and_builds_the_offline_copy(small, calls, ascii_locale):
    root, site = small
    course, plan = tiny_course(), object()
    postbuild.run(root, str(site), "learner", course, plan, BUNDLES, "The course (learner edition)")
    assert (site / "assets/course.bundle.js").read_text(encoding="utf-8") == \
        "/* assets/a.js */\nvar a = 1;\n;\n/* assets/b.js */\nvar b = 'é';\n"
    assert (site / "assets/x.bundle.css").read_text(encoding="utf-8") == "/* assets/a.css */\na { color: red; }\n"
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == \
        ["assets/course.bundle.js", "assets/x.bundle.css"]
    assert calls == [("plan", (plan, site, date.today()), {}),
                     ("anki", (course, site, "The course"), {}),
                     ("offline", (root, site / ZIP), {"strict": True})]


def test_run_for_the_instructor_edition_writes_the_lms_files_too(small, calls):
    root, site = small
    course, plan = tiny_course(), object()
    postbuild.run(root, site, "instructor", course, plan, {}, "The course", offline_copy=False)
    assert calls == [("plan", (plan, site, date.today()), {}),
                     ("anki", (course, site, "The course"), {}),
                     ("lms", (course, site, "The course"), {})]


def test_run_builds_the_offline_copy_with_the_engine_given(small, calls):
    root, site = small
    course, plan = tiny_course(), object()
    postbuild.run(root, site, "learner", course, plan, {}, "C (x) (y)", strict=False)
    assert calls[1:] == [("anki", (course, site, "C"), {}), ("offline", (root, site / ZIP), {"strict": False})]
    calls.clear()
    postbuild.run(root, site, "learner", course, plan, {}, "C", engine="zensical")
    assert calls[1:] == [("anki", (course, site, "C"), {}), ("offline-zensical", (root, site / ZIP), {})]


def test_a_failed_offline_copy_is_a_post_build_error(small, calls, monkeypatch):
    root, site = small

    def fail(*args, **options):
        raise offline.OfflineError("building the offline copy failed:\ndocs/a.md:1: bad")
    monkeypatch.setattr(offline, "build", fail)
    with pytest.raises(postbuild.PostBuildError) as caught:
        postbuild.run(root, site, "learner", tiny_course(), object(), {}, "C")
    assert str(caught.value) == "building the offline copy failed:\ndocs/a.md:1: bad"
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


# run_on_site()

@pytest.fixture
def project(tmp_path):
    """A project with the real sources, linked."""
    return linked_project(tmp_path)


@pytest.fixture
def ran(monkeypatch):
    found = []
    monkeypatch.setattr(postbuild, "run", lambda *args, **options: found.append((args, options)))
    return found


def test_run_on_site_reads_the_course_and_the_bundles_as_the_build_did(project, tmp_path, ran):
    site = tmp_path / "site"
    site.mkdir()
    postbuild.run_on_site(project, str(site))
    [(args, options)] = ran
    config = buildconfig.read(ROOT / "mkdocs.yml")
    assert args[:3] == (project, str(site), "learner")
    assert args[3] == load(ROOT) and list(args[3].lessons) == ["what-networking-is", "networking-career",
                                                               "networking-online", "in-person",
                                                               "authentic-relationships", "introverts",
                                                               "networking-plan"]
    assert args[4].field_limits()["goals"] == 2000
    assert args[5] == buildconfig.bundled(config, ROOT)[2] and "assets/plan.bundle.js" in args[5]
    assert args[6:] == ("Networking for People Entering Tech",)
    assert options == {"offline_copy": True, "engine": "mkdocs"}


def test_run_on_site_takes_the_edition_and_the_nav_of_the_config_given(project, tmp_path, ran):
    site = tmp_path / "site"
    site.mkdir()
    (project / "other.yml").write_text("site_name: Other (instructor edition)\nextra:\n  edition: instructor\n"
                                       "nav:\n  - lessons/introverts.md\n  - lessons/in-person.md\n", encoding="utf-8")
    postbuild.run_on_site(project, site, "other.yml", offline_copy=False, engine="zensical")
    [(args, options)] = ran
    assert args[2] == "instructor" and args[5] == {} and args[6] == "Other (instructor edition)"
    assert list(args[3].lessons)[:3] == ["introverts", "in-person", "authentic-relationships"]
    assert options == {"offline_copy": False, "engine": "zensical"}
    ran.clear()
    postbuild.run_on_site(project, site, "other.yml", edition="learner")
    assert ran[0][0][2] == "learner"
    (project / "other.yml").write_text("site_name: Other\nextra:\n  paper_size: A4\n", encoding="utf-8")
    ran.clear()
    postbuild.run_on_site(project, site, "other.yml")
    assert ran[0][0][2] == "learner"


def test_run_on_site_checks_the_pages_with_the_jinja_settings_of_the_config_given(project, tmp_path, ran):
    (project / "docs").unlink()
    shutil.copytree(ROOT / "docs", project / "docs")  # a link inside docs/ is a problem of its own
    (project / "docs/extra.md").write_text("# Extra\n\n[[ no_such_name ]]\n", encoding="utf-8")
    (project / "other.yml").write_text("site_name: Other\nplugins:\n  - macros:\n      j2_variable_start_string: '[['\n"
                                       "      j2_variable_end_string: ']]'\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    postbuild.run_on_site(project, site)
    with pytest.raises(CourseError) as caught:
        postbuild.run_on_site(project, site, "other.yml")
    assert caught.value.problems == [Problem("docs/extra.md", 3, "`no_such_name` is no macro or variable of the "
                                             "course; the README lists the macros a page can call (to show it as "
                                             "text, put it between `{% raw %}` and `{% endraw %}`)")]
    assert len(ran) == 1


def test_run_on_site_needs_a_built_site(project, tmp_path, ran):
    with pytest.raises(postbuild.PostBuildError) as caught:
        postbuild.run_on_site(project, tmp_path / "nothing")
    assert str(caught.value) == f"{tmp_path / 'nothing'} is no built site; build it first"
    assert ran == []


# main()

@pytest.fixture
def on_site(monkeypatch):
    found = []
    monkeypatch.setattr(postbuild, "run_on_site", lambda *args: found.append(args))
    return found


PROJECT = Path(postbuild.__file__).resolve().parent.parent


def test_main_runs_on_the_site_given(on_site, capsys):
    assert postbuild.main(["out/site"]) == 0
    assert on_site == [(PROJECT, Path("out/site"), "mkdocs.yml", None, True, "mkdocs")]
    assert capsys.readouterr() == ("Wrote the downloads, the offline copy and the asset bundles into out/site.\n", "")


def test_main_with_every_option(on_site, capsys):
    assert postbuild.main(["s", "--edition", "instructor", "--config", "x.yml", "--no-offline",
                           "--engine", "zensical"]) == 0
    assert on_site == [(PROJECT, Path("s"), "x.yml", "instructor", False, "zensical")]
    assert capsys.readouterr() == ("Wrote the downloads and the asset bundles into s.\n", "")
    assert postbuild.main(["s", "--edition", "learner", "--engine", "mkdocs"]) == 0
    assert on_site[1] == (PROJECT, Path("s"), "mkdocs.yml", "learner", True, "mkdocs")


@pytest.mark.parametrize("error", [postbuild.PostBuildError("s is no built site; build it first"),
                                   CourseError([Problem("docs/a.md", 2, "bad"), Problem("docs/b.md", 1, "worse")])])
def test_main_reports_what_is_wrong(monkeypatch, capsys, error):
    def fail(*args):
        raise error
    monkeypatch.setattr(postbuild, "run_on_site", fail)
    assert postbuild.main(["s"]) == 1
    assert capsys.readouterr() == ("", str(error) + "\n")


def test_main_help_and_wrong_choices(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as exited:
        postbuild.main(["--help"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == """\
usage: python -m macros.postbuild [-h] [--edition {learner,instructor}] [--config CONFIG] [--no-offline] [--engine {mkdocs,zensical}] site_dir

Everything written into a site after its pages: the asset bundles, the blank plan as Markdown, Word and calendar files, the quiz bank as an Anki deck, the quiz bank for LMS import (instructor
edition) and the offline copy.

positional arguments:
  site_dir

options:
  -h, --help            show this help message and exit
  --edition {learner,instructor}
  --config CONFIG       the config the site was built from (default mkdocs.yml)
  --no-offline          leave out the offline copy
  --engine {mkdocs,zensical}
                        the engine that builds the offline copy (default mkdocs)
"""
    for wrong in (["s", "--edition", "teacher"], ["s", "--engine", "hugo"]):
        with pytest.raises(SystemExit) as exited:
            postbuild.main(wrong)
        assert exited.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == \
        "python -m macros.postbuild: error: argument --engine: invalid choice: 'hugo' (choose from 'mkdocs', 'zensical')"
