"""macros/pages.py read directly: which Jinja settings a site config gives, and which block tag a page leaves open
(tests/test_authoring.py checks the messages built from them, through the check and the build)."""
import pytest

from macros import pages

ENVIRONMENT = pages.Environment(comment_start_string="{##", comment_end_string="##}")


def test_the_jinja_settings_and_extra_names_come_from_the_macros_entry():
    config = {"plugins": ["search", {"offline": {}}, {"macros": {"module_name": "macros", "j2_comment_start_string": "{##",
                                                               "j2_block_start_string": ""}}],
              "extra": {"edition": "learner", "course_url": "x"}}
    assert pages.settings_of(config) == ({"comment_start_string": "{##"}, ("edition", "course_url"))


@pytest.mark.parametrize("config", [{}, {"plugins": None, "extra": None}, {"plugins": ["macros", "search"]},
                                    {"plugins": [{"macros": "yes"}]}, {"plugins": [{"macros": None}]}])
def test_a_config_without_macros_settings_gives_none(config):
    assert pages.settings_of(config) == ({}, ())


@pytest.mark.parametrize("body,expected", [
    ("plain text {{ course }}", None),
    ("{% if a %}{% endif %}", None),
    ("{% include 'x.md' %}", None),
    ("{% endif %}", None),
    ("{% if", ("if", 1)),  # cut off at the end of the page
    ("{% set x", ("set", 1)),
    ("{% set x = a if b else c %}\n", None),  # `if` inside an expression opens no block
    ("{% set x %}\n{% set y = 1 %}\n", ("set", 1)),  # the `=` of a later tag does not close this one
    ("{% set y = 1 %}\n{% if a %}\n", ("if", 2)),  # the scan goes on after a `set` with `=`
    ("{% if a %}\n{% for b in c %}\n{% endif %}\n", ("for", 2)),  # an end tag closes only its own kind
    ("{% for a in b %}{% if c %}{% endif %}{% endfor %}\n{% with %}", ("with", 2)),
])
def test_the_innermost_unclosed_block_and_its_line(body, expected):
    assert pages.unclosed_block(ENVIRONMENT, body) == expected


def test_a_byte_order_mark_is_dropped_and_unreadable_files_are_named(tmp_path):
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf# Hi\n")
    (tmp_path / "latin.md").write_bytes(b"caf\xe9\n")
    (tmp_path / "folder.md").mkdir()
    problems = []
    assert pages.read_text(tmp_path / "bom.md", "docs/bom.md", problems) == "# Hi\n"
    assert pages.read_text(tmp_path / "latin.md", "docs/latin.md", problems) is None
    assert pages.read_text(tmp_path / "folder.md", "docs/folder.md", problems) is None
    assert [str(p) for p in problems] == [
        "docs/latin.md:1: the file is not UTF-8 text (invalid continuation byte); save it as UTF-8",
        "docs/folder.md:1: the file cannot be read (Is a directory)"]


