"""The whole course read from disk: lessons and their quiz banks, checked together.

This module and everything it imports stay free of MkDocs, so the checks run as a command,
in the tests and in any future site generator alike.
"""
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import bank as banks
from . import itemwriting
from . import lessons as lesson_pages
from . import pages, paper
from .bank import ID_PATTERN
from .instructor import check_plan_tables
from .pages import read_text
from .problems import CourseError, Problem

LESSONS_DIR = "docs/lessons"
QUIZZES_DIR = "quizzes"
WORKSHEETS_DIR = "docs/worksheets"


@dataclass
class Course:
    lessons: dict  # slug -> Lesson, in course order
    banks: dict  # slug -> Bank
    notes: tuple = ()  # item-writing exceptions that authors allowed, with their reasons

    def questions(self, slug):
        return self.banks[slug].questions


def nav_paths(nav):
    """Every page path in a MkDocs-style nav list, in order."""
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            yield from nav_paths(value)
        elif isinstance(value, str):
            yield value


def lesson_slug(path):
    """'lessons/in-person.md' -> 'in-person'; None for a page that is not a lesson."""
    folder, _, name = path.rpartition("/")
    return name[:-3] if folder == "lessons" and name.endswith(".md") else None


def lesson_order(nav):
    return [slug for slug in map(lesson_slug, nav_paths(nav)) if slug]


def config_of(config_path):
    """A site config file as a mapping, read without MkDocs. A value written with a tag such as
    `!ENV [NAME, default]` gives its default; other tags (`!relative`, `!!python/name:...`) give None."""
    class Loader(yaml.SafeLoader):
        pass

    def tagged(loader, suffix, node):
        if suffix == "ENV" and isinstance(node, yaml.SequenceNode) and len(node.value) > 1:
            return loader.construct_object(node.value[-1])
        return None

    Loader.add_multi_constructor("!", tagged)
    # `!!python/name:...`, as Material's documentation writes the emoji and custom-fence settings.
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", tagged)
    with open(config_path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=Loader) or {}


def config_value(config_path, key):
    """One top-level value of a site config file, read without MkDocs."""
    return config_of(config_path).get(key)


def nav_of(config_path):
    """The nav of a site config file."""
    return config_of(config_path).get("nav")


def load(root, order=None, settings=None):
    """Load and check every lesson and bank under root, and the pages under docs/. Raises CourseError listing
    every problem.

    order: lesson slugs in the order the navigation shows them; lessons not named come after, by name.
    settings: (Jinja settings, names of `extra:` variables) as pages.settings_of reads them from mkdocs.yml.
    """
    root = Path(root)
    config = config_of(root / "mkdocs.yml") if (root / "mkdocs.yml").exists() else {}
    if order is None:
        order = lesson_order(config.get("nav"))
    jinja, extra = settings or pages.settings_of(config)
    problems = pages.check(root, LESSONS_DIR, jinja=jinja, extra=extra)
    lessons, found_banks, notes = {}, {}, []
    # A link that leads nowhere is named by pages.check.
    lesson_files = {p.stem: p for p in sorted((root / LESSONS_DIR).glob("*.md")) if p.exists()}
    bank_files = {p.stem: p for p in sorted((root / QUIZZES_DIR).glob("*.yml"))}
    bank_files.update({p.stem: p for p in sorted((root / QUIZZES_DIR).glob("*.yaml"))})
    for slug, path in lesson_files.items():
        relative = f"{LESSONS_DIR}/{path.name}"
        if not ID_PATTERN.match(slug):
            # The name is the lesson's address, its quiz's key in saved progress, and what marks it done in the nav.
            problems.append(Problem(relative, 1, f"the file name '{slug}' is the lesson's address; use only lowercase "
                                                 "letters a-z, digits and single hyphens, like in-person.md"))
        text = read_text(path, relative, problems)
        if text is None:
            continue
        lesson, found = lesson_pages.parse(text, relative, slug)
        problems += found
        if lesson:
            lessons[slug] = lesson
        if slug not in bank_files:
            problems.append(Problem(relative, 1, f"the lesson has no quiz bank; create {QUIZZES_DIR}/{slug}.yml "
                                                 f"starting with `lesson: {slug}`"))
    for slug, path in bank_files.items():
        relative = f"{QUIZZES_DIR}/{path.name}"
        if path.suffix == ".yaml":
            problems.append(Problem(relative, 1, f"quiz banks end in .yml; rename it to {slug}.yml"))
            continue
        if slug not in lesson_files:
            problems.append(Problem(relative, 1, f"no lesson {LESSONS_DIR}/{slug}.md for this bank; "
                                                 "rename the file to match a lesson, or write the lesson"))
            continue
        text = read_text(path, relative, problems)
        if text is None:
            continue
        found_bank, found = banks.parse(text, relative)
        problems += found
        if found_bank:
            found_banks[slug] = found_bank
            if slug in lessons:
                problems += banks.check_against_lesson(found_bank, lessons[slug].objectives, lessons[slug].path)
            found, allowed = itemwriting.check_bank(found_bank)
            problems += found
            notes += allowed
    if found_banks:
        problems += itemwriting.check_course(list(found_banks.values()))
    problems += paper.problems(root)
    for lesson in lessons.values():
        for prerequisite in lesson.prerequisites:
            if prerequisite not in lesson_files:
                problems.append(Problem(lesson.path, 2, f"prerequisite '{prerequisite}' is no lesson; use a file name "
                                                        f"from {LESSONS_DIR}/ without .md"))
        problems += check_plan_tables(lesson)
        for kind, name, line in lesson.materials:
            if kind == "worksheet" and not (root / WORKSHEETS_DIR / f"{name}.md").exists():
                problems.append(Problem(lesson.path, line, f"`worksheet: {name}` names no page "
                                        f"{WORKSHEETS_DIR}/{name}.md; use a worksheet's file name without .md"))
    if problems:
        raise CourseError(problems)
    ranked = {slug: i for i, slug in enumerate(order or ())}
    ordered = sorted(lessons, key=lambda slug: (ranked.get(slug, len(ranked)), slug))
    return Course(lessons={slug: lessons[slug] for slug in ordered}, banks=found_banks, notes=tuple(notes))
