"""Authors' mistakes in pages stop `make check` and the build with `file:line: what and how to fix`, never a
traceback, and leave no site behind; what MkDocs reads fine (a byte-order mark, quotes) builds fine."""
import json
import os
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from conftest import ROOT, mkdocs_build
from macros import pages
from test_site import copy_project



def summary(count):
    return f"{count} problem{'s' * (count != 1)} found; fix them and run the check again."


def check(project):
    result = subprocess.run([sys.executable, "-m", "macros.check", str(project)], capture_output=True, text=True,
                            timeout=120)
    return result.returncode, result.stdout + result.stderr


def insert_before(path, marker, text):
    """Insert text before the first line equal to marker; returns the line number the text starts on."""
    source = path.read_text(encoding="utf-8")
    index = source.index(f"\n{marker}\n") + 1
    path.write_text(source[:index] + text + source[index:], encoding="utf-8")
    return source[:index].count("\n") + 1


def replace_line(path, start, new):
    """Replace the first line starting with start; returns its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith(start))
    lines[number] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


@pytest.fixture(scope="module")
def mistakes(tmp_path_factory):
    """A copy of the course with one mistake of each kind; (project, expected problem lines)."""
    base = tmp_path_factory.mktemp("mistakes")
    project = copy_project(base)
    docs = project / "docs"
    outside = base / "private-notes.md"
    outside.write_text("# Not for publishing\n", encoding="utf-8")
    (docs / "leak.md").symlink_to(outside)
    (docs / "lessons/gone.md").symlink_to("moved-away.md")
    (docs / "worksheets/loop-a.md").symlink_to("loop-b.md")
    (docs / "worksheets/loop-b.md").symlink_to("loop-a.md")
    (docs / "worksheets/again").symlink_to("..")
    lessons = docs / "lessons"
    title = replace_line(lessons / "in-person.md", "title:", "title: Networking <img src=x onerror=alert(1)> in person")
    description = insert_before(docs / "glossary.md", "---", "description: A <b>bold</b> glossary.\n")
    name = insert_before(lessons / "networking-online.md", "## Motivation", "Ask {{ name }} about it.\n\n")
    unclosed = insert_before(lessons / "networking-career.md", "## Summary", "{% if edition == 'learner' %}\nOnly this.\n\n")
    stray = insert_before(lessons / "authentic-relationships.md", "## Summary", "Done.\n{% endif %}\n\n") + 1
    titled = replace_line(docs / "worksheets/paper-quizzes.md", "title:", "title: Quizzes for {{ edtion }}")
    misspelt = insert_before(lessons / "what-networking-is.md", "## Summary", "{{ quizz() }}\n\n")
    filtered = insert_before(lessons / "introverts.md", "## Summary", "{{ 'quiet' | shout }}\n\n")
    unparsed = insert_before(docs / "index.md", "## What you will learn", "Hello {{ name }\n\n")
    (lessons / "café.md").write_text((lessons / "networking-plan.md").read_text(encoding="utf-8"), encoding="utf-8")
    bank = (project / "quizzes/networking-plan.yml").read_text(encoding="utf-8")
    (project / "quizzes/café.yml").write_text(bank.replace("lesson: networking-plan", "lesson: café", 1), encoding="utf-8")
    raw = "(to show it as text, put it between `{% raw %}` and `{% endraw %}`)"
    expected = [
        f"docs/glossary.md:{description}: `description:` contains HTML (<b>); a page's description is plain text, "
        "written into every page as it is: remove the markup",
        f"docs/leak.md:1: is a symbolic link to {outside}, outside the project, which the site would publish; "
        "copy what you need into the project instead of linking to it",
        f"docs/lessons/authentic-relationships.md:{stray}: the template code does not parse: Encountered unknown tag "
        "'endif'; fix it, or to show it as text, put it between `{% raw %}` and `{% endraw %}`",
        "docs/lessons/café.md:1: the file name 'café' is the lesson's address; use only lowercase letters a-z, "
        "digits and single hyphens, like in-person.md",
        "docs/lessons/gone.md:1: is a symbolic link to moved-away.md, which does not exist; point it at a file in "
        "the project, or delete it",
        f"docs/lessons/in-person.md:{title}: `title:` contains HTML (<img src=x onerror=alert(1)>); a page's title "
        "is plain text, written into every page as it is: remove the markup",
        f"docs/lessons/introverts.md:{filtered}: `shout` is no Jinja filter; fix the name, or to show it as text, "
        "put it between `{% raw %}` and `{% endraw %}`",
        f"docs/lessons/networking-career.md:{unclosed}: `{{% if %}}` is never closed; add `{{% endif %}}` where it "
        "should end",
        f"docs/lessons/networking-online.md:{name}: `name` is no macro or variable of the course; the README lists "
        f"the macros a page can call {raw}",
        f"docs/lessons/what-networking-is.md:{misspelt}: `quizz` is no macro or variable of the course; did you "
        f"mean `quiz`? {raw}",
        f"docs/worksheets/paper-quizzes.md:{titled}: `edtion` is no macro or variable of the course; did you mean "
        f"`edition`? {raw}",
        "docs/worksheets/again:1: is a symbolic link to .., a folder that holds the link itself, so the site would "
        "never end; delete it",
        "docs/worksheets/loop-a.md:1: is a symbolic link to loop-b.md, which leads back to itself; point it at a "
        "file in the project, or delete it",
        "docs/worksheets/loop-b.md:1: is a symbolic link to loop-a.md, which leads back to itself; point it at a "
        "file in the project, or delete it",
        f"docs/index.md:{unparsed}: the template code does not parse: unexpected '}}'; fix it, or to show it as "
        "text, put it between `{% raw %}` and `{% endraw %}`",
    ]
    return project, sorted(expected)


def test_the_check_names_every_mistake_with_its_line(mistakes):
    project, expected = mistakes
    code, output = check(project)
    assert code == 1
    assert "Traceback" not in output
    assert output.splitlines() == expected + [summary(len(expected))]


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.instructor.yml"])
def test_the_build_stops_with_the_same_lines_and_writes_nothing(mistakes, config):
    project, expected = mistakes
    site = project / "out"
    result = mkdocs_build(project / config, site, cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    errors = [line.split(" -  ", 1)[1] for line in output.splitlines() if line.startswith("ERROR")]
    assert errors[:-1] == expected, output
    assert errors[-1].startswith(f"{len(expected)} problems in the course sources (listed above)")
    assert not site.exists(), "a failed build wrote a site"


def test_each_kind_of_mistake_alone_is_found(tmp_path):
    # One at a time too, so that no mistake is reported only because another one is present.
    project = copy_project(tmp_path)
    lesson = project / "docs/lessons/networking-career.md"
    line = insert_before(lesson, "## Summary", "{% for step in steps %}\n- {{ step }}\n\n")
    code, output = check(project)
    assert (code, output.splitlines()) == (1, [
        f"docs/lessons/networking-career.md:{line}: `{{% for %}}` is never closed; add `{{% endfor %}}` where it "
        "should end", summary(1)])


class Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "meta" and ("name", "description") in attrs:
            self.found.append(dict(attrs))


def test_quotes_and_a_byte_order_mark_build_as_written(tmp_path):
    project = copy_project(tmp_path)
    text = 'Say "hello" & mean it" onfocus="alert(1)'
    replace_line(project / "docs/lessons/in-person.md", "description:", "description: " + json.dumps(text))
    bom = project / "docs/lessons/introverts.md"  # MkDocs drops a byte-order mark; so does the check
    bom.write_bytes(b"\xef\xbb\xbf" + bom.read_bytes())
    # Template code as the project's settings read it: `{#` opens no comment, and `extra:` variables are names.
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("extra:\n", "extra:\n  course_code: NET-101\n", 1),
                      encoding="utf-8")
    with (project / "docs/glossary.md").open("a", encoding="utf-8") as glossary:
        glossary.write("\n## Course code {#course-code}\n\nThis course is {{ course_code }}.\n")
    code, output = check(project)
    assert code == 0, output
    result = mkdocs_build(project / "mkdocs.yml", project / "out", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    meta = Meta()
    meta.feed((project / "out/lessons/in-person/index.html").read_text(encoding="utf-8"))
    assert meta.found == [{"name": "description", "content": text}]
    # The course overview shows it as text (it is Markdown, sanitised there).
    overview = (project / "out/overview/index.html").read_text(encoding="utf-8")
    assert '<p>Say "hello" &amp; mean it" onfocus="alert(1)</p>' in overview
    html = (project / "out/lessons/introverts/index.html").read_text(encoding="utf-8")
    assert "<title>Networking as an introvert - Networking for People Entering Tech</title>" in html
    assert "title: Networking as an introvert" not in html, "the front matter was shown as text"
    glossary = (project / "out/glossary/index.html").read_text(encoding="utf-8")
    assert 'id="course-code"' in glossary and "This course is NET-101." in glossary


def test_a_failed_make_build_leaves_no_site(tmp_path):
    project = copy_project(tmp_path)
    (project / "site").mkdir()
    (project / "site/stale.html").write_text("from an older build", encoding="utf-8")
    glossary = project / "docs/glossary.md"
    original = glossary.read_text(encoding="utf-8")
    # A broken link fails the strict build only at its end, after every page has been written.
    glossary.write_text(original + "\nSee [the old page](nowhere.md).\n", encoding="utf-8")
    make = ["make", "-o", "setup", f"PY={sys.executable}", "build"]
    failed = subprocess.run(make, cwd=project, capture_output=True, text=True, timeout=300)
    assert failed.returncode != 0
    assert "contains a link 'nowhere.md'" in failed.stdout + failed.stderr
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == []
    glossary.write_text(original, encoding="utf-8")
    built = subprocess.run(make, cwd=project, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"]
    assert (project / "site/lessons/in-person/index.html").is_file() and not (project / "site/stale.html").exists()


def test_the_names_a_page_may_use_are_the_names_a_build_defines():
    """pages.py lists the macros and variables for `make check`; a build of the course defines exactly these."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin, extra = config.plugins["macros"], set(config["extra"])  # `extra:` as mkdocs.yml writes it
    config.plugins.on_config(config)
    defined = set(plugin.macros) | set(plugin.variables) | {"page", "navigation", "files"}  # the last set per page
    listed = set(pages.COURSE_MACROS) | set(pages.COURSE_VARIABLES) | set(pages.PLUGIN_NAMES) | extra
    assert defined == listed
    assert set(plugin.filters) == set(pages.PLUGIN_FILTERS)
    ours = pages.Environment(**pages.jinja_options(plugin.config))
    for marker in ("block_start_string", "variable_start_string", "comment_start_string", "comment_end_string"):
        assert getattr(ours, marker) == getattr(plugin.env, marker), marker
    assert ours.comment_start_string == "{##"


@pytest.mark.parametrize("body,line,tag", [
    ("a\n{% if edition %}\n{% set x = 1 %}\nb\n", 11, "if"),
    ("{% set x %}\nb\n", 10, "set"),
    ("{% for a in course %}\n{% if a %}{% endif %}\n", 10, "for"),
    ("{% if edition %}\n{% for b in course %}\n{% endfor %}\n", 10, "if"),
])
def test_an_unclosed_block_is_named_at_its_opening_line(body, line, tag):
    environment = pages.Environment(comment_start_string="{##", comment_end_string="##}")
    assert [str(p) for p in pages.check_template(environment, body, "docs/x.md", 10, {"course", "edition"})] == [
        f"docs/x.md:{line}: `{{% {tag} %}}` is never closed; add `{{% end{tag} %}}` where it should end"]


def test_names_a_page_sets_itself_are_known():
    environment = pages.Environment(comment_start_string="{##", comment_end_string="##}")
    body = "{% set n = 1 %}{{ n }}\n{% for s in course %}{{ s }}{% endfor %}\n{# not a comment here #}\n{## one ##}\n"
    assert pages.check_template(environment, body, "docs/x.md", 1, {"course"}) == []
