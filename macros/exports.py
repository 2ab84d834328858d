"""The quiz bank as files an LMS imports: Moodle XML and GIFT.

Pure functions from the loaded course to file text; no MkDocs here. Moodle XML carries HTML made by
render.py (so it is sanitised like the site), GIFT carries the bank's own Markdown, marked [markdown].
"""
import re
from html import escape
from pathlib import Path

from . import render

DOWNLOADS_DIR = "downloads/lms"

# Characters XML 1.0 does not allow anywhere, even in CDATA.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
GIFT_SPECIAL = re.compile(r"([\\~=#{}:])")


def fraction(share):
    """100 * share as Moodle writes its grade list (5 decimals at most): 1/3 -> 33.33333."""
    return f"{100 * share:.5f}".rstrip("0").rstrip(".")


def weights(question):
    """{choice key: percentage}. Keyed options share 100; wrong ones of a multiple share -100,
    so ticking every box scores nothing."""
    keyed = question.keyed
    wrong = [key for key, _ in question.choices if key not in keyed]
    if question.type != "multiple":
        return {key: "100" if key in keyed else "0" for key, _ in question.choices}
    return {key: fraction(1 / len(keyed)) if key in keyed else "-" + fraction(1 / len(wrong))
            for key, _ in question.choices}


def category(course_name, lesson):
    """Moodle's category path; a slash inside a name is written twice."""
    return "$course$/top/" + "/".join(name.replace("/", "//") for name in (course_name, lesson.title))


def _lessons(course, slugs):
    return [course.lessons[slug] for slug in (slugs or course.lessons) if slug in course.banks]


# ---- Moodle XML --------------------------------------------------------------------------------

def cdata(text):
    text = XML_INVALID.sub("", text)
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _text(tag, html, indent="    "):
    return f'{indent}<{tag} format="html"><text>{cdata(html)}</text></{tag}>'


def _moodle_question(question, lesson):
    kind = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse", "open": "essay"}
    lines = [f'  <question type="{kind[question.type]}">',
             f"    <name><text>{cdata(question.id)}</text></name>",
             _text("questiontext", render.block(question.prompt)),
             _text("generalfeedback", render.block(question.explanation) if question.explanation else ""),
             "    <defaultgrade>1</defaultgrade>",
             f"    <penalty>{ {'true-false': '1', 'open': '0'}.get(question.type, '0.3333333') }</penalty>",
             "    <hidden>0</hidden>",
             f"    <idnumber>{cdata(lesson.slug + '/' + question.id)}</idnumber>"]
    if question.type == "open":
        lines += ["    <responseformat>editor</responseformat>",
                  "    <responserequired>1</responserequired>",
                  "    <responsefieldlines>10</responsefieldlines>",
                  "    <attachments>0</attachments>",
                  "    <attachmentsrequired>0</attachmentsrequired>",
                  _text("graderinfo", render.block(question.answer)),
                  _text("responsetemplate", "")]
    else:
        if question.type != "true-false":
            # The answers are written in the bank's order and Moodle shuffles them for each attempt, as the
            # site does for each learner (Moodle's import takes a missing flag as "do not shuffle").
            # True-false has no such setting: True then False.
            lines += [f"    <single>{'true' if question.type == 'single' else 'false'}</single>",
                      "    <shuffleanswers>true</shuffleanswers>",
                      "    <answernumbering>abc</answernumbering>",
                      "    <showstandardinstruction>0</showstandardinstruction>"]
        share = weights(question)
        for key, text in question.choices:
            shown = str(key).lower() if question.type == "true-false" else render.inline(text)
            form = "moodle_auto_format" if question.type == "true-false" else "html"
            lines += [f'    <answer fraction="{share[key]}" format="{form}">',
                      f"      <text>{cdata(shown)}</text>",
                      _text("feedback", render.block(question.feedback[key]), "      "),
                      "    </answer>"]
    return "\n".join(lines + ["  </question>"])


