"""Every page under docs/ as MkDocs and mkdocs-macros will read it: the files, the front matter, the
template code (`{{ ... }}`, `{% ... %}`).

Checked before anything is built, so a mistake stops the check command and the build with `file:line` and
a fix, instead of a traceback from inside MkDocs or Jinja, or a page that publishes what it should not.
No MkDocs import: Jinja is read the way mkdocs-macros reads it.
"""
import difflib
import os
import re
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError, meta, nodes

from . import yamlsource
from .problems import Problem
from .yamlsource import line_of

# The names a page's template code may use: the course's macros (macros/__init__.py, macros/teaching.py)
# and variables, and what mkdocs-macros itself provides. tests/test_authoring.py compares them with a build's.
COURSE_MACROS = (
    "objectives", "quiz", "course_overview", "progress", "plan_template", "lms_downloads", "offline_download",
    "print_button", "writing_space", "boxes", "lesson_list", "cards", "paper_quiz", "paper_quizzes",
    "session_plan", "materials", "lesson_session", "facilitation_notes", "answer_key", "timers", "edition_link",
    "anki_download", "message_template", "template_form", "message_templates", "review")
COURSE_VARIABLES = ("course", "networking_plan", "asset_bundles", "edition")
PLUGIN_NAMES = ("config", "environment", "extra", "filters", "filters_builtin", "git", "macros", "plugin",
                "page", "navigation", "files", "context", "fix_url", "macros_info", "now")
PLUGIN_FILTERS = ("pretty", "relative_url")
# Files MkDocs reads as Markdown pages; names starting with a dot it leaves out.
MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
# MkDocs' own rule for front matter (mkdocs/utils/meta.py): the page's template code starts after it.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
# Jinja tags that need an end tag; `set` only when it has no `=` (`{% set x %}...{% endset %}`).
BLOCK_TAGS = ("if", "for", "macro", "call", "filter", "block", "with", "autoescape", "set")
HTML_TAG = re.compile(r"<[A-Za-z/!?][^>]*>?")


def read_text(path, relative, problems):
    """A source file's text, or None with a problem. A byte-order mark at the start is dropped, as MkDocs does."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        problems.append(Problem(relative, 1, f"the file is not UTF-8 text ({error.reason}); save it as UTF-8"))
    except OSError as error:
        problems.append(Problem(relative, 1, f"the file cannot be read ({error.strerror})"))
    return None


def files(root, folder, problems):
    """Every file of root/folder that MkDocs would read, as (path shown to the author, Path), following links
    the way MkDocs does. A link that leaves the project, leads nowhere or loops is a problem instead: MkDocs
    would publish what it points at, or stop with a traceback."""
    root = Path(root).resolve()
    found = []

    def report(shown, target, what):
        problems.append(Problem(shown, 1, f"is a symbolic link to {target}, {what}"))

    def visit(directory, shown, ancestors):
        """ancestors: the real paths of directory and of the folders above it."""
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as error:
            problems.append(Problem(shown, 1, f"the folder cannot be read ({error.strerror})"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path, name = Path(entry.path), f"{shown}/{entry.name}"
            real = ancestors[-1] / entry.name
            if entry.is_symlink():
                target = os.readlink(path)
                try:
                    real = path.resolve(strict=True)
                except FileNotFoundError:
                    report(name, target, "which does not exist; point it at a file in the project, or delete it")
                    continue
                except (OSError, RuntimeError):  # a loop of links: ELOOP, or "Symlink loop" before Python 3.13
                    report(name, target, "which leads back to itself; point it at a file in the project, or delete it")
                    continue
                if not real.is_relative_to(root):
                    report(name, target, "outside the project, which the site would publish; "
                                         "copy what you need into the project instead of linking to it")
                    continue
                if real in ancestors:
                    report(name, target, "a folder that holds the link itself, so the site would never end; delete it")
                    continue
            if real.is_dir():
                visit(path, name, ancestors + (real,))
            elif real.is_file():
                found.append((name, path))

    folder_path = root / folder
    if folder_path.is_dir():
        visit(folder_path, folder, (folder_path.resolve(),))
    return found


def jinja_options(plugin_config):
    """The Jinja settings mkdocs-macros takes from its `j2_...` options in mkdocs.yml."""
    return {key[3:]: value for key, value in (plugin_config or {}).items() if key.startswith("j2_") and value}


def settings_of(site_config):
    """(Jinja settings, names of `extra:` variables) from a site config mapping such as mkdocs.yml's."""
    plugins = site_config.get("plugins") or []
    entries = [item for item in plugins if isinstance(item, dict)]
    macros = next((entry["macros"] for entry in entries if "macros" in entry), None)
    return jinja_options(macros if isinstance(macros, dict) else {}), tuple(site_config.get("extra") or ())


