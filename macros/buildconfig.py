"""What a build adds to the site config, whichever engine reads it, and the Zensical config of the learner edition.

MkDocs gets these values from the macros glue while it builds. Zensical reads its config before any Python of
ours runs and never lets a macro change it, so `python -m macros.buildconfig [--build]` (`make zensical`) writes
them into a config of its own, `zensical.yml`, made from mkdocs.yml on every Zensical build and not kept in git,
and with --build runs `zensical build` on it.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from . import assets, csp, messages
from . import offline as offline_module
from . import plan as plans
from .course import lesson_order, load
from .pages import settings_of
from .problems import CourseError

ZENSICAL_CONFIG = "zensical.yml"
ZENSICAL_OFFLINE_CONFIG = "zensical.offline.yml"
ZENSICAL_SITE = "site-zensical"
# The theme overrides for Zensical: overrides/ less what only fits Material's templates (Zensical's search is its own).
ZENSICAL_THEME = "zensical/overrides"
MATERIAL_ONLY = ("partials/search.html",)
# Zensical 0.0.68 draws its search dialog in a shadow root with its stylesheet in a <style> element, which
# `style-src 'self'` refuses. Its hash lets in exactly that stylesheet and nothing else inline.
ZENSICAL_SEARCH_STYLE = "'sha256-oruq4oEwJeaasAcGtwLAO6NLfczaKqSNK9zDnBQv1Fs='"


def head_values(course, plan, templates):
    """`extra:` values the theme (overrides/main.html) writes into every page's head."""
    return {
        # Every lesson's question ids: the browser marks completed lessons in the navigation from them.
        # Serialised once here rather than on every page: a large course would repeat the work per page.
        "course_quizzes": json.dumps({slug: [q.id for q in bank.questions] for slug, bank in course.banks.items()},
                                     separators=(",", ":")),
        # The plan's field limits: imports of a saved plan are checked against them.
        "course_plan_limits": json.dumps(plan.field_limits(), separators=(",", ":")),
        # The limits of what the toolkit keeps in the learner's browser: imports are checked against them too.
        "course_toolkit_limits": json.dumps(templates.limits(), separators=(",", ":")),
        "content_security_policy": csp.POLICY,
    }


def bundled(config, root):
    """(extra_css, extra_javascript with the project's own files replaced by the core bundles,
    {bundle: [the files it holds]} for the core and each feature of `extra: features:`, the features).
    Raises CourseError naming the config file and line of a feature that is wrong."""
    lists, bundles, core = {}, {}, []
    for key, suffix in (("extra_css", ".css"), ("extra_javascript", ".js")):
        own, others = assets.split(config.get(key) or [], suffix)
        lists[key] = list(others)
        core += [str(p) for p in own]
        if own:
            bundles[assets.target(assets.CORE, suffix)] = [str(p) for p in own]
            lists[key].append(assets.target(assets.CORE, suffix))
    root = Path(root)
    texts = {name: (root / name).read_text(encoding="utf-8") for name in assets.CONFIGS if (root / name).is_file()}
    features = assets.read_features((config.get("extra") or {}).get("features") or {}, root / "docs", core, texts)
    for feature in features:
        for suffix, path in feature.bundles().items():
            bundles[path] = [name for name in feature.files if name.endswith(suffix)]
    return lists["extra_css"], lists["extra_javascript"], bundles, features


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


