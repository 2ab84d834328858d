"""How long a lesson takes to read: the words of its learner text at 150 words a minute.

The learner text is what a learner reads in the article of the lesson's page in the learner edition: the title
and every word of the body, with the text that macros write into it (objectives, worked examples, templates,
quoted lists, the plan form), but without the quiz (the check for understanding has its own time, `time.check`),
without instructor notes (not in the learner edition), and without what the page hides (`hidden`, scripts).

It is computed from the Markdown source before anything is built, with the macros rendered by the same core
functions the site uses, so the check command, the lesson page and the overview all show one number. A test
compares it with the words of the built pages. Pure: no MkDocs here.
"""
import math
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
from jinja2 import ChainableUndefined, Environment

from . import pages, plan_output, render, toolkit, worksheets
from .editions import strip_instructor_notes
from .problems import Problem

WORDS_PER_MINUTE = 150
# Blocks in an article that are not reading: the quiz, and the reading-time line itself.
SKIPPED_CLASSES = {"quiz", "reading-time"}
# A word: letters or digits, joined by apostrophes or hyphens ("don't", "6-month" are one word each).
WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIPPED_TAGS = {"script", "style", "template"}
# Elements that start a line of their own: their text never runs into the text around them.
BLOCKS = {"address", "article", "aside", "blockquote", "br", "button", "caption", "dd", "details", "div", "dl", "dt",
          "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "input",
          "label", "legend", "li", "nav", "ol", "option", "p", "pre", "section", "select", "summary", "table", "td",
          "textarea", "th", "tr", "ul"}


class _Text(HTMLParser):
    """The text of an HTML fragment a reader sees, without the skipped blocks: a line for each block."""

    def __init__(self, skipped_tags, skipped_classes):
        super().__init__(convert_charrefs=True)
        self.skipped_tags, self.skipped_classes = skipped_tags, skipped_classes
        self.parts, self.stack = [], []  # stack: True for each open element whose content is skipped

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        skip = tag in self.skipped_tags or "hidden" in attrs or bool(classes & self.skipped_classes)
        if tag not in VOID:
            self.stack.append(skip or (bool(self.stack) and self.stack[-1]))
        self.parts.append("\n" if tag in BLOCKS else "")

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()
        self.parts.append("\n" if tag in BLOCKS else "")

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def html_text(html, skipped_tags=SKIPPED_TAGS, skipped_classes=SKIPPED_CLASSES):
    """The text a reader sees in an HTML fragment, a line for each block, without the elements of skipped_tags and
    of skipped_classes."""
    parser = _Text(skipped_tags, skipped_classes)
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def count_words(text):
    return len(WORD.findall(text))


def html_words(html):
    """The words a reader sees in an HTML fragment."""
    return count_words(html_text(html))


def minutes(words):
    """Minutes of reading at WORDS_PER_MINUTE, rounded up."""
    return math.ceil(words / WORDS_PER_MINUTE)


def text_macros(course, lesson, plan, templates):
    """What each macro writes into a learner's lesson page, for counting; the rest (the quiz, the instructor's
    materials, the instructor pages' macros) writes nothing a learner reads there."""
    def message_template(template_id, show="example"):
        template = templates.templates.get(template_id)
        return toolkit.card(template, templates.fields, toolkit.PAGE, show) if template else ""

    def lesson_list(slug, after, ticks=False):
        return worksheets.plain_list(worksheets.list_after(course.lessons[slug], after), ticks)

    silent = dict.fromkeys(pages.COURSE_MACROS, lambda *args, **kwargs: "")
    return {**silent, "objectives": lambda: render.objectives(lesson), "message_template": message_template,
            "plan_template": lambda: plan_output.html(plan, "downloads"), "lesson_list": lesson_list,
            "course": course, "networking_plan": plan, "edition": "learner"}


