"""What differs between the learner and the instructor edition of a page."""
import re

# An instructor note is an admonition of type `instructor`: `!!! instructor "Title"` (or ??? / ???+)
# followed by its indented body.
NOTE_START = re.compile(r"^(\s*)(!!!|\?\?\?\+?)\s+instructor\b")


def strip_instructor_notes(markdown):
    """Remove every instructor note, so the learner edition's HTML and search index never hold one."""
    kept, skipping_indent = [], None
    for line in markdown.splitlines(keepends=True):
        if skipping_indent is not None:
            indent = len(line) - len(line.lstrip())
            if not line.strip() or indent > skipping_indent:
                continue
            skipping_indent = None
        match = NOTE_START.match(line)
        if match:
            skipping_indent = len(match.group(1))
            continue
        kept.append(line)
    return "".join(kept)
