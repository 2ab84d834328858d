"""What the macros glue reads from the engine that runs it, MkDocs or Zensical, in one place.

Both run mkdocs-macros' `define_env(env)`, but hand it different things: MkDocs a config object and its
own page objects, once per build; Zensical a plain dict (its own reading of the config file) and a small
page object, once per page. Nothing here imports MkDocs at module level, so the same code loads in both.
"""
import sys
from pathlib import Path


def is_mkdocs(env):
    """MkDocs' config object knows the file it came from; Zensical's dict does not."""
    return hasattr(env.conf, "config_file_path")


def project_root(env):
    if is_mkdocs(env):
        return Path(env.conf.config_file_path).resolve().parent
    return Path(env.conf["root_dir"]).resolve()


def nav(env):
    """The nav as mkdocs.yml writes it: lists of paths and {title: path or list}. Zensical turns each entry
    into {"title", "url", "children"}; turned back here, so the core reads one form."""
    def plain(item):
        if isinstance(item, dict) and "children" in item:
            return {item.get("title") or "": [plain(child) for child in item["children"]]} if item["children"] \
                else item.get("url")
        return item
    return [plain(item) for item in env.conf.get("nav") or []]


def markdown_extensions(env):
    """The site's Markdown extensions as (name, options) pairs: MkDocs keeps the options apart, in mdx_configs;
    Zensical's config holds the entries as mkdocs.yml writes them."""
    if is_mkdocs(env):
        return [(name, env.conf["mdx_configs"].get(name, {})) for name in env.conf["markdown_extensions"]
                if isinstance(name, str)]
    from .reading import markdown_extensions
    return markdown_extensions(env.conf)


def page_path(page):
    """The page's source path under docs/, such as 'lessons/in-person.md'."""
    return page.file.src_uri if hasattr(page, "file") else page.path


def page_source(root, page):
    """The text of the page's source file, or None."""
    try:
        return (Path(root) / "docs" / page_path(page)).read_text(encoding="utf-8")
    except (OSError, TypeError):
        return None


class BuildError(Exception):
    """Stops a Zensical build with a message that names the file and line to fix."""


def fail(env, message):
    """Stop the build with message and no traceback: MkDocs prints a PluginError as `Error: message`."""
    if is_mkdocs(env):
        from mkdocs.exceptions import PluginError
        raise PluginError(message)
    print(message, file=sys.stderr)
    raise BuildError(message)


_LOADED = {}


def load_once(root, key, load):
    """load() once for as long as nothing under docs/, quizzes/ and plan/ changes: Zensical calls define_env for
    every page, and `zensical serve` keeps one process while the author edits."""
    stamp = sorted((str(path), path.stat().st_mtime_ns) for folder in ("docs", "quizzes", "plan")
                   for path in Path(root, folder).rglob("*") if path.is_file())
    full_key = (str(root), repr(key))
    if _LOADED.get(full_key, (None,))[0] != stamp:
        _LOADED[full_key] = (stamp, load())
    return _LOADED[full_key][1]
