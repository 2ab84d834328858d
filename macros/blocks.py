"""Large HTML blocks that macros make skip Markdown, and go into the page when it is finished.

A lesson's quiz is two thirds of its page. Left in the Markdown, its HTML would be parsed three more
times (by Python-Markdown, by MkDocs' anchor scan and by the search index), which made a large course
build twice as slow, and search results would offer quiz options, the wrong ones included.
So a macro sets its block aside on the page and leaves a placeholder comment; when the page is
finished, the MkDocs hook below (`hooks:` in mkdocs.yml) puts the block back.

MkDocs loads this file as a hook of its own, apart from the `macros` package, so it keeps no state:
the blocks travel on the page object.
"""
import re

ATTRIBUTE = "course_blocks"
_ID = re.compile(r'\sid="([^"]+)"')


def placeholder(number):
    return f"<!-- course-block {number} -->"


def set_aside(page, macro, html):
    """Keep the HTML that `macro` made on `page`; return the placeholder the macro writes in its place."""
    blocks = vars(page).setdefault(ATTRIBUTE, [])
    blocks.append((macro, html))
    return placeholder(len(blocks) - 1)


def put_back(output, blocks):
    """`output` with every placeholder replaced by its block, and the macros whose placeholder is missing."""
    missing = []
    for number, (macro, html) in enumerate(blocks):
        if placeholder(number) in output:
            output = output.replace(placeholder(number), html, 1)
        else:
            missing.append(macro)
    return output, missing


def line_of(source, macro):
    """The line of `source` where `macro` is first called, or None."""
    return next((number for number, line in enumerate(source.splitlines(), start=1) if f"{macro}(" in line), None)


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
        macro = missing[0]
        where = f"docs/{page.file.src_uri}:{line_of(page.file.content_string, macro) or 1}"
        raise PluginError(f"{where}: the HTML of {macro}() cannot go where the macro is (inside a code block?); "
                          "put the macro on a line of its own, then build again")
    # Links to ids inside the blocks (a question, a sheet) are checked after every page is built.
    page.present_anchor_ids |= {anchor for _, html in blocks for anchor in _ID.findall(html)}
    return output