def check(root, lessons_folder, folder="docs", jinja=None, extra=()):
    """Problems in the pages under root/folder: links, front-matter text, template code. The front matter of
    lessons (under lessons_folder) is checked with the lesson."""
    problems = []
    environment = Environment(**(jinja or {}))
    environment.filters.update(dict.fromkeys(PLUGIN_FILTERS, str))  # stand-ins: only their names matter here
    known = set(COURSE_MACROS) | set(COURSE_VARIABLES) | set(PLUGIN_NAMES) | set(environment.globals) | set(extra)
    for shown, path in files(root, folder, problems):
        if not shown.endswith(MARKDOWN):
            continue
        text = read_text(path, shown, problems)
        if text is None:
            continue
        data, body, body_line = {}, text, 1
        if match := FRONT_MATTER.match(text):
            data, found = yamlsource.load(match.group(1), shown)
            if found and not shown.startswith(lessons_folder + "/"):  # a lesson's are reported with the lesson
                # The YAML starts on line 2 of the file, after the opening ---.
                problems += [Problem(p.file, p.line + 1, p.message, p.question) for p in found]
            data = data if isinstance(data, dict) else {}
            body, body_line = text[match.end():], match.group(0).count("\n") + 1
        problems += check_text_fields(data, shown)
        if data.get("render_macros") is not False:
            # Front-matter keys are variables of their page.
            names, suggestions = known | set(data), set(extra) | set(data)
            problems += check_template(environment, body, shown, body_line, names, suggestions)
            if isinstance(data.get("title"), str):  # mkdocs-macros renders a title's template code too
                problems += check_template(environment, data["title"], shown, line_of(data, "title") + 1, names,
                                           suggestions)
    return problems


def check_text_fields(data, path):
    """A page's title goes into the navigation as it is, and its description into a tag in the page's head."""
    problems = []
    for key in ("title", "description"):
        value = data.get(key)
        if isinstance(value, str) and (tag := HTML_TAG.search(value)):
            problems.append(Problem(path, line_of(data, key) + 1, f"`{key}:` contains HTML ({tag.group(0)}); a page's "
                                    f"{key} is plain text, written into every page as it is: remove the markup"))
    return problems


def check_template(environment, body, path, first_line, known, page_names=()):
    """Jinja syntax, and names that are no macro or variable, with the line of the file they are on.
    A misspelt name is matched against the course's own macros and variables and page_names."""
    raw = f"{environment.block_start_string} raw {environment.block_end_string}"
    endraw = f"{environment.block_start_string} endraw {environment.block_end_string}"
    literal = f"to show it as text, put it between `{raw}` and `{endraw}`"
    try:
        tree = environment.parse(body)
    except TemplateSyntaxError as error:
        line, message = error.lineno, error.message or str(error)
        if message.startswith("Unexpected end of template") and (block := unclosed_block(environment, body)):
            tag, line = block
            message = (f"`{environment.block_start_string} {tag} {environment.block_end_string}` is never closed; add "
                       f"`{environment.block_start_string} end{tag} {environment.block_end_string}` where it should end")
        else:
            message = f"the template code does not parse: {message.rstrip('.')}; fix it, or {literal}"
        return [Problem(path, first_line + line - 1, message)]
    problems = []
    for node in tree.find_all((nodes.Filter, nodes.Test)):
        kind, defined = ("filter", environment.filters) if isinstance(node, nodes.Filter) else ("test", environment.tests)
        if node.name not in defined:
            problems.append(Problem(path, first_line + node.lineno - 1,
                                    f"`{node.name}` is no Jinja {kind}; fix the name, or {literal}"))
    if problems:  # finding the names compiles the page, which stops at the first unknown filter
        return problems
    names = [node for node in tree.find_all(nodes.Name) if node.ctx == "load"]
    for name in sorted(meta.find_undeclared_variables(tree) - known):
        line = min((node.lineno for node in names if node.name == name), default=1)
        close = difflib.get_close_matches(name, sorted({*COURSE_MACROS, *COURSE_VARIABLES, *page_names}), n=1)
        hint = f"did you mean `{close[0]}`?" if close else "the README lists the macros a page can call"
        problems.append(Problem(path, first_line + line - 1,
                                f"`{name}` is no macro or variable of the course; {hint} ({literal})"))
    return problems


def unclosed_block(environment, body):
    """(tag, line) of the innermost block tag that is never closed, or None."""
    tokens = [token for token in environment.lex(body) if token[1] != "whitespace"]
    stack = []
    for index, (line, kind, _) in enumerate(tokens[:-1]):
        if kind != "block_begin" or tokens[index + 1][1] != "name":
            continue
        tag = tokens[index + 1][2]
        if tag == "set":
            end = next((i for i in range(index, len(tokens)) if tokens[i][1] == "block_end"), len(tokens))
            if any(token[1:] == ("operator", "=") for token in tokens[index:end]):
                continue
        if tag in BLOCK_TAGS:
            stack.append((tag, line))
        elif tag.startswith("end") and stack and stack[-1][0] == tag[3:]:
            stack.pop()
    return stack[-1] if stack else None
