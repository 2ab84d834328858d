"""Every lesson reads within its `time.lesson` at 150 words a minute, the pages show that reading time, and every
time the course shows follows the lessons' front matter."""
import re
import subprocess
import sys

import pytest

from conftest import ROOT, mkdocs_build
from macros import messages, plan, reading
from macros.course import config_of
from macros.lessons import Lesson
from test_site import copy_project
from tiny_course import tiny_course


@pytest.fixture(scope="module")
def words(course):
    return reading.reading_words(course, plan.load(ROOT), messages.load(ROOT), *reading.settings(config_of(ROOT / "mkdocs.yml")))


def article(path):
    return re.search(r"<article\b[^>]*>(.*?)</article>", path.read_text(encoding="utf-8"), re.S).group(1)


def test_words_are_what_a_reader_sees():
    html = ('<h1>Title here</h1><p class="reading-time">About 1 minute</p><p>Don\'t stop a 6-month <em>plan</em>.'
            '</p><section class="quiz"><p>Quiz text</p><input hidden></section><p hidden>Hidden <b>text</b></p>'
            "<script>var x = 1;</script><br><p>End &amp; after.</p>")
    assert reading.html_text(html).split() == ["Title", "here", "Don't", "stop", "a", "6-month", "plan.", "End",
                                               "&", "after."]
    assert reading.html_words(html) == 9


def test_minutes_round_up_at_150_words_a_minute():
    assert [reading.minutes(n) for n in (0, 1, 150, 151, 3000, 3001)] == [0, 1, 1, 2, 20, 21]


def test_learner_text_leaves_out_quiz_and_instructor_notes_and_keeps_what_macros_write():
    lesson = Lesson(slug="tiny", path="docs/lessons/tiny.md", title="Tiny lesson", description="D.",
                    time={"lesson": 1, "practice": 1, "check": 1}, objectives={"say-hi": "Say hello to a stranger."},
                    body='## Overview\n\nOne two three.\n\n!!! instructor "Notes"\n    Secret words here.\n\n'
                         "## Objectives\n\n{{ objectives() }}\n\n## Check\n\n{{ quiz() }}\n\n"
                         "??? instructor\n    More secret.\n\nLast [link text](https://example.org/).\n")
    course = tiny_course()
    macros = reading.text_macros(course, lesson, None, None)
    html = reading.learner_html(lesson, macros, {"comment_start_string": "{##", "comment_end_string": "##}"},
                                reading.markdown_extensions(config_of(ROOT / "mkdocs.yml")))
    assert "Secret" not in html and "More secret" not in html
    text = reading.WORD.findall(reading.html_text(html))
    # The title, the headings, the body, the objectives the macro writes, the link's text (not its address).
    assert text == ["Tiny", "lesson", "Overview", "One", "two", "three", "Objectives", "By", "the", "end", "of",
                    "this", "lesson", "you", "will", "be", "able", "to", "Say", "hello", "to", "a", "stranger",
                    "Check", "Last", "link", "text"]


def test_the_build_and_the_check_report_a_lesson_over_its_slot(tmp_path, course):
    slug = next(iter(course.lessons))
    project = copy_project(tmp_path)
    path = project / "docs/lessons" / f"{slug}.md"
    text = path.read_text(encoding="utf-8")
    text, changed = re.subn(r"^(time:\n(?:\s+\w+: \d+\n)*?\s+lesson: )\d+", r"\g<1>1", text, count=1, flags=re.M)
    assert changed
    path.write_text(text, encoding="utf-8")
    line = reading.line_of_time(text)
    assert text.splitlines()[line - 1].strip() == "lesson: 1"
    expected = rf"docs/lessons/{slug}\.md:{line}: the learner text has (\d+) words, about (\d+) minutes of reading .*" \
               r"over its 1-minute lesson slot \(`time.lesson`\); cut (\d+) words or raise time.lesson to (\d+)"
    check = subprocess.run([sys.executable, "-m", "macros.check", str(project)], capture_output=True, text=True)
    assert check.returncode == 1
    found = re.search(expected, check.stderr)
    assert found, check.stderr
    count, minutes, cut, raise_to = map(int, found.groups())
    assert minutes == raise_to == reading.minutes(count) and cut == count - 150
    assert "Traceback" not in check.stderr
    # The build says the same and goes on: the page shows its honest reading time.
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "out", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"INFO\s+-\s+Problem: " + expected, result.stderr), result.stderr
    shown = (tmp_path / "out/lessons" / slug / "index.html").read_text(encoding="utf-8")
    assert f"About {minutes} minutes of reading · 1-minute lesson slot" in shown


@pytest.mark.parametrize("slug", [p.stem for p in sorted((ROOT / "docs/lessons").glob("*.md"))])
def test_every_lesson_reads_within_its_lesson_slot(slug, course, words):
    lesson = course.lessons[slug]
    limit = lesson.time["lesson"]
    count = words[slug]
    assert reading.minutes(count) <= limit, (
        f"{lesson.path}: {count} words of learner text read in about {reading.minutes(count)} minutes at "
        f"{reading.WORDS_PER_MINUTE} words a minute, over its limit of {limit} minutes (time.lesson); "
        f"cut {count - limit * reading.WORDS_PER_MINUTE} words or raise time.lesson")


