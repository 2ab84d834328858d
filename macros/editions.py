"""What differs between the learner and the instructor edition of a page."""
import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

# An instructor note is any admonition (`!!!`) or collapsible block (`???`, `???+`, pymdownx.details) whose
# classes include `instructor`. Matched as loosely as Python-Markdown and pymdownx.details match them, and
# a little more: the space after the marker is optional (`!!!instructor`), the classes are lowercased into
# the CSS class (`!!! INSTRUCTOR`), more classes may come before or after (`!!! note instructor`,
# `!!! instructor inline end "Title"`), and the block may be indented inside a list or another admonition.
BLOCK_START = re.compile(r"^([ \t]*)(?:!!!|\?\?\?\+?)([\w \t-]*)")
TAB_LENGTH = 4  # Python-Markdown's: a tab indents as far as four spaces
# A line as Python-Markdown splits them: at \r\n, \r or \n only. str.splitlines() also breaks at form feeds,
# U+2028 and others, which would end a note where Markdown goes on with it.
# The start of a fenced code block: three or more backticks or tildes.
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def note_indent(line):
    """The indentation of `line` if it starts an instructor note, else None."""
    match = BLOCK_START.match(line)
    if not match or "instructor" not in match.group(2).lower().split():
        return None
    return len(match.group(1).expandtabs(TAB_LENGTH))


def indent_of(line):
    return len(line.expandtabs(TAB_LENGTH)) - len(line.expandtabs(TAB_LENGTH).lstrip())


def strip_instructor_notes(markdown):
    """Remove every instructor note, so the learner edition's HTML and search index never hold one.
    A fenced code block is kept as it is: a page that shows how to write a note is showing text, not a note."""
    kept, skipping_indent, fence = [], None, None
    for line in LINE.findall(markdown):
        if skipping_indent is not None:
            if not line.strip() or indent_of(line) > skipping_indent:
                continue
            skipping_indent = None
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            kept.append(line)
            continue
        if opening:
            fence = opening.group(1)
        skipping_indent = None if fence else note_indent(line)
        if skipping_indent is None:
            kept.append(line)
    return "".join(kept)


class StripNotes(Preprocessor):
    def run(self, lines):
        return strip_instructor_notes("\n".join(lines)).split("\n")


class EditionExtension(Extension):
    """Zensical runs none of mkdocs-macros' page events, where the MkDocs build strips the notes (macros/__init__.py):
    this extension (`macros.editions` in the Zensical config) strips them around the macros' preprocessor instead,
    before it, so no macro in a note runs, and after it, for notes that a macro wrote."""

    def __init__(self, **kwargs):
        self.config = {"edition": ["learner", "the edition being built: learner or instructor"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        if self.getConfig("edition") != "instructor":
            md.preprocessors.register(StripNotes(md), "course_notes_before_macros", 36)  # macros run at 35
            md.preprocessors.register(StripNotes(md), "course_notes_after_macros", 34)


def makeExtension(**kwargs):
    return EditionExtension(**kwargs)
