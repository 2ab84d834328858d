"""The macros module of mkdocs-macros: thin glue between MkDocs and the course core.

The whole course is loaded and checked once per build in define_env, before any page renders,
so a bad bank stops the build with `file:line` messages instead of a traceback or a broken page.
"""
import html
import json
import logging
import posixpath
from datetime import date
from pathlib import Path

from . import plan as plans
from . import anki, assets, blocks, csp, exports, messages, pages, plan_output, render, teaching, toolkit_macros
from .course import LESSONS_DIR, lesson_order, lesson_slug, load
from .editions import strip_instructor_notes
from .problems import CourseError, load_all

log = logging.getLogger("mkdocs.course")


def define_env(env):
    from mkdocs.exceptions import PluginError

    from . import offline  # imported here, so that `python -m macros.offline` runs without a warning

    root = Path(env.conf.config_file_path).resolve().parent
    order = lesson_order(env.conf.get("nav"))
    try:
        # The pages' template code is read with the Jinja settings this plugin has from mkdocs.yml.
        course, plan, templates = load_all(
            lambda: load(root, order, (pages.jinja_options(env.config), tuple(env.conf["extra"]))),
            lambda: plans.load(root), lambda: messages.load(root))
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

    def from_page(path):
        """path, a site path such as 'downloads', relative to the folder of the page being rendered."""
        url = env.page.url or ""
        here = url if url.endswith("/") else posixpath.dirname(url)
        return posixpath.relpath(path, here or ".")

    def page_url(path):
        """A page's address, such as 'lessons/in-person', from the current page: a folder on the site, a file in
        the offline copy."""
        if env.conf["use_directory_urls"]:
            return from_page(path) + "/"
        return from_page(f"{path}.html")

    def url_of(slug):
        """A lesson's address from the current page."""
        return page_url(f"lessons/{slug}")

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
        return blocks.set_aside(env.page, "quiz", render.quiz(course.banks[slug], questions, edition=edition))

    @env.macro
    def course_overview():
        """Every lesson in order with its time and objectives."""
        return render.course_overview(course, url_of)

    @env.macro
    def progress():
        """Every lesson with the learner's completion and score (filled in by the browser), export and import."""
        return render.progress(course, url_of)

    @env.macro
    def review():
        """Every choice question of the course, hidden; the review script shows the ones due for this learner.
        Set aside like a quiz, so that answers stay out of the search index."""
        html = render.review(course, url_of, page_url("worksheets/paper-quizzes"), edition)
        return blocks.set_aside(env.page, "review", html)

    # Every lesson's question ids, for the theme (overrides/main.html) to put in each page's head:
    # the browser marks completed lessons in the navigation from them.
    # Serialised once here rather than on every page: a large course would repeat the work per page.
    env.conf["extra"]["course_quizzes"] = json.dumps({slug: [q.id for q in bank.questions]
                                                      for slug, bank in course.banks.items()}, separators=(",", ":"))

    # The plan's field limits, for the same head: imports of a saved plan are checked against them.
    env.conf["extra"]["course_plan_limits"] = json.dumps(plan.field_limits(), separators=(",", ":"))

    @env.macro
    def plan_template():
        """The 6-month networking plan: a form to fill in, and its blank downloads."""
        return plan_output.html(plan, from_page(plan_output.DOWNLOADS_DIR))

    @env.macro
    def lms_downloads():
        """Links to the quiz bank as Moodle XML, GIFT, Canvas QTI and Blackboard files, per lesson and for the
        whole course (instructor edition)."""
        return exports.downloads_html(course, from_page(exports.DOWNLOADS_DIR))

    @env.macro
    def anki_download():
        """The link to the whole quiz bank as an Anki deck (every edition writes it)."""
        folder, name = posixpath.split(anki.DECK)
        count = sum(len(bank.questions) for bank in course.banks.values())
        return (f'<p><a class="md-button" href="{from_page(folder)}/{name}" download>'
                f"Download the Anki deck ({count} questions, .apkg)</a></p>")

    @env.macro
    def offline_download():
        """The link to the offline copy; in the offline copy itself, a note that this is it."""
        if env.conf["extra"].get("offline"):
            return '<p class="offline-note"><strong>You are reading the offline copy.</strong></p>'
        folder, name = posixpath.split(offline.ZIP)
        return (f'<p><a class="md-button md-button--primary" href="{from_page(folder)}/{name}" download>'
                "Download the offline copy (.zip)</a></p>")

    if env.conf["extra"].get("offline"):
        offline_plugin = env.conf["plugins"].get("material/offline")
        if not (offline_plugin and offline_plugin.config.enabled):
            raise PluginError(f"{offline.CONFIG} needs COURSE_OFFLINE=true to turn on the offline plugin; "
                              "build the offline copy with `make offline`")
        # From file:// instant navigation cannot start, and while it is on, Material's document$ never
        # emits, so no page script (quizzes, plan) would run.
        features = env.conf["theme"]["features"]
        features[:] = [name for name in features if not name.startswith("navigation.instant")]

    # Every page carries the Content-Security-Policy in its head (overrides/main.html).
    env.conf["extra"]["content_security_policy"] = csp.POLICY

    # Pages load the project's own CSS and JS as one bundle of each; on_post_build writes them.
    bundled = {}
    for key, suffix in (("extra_css", ".css"), ("extra_javascript", ".js")):
        own, others = assets.split(env.conf[key], suffix)
        if own:
            bundled[assets.BUNDLES[suffix]] = [str(p) for p in own]
            env.conf[key] = others + [assets.BUNDLES[suffix]]
    env.variables["asset_bundles"] = bundled

    env.variables["networking_plan"] = plan
    env.variables["course"] = course
    @env.macro
    def edition_link():
        """A link to the other edition, when its published address is set (`make publish` sets both)."""
        from .publish import edition_note  # here, so that `python -m macros.publish` runs without a warning
        extra = env.conf["extra"]
        return edition_note(edition, extra.get("learner_url"), extra.get("instructor_url"))

    teaching.define_macros(env, course, edition)
    toolkit_macros.define_macros(env, templates, page_url)
    env.variables["edition"] = edition