def test_reading_time_counts_the_words_of_the_built_pages(site, course, words):
    for slug, lesson in course.lessons.items():
        page = site / "lessons" / slug / "index.html"
        built = reading.html_words(article(page))
        # The same text both ways; a few percent of slack for what Markdown and the theme might add.
        assert abs(built - words[slug]) <= 0.03 * built, (slug, built, words[slug])
        line = (f'<p class="reading-time">About {reading.minutes(words[slug])} minutes of reading · '
                f'{lesson.time["lesson"]}-minute lesson slot · {lesson.minutes} minutes in all with practice and '
                "the check</p>")
        # Under the title, before the lesson's first section.
        assert re.search(rf"</h1>\s*{re.escape(line)}\s*<h2 id=\"overview\"", article(page)), slug


def test_the_overview_shows_each_lessons_reading_time(site, course, words):
    html = (site / "overview/index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<a href="\.\./lessons/([a-z0-9-]+)/">.*?</a> <span class="course-minutes">(\d+) min</span> '
                       r'<span class="course-reading">about (\d+) minutes of reading</span>', html)
    assert shown == [(slug, str(lesson.minutes), str(reading.minutes(words[slug])))
                     for slug, lesson in course.lessons.items()]


def test_every_time_shown_follows_the_front_matter(tmp_path, course):
    """Change one lesson's times: the home page, the overview, the lesson, and the instructor's session plans follow."""
    slug = next(iter(course.lessons))
    project = copy_project(tmp_path)
    path = project / "docs/lessons" / f"{slug}.md"
    old = course.lessons[slug].time
    new = {"lesson": old["lesson"] + 60, "practice": old["practice"] + 7, "check": old["check"] + 3}
    text = path.read_text(encoding="utf-8")
    for part in ("lesson", "practice", "check"):
        text = re.sub(rf"^(\s+{part}: ){old[part]}$", rf"\g<1>{new[part]}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    total = sum(lesson.minutes for lesson in course.lessons.values()) + 70
    learner, instructor = tmp_path / "learner", tmp_path / "instructor"
    for config, out in (("mkdocs.yml", learner), ("mkdocs.instructor.yml", instructor)):
        result = mkdocs_build(project / config, out, cwd=project)
        assert result.returncode == 0, result.stdout + result.stderr
    home = (learner / "index.html").read_text(encoding="utf-8")
    minutes = [lesson.minutes for lesson in course.lessons.values()]
    minutes[0] = sum(new.values())
    # Rounded as the home page's template rounds (half up), to whole hours.
    assert (f"<strong>{len(minutes)} lessons</strong> of {min(minutes)} to {max(minutes)} minutes, "
            f"about {int(total / 60 + 0.5)} hours in all") in home
    overview = (learner / "overview/index.html").read_text(encoding="utf-8")
    assert f"{total} minutes in all ({total // 60} h {total % 60:02d} min)" in overview
    assert f'<span class="course-minutes">{sum(new.values())} min</span>' in overview
    lesson_page = (learner / "lessons" / slug / "index.html").read_text(encoding="utf-8")
    assert f"· {new['lesson']}-minute lesson slot · {sum(new.values())} minutes in all" in lesson_page
    plan_page = (instructor / "instructor/session-plan/index.html").read_text(encoding="utf-8")
    assert f'<td class="plan-total">{total} min</td>' in plan_page
    session = (instructor / "instructor/sessions" / slug / "index.html").read_text(encoding="utf-8")
    assert f'<td class="plan-total">{sum(new.values())} min</td>' in session
    assert f"{sum(new.values())} minutes: {new['lesson']} lesson, {new['practice']} practice, {new['check']} check" \
        in session


def test_a_lesson_that_states_its_time_states_the_front_matter(site, course):
    """A lesson's own overview may say how long it takes ("**Time:** about 55 minutes ..."); it must agree."""
    for slug, lesson in course.lessons.items():
        text = article(site / "lessons" / slug / "index.html")
        for stated in re.findall(r"<strong>Time:</strong>\s*(?:about\s*)?(\d+) minutes", text):
            assert int(stated) == lesson.minutes, (f"{lesson.path}: the overview says {stated} minutes, the front "
                                                   f"matter adds up to {lesson.minutes}; write {lesson.minutes}")


def test_a_macro_that_fails_leaves_the_rest_of_the_lesson_counted():
    """The page's own rendering stops the build at a failing macro, with the place to fix; the count goes on."""
    lesson = Lesson(slug="t", path="docs/lessons/t.md", title="T", description="D.", objectives={"a": "B."},
                    time={"lesson": 1, "practice": 1, "check": 1},
                    body='One {{ 1/0 }} two {{ lesson_list("nowhere", "x") }} three.')
    assert reading.html_words(reading.learner_html(lesson, reading.text_macros(tiny_course(), lesson, None, None))) == 4


def test_extensions_the_check_cannot_make_are_left_out_not_raised():
    """mkdocs.yml may name Python objects (`!!python/name:...`), which only the build resolves."""
    config = {"markdown_extensions": [{"pymdownx.emoji": {"emoji_index": None, "options": {"a": 1}}}, "toc"]}
    assert reading.markdown_extensions(config) == [("pymdownx.emoji", {"options": {"a": 1}}), ("toc", {})]
    md = reading.converter([("pymdownx.emoji", {"emoji_index": None}), ("no.such.extension", {}), ("toc", {})])
    assert reading.html_words(md.convert("# Hello\n\nOne *two* three.")) == 4