def zensical_config(root, environ=os.environ, site_dir=ZENSICAL_SITE, offline=False):
    """The learner edition's config for Zensical: mkdocs.yml with what the MkDocs build adds while it runs.
    offline: the copy that works opened from disk, as mkdocs.offline.yml makes it for MkDocs."""
    root = Path(root)
    config = read(root / "mkdocs.yml", environ)
    course = load(root, lesson_order(config.get("nav")), settings_of(config))
    plan = plans.load(root)
    config.pop("hooks", None)  # Zensical runs no MkDocs hooks: the Markdown extensions below do their work
    config.pop("exclude_docs", None)  # nor reads exclude_docs: its exclude plugin leaves the same pages out
    config["site_dir"] = str(site_dir)
    config["theme"]["custom_dir"] = ZENSICAL_THEME
    config["extra"] = {**config.get("extra", {}), **head_values(course, plan, messages.load(root))}
    config["extra"]["content_security_policy"] = csp.POLICY.replace("style-src 'self'",
                                                                    f"style-src 'self' {ZENSICAL_SEARCH_STYLE}")
    config["extra_css"], config["extra_javascript"], _, features = bundled(config, root)
    # Zensical writes no page's own feature bundles into its head: assets/features.js loads them on every page.
    config["extra"]["course_bundles"] = assets.browser_table(features)
    plugins = [entry for entry in config.get("plugins", []) if not (isinstance(entry, dict) and "offline" in entry)]
    config["plugins"] = plugins + [{"exclude": {"glob": ["instructor/*"]}}] + [{"offline": {}}] * offline
    if offline:
        config["extra"].update(offline=True, polyfills=[{"path": offline_module.SHIM, "type": "text/javascript",
                                                         "async": False, "defer": False}])
        # As the macros do for MkDocs' offline copy: from file:// instant navigation cannot start.
        features = config["theme"]["features"]
        features[:] = [name for name in features if not name.startswith("navigation.instant")]
    # What MkDocs does with a hook (quiz blocks) and with mkdocs-macros' page events (the notes).
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


def write_zensical_config(root, environ=os.environ, site_dir=ZENSICAL_SITE, offline=False):
    """Write the Zensical config of the learner edition (ZENSICAL_CONFIG, or ZENSICAL_OFFLINE_CONFIG) and its theme
    overrides. Zensical reads the project's folder from the config's place, so both sit beside mkdocs.yml."""
    target = Path(root) / (ZENSICAL_OFFLINE_CONFIG if offline else ZENSICAL_CONFIG)
    copy_theme(root)
    config = zensical_config(root, environ, site_dir, offline)
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=1000)
    target.write_text("# Made by `python -m macros.buildconfig` from mkdocs.yml: edit mkdocs.yml, not this file.\n"
                      + text, encoding="utf-8")
    return target


class ZensicalError(Exception):
    pass


def run_zensical(root, config):
    """`zensical build` of config, with the Python that runs this (Zensical's environment). Raises ZensicalError."""
    # Zensical imports the macros package by name: from the project's folder.
    env = dict(os.environ, PYTHONPATH=str(root))
    command = [sys.executable, "-m", "zensical", "build", "--clean", "--strict", "-f", str(config)]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise ZensicalError(f"zensical build -f {Path(config).name} failed:\n" + without_tracebacks(result.stderr))
    return result


def without_tracebacks(output):
    """Zensical's output less the Python tracebacks it prints for an exception in a macro: the macros have already
    said what to fix (`docs/page.md:line: ...`). Another exception is kept as its last line."""
    kept, in_traceback = [], False
    for line in re.sub(r"\x1b\[[0-9;]*m", "", output).splitlines():  # and without colours
        if line.startswith("Traceback (most recent call last):"):
            in_traceback = True
        elif in_traceback and (line.startswith(" ") or not line.strip()):
            continue
        elif in_traceback:
            in_traceback = False
            message = line.removeprefix("RuntimeError: Python error: ")
            if not message.startswith(("SystemExit", "BuildError")) and message not in kept:
                kept.append(message)
        else:
            kept.append(line)
    return "\n".join(kept).strip()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m macros.buildconfig",
                                     description=f"Check the course and write {ZENSICAL_CONFIG}, the learner edition's "
                                                 "config for Zensical (`make zensical` runs this).")
    parser.add_argument("--site-dir", default=ZENSICAL_SITE, help=f"where Zensical builds (default {ZENSICAL_SITE})")
    parser.add_argument("--offline", action="store_true", help=f"write {ZENSICAL_OFFLINE_CONFIG}, for the offline copy")
    parser.add_argument("--build", action="store_true", help="then run `zensical build` on it")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parent.parent
    try:
        config = write_zensical_config(root, site_dir=args.site_dir, offline=args.offline)
        if args.build:
            print(run_zensical(root, config).stderr.strip())
    except CourseError as error:
        print(error, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' * (count != 1)} in the course sources; fix them and build again.", file=sys.stderr)
        return 1
    except ZensicalError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
