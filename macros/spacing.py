"""Whitespace where macros write table cells and line breaks back to back.

A browser lays `<td>Lesson</td><td>Score</td>` out as two cells, but the search index reads the text alone and
would hold "LessonScore"; the same goes for text on both sides of a `<br>`. A newline after each closing cell,
row and line break keeps the words apart and changes nothing on screen. MkDocs runs this as a hook (`hooks:`
in mkdocs.yml) on every page's HTML, before the search index reads it.
"""
import re

# Ends of table parts and other boxes a browser sets apart, but whose text the index would join to the next.
_JOINED = re.compile(r"(</(?:t[dh]|tr|caption|dt|dd|figcaption)>|<br\s*/?>)(?=<)")


def spaced(html):
    """html with a newline after every closing cell, row or caption, and every line break, that a tag
    follows at once."""
    return _JOINED.sub(r"\1\n", html)


def on_page_content(html, page, config, files):
    return spaced(html)
