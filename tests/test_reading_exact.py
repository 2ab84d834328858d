"""Reading time, exactly: what the macros write into a learner's page, the words counted, and the problem a lesson
over its slot gives. Small lessons built here (tests/tiny_course.py), the real plan. Fast: no build."""
from dataclasses import replace

import pytest

from conftest import ROOT
from macros import messages, pages, plan, plan_output, reading, render, toolkit
from macros.course import config_of
from macros.lessons import Lesson
from macros.problems import Problem
from test_messages_exact import BASE
from tiny_course import tiny_course

ONE = """!!! note "Aside"
    Inside words.

{{ objectives() }}

{# kept #}

{{ message_template('hello') }}

{{ lesson_list('two', 'Steps:', ticks=True) }}
"""
TWO = """Steps:

- alpha *beta*
- gamma

{{ plan_template() }}
"""


@pytest.fixture(scope="module")
def course():
    found = tiny_course()
    found.lessons["one"] = replace(found.lessons["one"], body=ONE)
    found.lessons["two"] = replace(found.lessons["two"], body=TWO)
    return found


@pytest.fixture(scope="module")
def the_plan():
    return plan.load(ROOT)


@pytest.fixture(scope="module")
def small():
    return messages.parse(BASE)[0]


@pytest.fixture(scope="module")
def site_settings():
    return reading.settings(config_of(ROOT / "mkdocs.yml"))


def test_the_macros_write_what_a_learner_page_shows(course, the_plan, small):
    lesson = course.lessons["one"]
    written = reading.text_macros(course, lesson, the_plan, small)
    assert set(written) == set(pages.COURSE_MACROS) | {"course", "networking_plan", "edition"}
    assert written["course"] is course and written["networking_plan"] is the_plan and written["edition"] == "learner"
    assert written["objectives"]() == render.objectives(lesson)
    hello = small.templates["hello"]
    assert written["message_template"]("hello") == toolkit.card(hello, small.fields, "toolkit/templates", "example")
    assert 'href="toolkit/templates#hello"' in written["message_template"]("hello")
    assert written["message_template"]("hello", "template") == toolkit.card(hello, small.fields, "toolkit/templates",
                                                                            "template")
    assert written["message_template"]("nope") == ""
    assert written["plan_template"]() == plan_output.html(the_plan, "downloads")
    assert written["lesson_list"]("two", "Steps:") == '<ul class="worksheet-list"><li>alpha <em>beta</em></li><li>gamma</li></ul>'
    assert written["lesson_list"]("two", "Steps:", True) == ('<ul class="worksheet-list worksheet-ticks"><li>alpha '
                                                             '<em>beta</em></li><li>gamma</li></ul>')
    silent = set(pages.COURSE_MACROS) - {"objectives", "message_template", "plan_template", "lesson_list"}
    assert {name: written[name]("x", y=1) for name in silent} == dict.fromkeys(silent, "")


def test_reading_words_count_each_lesson_as_the_site_renders_it(course, the_plan, small, site_settings):
    card = toolkit.card(small.templates["hello"], small.fields, "toolkit/templates")
    # "Saying hello: a worked example", "Hi Jo! Sam", "Email, up to 20 characters: this example has 10.",
    # "Fill in this template with your own details"
    assert reading.html_words(card) == 5 + 3 + 9 + 8
    plan_words = reading.html_words(plan_output.html(the_plan, "downloads"))
    assert plan_words > 100
    # one: the title (2), the admonition's title and text (3), the objectives (11 + 2), "kept" (the site's Jinja
    # comments are {## ##}), the card (25), the list (3). two: its title (1), the list (3), the plan.
    assert reading.reading_words(course, the_plan, small, *site_settings) == {"one": 2 + 3 + 13 + 1 + 25 + 3,
                                                                              "two": 1 + 1 + 3 + plan_words}


def test_a_failed_macro_drops_every_macro_and_the_rest_is_counted():
    lesson = Lesson(slug="t", path="docs/lessons/t.md", title="T", description="D.", objectives={"a": "Be here."},
                    time={"lesson": 1, "practice": 1, "check": 1},
                    body="One {{ missing.attr }} two {{ objectives() }} {{\n1/0\n}} three.")
    written = reading.text_macros(tiny_course(), lesson, None, None)
    # An undefined name chains to nothing; 1/0 fails, so no macro is rendered, across lines too.
    assert reading.html_text(reading.learner_html(lesson, written)) == "\nT\n\n\nOne   two     three.\n"
    assert reading.html_words(reading.learner_html(replace(lesson, body="{{ missing.attr }} {{ objectives() }}"),
                                                   written)) == 1 + 11 + 2