def on_pre_page_macros(env):
    # A lesson's front matter has `objectives:`, which mkdocs-macros would expose as a variable that
    # hides the `objectives()` macro. The page it renders with is a copy, so drop such keys there only.
    page = env.variables["page"]
    page.meta = {key: value for key, value in page.meta.items() if key not in env.macros}
    # The theme writes the description into <meta name="description" content="..."> as it is: a quote in it
    # (`accepting "no"`) would end the attribute. Escaped on the page itself, after the copy above was made,
    # so a page that shows {{ description }} still gets the text.
    description = env.page.meta.get("description")
    if isinstance(description, str):
        env.page.meta["description"] = html.escape(description, quote=True)
    if env.variables.get("edition", "learner") != "instructor":
        env.markdown = strip_instructor_notes(env.markdown)


def on_post_page_macros(env):
    # Again after the macros ran: text a macro or a variable wrote can start a note too.
    if env.variables.get("edition", "learner") != "instructor":
        env.markdown = strip_instructor_notes(env.markdown)
    # mkdocs-macros has run the title's template code by now, and the navigation of every page shows what it made
    # as it is: that must be plain text too (the check can read only the title as written).
    title = env.page.title
    if isinstance(title, str) and (tag := pages.HTML_TAG.search(title)):
        from mkdocs.exceptions import PluginError

        lines = env.page.file.content_string.splitlines()
        line = next((number for number, text in enumerate(lines, 1) if text.startswith("title:")), 1)
        raise PluginError(f"docs/{env.page.file.src_uri}:{line}: `title:` makes HTML ({tag.group(0)}) when its template "
                          "code runs; a page's title is plain text, written into every page as it is: remove the markup")


def _warned():
    """Whether this MkDocs build has logged a warning yet (its strict-mode counter on the `mkdocs` logger)."""
    from mkdocs.utils import CountHandler
    return any(isinstance(handler, CountHandler) and handler.get_counts()
               for handler in logging.getLogger("mkdocs").handlers)


def on_post_build(env):
    """Write the downloads into the built site: the blank plan as Markdown, Word and calendar files;
    the quiz bank as an Anki deck; the quiz bank for LMS import (instructor edition); the offline copy
    (every edition but itself)."""
    from mkdocs.exceptions import PluginError

    from . import offline

    site_dir = env.conf["site_dir"]
    for target, sources in env.variables.get("asset_bundles", {}).items():
        (Path(site_dir) / target).write_text(assets.bundle(env.conf["docs_dir"], sources), encoding="utf-8")
    plan_output.write_downloads(env.variables["networking_plan"], site_dir, date.today())
    # The deck and the LMS category carry the course's name, without the edition's "(instructor)".
    course_name = env.conf["site_name"].split(" (")[0]
    anki.write(env.variables["course"], site_dir, course_name)
    if env.variables.get("edition") == "instructor":
        exports.write(env.variables["course"], site_dir, course_name)
    root = Path(env.conf.config_file_path).resolve().parent
    try:
        # A strict build that has warned already will stop: building the offline copy would only say it twice.
        if not env.conf["extra"].get("offline") and not (env.conf["strict"] and _warned()):
            offline.build(root, Path(site_dir) / offline.ZIP, strict=env.conf["strict"])
    except offline.OfflineError as error:
        raise PluginError(str(error)) from None
