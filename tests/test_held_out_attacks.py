"""Attacks that the other tests do not try, of the kinds they guard against: a learner's data lost in silence,
instructor notes leaked into the learner edition, markup or script from author or learner text run, and pages
that break the Content-Security-Policy. Each test asserts what should happen instead."""
import re
import time

import pytest

from conftest import mkdocs_build
from test_authoring import check, summary
from test_site import copy_project


# ---- Author mistakes that `make check` must name, quickly and without a crash -------------------------------

def alias_bomb(levels):
    """A few lines of YAML that name a list of nine lists of nine ... (billions of values when followed)."""
    lines = ['x-a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    names = "abcdefghijklmnop"[:levels + 1]
    for before, name in zip(names, names[1:]):
        lines.append(f"x-{name}: &{name} [" + ", ".join([f"*{before}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_the_check_names_hostile_sources_without_hanging_or_crashing(tmp_path):
    project = copy_project(tmp_path)
    docs = project / "docs"
    (docs / "lessons/echo.md").symlink_to("echo.md")  # a lesson linked to itself
    (docs / "lessons/in person.md").write_text((docs / "lessons/networking-plan.md").read_text(encoding="utf-8"),
                                               encoding="utf-8")
    credits = docs / "credits.md"  # saved as UTF-16 by an editor
    credits.write_bytes(credits.read_text(encoding="utf-8").encode("utf-16"))
    glossary = docs / "glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "title: Glossary", "title: Glossary </title><script>alert(1)</script>", 1), encoding="utf-8")
    bank = project / "quizzes/in-person.yml"
    bank.write_text(alias_bomb(9) + bank.read_text(encoding="utf-8"), encoding="utf-8")
    # Nesting that libyaml builds by recursion in C: 50,000 levels crash the process.
    lesson = docs / "lessons/introverts.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("---\n", "---\nsources: " + "[" * 50000 + "]" * 50000 + "\n", 1), encoding="utf-8")

    started = time.monotonic()
    code, output = check(project)
    assert time.monotonic() - started < 60, "the check finishes"
    alias = "this list or mapping is repeated elsewhere with a YAML alias (`*name`); write it out in full where it is needed"
    expected = [
        "docs/credits.md:1: the file is not UTF-8 text (invalid start byte); save it as UTF-8",
        "docs/glossary.md:2: `title:` contains HTML (</title>); a page's title is plain text, written into every "
        "page as it is: remove the markup",
        "docs/lessons/echo.md:1: is a symbolic link to echo.md, which leads back to itself; point it at a file in "
        "the project, or delete it",
        "docs/lessons/in person.md:1: the file name 'in person' is the lesson's address; use only lowercase letters "
        "a-z, digits and single hyphens, like in-person.md",
        "docs/lessons/in person.md:1: the lesson has no quiz bank; create quizzes/in person.yml starting with "
        "`lesson: in person`",
        "docs/lessons/introverts.md:2: lists and mappings nest more than 100 levels deep here; a course file needs a "
        "few: write the values out flat",
    ] + [f"quizzes/in-person.yml:{line}: {alias}" for line in range(1, 10)]
    assert code == 1 and "Traceback" not in output
    assert sorted(output.splitlines()[:-1]) == sorted(expected), output
    assert output.splitlines()[-1] == summary(len(expected))


# ---- Instructor notes written in other ways, and script in front matter that builds ----------------------------

def insert_before(path, marker, text):
    source = path.read_text(encoding="utf-8")
    index = source.index(f"\n{marker}\n") + 1
    path.write_text(source[:index] + text + source[index:], encoding="utf-8")
    return source[:index].count("\n") + 1


# Each body holds a word of its own; none may reach the learner edition.
HIDDEN_NOTES = {
    "Tabnote": "!!!\tinstructor\n    Tabnote after a tab.\n",
    "Nestednote": '??? note "More"\n    Intro kept.\n\n    !!! instructor\n        Nestednote inside a collapsible block.\n',
    "Tabbodynote": "!!! instructor\n\tTabbodynote indented with a tab.\n",
    "Separatornote": "!!! instructor\n    First line\u2028Separatornote after a line separator.\n",
    "Feednote": "!!! instructor\n    First line\x0cFeednote after a form feed.\n",
    "Nextlinenote": "!!! instructor\n    First line\x85Nextlinenote after a next-line character.\n",
    "Htmlblocknote": "<div markdown>\n!!! instructor\n    Htmlblocknote in an HTML block.\n</div>\n",
    "Definitionnote": "Term\n:   Definition.\n\n    !!! instructor\n        Definitionnote in a definition.\n",
    "Macronote": '{{ "!!! instructor\\n    Macronote written by template code.\\n" }}\n',
}
ELSEWHERE = {"Glossarynote": "docs/glossary.md", "Worksheetnote": "docs/worksheets/conversation-cards.md",
             "Rawpagenote": "docs/credits.md", "Crlfnote": "docs/lessons/introverts.md"}


@pytest.fixture(scope="module")
def hidden_notes(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hidden-notes"))
    docs = project / "docs"
    insert_before(docs / "lessons/in-person.md", "## Motivation", "\n".join(HIDDEN_NOTES.values()) + "\n")
    insert_before(docs / "glossary.md", "## B", "!!! Instructor\n    Glossarynote in the glossary.\n\n")
    with (docs / "worksheets/conversation-cards.md").open("a", encoding="utf-8") as sheet:
        sheet.write("\n!!! instructor\n    Worksheetnote on a worksheet.\n")
    credits = docs / "credits.md"  # a page that turns template code off
    credits.write_text(credits.read_text(encoding="utf-8").replace("title: Credits\n", "title: Credits\nrender_macros: false\n", 1)
                       + "\n!!! instructor\n    Rawpagenote on a page without template code.\n", encoding="utf-8")
    introverts = docs / "lessons/introverts.md"  # saved with Windows line ends
    text = introverts.read_text(encoding="utf-8").replace(
        "\n## Motivation\n", "\n!!! instructor\n    Crlfnote in a file with CRLF line ends.\n\n## Motivation\n", 1)
    introverts.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    # Script in front matter that is shown as text: an objective (learner pages) and a material (session pages).
    lesson = docs / "lessons/in-person.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace(
        "  prepare-for-event: Find", "  prepare-for-event: <script>alert('objective')</script> Find", 1), encoding="utf-8")
    career = docs / "lessons/networking-career.md"
    career.write_text(career.read_text(encoding="utf-8").replace(
        "  - supply: Blank name tags", "  - supply: \"<script>alert('material')</script><img src=x onerror=alert(2)>\"\n"
        "  - supply: Blank name tags", 1), encoding="utf-8")
    sites = {}
    for edition, config in (("learner", "mkdocs.yml"), ("instructor", "mkdocs.instructor.yml")):
        result = mkdocs_build(project / config, project / f"out-{edition}", cwd=project)
        assert result.returncode == 0, result.stdout + result.stderr
        sites[edition] = project / f"out-{edition}"
    return sites


def test_notes_hidden_in_other_ways_never_reach_the_learner_edition(hidden_notes):
    site = hidden_notes["learner"]
    words = [*HIDDEN_NOTES, *ELSEWHERE]
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert [word for word in words if word in html] == [], page
        assert not re.search(r'class="(?:[^"]*\s)?instructor[\s"]', html), page
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert [word for word in words if word in index] == []
    assert "Intro kept." in index and "Definition." in index, "what is around the notes stays"


def test_the_instructor_edition_keeps_every_one(hidden_notes):
    site = hidden_notes["instructor"]
    pages = {"Glossarynote": "glossary", "Worksheetnote": "worksheets/conversation-cards", "Rawpagenote": "credits",
             "Crlfnote": "lessons/introverts"}
    for word in [*HIDDEN_NOTES, *ELSEWHERE]:
        assert word in (site / pages.get(word, "lessons/in-person") / "index.html").read_text(encoding="utf-8"), word


def test_script_in_objectives_and_materials_is_shown_as_text(hidden_notes):
    lesson = (hidden_notes["learner"] / "lessons/in-person/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert('objective')&lt;/script&gt; Find" in lesson
    session = (hidden_notes["instructor"] / "instructor/sessions/networking-career/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert('material')&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in session
    for site in hidden_notes.values():
        for page in site.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            assert "<script>alert(" not in html and "<img src=x" not in html, page


@pytest.mark.parametrize("attack", ["note in a quote", "note in HTML", "HTML made by a title's template code"])
def test_what_cannot_be_left_out_or_escaped_stops_the_build(tmp_path, attack):
    project = copy_project(tmp_path)
    docs = project / "docs"
    if attack == "note in a quote":
        line = insert_before(docs / "lessons/in-person.md", "## Motivation", "> !!! instructor\n>     Quotednote.\n\n")
        where, what = "docs/lessons/in-person.md", "an instructor note is left in the learner edition of this page"
    elif attack == "note in HTML":
        line = insert_before(docs / "glossary.md", "## B", '<div class="admonition instructor" markdown>\n'
                             "Quotednote written in HTML.\n</div>\n\n")
        where, what = "docs/glossary.md", "an instructor note is left in the learner edition of this page"
    else:
        sheet = docs / "worksheets/superpowers-and-goals.md"
        sheet.write_text(re.sub(r"^title: .*$", "title: \"Goals {{ '<' }}meta http-equiv=refresh content=0;url=//evil.example>\"",
                                sheet.read_text(encoding="utf-8"), count=1, flags=re.M), encoding="utf-8")
        line, where = 2, "docs/worksheets/superpowers-and-goals.md"
        what = "`title:` makes HTML (<meta http-equiv=refresh content=0;url=//evil.example>) when its template code runs"
    code, output = check(project)
    assert code == 0, "the check, which does not render pages, lets it through: the build is where it stops"
    site = project / "out"
    result = mkdocs_build(project / "mkdocs.yml", site, cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert f"ERROR   -  {where}:{line}: {what}" in output, output
    written = [path for path in site.rglob("*") if path.is_file() and path.suffix in (".html", ".json")] if site.exists() else []
    assert not [path for path in written if "Quotednote" in path.read_text(encoding="utf-8") or
                "evil.example" in path.read_text(encoding="utf-8")]
    assert not (site / "search/search_index.json").exists()
