"""The whole course read from a folder in this process (macros/course.py): its site config read without MkDocs,
and the problems of files that do not fit together, exact."""
import locale

import pytest
import yaml

from macros.course import config_of, config_value, load, nav_of
from macros.itemwriting import Note
from macros.problems import CourseError, Problem
from test_bank_validation import BANK, LESSON, make_project

CONFIG = """\
site_name: Réseau
site_url: !ENV [COURSE_URL, "https://example.org/course/"]
one: !ENV [ONLY]
three: !ENV [FIRST, SECOND, "third"]
plain: !ENV NAME
other: !relative [a, b]
dir: !relative $config_dir
emoji: !!python/name:material.extensions.emoji.twemoji
nav:
  - Home: index.md
  - Lessons:
      - lessons/demo.md
"""


@pytest.fixture
def config(tmp_path):
    path = tmp_path / "mkdocs.yml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def test_a_site_config_is_read_without_mkdocs_giving_defaults_for_env_and_none_for_other_tags(config):
    assert config_of(config) == {
        "site_name": "Réseau", "site_url": "https://example.org/course/", "one": None, "three": "third",
        "plain": None, "other": None, "dir": None, "emoji": None,
        "nav": [{"Home": "index.md"}, {"Lessons": ["lessons/demo.md"]}]}
    assert config_value(config, "site_url") == "https://example.org/course/"
    assert config_value(config, "site_name") == "Réseau"
    assert config_value(config, "missing") is None
    assert nav_of(config) == [{"Home": "index.md"}, {"Lessons": ["lessons/demo.md"]}]


def test_an_empty_site_config_is_an_empty_mapping(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("# nothing yet\n")
    assert config_of(tmp_path / "mkdocs.yml") == {}


def test_a_site_config_is_read_as_utf8_whatever_the_locale(config):
    before = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")  # ASCII, where Python's UTF-8 mode is off
    try:
        assert config_value(config, "site_name") == "Réseau"
    finally:
        locale.setlocale(locale.LC_CTYPE, before)


def problems_for(project):
    with pytest.raises(CourseError) as caught:
        load(project)
    return [str(p) for p in caught.value.problems]


def test_a_good_course_gives_its_lessons_and_banks_by_slug(tmp_path):
    course = load(make_project(tmp_path))
    assert list(course.lessons) == ["demo"] and list(course.banks) == ["demo"]
    lesson = course.lessons["demo"]
    assert (lesson.slug, lesson.path, lesson.title) == ("demo", "docs/lessons/demo.md", "Demo")
    assert (course.banks["demo"].path, course.banks["demo"].lesson) == ("quizzes/demo.yml", "demo")
    assert course.notes == ()


NEGATIVE = BANK.replace("prompt: At a meetup, what do you say first?",
                        "prompt: At a meetup, what do you not say first?\n    allow:\n      negative-stem: It reads well.")


def test_the_exceptions_authors_allowed_in_every_bank_are_kept_in_order(tmp_path):
    project = make_project(tmp_path, bank=NEGATIVE)
    (project / "docs/lessons/other.md").write_text(LESSON)
    # Keys in other positions than the first bank's, so that the course spreads them.
    (project / "quizzes/other.yml").write_text(NEGATIVE.replace("lesson: demo", "lesson: other").replace(
        "It reads well.", "It is clear here.").replace("answer: a", "answer: b").replace("answer: true", "answer: false"))
    course = load(project)
    assert course.notes == (Note("quizzes/demo.yml", 7, "say-hi", "negative-stem", "It reads well."),
                            Note("quizzes/other.yml", 7, "say-hi", "negative-stem", "It is clear here."))


def test_every_bank_that_ends_in_yaml_or_has_no_lesson_is_named(tmp_path):
    project = make_project(tmp_path)
    for name in ("a.yaml", "b.yaml", "orphan.yml", "stray.yml"):
        (project / "quizzes" / name).write_text(BANK)
    assert problems_for(project) == [
        "quizzes/a.yaml:1: quiz banks end in .yml; rename it to a.yml",
        "quizzes/b.yaml:1: quiz banks end in .yml; rename it to b.yml",
        "quizzes/orphan.yml:1: no lesson docs/lessons/orphan.md for this bank; rename the file to match a lesson, "
        "or write the lesson",
        "quizzes/stray.yml:1: no lesson docs/lessons/stray.md for this bank; rename the file to match a lesson, "
        "or write the lesson"]


def test_a_lesson_file_name_that_is_no_address(tmp_path):
    project = make_project(tmp_path, slug="Demo_1", bank=BANK.replace("lesson: demo", "lesson: Demo_1"))
    assert problems_for(project) == [
        "docs/lessons/Demo_1.md:1: the file name 'Demo_1' is the lesson's address; use only lowercase letters a-z, "
        "digits and single hyphens, like in-person.md"]


def test_a_lesson_front_matter_that_does_not_parse_is_reported_once(tmp_path):
    project = make_project(tmp_path, lesson=LESSON.replace("title: Demo", "title: [Demo"))
    assert problems_for(project) == [
        "docs/lessons/demo.md:3: the YAML does not parse (did not find expected ',' or ']'); check the indentation "
        "and quote text that contains ': ' or starts with a special character"]


def test_template_code_is_read_with_the_sites_jinja_settings_and_extra_variables(tmp_path):
    project = make_project(tmp_path)
    (project / "docs/notes.md").write_text("# Notes\n\n{{ not_a_variable }} [[ course_name ]]\n")
    (project / "mkdocs.yml").write_text("plugins:\n  - macros:\n      j2_variable_start_string: '[['\n"
                                        "      j2_variable_end_string: ']]'\nextra:\n  course_name: Networking\n")
    assert load(project).lessons["demo"].slug == "demo"
    # Read with the default settings, the same page names a variable no one defines.
    with pytest.raises(CourseError) as caught:
        load(project, settings=({}, ("course_name",)))
    assert [p.file for p in caught.value.problems] == ["docs/notes.md"]
    with pytest.raises(CourseError) as caught:
        load(project, settings=({"variable_start_string": "[[", "variable_end_string": "]]"}, ()))
    assert [p.file for p in caught.value.problems] == ["docs/notes.md"]


def test_a_bank_or_lesson_that_cannot_be_read_is_named_and_the_next_still_read(tmp_path):
    project = make_project(tmp_path, bank=BANK.replace("answer: a", "answer: z"))
    (project / "docs/lessons/a-first.md").mkdir()
    (project / "quizzes/a-first.yml").mkdir()
    assert problems_for(project) == [
        "docs/lessons/a-first.md:1: the file cannot be read (Is a directory)",
        "quizzes/a-first.yml:1: the file cannot be read (Is a directory)",
        "quizzes/demo.yml:2: no question checks objective 'greet' of docs/lessons/demo.md; add a question with "
        "`objective: greet`",
        "quizzes/demo.yml:10: say-hi: `answer: z` names no option; use one of: a, b"]


def test_a_tag_of_yamls_own_that_does_not_exist_is_an_error(tmp_path):
    # `!name` and `!!python/...` are MkDocs' and its plugins'; `!!` alone is YAML's, and a typo in it is not hidden.
    (tmp_path / "mkdocs.yml").write_text("site_name: !!strr Course\n")
    with pytest.raises(yaml.constructor.ConstructorError):
        config_of(tmp_path / "mkdocs.yml")
