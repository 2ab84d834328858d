"""Large HTML blocks that macros make skip Markdown, and go into the page when it is finished.

A lesson's quiz is two thirds of its page. Left in the Markdown, its HTML would be parsed three more
times (by Python-Markdown, by MkDocs' anchor scan and by the search index), which made a large course
build twice as slow, and search results would offer quiz options, the wrong ones included.
So a macro sets its block aside on the page and leaves a placeholder comment; when the page is
finished, the MkDocs hook below (`hooks:` in mkdocs.yml) puts the block back.

MkDocs loads this file as a hook of its own, apart from the `macros` package, so the hook keeps no state:
the blocks travel on the page object. Zensical runs no hooks: there this file is a Python-Markdown
extension (`macros.blocks` in the Zensical config) that puts the blocks back when Markdown is done,
finding them by their placeholder, which names the block by its content.
"""
import hashlib
import re
from pathlib import Path

from markdown import Extension
from markdown.postprocessors import Postprocessor

ATTRIBUTE = "course_blocks"
_ID = re.compile(r'\sid="([^"]+)"')
_PLACEHOLDER = re.compile(r"<!-- course-block ([0-9a-f]{20}) -->")
# Every block set aside in this process, by key: the Markdown extension finds them here (see above).
_KEPT = {}


def key_of(html):
    return hashlib.sha1(html.encode("utf-8")).hexdigest()[:20]


def placeholder(key):
    return f"<!-- course-block {key} -->"


def set_aside(page, macro, html):
    """Keep the HTML that `macro` made on `page`; return the placeholder the macro writes in its place."""
    vars(page).setdefault(ATTRIBUTE, []).append((macro, html))
    _KEPT[key_of(html)] = (macro, html, page)
    return placeholder(key_of(html))


def put_back(output, blocks):
    """`output` with every placeholder replaced by its block, and the macros whose placeholder is missing."""
    missing = []
    for macro, html in blocks:
        if placeholder(key_of(html)) in output:
            output = output.replace(placeholder(key_of(html)), html, 1)
        else:
            missing.append(macro)
    return output, missing


def line_of(source, macro):
    """The line of `source` where `macro` is first called, or None."""
    return next((number for number, line in enumerate(source.splitlines(), start=1) if f"{macro}(" in line), None)


def misplaced(path, source, macro):
    """The message for a block whose placeholder Markdown did not keep as HTML (the macro sits in a code block)."""
    return (f"docs/{path}:{line_of(source, macro) or 1}: the HTML of {macro}() cannot go where the macro is "
            "(inside a code block?); put the macro on a line of its own, then build again")


# An element whose classes include `instructor`, and a source line that may have made one.
_NOTE = re.compile(r'<[a-z][^>]*\sclass="(?:[^"]*\s)?instructor(?:\s[^"]*)?"')
_NOTE_SOURCE = re.compile(r"^[ \t]*>.*(?:!!!|\?\?\?).*instructor|class=.*instructor", re.I)


def refuse_instructor_notes(output, page, config):
    """The learner edition holds no instructor note. macros/editions.py leaves out every spelling it knows before
    the page renders; a note it cannot see (inside a quote, written in HTML) stops the build here, before the
    page or the search index is written."""
    if config["extra"].get("edition") == "instructor" or not _NOTE.search(output):
        return
    from mkdocs.exceptions import PluginError
    lines = page.file.content_string.splitlines()
    line = next((number for number, text in enumerate(lines, 1) if _NOTE_SOURCE.search(text)), 1)
    raise PluginError(f"docs/{page.file.src_uri}:{line}: an instructor note is left in the learner edition of this "
                      "page: a note inside a quote (`>`) or written in HTML cannot be left out; write it as "
                      "`!!! instructor` at the start of a line, or indented under a list item")


def on_post_page(output, page, config):
    refuse_instructor_notes(output, page, config)
    blocks = vars(page).get(ATTRIBUTE)
    if not blocks:
        return output
    output, missing = put_back(output, blocks)
    if missing:
        from mkdocs.exceptions import PluginError
        raise PluginError(misplaced(page.file.src_uri, page.file.content_string, missing[0]))
    # Links to ids inside the blocks (a question, a sheet) are checked after every page is built.
    page.present_anchor_ids |= {anchor for _, html in blocks for anchor in _ID.findall(html)}
    return output


class PutBack(Postprocessor):
    """Zensical: every placeholder in the page's HTML replaced by its block, after Markdown's own raw HTML."""

    def run(self, text):
        escaped = re.search(r"&lt;!-- course-block ([0-9a-f]{20}) --&gt;", text)
        if escaped and escaped.group(1) in _KEPT:
            macro, _, page = _KEPT[escaped.group(1)]
            source = Path("docs", page.path)  # Zensical builds from the project's folder
            raise ValueError(misplaced(page.path, source.read_text(encoding="utf-8") if source.is_file() else "", macro))
        return _PLACEHOLDER.sub(lambda match: _KEPT[match.group(1)][1], text)


class BlocksExtension(Extension):
    def extendMarkdown(self, md):
        md.postprocessors.register(PutBack(md), "course_blocks", 1)  # after raw HTML (30) and Zensical's links


def makeExtension(**kwargs):
    return BlocksExtension(**kwargs)
