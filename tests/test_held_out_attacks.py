"""Attacks that the other tests do not try, of the kinds they guard against: a learner's data lost in silence,
instructor notes leaked into the learner edition, markup or script from author or learner text run, and pages
that break the Content-Security-Policy. Each test asserts what should happen instead."""
import subprocess
import sys
import time

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