def converter(extensions=()):
    """A Markdown converter with the site's extensions, as (name, options) pairs. An extension that cannot be made
    here (read without MkDocs, an option such as `!!python/name:...` has no value) is left out: it changes how text
    looks, not which words a page has."""
    def make(chosen):
        return markdown.Markdown(extensions=[name for name, _ in chosen],
                                 extension_configs={name: options for name, options in chosen if options})
    try:
        return make(extensions)
    except Exception:  # noqa: BLE001 - any extension's failure is handled the same way: count without it
        usable = []
        for extension in extensions:
            try:
                make([extension])
                usable.append(extension)
            except Exception:  # noqa: BLE001
                pass
        return make(usable)


def learner_html(lesson, macros, jinja=None, extensions=(), markdown_converter=None):
    """The lesson's learner-edition article as HTML: its title, and its body with the instructor notes left out
    and the macros rendered. extensions: the Markdown extensions of mkdocs.yml, as (name, options) pairs; or a
    converter made with them, kept from one lesson to the next (making one takes longer than using it)."""
    environment = Environment(undefined=ChainableUndefined, **(jinja or {}))
    body = strip_instructor_notes(lesson.body)
    try:
        body = environment.from_string(body).render(**macros)
    except Exception:  # noqa: BLE001 - the page's own rendering stops the build with the place to fix; count the rest
        body = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", body, flags=re.S)
    md = markdown_converter or converter(extensions)
    md.reset()
    return f"<h1>{render.inline(lesson.title)}</h1>\n" + md.convert(strip_instructor_notes(body))


def markdown_extensions(site_config):
    """(name, options) for each entry of `markdown_extensions:` in a site config mapping read without MkDocs;
    options whose value it cannot give (tags such as `!!python/name:...`) are left to the extension's default."""
    found = []
    for entry in site_config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        found.append((name, {key: value for key, value in (options or {}).items() if value is not None}))
    return found


def reading_words(course, plan, templates, jinja=None, extensions=()):
    """{lesson slug: words of its learner text}. jinja: the macros plugin's Jinja settings; extensions: the
    site's Markdown extensions as (name, options) pairs."""
    md = converter(extensions)
    return {slug: html_words(learner_html(lesson, text_macros(course, lesson, plan, templates), jinja, markdown_converter=md))
            for slug, lesson in course.lessons.items()}


def settings(site_config):
    """(Jinja settings, Markdown extensions) from a site config mapping read without MkDocs, such as mkdocs.yml's."""
    return pages.settings_of(site_config)[0], markdown_extensions(site_config)


def line_of_time(text):
    """The line of `lesson:` under `time:` in a lesson's front matter (1 when it cannot be found)."""
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines) if re.match(r"time\s*:", line)), None)
    if start is None:
        return 1
    return next((n + 1 for n in range(start + 1, len(lines)) if re.match(r"\s+lesson\s*:", lines[n])), start + 1)


def over_time(lesson, words, text=""):
    """A Problem when the lesson's reading time is longer than its `time.lesson`, else None."""
    limit = lesson.time["lesson"]
    if minutes(words) <= limit:
        return None
    cut = words - limit * WORDS_PER_MINUTE
    return Problem(lesson.path, line_of_time(text),
                   f"the learner text has {words} words, about {minutes(words)} minutes of reading at "
                   f"{WORDS_PER_MINUTE} words a minute, over its {limit}-minute lesson slot (`time.lesson`); "
                   f"cut {cut} words or raise time.lesson to {minutes(words)}")


def problems(root, course, words):
    """A Problem for each lesson whose learner text (words, {slug: count}) reads longer than its `time.lesson`."""
    found = (over_time(course.lessons[slug], count, (Path(root) / course.lessons[slug].path).read_text("utf-8"))
             for slug, count in words.items())
    return [problem for problem in found if problem]


def line(lesson, words):
    """The line under a lesson page's title: its reading time against its slot."""
    return (f'<p class="reading-time">About {minutes(words)} minutes of reading · {lesson.time["lesson"]}-minute '
            f"lesson slot · {lesson.minutes} minutes in all with practice and the check</p>")