def moodle_xml(course, slugs=None, course_name="Course"):
    """A Moodle XML question file: one category per lesson, then its questions."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for lesson in _lessons(course, slugs):
        parts += [f"  <!-- {lesson.slug} -->", '  <question type="category">',
                  f"    <category><text>{cdata(category(course_name, lesson))}</text></category>",
                  _text("info", render.block(lesson.description)),
                  "  </question>"]
        parts += [_moodle_question(q, lesson) for q in course.banks[lesson.slug].questions]
    return "\n".join(parts + ["</quiz>", ""])


# ---- GIFT --------------------------------------------------------------------------------------

def gift_escape(text):
    """GIFT's escapes: a backslash before ~ = # { } : and itself; a line break as \\n, so a
    blank line inside a text never ends the question."""
    text = XML_INVALID.sub("", str(text).strip().replace("\r\n", "\n").replace("\r", "\n"))
    return GIFT_SPECIAL.sub(r"\\\1", text).replace("\n", r"\n")


def _markdown(text):
    """Escaped text; marked [markdown] when it starts with '[' so it is never read as a format."""
    escaped = gift_escape(text)
    return "[markdown]" + escaped if escaped.startswith("[") else escaped


def _gift_question(question, lesson):
    head = (f"// [id:{lesson.slug}/{question.id}] objective: {question.objective}\n"
            f"::{gift_escape(question.id)}::[markdown]{gift_escape(question.prompt)} {{")
    general = question.explanation
    if question.type == "open":
        # GIFT has no grader information: the model answer becomes the general feedback.
        general = "Model answer:\n\n" + question.answer.strip() + ("\n\n" + general if general else "")
        return f"{head}\n####{_markdown(general)}\n}}"
    lines = [head]
    if question.type == "true-false":
        # Moodle reads {TRUE#feedback for a wrong answer#feedback for a right answer}.
        right, wrong = question.answer, not question.answer
        lines.append(f"{str(right).upper()}#{_markdown(question.feedback[wrong])}#{_markdown(question.feedback[right])}")
    else:
        # In the bank's order. GIFT has no flag for shuffling the options: the importing LMS decides (Moodle
        # takes its site-wide quiz default "Shuffle within questions", on unless an administrator turned it off).
        share = weights(question)
        for key, text in question.options.items():
            # Every option of a multiple has a weight. So has an option whose text starts with `%`
            # (read as a weight otherwise) or holds `->` (`=a -> b` reads as a matching pair in some parsers).
            if question.type == "multiple" or "->" in text or text.lstrip().startswith("%"):
                mark = f"~%{share[key]}%"
            else:
                mark = "=" if key in question.keyed else "~"
            lines.append(f"{mark}{_markdown(text)}#{_markdown(question.feedback[key])}")
    if general:
        lines.append(f"####{_markdown(general)}")
    return "\n".join(lines + ["}"])


def gift(course, slugs=None, course_name="Course"):
    """A GIFT question file: a $CATEGORY line per lesson, then its questions, a blank line between."""
    blocks = []
    for lesson in _lessons(course, slugs):
        blocks.append(f"// {lesson.title} ({lesson.slug})\n$CATEGORY: {category(course_name, lesson)}")
        blocks += [_gift_question(q, lesson) for q in course.banks[lesson.slug].questions]
    return "\n\n".join(blocks) + "\n"


# ---- The files, and the table that links them ------------------------------------------------

def files(course, course_name="Course"):
    """{file name: text}: both formats for every lesson (<slug>.*) and for the whole course (course.*)."""
    out = {}
    for slug in [lesson.slug for lesson in _lessons(course, None)] + [None]:
        slugs = [slug] if slug else None
        out[f"{slug or 'course'}.moodle.xml"] = moodle_xml(course, slugs, course_name)
        out[f"{slug or 'course'}.gift.txt"] = gift(course, slugs, course_name)
    return out


def write(course, site_dir, course_name="Course"):
    """Write every file into site_dir/downloads/lms/. Returns the paths written."""
    folder = Path(site_dir) / DOWNLOADS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in files(course, course_name).items():
        paths.append(folder / name)
        paths[-1].write_text(text, encoding="utf-8")
    return paths


def downloads_html(course, base):
    """A table linking both files of every lesson and of the whole course; base is the folder's URL."""
    def row(name, title, count):
        links = " · ".join(f'<a href="{escape(base)}/{escape(name)}.{ext}" download>{label}</a>'
                         for ext, label in (("moodle.xml", "Moodle XML"), ("gift.txt", "GIFT")))
        return f"<tr><td>{title}</td><td>{count}</td><td>{links}</td></tr>"

    counts = {lesson.slug: len(course.banks[lesson.slug].questions) for lesson in _lessons(course, None)}
    rows = [row(slug, render.inline(course.lessons[slug].title), count) for slug, count in counts.items()]
    rows.append(row("course", "<strong>The whole course</strong>", sum(counts.values())))
    # No class: Material styles the tables that have none.
    return ('<table><caption>The quiz bank for import into an LMS</caption><thead><tr>'
            '<th scope="col">Lesson</th><th scope="col">Questions</th><th scope="col">Files</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')
