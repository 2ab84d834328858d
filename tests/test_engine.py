"""The course core does not depend on the engine: no module of macros/ needs MkDocs to load, only the glue
imports it at all, and what is written after the pages runs as a command on a built site as well as from
MkDocs' hook. The Zensical build itself is tested in test_zensical.py."""
import ast
import os
import filecmp
import shutil
import subprocess
import sys
from types import SimpleNamespace

import markdown
import pytest

from conftest import ROOT
from macros import blocks, engine, buildconfig

# The glue between an engine and the core; only these may import MkDocs, and only inside a function.
GLUE = {"__init__", "teaching", "blocks", "engine"}
ENGINE_PACKAGES = ("mkdocs", "mkdocs_macros", "material")
MODULES = sorted(path.stem for path in (ROOT / "macros").glob("*.py"))


def imported_names(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def test_every_module_loads_with_mkdocs_unimportable():
    # In a fresh interpreter where importing MkDocs, mkdocs-macros or Material raises ImportError.
    names = ["macros" if module == "__init__" else f"macros.{module}" for module in MODULES]
    script = "\n".join([
        "import importlib, sys, traceback",
        *(f"sys.modules[{name!r}] = None" for name in ENGINE_PACKAGES),
        f"for name in {names!r}:",
        "    try:",
        "        importlib.import_module(name)",
        "    except ImportError:",
        "        print(name, traceback.format_exc(limit=-1))",
    ])
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout == "", f"modules that need MkDocs to load:\n{result.stdout}{result.stderr}"


def test_no_core_module_imports_the_engine():
    assert {"course", "render", "postbuild", "buildconfig", "offline"} <= set(MODULES)
    for module in set(MODULES) - GLUE:
        found = [name for name in imported_names(ROOT / "macros" / f"{module}.py")
                 if name.split(".")[0] in ENGINE_PACKAGES]
        assert not found, f"macros/{module}.py imports {found}: keep the core free of the engine"


def test_the_glue_imports_mkdocs_only_inside_functions():
    for module in GLUE:
        tree = ast.parse((ROOT / "macros" / f"{module}.py").read_text(encoding="utf-8"))
        top = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
        names = [alias.name if isinstance(node, ast.Import) else node.module or ""
                 for node in top for alias in node.names]
        assert not [name for name in names if name.split(".")[0] in ENGINE_PACKAGES], module


def test_the_engine_adapter_reads_either_config():
    mkdocs_like = SimpleNamespace(conf=SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"),
                                                       get=lambda key: [{"Lessons": ["lessons/a.md"]}]))
    assert engine.is_mkdocs(mkdocs_like) and engine.project_root(mkdocs_like) == ROOT
    # Zensical's reading of the same nav.
    zensical_like = SimpleNamespace(conf={"root_dir": str(ROOT), "nav": [
        {"title": "Home", "url": "index.md", "children": []},
        {"title": "Lessons", "url": None, "children": [{"title": None, "url": "lessons/a.md", "children": []},
                                                       {"title": None, "url": "lessons/b.md", "children": []}]}]})
    assert not engine.is_mkdocs(zensical_like) and engine.project_root(zensical_like) == ROOT
    assert engine.nav(zensical_like) == ["index.md", {"Lessons": ["lessons/a.md", "lessons/b.md"]}]
    assert engine.page_path(SimpleNamespace(path="lessons/a.md")) == "lessons/a.md"
    assert engine.page_path(SimpleNamespace(file=SimpleNamespace(src_uri="lessons/b.md"))) == "lessons/b.md"


def test_the_config_reader_takes_env_values_as_mkdocs_does(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: !ENV [COURSE_SITE_URL, 'https://example.org/']\n"
                      "flag: !ENV [A, B, false]\nname: !ENV NAME\n", encoding="utf-8")
    assert buildconfig.read(config, {}) == {"site_url": "https://example.org/", "flag": False, "name": None}
    assert buildconfig.read(config, {"COURSE_SITE_URL": "https://x.test/", "B": "true", "NAME": "n"}) == \
        {"site_url": "https://x.test/", "flag": True, "name": "n"}


def test_the_blocks_extension_puts_blocks_back_after_markdown():
    page = SimpleNamespace(path="lessons/x.md")
    html = '<div class="quiz-question" id="q-1"><p>*not Markdown*</p></div>'
    text = f"# Title\n\n{blocks.set_aside(page, 'quiz', html)}\n\nAfter.\n"
    output = markdown.markdown(text, extensions=["macros.blocks"])
    assert html in output and "course-block" not in output and output.endswith("<p>After.</p>")