def test_the_site_s_jinja_settings_are_used():
    lesson = Lesson(slug="t", path="docs/lessons/t.md", title="T", description="D.", objectives={"a": "B."},
                    time={"lesson": 1, "practice": 1, "check": 1}, body="A {# B #} C {## D ##}")
    jinja = {"comment_start_string": "{##", "comment_end_string": "##}"}
    assert reading.html_words(reading.learner_html(lesson, {}, jinja)) == 4
    assert reading.html_words(reading.learner_html(lesson, {})) == 3


def test_the_converter_keeps_extension_options_and_leaves_out_what_it_cannot_make():
    permalink = '<h1 id="hi">Hi<a class="headerlink" href="#hi" title="Permanent link">#</a></h1>'
    assert reading.converter([("toc", {"permalink": "#"})]).convert("# Hi") == permalink
    assert reading.converter([("no.such.extension", {}), ("toc", {"permalink": "#"})]).convert("# Hi") == permalink
    assert reading.converter([("no.such.extension", {})]).convert("# Hi") == "<h1>Hi</h1>"


@pytest.mark.parametrize("text, line", [
    ("---\ntitle: T\n---\n", 1),
    ("---\ntitle: T\ntime:\n  practice: 5\n  lesson: 10\n---\n", 5),
    ("---\ntitle: T\ntime: {lesson: 10}\n---\n", 3),
    ("---\nother:\n  lesson: 3\ntime:\n  lesson : 10\n", 5),
    ("time:\n  lesson: 1\n", 2),
])
def test_line_of_time(text, line):
    assert reading.line_of_time(text) == line


def test_a_lesson_over_its_slot(course):
    lesson = course.lessons["one"]  # time.lesson: 10
    text = "---\ntitle: T\ntime:\n  lesson: 10\n---\n"
    assert reading.over_time(lesson, 1500, text) is None
    assert reading.over_time(lesson, 1501, text) == Problem(
        "docs/lessons/one.md", 4, "the learner text has 1501 words, about 11 minutes of reading at 150 words a minute, "
                                  "over its 10-minute lesson slot (`time.lesson`); cut 1 words or raise time.lesson to 11")
    assert reading.over_time(lesson, 1801).message.endswith("; cut 301 words or raise time.lesson to 13")
    assert reading.over_time(lesson, 1801).line == 1


def test_problems_reads_each_lesson_s_front_matter(tmp_path, course, ascii_locale):
    (tmp_path / "docs/lessons").mkdir(parents=True)
    (tmp_path / "docs/lessons/one.md").write_text("---\ntime:\n  check: 3\n  lesson: 10\n---\nCafé ✓\n",
                                                  encoding="utf-8")
    (tmp_path / "docs/lessons/two.md").write_text("---\ntime:\n  lesson: 20\n---\n", encoding="utf-8")
    assert reading.problems(tmp_path, course, {"one": 1501, "two": 3000}) == [Problem(
        "docs/lessons/one.md", 4, "the learner text has 1501 words, about 11 minutes of reading at 150 words a minute, "
                                  "over its 10-minute lesson slot (`time.lesson`); cut 1 words or raise time.lesson to 11")]
    assert reading.problems(tmp_path, course, {"one": 10, "two": 3001})[0].message.startswith(
        "the learner text has 3001 words, about 21 minutes")


def test_the_reading_time_line(course):
    assert reading.line(course.lessons["two"], 151) == (
        '<p class="reading-time">About 2 minutes of reading · 20-minute lesson slot · 40 minutes in all with practice '
        "and the check</p>")


def test_text_a_reader_sees_line_by_block():
    assert reading.html_text("<p>a<em>b</em></p><span>c</span><br>d") == "\nab\nc\nd"
    assert reading.html_text("<div hidden>a<br/>b</div>c") == "\n\n\n\nc"
    assert reading.html_text("</p>x") == "\nx"
    assert reading.html_text("<p>a</p>", skipped_classes={"XXXX"}) == "\na\n"