def test_the_files_mkdocs_reads_and_the_links_it_must_not_follow(tmp_path):
    root = tmp_path / "project"
    docs = root / "docs"
    (docs / "lessons").mkdir(parents=True)
    (docs / "index.md").write_text("x", encoding="utf-8")
    (docs / ".hidden.md").write_text("x", encoding="utf-8")
    (docs / "lessons" / "a.md").write_text("x", encoding="utf-8")
    (docs / "lessons" / "same.md").symlink_to("a.md")
    (docs / "lessons" / "gone.md").symlink_to("nowhere.md")
    (docs / "lessons" / "loop.md").symlink_to("loop.md")
    (docs / "up").symlink_to("lessons")
    (docs / "back").symlink_to(".")
    (tmp_path / "outside.md").write_text("secret", encoding="utf-8")
    (docs / "leak.md").symlink_to(tmp_path / "outside.md")
    problems = []
    found = pages.files(root, "docs", problems)
    assert [(shown, path.relative_to(root).as_posix()) for shown, path in found] == [
        ("docs/index.md", "docs/index.md"), ("docs/lessons/a.md", "docs/lessons/a.md"),
        ("docs/lessons/same.md", "docs/lessons/same.md"), ("docs/up/a.md", "docs/up/a.md"),
        ("docs/up/same.md", "docs/up/same.md")]
    assert [str(p) for p in problems] == [
        "docs/back:1: is a symbolic link to ., a folder that holds the link itself, so the site would never end; delete it",
        f"docs/leak.md:1: is a symbolic link to {tmp_path / 'outside.md'}, outside the project, which the site would "
        "publish; copy what you need into the project instead of linking to it",
        "docs/lessons/gone.md:1: is a symbolic link to nowhere.md, which does not exist; point it at a file in the "
        "project, or delete it",
        "docs/lessons/loop.md:1: is a symbolic link to loop.md, which leads back to itself; point it at a file in the "
        "project, or delete it",
        "docs/up/gone.md:1: is a symbolic link to nowhere.md, which does not exist; point it at a file in the "
        "project, or delete it",
        "docs/up/loop.md:1: is a symbolic link to loop.md, which leads back to itself; point it at a file in the "
        "project, or delete it"]
    assert pages.files(root, "missing", []) == []


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_every_page_mistake_is_named_with_its_file_and_line(tmp_path):
    docs = tmp_path / "docs"
    write(docs / "index.md", "---\ntitle: Home <b>now</b>\ndescription: A <i>x</i>\n---\n\n# Hi\n\n{{ quizz() }}\n")
    write(docs / "broken.md", "---\ntitle: [unclosed\n---\nText\n")
    write(docs / "lessons/one.md", "---\ntitle: [unclosed\n---\n{{ course }} {{ edition | upper }}\n")
    write(docs / "filters.md", "Line 1\n{{ 'a' | shout }}\n{% if 1 is odd and 2 is weird %}{% endif %}\n")
    write(docs / "unclosed.md", "---\ntitle: T\n---\nOne\n{% if edition %}\nTwo\n")
    write(docs / "parse.md", "Text\n\nHello {{ name }\n")
    write(docs / "raw.md", "---\nrender_macros: false\n---\n{{ anything }}\n")
    write(docs / "titled.md", "---\ntitle: Quizzes for {{ edtion }}\nhint: h\n---\n{{ hint }} {{ course_url }}\n")
    write(docs / "notes.txt", "{{ nothing }}\n")
    write(docs / "far.markdown", "\n\n{{ elsewhere }}\n")
    (docs / "a-latin.md").write_bytes(b"caf\xe9\n")  # first in order: the problems after it add to its own
    (docs / "a-link.md").symlink_to("nowhere.md")
    write(docs / "known.md", "{{ config.site_name }} {% for i in range(2) %}{{ i }}{% endfor %} {{ course_url }}\n")
    write(docs / "near.md", "---\nhint: h\n---\n{{ hnt }} {{ course_ur }}\n")
    write(docs / "near-title.md", "---\nhint: h\ntitle: For {{ hnt }} in {{ edition }}\n---\nText\n")
    write(docs / "stray.md", "Done.\n{% endif %}\n")
    problems = pages.check(tmp_path, "docs/lessons", extra=("course_url",))
    raw = "(to show it as text, put it between `{% raw %}` and `{% endraw %}`)"
    assert sorted(str(p) for p in problems) == sorted([
        "docs/a-latin.md:1: the file is not UTF-8 text (invalid continuation byte); save it as UTF-8",
        "docs/a-link.md:1: is a symbolic link to nowhere.md, which does not exist; point it at a file in the project, "
        "or delete it",
        f"docs/near.md:4: `course_ur` is no macro or variable of the course; did you mean `course_url`? {raw}",
        f"docs/near.md:4: `hnt` is no macro or variable of the course; did you mean `hint`? {raw}",
        f"docs/near-title.md:3: `hnt` is no macro or variable of the course; did you mean `hint`? {raw}",
        f"docs/stray.md:2: the template code does not parse: Encountered unknown tag 'endif'; fix it, or {raw[1:-1]}",
        "docs/broken.md:3: the YAML does not parse (did not find expected ',' or ']'); check the indentation and "
        "quote text that contains ': ' or starts with a special character",
        "docs/far.markdown:3: `elsewhere` is no macro or variable of the course; the README lists the macros a page "
        f"can call {raw}",
        f"docs/filters.md:2: `shout` is no Jinja filter; fix the name, or {raw[1:-1]}",
        f"docs/filters.md:3: `weird` is no Jinja test; fix the name, or {raw[1:-1]}",
        "docs/index.md:2: `title:` contains HTML (<b>); a page's title is plain text, written into every page as it "
        "is: remove the markup",
        "docs/index.md:3: `description:` contains HTML (<i>); a page's description is plain text, written into every "
        "page as it is: remove the markup",
        f"docs/index.md:8: `quizz` is no macro or variable of the course; did you mean `quiz`? {raw}",
        f"docs/parse.md:3: the template code does not parse: unexpected '}}'; fix it, or {raw[1:-1]}",
        f"docs/titled.md:2: `edtion` is no macro or variable of the course; did you mean `edition`? {raw}",
        "docs/unclosed.md:5: `{% if %}` is never closed; add `{% endif %}` where it should end",
    ])


def test_a_folder_that_cannot_be_read_is_named(tmp_path, monkeypatch):
    (tmp_path / "docs/locked").mkdir(parents=True)
    (tmp_path / "docs/index.md").write_text("x", encoding="utf-8")
    scandir = pages.os.scandir

    def refusing(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(pages.os, "scandir", refusing)
    problems = []
    assert [shown for shown, _ in pages.files(tmp_path, "docs", problems)] == ["docs/index.md"]
    assert [str(p) for p in problems] == ["docs/locked:1: the folder cannot be read (Permission denied)"]
