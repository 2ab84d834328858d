"""The macros module of mkdocs-macros: thin glue between MkDocs and the course core.

The whole course is loaded and checked once per build in define_env, before any page renders,
so a bad bank stops the build with `file:line` messages instead of a traceback or a broken page.
"""
import logging
import posixpath
from datetime import date
from pathlib import Path

from . import plan as plans
from . import plan_output, render
from .course import LESSONS_DIR, lesson_order, lesson_slug, load
from .editions import strip_instructor_notes
from .problems import CourseError

log = logging.getLogger("mkdocs.course")


def define_env(env):
    from mkdocs.exceptions import PluginError

    root = Path(env.conf.config_file_path).resolve().parent
    order = lesson_order(env.conf.get("nav"))
    try:
        course = load(root, order)
        plan = plans.load(root)
    except CourseError as error:
        for problem in error.problems:
            log.error(str(problem))
        count = len(error.problems)
        raise PluginError(f"{count} problem{'s' * (count != 1)} in the course sources (listed above); "
                          "fix them and build again. `make check` lists them without building.") from None
    edition = env.variables.get("edition", "learner")

    def current_lesson(macro):
        slug = lesson_slug(env.page.file.src_uri)
        if slug not in course.lessons:
            raise ValueError(f"{macro}() works only on a lesson page under {LESSONS_DIR}/, not on {env.page.file.src_uri}")
        return course.lessons[slug]

    def url_of(slug):
        target = f"lessons/{slug}/"
        return posixpath.relpath(target, env.page.url or ".") + "/" if env.page.url != target else "./"

    @env.macro
    def objectives():
        """The lesson's objectives from its front matter."""
        return render.objectives(current_lesson("objectives"))

    @env.macro
    def quiz(slug=None, only=None):
        """The quiz of this lesson, or of lesson `slug`; `only` picks question ids."""
        slug = slug or current_lesson("quiz").slug
        if slug not in course.banks:
            raise ValueError(f"quiz('{slug}'): there is no quiz bank quizzes/{slug}.yml")
        questions = course.banks[slug].questions
        if only is not None:
            by_id = {q.id: q for q in questions}
            unknown = [qid for qid in only if qid not in by_id]
            if unknown:
                raise ValueError(f"quiz('{slug}', only=...): no question with id {', '.join(unknown)} in quizzes/{slug}.yml")
            questions = [by_id[qid] for qid in only]
        return render.quiz(course.banks[slug], questions)

    @env.macro
    def course_overview():
        """Every lesson in order with its time and objectives."""
        return render.course_overview(course, url_of)

    @env.macro
    def progress():
        """Every lesson with the learner's completion and score (filled in by the browser), export and import."""
        return render.progress(course, url_of)

    # Every lesson's question ids, for the theme (overrides/main.html) to put in each page's head:
    # the browser marks completed lessons in the navigation from them.
    env.conf["extra"]["course_quizzes"] = {slug: [q.id for q in bank.questions] for slug, bank in course.banks.items()}

    @env.macro
    def plan_template():
        """The 6-month networking plan: a form to fill in, and its blank downloads."""
        url = env.page.url or ""
        here = url if url.endswith("/") else posixpath.dirname(url)
        return plan_output.html(plan, posixpath.relpath(plan_output.DOWNLOADS_DIR, here or "."))

    env.variables["networking_plan"] = plan
    env.variables["course"] = course
    env.variables["edition"] = edition


def on_pre_page_macros(env):
    # A lesson's front matter has `objectives:`, which mkdocs-macros would expose as a variable that
    # hides the `objectives()` macro. The page it renders with is a copy, so drop such keys there only.
    page = env.variables["page"]
    page.meta = {key: value for key, value in page.meta.items() if key not in env.macros}
    if env.variables.get("edition", "learner") != "instructor":
        env.markdown = strip_instructor_notes(env.markdown)


def on_post_build(env):
    """Write the blank plan as Markdown, Word and calendar files into the built site."""
    plan_output.write_downloads(env.variables["networking_plan"], env.conf["site_dir"], date.today())
