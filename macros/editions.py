"""What differs between the learner and the instructor edition of a page."""
import re

# An instructor note is any admonition (`!!!`) or collapsible block (`???`, `???+`, pymdownx.details) whose
# classes include `instructor`. Matched as loosely as Python-Markdown and pymdownx.details match them, and
# a little more: the space after the marker is optional (`!!!instructor`), the classes are lowercased into
# the CSS class (`!!! INSTRUCTOR`), more classes may come before or after (`!!! note instructor`,
# `!!! instructor inline end "Title"`), and the block may be indented inside a list or another admonition.
BLOCK_START = re.compile(r"^([ \t]*)(?:!!!|\?\?\?\+?)([\w \t-]*)")
TAB_LENGTH = 4  # Python-Markdown's: a tab indents as far as four spaces
# A line as Python-Markdown splits them: at \r\n, \r or \n only. str.splitlines() also breaks at form feeds,
# U+2028 and others, which would end a note where Markdown goes on with it.
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
    """Remove every instructor note, so the learner edition's HTML and search index never hold one."""
    kept, skipping_indent = [], None
    for line in LINE.findall(markdown):
        if skipping_indent is not None:
            if not line.strip() or indent_of(line) > skipping_indent:
                continue
            skipping_indent = None
        skipping_indent = note_indent(line)
        if skipping_indent is None:
            kept.append(line)
    return "".join(kept)
