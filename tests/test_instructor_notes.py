"""Every spelling of an instructor note that Markdown renders as one is left out of the learner edition,
its pages and its search index, and kept in the instructor edition."""
import json
import re

import markdown
import pytest

from conftest import mkdocs_build
from macros.editions import strip_instructor_notes
from test_site import copy_project

# (how the note starts, its body's indentation): each renders as an admonition or a collapsible block
# with the class `instructor`.
SPELLINGS = [
    ('!!! instructor "Facilitation notes"', ""),
    ("!!! Instructor", ""),
    ("!!!instructor", ""),
    ('!!! INSTRUCTOR "Loud"', ""),
    ('??? instructor "Collapsed"', ""),
    ("???+ Instructor", ""),
    ("???instructor", ""),
    ('!!! instructor inline end "Beside the text"', ""),
    ("!!! note instructor", ""),
    ("    !!! instructor", "    "),  # inside the list item that comes before it
]


def notes_markdown():
    """One note in each spelling, each body holding its own word; the indented one follows a list item."""
    parts = []
    for number, (start, indent) in enumerate(SPELLINGS):
        if indent:
            parts.append("- A list item the indented note belongs to.\n")
        parts.append(f"{start}\n{indent}    Hushnote{number} is for the instructor only.\n")
    return "\n".join(parts) + "\nAfter the notes.\n"


def render(text):
    md = markdown.Markdown(extensions=["admonition", "pymdownx.details", "attr_list", "md_in_html"])
    return md.convert(text)


def test_each_spelling_renders_as_an_instructor_note():
    # The test's premise: without stripping, Markdown makes each of them an instructor box.
    html = render(notes_markdown())
    for number in range(len(SPELLINGS)):
        block = re.search(rf'<(div|details) class="([^"]*)"[^>]*>(?:(?!</?(?:div|details)\b).)*Hushnote{number}\b', html, re.S)
        assert block and "instructor" in block.group(2).split(), (SPELLINGS[number], html)


def test_stripping_leaves_no_spelling_and_keeps_the_rest():
    stripped = strip_instructor_notes(notes_markdown())
    assert "Hushnote" not in stripped, stripped
    assert stripped == "- A list item the indented note belongs to.\n\nAfter the notes.\n", stripped


def test_look_alikes_are_not_notes():
    text = '!!! note "instructor"\n    Kept one.\n\n!!! instructors\n    Kept two.\n\n    !!! tip\n        Kept three.\n'
    assert strip_instructor_notes(text) == text


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("notes"))
    lesson = project / "docs/lessons/in-person.md"
    text = lesson.read_text(encoding="utf-8")
    assert text.count("\n## Motivation\n") == 1
    lesson.write_text(text.replace("\n## Motivation\n", "\n" + notes_markdown() + "\n## Motivation\n"), encoding="utf-8")
    sites = {}
    for edition, config in (("learner", "mkdocs.yml"), ("instructor", "mkdocs.instructor.yml")):
        result = mkdocs_build(project / config, project / f"out-{edition}", cwd=project)
        assert result.returncode == 0, result.stdout + result.stderr
        sites[edition] = project / f"out-{edition}"
    return sites


def test_the_learner_edition_holds_no_note_in_any_spelling(editions):
    site = editions["learner"]
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "Hushnote" not in html, page
        assert not re.search(r'class="[^"]*\binstructor\b', html), page
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert "A list item the indented note belongs to." in json.dumps(index), "the lesson is in the index"
    assert not [doc["location"] for doc in index["docs"] if "Hushnote" in doc["text"] + doc["title"]]


def test_the_instructor_edition_shows_every_spelling_as_a_note(editions):
    html = (editions["instructor"] / "lessons/in-person/index.html").read_text(encoding="utf-8")
    for number in range(len(SPELLINGS)):
        block = re.search(rf'<(div|details) class="([^"]*)"[^>]*>(?:(?!</?(?:div|details)\b).)*Hushnote{number}\b', html, re.S)
        assert block and "instructor" in block.group(2).split(), SPELLINGS[number]
