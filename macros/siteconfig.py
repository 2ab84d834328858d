"""What a build adds to the site config, whichever engine reads it, and the Zensical config of the learner edition.

MkDocs gets these values from the macros glue while it builds. Zensical reads its config before any Python of
ours runs and never lets a macro change it, so `python -m macros.siteconfig [FILE]` writes them into a config of
its own, `zensical.yml` (made from mkdocs.yml on every Zensical build, not kept in git).
"""
import json
import os
import shutil
import sys
from pathlib import Path

import yaml

from . import assets, csp
from . import plan as plans
from .course import lesson_order, load
from .pages import settings_of

ZENSICAL_CONFIG = "zensical.yml"
ZENSICAL_SITE = "site-zensical"
# The theme overrides for Zensical: overrides/ less what only fits Material's templates (Zensical's search is its own).
ZENSICAL_THEME = "zensical/overrides"
MATERIAL_ONLY = ("partials/search.html",)
# Zensical 0.0.68 draws its search dialog in a shadow root with its stylesheet in a <style> element, which
# `style-src 'self'` refuses. Its hash lets in exactly that stylesheet and nothing else inline.
ZENSICAL_SEARCH_STYLE = "'sha256-oruq4oEwJeaasAcGtwLAO6NLfczaKqSNK9zDnBQv1Fs='"
# Markdown extensions that do, in Zensical, what MkDocs does with hooks and mkdocs-macros' page events.
ZENSICAL_EXTENSIONS = ("macros.blocks", "macros.editions")


def head_values(course, plan):
    """`extra:` values the theme (overrides/main.html) writes into every page's head."""
    return {
        # Every lesson's question ids: the browser marks completed lessons in the navigation from them.
        # Serialised once here rather than on every page: a large course would repeat the work per page.
        "course_quizzes": json.dumps({slug: [q.id for q in bank.questions] for slug, bank in course.banks.items()},
                                     separators=(",", ":")),
        # The plan's field limits: imports of a saved plan are checked against them.
        "course_plan_limits": json.dumps(plan.field_limits(), separators=(",", ":")),
        "content_security_policy": csp.POLICY,
    }


def bundled(config):
    """(extra_css, extra_javascript with the project's own files replaced by their bundles,
    {bundle: [the files it holds]})."""
    lists, bundles = {}, {}
    for key, suffix in (("extra_css", ".css"), ("extra_javascript", ".js")):
        own, others = assets.split(config.get(key) or [], suffix)
        lists[key] = list(others)
        if own:
            bundles[assets.BUNDLES[suffix]] = [str(p) for p in own]
            lists[key].append(assets.BUNDLES[suffix])
    return lists["extra_css"], lists["extra_javascript"], bundles


def read(config_path, environ=os.environ):
    """A MkDocs config file as a mapping, `!ENV [NAME, default]` read from environ as MkDocs reads it."""
    class Loader(yaml.SafeLoader):
        pass

    def env_tag(loader, node):
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        names, default = [loader.construct_scalar(item) for item in items], None
        if len(items) > 1:
            names, default = names[:-1], loader.construct_object(items[-1])
        for name in names:
            if name in environ:  # typed as YAML types a plain value: "true" is true
                value = yaml.ScalarNode(loader.resolve(yaml.ScalarNode, environ[name], (True, False)), environ[name])
                return loader.construct_object(value)
        return default

    Loader.add_constructor("!ENV", env_tag)
    with open(config_path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=Loader) or {}


def zensical_config(root, environ=os.environ):
    """The learner edition's config for Zensical: mkdocs.yml with what the MkDocs build adds while it runs."""
    root = Path(root)
    config = read(root / "mkdocs.yml", environ)
    course = load(root, lesson_order(config.get("nav")), settings_of(config))
    plan = plans.load(root)
    config.pop("hooks", None)  # Zensical runs no MkDocs hooks: ZENSICAL_EXTENSIONS do their work
    config.pop("exclude_docs", None)  # nor reads exclude_docs: its exclude plugin leaves the same pages out
    config["site_dir"] = ZENSICAL_SITE
    config["theme"]["custom_dir"] = ZENSICAL_THEME
    config["extra"] = {**config.get("extra", {}), **head_values(course, plan)}
    config["extra"]["content_security_policy"] = csp.POLICY.replace("style-src 'self'",
                                                                    f"style-src 'self' {ZENSICAL_SEARCH_STYLE}")
    config["extra_css"], config["extra_javascript"], _ = bundled(config)
    plugins = [entry for entry in config.get("plugins", []) if not (isinstance(entry, dict) and "offline" in entry)]
    config["plugins"] = plugins + [{"exclude": {"glob": ["instructor/*"]}}]
    edition = config["extra"].get("edition", "learner")
    config["markdown_extensions"] = list(config.get("markdown_extensions", [])) + [
        "macros.blocks", {"macros.editions": {"edition": edition}}]
    return config


def copy_theme(root):
    """overrides/ into ZENSICAL_THEME, MATERIAL_ONLY left out."""
    source, target = Path(root) / "overrides", Path(root) / ZENSICAL_THEME
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=lambda folder, names: [
        name for name in names if (Path(folder) / name).relative_to(source).as_posix() in MATERIAL_ONLY])


def write_zensical_config(root, target=None, environ=os.environ):
    """Write the Zensical config of the learner edition (ZENSICAL_CONFIG) and its theme overrides."""
    target = Path(target or Path(root) / ZENSICAL_CONFIG)
    copy_theme(root)
    text = yaml.safe_dump(zensical_config(root, environ), sort_keys=False, allow_unicode=True, width=1000)
    target.write_text("# Made by `python -m macros.siteconfig` from mkdocs.yml: edit mkdocs.yml, not this file.\n"
                      + text, encoding="utf-8")
    return target


if __name__ == "__main__":
    from .problems import CourseError

    root = Path(__file__).resolve().parent.parent
    try:
        print(write_zensical_config(root, sys.argv[1] if len(sys.argv) > 1 else None))
    except CourseError as error:
        sys.exit(f"{error}\nFix these and build again; `make check` lists them without building.")
