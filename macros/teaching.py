"""Glue for the worksheets and the instructor edition's macros; the HTML comes from instructor.py and
worksheets.py. Registered by define_env in __init__.py."""
import functools
import logging
import posixpath
from pathlib import Path

from . import blocks, instructor, worksheets
from .course import lesson_slug

log = logging.getLogger("mkdocs.course")

INSTRUCTOR_DIR = "instructor"
WORKSHEETS_DIR = "worksheets"


def checked_macro(env):
    """A decorator that registers a macro whose bad arguments stop the build with `file:line: message`, not a
    traceback (mkdocs-macros prints one for any exception, so the message is logged and the build exits)."""
    def where(name):
        """'docs/page.md:LINE' of the first call of macro name on the page being rendered."""
        path, line = f"docs/{env.page.file.src_uri}", 1
        try:
            text = Path(env.page.file.abs_src_path).read_text(encoding="utf-8")
            line = blocks.line_of(text, name) or 1
        except (OSError, TypeError):
            pass
        return f"{path}:{line}"

    def macro(function):
        @functools.wraps(function)
        def checked(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except (ValueError, TypeError, KeyError) as error:
                log.error(f"{where(function.__name__)}: {error}")
                raise SystemExit(1) from None
        return env.macro(checked)
    return macro


def define_macros(env, course, edition):
    is_instructor = edition == "instructor"
    macro = checked_macro(env)

    def link(target):
        """A link from the page being rendered to target, a site path such as 'worksheets/x/'."""
        here = env.page.url or "."
        if target.split("#")[0] == here:
            return "./" + ("#" + target.split("#", 1)[1] if "#" in target else "")
        path, _, anchor = target.partition("#")
        relative = posixpath.relpath(path, here if here.endswith("/") else posixpath.dirname(here) or ".")
        return relative + ("/" if path.endswith("/") else "") + (f"#{anchor}" if anchor else "")

    def md_link(target):
        """A Markdown link target from the page's source file to target, a source path such as 'lessons/x.md'
        (MkDocs checks these and turns them into page URLs)."""
        path, _, anchor = target.partition("#")
        relative = posixpath.relpath(path, posixpath.dirname(env.page.file.src_uri) or ".")
        return relative + (f"#{anchor}" if anchor else "")

    def lesson_of(slug, macro):
        if slug is None:
            slug = lesson_slug(env.page.file.src_uri)
        if slug not in course.lessons:
            raise ValueError(f"{macro}(): '{slug}' is no lesson; use a file name from docs/lessons/ without .md, "
                             f"one of: {', '.join(course.lessons)}")
        return course.lessons[slug]

    def instructor_only(macro):
        if not is_instructor:
            raise ValueError(f"{macro}() belongs to the instructor edition; move the page under docs/{INSTRUCTOR_DIR}/")

    def slugs(slug, macro):
        return list(course.lessons) if slug is None else [lesson_of(slug, macro).slug]

    def timer_url(slug, part):
        return link(f"{INSTRUCTOR_DIR}/timers/#timer-{instructor.timer_id(slug, part)}")

    @macro
    def print_button(label="Print this worksheet"):
        """A button that prints the page (hidden on paper and without JavaScript)."""
        return worksheets.print_button(label)

    @macro
    def writing_space(lines=4, label=""):
        """Ruled lines to write on."""
        return worksheets.writing_space(lines, label)

    @macro
    def boxes(count=6, label=""):
        """Square boxes to write one idea in each, like sticky notes."""
        return worksheets.boxes(count, label)

    @macro
    def lesson_list(slug, after, ticks=False):
        """The list that follows the line containing `after` in lesson `slug`, quoted from the lesson;
        with ticks=True, a box to tick beside each item."""
        return worksheets.plain_list(worksheets.list_after(lesson_of(slug, "lesson_list"), after), ticks)

    @macro
    def cards(*decks):
        """Cut-out cards in one sheet. Each deck is [label, lesson slug, text]: a card for each item of the
        list after the line containing that text in the lesson, with the label printed on it."""
        for deck in decks:
            if not isinstance(deck, (list, tuple)) or len(deck) != 3:
                raise ValueError(f"cards(): {deck!r} is not [label, lesson, text of the line above the list]")
        return worksheets.cards([(label, item) for label, slug, after in decks
                                 for item in worksheets.list_after(lesson_of(slug, "cards"), after)])

    @macro
    def paper_quiz(slug=None, types=None, lines=4):
        """A lesson's quiz to print, without answers; `types` picks question types."""
        lesson = lesson_of(slug, "paper_quiz")
        bank = course.banks[lesson.slug]
        questions = [q for q in bank.questions if types is None or q.type in types]
        if not questions:
            raise ValueError(f"paper_quiz('{bank.lesson}', types={types}): no question of those types")
        return worksheets.paper_quiz(bank, questions, lines, lesson.title)

    @macro
    def paper_quizzes():
        """Every lesson's quiz to print, each on its own sheet, with its own print button."""
        return worksheets.paper_quizzes(course, lambda html: blocks.set_aside(env.page, "paper_quizzes", html))

    @macro
    def session_plan(slug=None):
        """The session plan of one lesson, or of the whole course, with minutes and clock times."""
        instructor_only("session_plan")
        return instructor.session_plan(course, slugs(slug, "session_plan"),
                                       lambda s: link(f"lessons/{s}/"), timer_url)

    @macro
    def materials(slug=None):
        """What to bring, play and print; on a lesson page, an instructor note (nothing in the learner edition)."""
        on_lesson = slug is None
        lesson = lesson_of(slug, "materials")
        if on_lesson and not is_instructor:
            return ""
        if not on_lesson:
            instructor_only("materials")
        html = instructor.materials(lesson, lambda name: link(f"{WORKSHEETS_DIR}/{name}/"))
        if on_lesson:
            session = link(f"{INSTRUCTOR_DIR}/sessions/{lesson.slug}/")
            return (f'<div class="admonition instructor"><p class="admonition-title">What to bring</p>{html}'
                    f'<p>Timings and clock times are on the <a href="{session}">session plan</a>.</p></div>')
        return html

    @macro
    def lesson_session(slug=None):
        """A lesson's whole session page (Markdown): plan, materials, what to open and print, the notes.
        Without slug, the lesson is the one the page is named after (docs/instructor/sessions/<slug>.md)."""
        instructor_only("lesson_session")
        if slug is None:
            slug = env.page.file.src_uri.rpartition("/")[2][:-3]
        lesson = lesson_of(slug, "lesson_session")
        quiz_sheet = md_link(f"{WORKSHEETS_DIR}/paper-quizzes.md#quiz-{slug}")
        key = md_link(f"{INSTRUCTOR_DIR}/answer-key.md#{slug}")
        timers_page = f"{INSTRUCTOR_DIR}/timers.md"

        def timer(part):
            return md_link(f"{timers_page}#timer-{instructor.timer_id(slug, part)}")
        check = lesson.time["check"]
        return "\n\n".join([
            f"# Session: {lesson.title}",
            f"{lesson.minutes} minutes: {lesson.time['lesson']} lesson, {lesson.time['practice']} practice, "
            f"{check} check. Project [the lesson]({md_link(f'lessons/{slug}.md')}) and keep this page for yourself.",
            worksheets.print_button("Print this session plan"),
            "## Plan", instructor.session_plan(course, [slug], lambda s: link(f"lessons/{s}/"), timer_url),
            "## What to bring and print", instructor.materials(lesson, lambda name: link(f"{WORKSHEETS_DIR}/{name}/")),
            f"Also print [the lesson's paper quiz]({quiz_sheet}), one per learner (it has no answers), and for "
            f"yourself this page and [the lesson's answer key]({key}).",
            "## On the day",
            f"- Timers for the room, named after this lesson: [the lesson]({timer('lesson')}), "
            f"[the practice]({timer('practice')}) and [the {check}-minute check]({timer('check')}); for timed "
            f"rounds, [pair rounds]({md_link(timers_page + '#timer-pair-rounds')}) and "
            f"[speed rounds]({md_link(timers_page + '#timer-speed-rounds')}).\n"
            f"- [The answer key]({key}): every question with its "
            "answer, the feedback for each option and the model answers for the discussion questions.",
            "## Facilitation notes", instructor.facilitation_notes(lesson) or "This lesson has no facilitation notes.",
        ]) + "\n"

    @macro
    def facilitation_notes(slug):
        """Every facilitation note of a lesson, in order, titled with its section (Markdown)."""
        instructor_only("facilitation_notes")
        return instructor.facilitation_notes(lesson_of(slug, "facilitation_notes"))

    @macro
    def answer_key(slug=None):
        """Every question of one lesson's bank, or of every bank, with its answer, feedback and model answer."""
        instructor_only("answer_key")
        return instructor.answer_key(course, slugs(slug, "answer_key"), lambda s: link(f"lessons/{s}/"))

    @macro
    def timers():
        """The facilitator's full-screen timers for the practice rounds and the checks."""
        instructor_only("timers")
        return instructor.timers(course)
