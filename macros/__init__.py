"""The macros module of mkdocs-macros: thin glue between the engine (MkDocs, or Zensical for the learner edition)
and the course core. Nothing here imports MkDocs at module level; macros/engine.py reads what each engine hands over.

The whole course is loaded and checked before any page renders, so a bad bank stops the build with `file:line`
messages instead of a traceback or a broken page. MkDocs calls define_env once per build; Zensical once per
page, so there the loaded course is kept between pages (engine.load_once).
"""
import html
import logging
import posixpath

from . import plan as plans
from . import anki, assets, blocks, engine, exports, messages, pages, plan_output, reading, render, teaching, toolkit_macros
from .course import LESSONS_DIR, lesson_order, lesson_slug, load
from .editions import strip_instructor_notes
from .problems import CourseError, load_all

log = logging.getLogger("mkdocs.course")


def define_env(env):
    from . import offline  # imported here, so that `python -m macros.offline` runs without a warning

    root = engine.project_root(env)
    order = lesson_order(engine.nav(env))
    # The pages' template code is read with the Jinja settings this plugin has from mkdocs.yml.
    settings = (pages.jinja_options(env.config), tuple(env.conf["extra"]))

    def load_course():
        return load_all(lambda: load(root, order, settings), lambda: plans.load(root), lambda: messages.load(root))

    try:
        if engine.is_mkdocs(env):
            course, plan, templates = load_course()
        else:
            course, plan, templates = engine.load_once(root, (order, settings), load_course)
    except CourseError as error:
        _stop(env, error)
    edition = env.variables.get("edition", "learner")
    # Each lesson's reading time, from its learner text rendered as this build renders pages. A lesson longer than
    # its slot is reported, not stopped: its page shows the honest time, and `make check` fails on it.
    def count_words():
        words = reading.reading_words(course, plan, templates, settings[0], engine.markdown_extensions(env))
        for problem in reading.problems(root, course, words):
            log.info(f"Problem: {problem}")
        return words

    words = count_words() if engine.is_mkdocs(env) else engine.load_once(root, ("reading", order, settings), count_words)
    env.reading_words = words

    def current_lesson(macro):
        slug = lesson_slug(engine.page_path(env.page))
        if slug not in course.lessons:
            raise ValueError(f"{macro}() works only on a lesson page under {LESSONS_DIR}/, not on {engine.page_path(env.page)}")
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
        return render.course_overview(course, url_of, {slug: reading.minutes(n) for slug, n in words.items()})

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

    @env.macro
    def plan_template():
        """The 6-month networking plan: a form to fill in, and its blank downloads."""
        # Set aside like a quiz: a form and its buttons are no search result.
        return blocks.set_aside(env.page, "plan_template", plan_output.html(plan, from_page(plan_output.DOWNLOADS_DIR)))

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
        return (f'<p data-search-exclude><a class="md-button" href="{from_page(folder)}/{name}" download>'
                f"Download the Anki deck ({count} questions, .apkg)</a></p>")

    @env.macro
    def offline_download():
        """The link to the offline copy; in the offline copy itself, a note that this is it."""
        if env.conf["extra"].get("offline"):
            return '<p class="offline-note"><strong>You are reading the offline copy.</strong></p>'
        folder, name = posixpath.split(offline.ZIP)
        return (f'<p data-search-exclude><a class="md-button md-button--primary" href="{from_page(folder)}/{name}" download>'
                "Download the offline copy (.zip)</a></p>")

    if engine.is_mkdocs(env):
        configure_mkdocs(env, course, plan, templates)
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
    if not engine.is_mkdocs(env):
        # Zensical calls define_env for each page, with the copy of the page that macros render with: drop there
        # what would hide a macro, as on_pre_page_macros does for MkDocs.
        page = env.variables.get("page")
        if page is not None:
            page.meta = {key: value for key, value in page.meta.items() if key not in env.macros}