def test_a_block_in_a_code_block_stops_the_extension_with_the_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "docs/lessons").mkdir(parents=True)
    (tmp_path / "docs/lessons/x.md").write_text("# X\n\n```\n{{ quiz() }}\n```\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    page = SimpleNamespace(path="lessons/x.md")
    text = f"# X\n\n```\n{blocks.set_aside(page, 'quiz', '<b>the quiz of x</b>')}\n```\n"
    with pytest.raises(ValueError, match=r"^docs/lessons/x.md:4: the HTML of quiz\(\) cannot go where the macro is"):
        markdown.markdown(text, extensions=["macros.blocks", "fenced_code"])


def test_the_editions_extension_strips_notes_only_from_the_learner_edition():
    text = "Before.\n\n!!! instructor \"Facilitation notes\"\n    Secret timing.\n\nAfter.\n"
    learner = markdown.markdown(text, extensions=["admonition", "macros.editions"])
    instructor = markdown.markdown(text, extensions=["admonition", "macros.editions"],
                                   extension_configs={"macros.editions": {"edition": "instructor"}})
    assert "Secret timing" not in learner and "After." in learner
    assert "Secret timing" in instructor and 'class="admonition instructor"' in instructor


def test_the_step_after_the_pages_runs_on_a_built_site_as_the_hook_runs_it(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    written = ["assets/course.bundle.css", "assets/course.bundle.js", "downloads/networking-plan.md",
               "downloads/networking-plan.docx", "downloads/networking-plan.ics", "downloads/networking-course.apkg"]
    for name in written + ["downloads/networking-course-offline.zip"]:
        (copy / name).unlink()
    result = subprocess.run([sys.executable, "-m", "macros.postbuild", str(copy), "--edition", "learner", "--no-offline"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert all((copy / name).is_file() for name in written)
    for name in ("assets/course.bundle.css", "assets/course.bundle.js", "downloads/networking-plan.md"):
        assert filecmp.cmp(site / name, copy / name, shallow=False), name
    assert not (copy / "downloads/networking-course-offline.zip").exists()


def test_the_step_after_the_pages_says_what_is_wrong_without_a_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "macros.postbuild", str(tmp_path / "nothing-here")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "nothing-here is no built site; build it first" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_nav_of_zensical_turned_back_keeps_untitled_sections_and_any_path():
    zensical_like = SimpleNamespace(conf={"nav": [
        "children.md",
        {"title": None, "url": None, "children": [{"title": "Kids", "url": "children/index.md", "children": []}]},
        {"title": "Empty", "url": "empty.md", "children": []}]})
    assert engine.nav(zensical_like) == ["children.md", {"": ["children/index.md"]}, "empty.md"]
    assert engine.nav(SimpleNamespace(conf={"nav": None})) == []


class MkDocsConfig(dict):
    """Stands for MkDocs' config object: a mapping that knows its file."""
    config_file_path = str(ROOT / "mkdocs.yml")


def test_the_markdown_extensions_of_either_engine():
    mkdocs_like = SimpleNamespace(conf=MkDocsConfig(markdown_extensions=["toc", "admonition", object()],
                                                    mdx_configs={"toc": {"permalink": True}}))
    assert engine.markdown_extensions(mkdocs_like) == [("toc", {"permalink": True}), ("admonition", {})]
    zensical_like = SimpleNamespace(conf={"markdown_extensions": [{"toc": {"permalink": True, "x": None}},
                                                                   "admonition"]})
    assert engine.markdown_extensions(zensical_like) == [("toc", {"permalink": True}), ("admonition", {})]


def test_a_page_source_is_read_from_docs_or_is_none(tmp_path, ascii_locale):
    (tmp_path / "docs/lessons").mkdir(parents=True)
    (tmp_path / "docs/lessons/x.md").write_text("# Café\n", encoding="utf-8")
    assert engine.page_source(str(tmp_path), SimpleNamespace(path="lessons/x.md")) == "# Café\n"
    assert engine.page_source(tmp_path, SimpleNamespace(file=SimpleNamespace(src_uri="lessons/x.md"))) == "# Café\n"
    assert engine.page_source(tmp_path, SimpleNamespace(path="lessons/none.md")) is None
    assert engine.page_source(tmp_path, SimpleNamespace(path=None)) is None


def test_fail_stops_either_engine_with_the_message(capsys):
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError) as caught:
        engine.fail(SimpleNamespace(conf=MkDocsConfig()), "docs/a.md:3: fix this")
    assert str(caught.value) == "docs/a.md:3: fix this"
    assert capsys.readouterr() == ("", "")
    with pytest.raises(engine.BuildError) as caught:
        engine.fail(SimpleNamespace(conf={}), "docs/a.md:3: fix this")
    assert str(caught.value) == "docs/a.md:3: fix this"
    assert capsys.readouterr() == ("", "docs/a.md:3: fix this\n")


def test_load_once_loads_again_only_when_a_source_changes(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "_LOADED", {})
    monkeypatch.chdir(tmp_path)  # the folders are looked for under root, not here
    roots = [tmp_path / "one", tmp_path / "two"]
    for root in roots:
        for name in ("docs/lessons/a.md", "quizzes/a.yml", "plan/p.yml"):
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text("x", encoding="utf-8")
    loads = []

    def loader(value):
        def load():
            loads.append(value)
            return value
        return load

    root = roots[0]
    assert engine.load_once(root, "course", loader("first")) == "first"
    assert engine.load_once(root, "course", loader("second")) == "first"
    assert engine.load_once(str(root), "course", loader("third")) == "first"
    assert engine.load_once(root, "plan", loader("plan")) == "plan"
    assert engine.load_once(roots[1], "course", loader("other root")) == "other root"
    assert engine.load_once(root, "course", loader("each root its own")) == "first"
    # Only docs/, quizzes/ and plan/ count: not a built site beside them.
    (root / "site").mkdir()
    (root / "site/index.html").write_text("x", encoding="utf-8")
    assert engine.load_once(root, "course", loader("site")) == "first"
    assert loads == ["first", "plan", "other root"]
    stamp = 1_000_000_000_000_000_000
    for step, name in enumerate(("docs/lessons/a.md", "quizzes/a.yml", "plan/p.yml")):
        stamp += 1
        os.utime(root / name, ns=(stamp, stamp))
        assert engine.load_once(root, "course", loader(name)) == name
        assert engine.load_once(root, "course", loader("again")) == name
    # A file renamed keeps its time: its new name is a change all the same.
    (root / "docs/lessons/a.md").rename(root / "docs/lessons/b.md")
    assert engine.load_once(root, "course", loader("renamed")) == "renamed"
    assert loads == ["first", "plan", "other root", "docs/lessons/a.md", "quizzes/a.yml", "plan/p.yml", "renamed"]