def configure_mkdocs(env, course, plan, templates):
    """What MkDocs lets the macros add to its config while it builds (Zensical reads these from the config that
    macros/buildconfig.py writes)."""
    from mkdocs.exceptions import PluginError

    from . import offline, buildconfig  # here, so that `python -m macros.offline` and `-m macros.buildconfig` run without a warning

    # Every page's head (overrides/main.html): the lessons' question ids, the plan's and the toolkit's limits, the
    # Content-Security-Policy.
    env.conf["extra"].update(buildconfig.head_values(course, plan, templates))
    if env.conf["extra"].get("offline"):
        offline_plugin = env.conf["plugins"].get("material/offline")
        if not (offline_plugin and offline_plugin.config.enabled):
            raise PluginError(f"{offline.CONFIG} needs COURSE_OFFLINE=true to turn on the offline plugin; "
                              "build the offline copy with `make offline`")
        # From file:// instant navigation cannot start, and while it is on, Material's document$ never
        # emits, so no page script (quizzes, plan) would run.
        features = env.conf["theme"]["features"]
        features[:] = [name for name in features if not name.startswith("navigation.instant")]
    # The project's own CSS and JS in bundles (macros/assets.py): the core that every page loads, and one per
    # feature that only the pages holding it load. on_post_build writes them.
    try:
        env.conf["extra_css"], env.conf["extra_javascript"], files, features = buildconfig.bundled(
            env.conf, engine.project_root(env))
    except CourseError as error:
        _stop(env, error)
    env.variables["asset_bundles"] = {"files": files, "features": features}
    # For assets/features.js, in every page's head: what to load when a page brings a feature it lacks.
    env.conf["extra"]["course_bundles"] = assets.browser_table(features)


def _stop(env, error):
    """Stop the build with every problem of a CourseError on a line of its own, never a traceback."""
    for problem in error.problems:
        log.error(str(problem))
    count = len(error.problems)
    engine.fail(env, f"{count} problem{'s' * (count != 1)} in the course sources (listed above); "
                     "fix them and build again. `make check` lists them without building.")


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
    # Under a lesson's title (the theme writes it first), its reading time against its slot.
    slug = lesson_slug(env.page.file.src_uri)
    if slug in getattr(env, "reading_words", {}):
        lesson = env.variables["course"].lessons[slug]
        env.markdown = reading.line(lesson, env.reading_words[slug]) + "\n\n" + env.markdown
    # mkdocs-macros has run the title's template code by now, and the navigation of every page shows what it made
    # as it is: that must be plain text too (the check can read only the title as written).
    title = env.page.title
    if isinstance(title, str) and (tag := pages.HTML_TAG.search(title)):
        lines = env.page.file.content_string.splitlines()
        line = next((number for number, text in enumerate(lines, 1) if text.startswith("title:")), 1)
        engine.fail(env, f"docs/{env.page.file.src_uri}:{line}: `title:` makes HTML ({tag.group(0)}) when its template "
                         "code runs; a page's title is plain text, written into every page as it is: remove the markup")
    # The features this page holds, in what the macros wrote (set-aside blocks included): the theme loads
    # their bundles (overrides/main.html).
    html = env.markdown + "".join(block for _, block in vars(env.page).get(blocks.ATTRIBUTE, []))
    env.page.meta["course_bundles"] = [
        {"name": feature.name, "css": feature.bundles().get(".css"), "js": feature.bundles().get(".js")}
        for feature in assets.page_features(env.variables["asset_bundles"]["features"], html)]


def _warned():
    """Whether this MkDocs build has logged a warning yet (its strict-mode counter on the `mkdocs` logger)."""
    from mkdocs.utils import CountHandler
    return any(isinstance(handler, CountHandler) and handler.get_counts()
               for handler in logging.getLogger("mkdocs").handlers)


def on_post_build(env):
    """Write what comes after the pages (macros/postbuild.py): the asset bundles, the downloads, the LMS files
    (instructor edition) and the offline copy (every edition but itself)."""
    from . import postbuild  # here, so that `python -m macros.postbuild` runs without a warning

    try:
        postbuild.run(engine.project_root(env), env.conf["site_dir"], env.variables.get("edition", "learner"),
                      env.variables["course"], env.variables["networking_plan"], env.variables["asset_bundles"]["files"],
                      env.conf["site_name"], offline_copy=not env.conf["extra"].get("offline")
                      # A strict build that has warned already will stop: the offline copy would only say it twice.
                      and not (env.conf["strict"] and _warned()), strict=env.conf["strict"])
    except postbuild.PostBuildError as error:
        engine.fail(env, str(error))
