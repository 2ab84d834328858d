"""The quiz bank as files an LMS imports: Moodle XML, GIFT, a QTI 1.2 package for Canvas and
Blackboard's question upload file.

Pure functions from the loaded course to file contents; no MkDocs here. Moodle XML, QTI and Blackboard
carry HTML made by render.py (so it is sanitised like the site), GIFT carries the bank's own Markdown,
marked [markdown].
"""
import io
import re
import xml.etree.ElementTree as ET
import zipfile
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


# ---- QTI 1.2 for Canvas -----------------------------------------------------------------------
# Canvas's "QTI .zip file" import reads the layout of its own quiz export: imsmanifest.xml naming one
# assessment file per quiz, items in Canvas's question types, each option's feedback as an itemfeedback
# that a respcondition shows. Written with ElementTree (libraries that write QTI lack true/false, essay
# or per-option feedback), which escapes every text and attribute for XML.

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
MANIFEST_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_TYPES = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
                "true-false": "true_false_question", "open": "essay_question"}
# Zip entries carry this date, so the same bank always makes the same package.
ZIP_DATE = (2000, 1, 1, 0, 0, 0)


def _sub(parent, tag, text=None, **attributes):
    element = ET.SubElement(parent, tag, {key.rstrip("_"): value for key, value in attributes.items()})
    if text is not None:
        element.text = XML_INVALID.sub("", text)
    return element


def _mattext(parent, html):
    _sub(_sub(parent, "material"), "mattext", html, texttype="text/html")


def qti_choice(key):
    """A choice's response ident: the option key (true/false for true-false), never its position."""
    return "choice-" + str(key).lower()


def qti_item(question, lesson):
    """One question as a QTI 1.2 <item> in Canvas's dialect."""
    item = ET.Element("item", ident=f"item-{lesson.slug}.{question.id}", title=question.id)
    fields = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    for label, entry in (("question_type", CANVAS_TYPES[question.type]), ("points_possible", "1.0"),
                         ("original_answer_ids", ",".join(qti_choice(key) for key, _ in question.choices))):
        field = _sub(fields, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)
    presentation = _sub(item, "presentation")
    _mattext(presentation, render.block(question.prompt))
    general = render.block(question.explanation) if question.explanation else ""
    if question.type == "open":
        # Canvas's essay has no place for graders only: the model answer goes into the general
        # feedback, which learners see after they submit (as in GIFT).
        general = "<p><strong>Model answer:</strong></p>" + render.block(question.answer) + general
        response = _sub(presentation, "response_str", ident="response1", rcardinality="Single")
        _sub(_sub(response, "render_fib"), "response_label", ident="answer1", rshuffle="No")
    else:
        response = _sub(presentation, "response_lid", ident="response1",
                        rcardinality="Multiple" if question.type == "multiple" else "Single")
        choices = _sub(response, "render_choice")
        for key, text in question.choices:
            _mattext(_sub(choices, "response_label", ident=qti_choice(key)),
                     text if question.type == "true-false" else render.inline(text))
    processing = _sub(item, "resprocessing")
    _sub(_sub(processing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    if general:
        condition = _sub(processing, "respcondition", continue_="Yes")
        _sub(_sub(condition, "conditionvar"), "other")
        _sub(condition, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    for key, _ in question.choices:
        condition = _sub(processing, "respcondition", continue_="Yes")
        _sub(_sub(condition, "conditionvar"), "varequal", qti_choice(key), respident="response1")
        _sub(condition, "displayfeedback", feedbacktype="Response", linkrefid=qti_choice(key) + "_fb")
    condition = _sub(processing, "respcondition", continue_="No")
    test = _sub(condition, "conditionvar")
    if question.type == "open":
        _sub(test, "other")  # graded by hand: no score is set
    else:
        if question.type == "multiple":
            # Right only with every key ticked and nothing else (Canvas gives partial credit itself).
            test = _sub(test, "and")
        for key, _ in question.choices:
            if key in question.keyed:
                _sub(test, "varequal", qti_choice(key), respident="response1")
            elif question.type == "multiple":
                _sub(_sub(test, "not"), "varequal", qti_choice(key), respident="response1")
        _sub(condition, "setvar", "100", action="Set", varname="SCORE")
    feedbacks = ([("general_fb", general)] if general else []) + [
        (qti_choice(key) + "_fb", render.block(question.feedback[key])) for key, _ in question.choices]
    for ident, html in feedbacks:
        _mattext(_sub(_sub(item, "itemfeedback", ident=ident), "flow_mat"), html)
    return item


def _xml(root, namespace):
    root.set("xmlns", namespace)
    ET.indent(root)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n").encode("utf-8")


def qti_assessment(course, lesson):
    """A lesson's quiz: a questestinterop file with one assessment holding its items."""
    root = ET.Element("questestinterop")
    assessment = _sub(root, "assessment", ident=f"quiz-{lesson.slug}", title=XML_INVALID.sub("", lesson.title))
    section = _sub(assessment, "section", ident="root_section")
    section.extend(qti_item(q, lesson) for q in course.banks[lesson.slug].questions)
    return _xml(root, QTI_NS)


def qti_zip(course, slugs=None, name="course"):
    """A Canvas QTI package: imsmanifest.xml and one assessment per lesson, quiz-<slug>/quiz-<slug>.xml."""
    manifest = ET.Element("manifest", identifier=f"qti-{name}")
    metadata = _sub(manifest, "metadata")
    _sub(metadata, "schema", "IMS Content")
    _sub(metadata, "schemaversion", "1.1.3")
    _sub(manifest, "organizations")
    resources = _sub(manifest, "resources")
    entries = {}
    for lesson in _lessons(course, slugs):
        ident = f"quiz-{lesson.slug}"
        path = f"{ident}/{ident}.xml"
        _sub(_sub(resources, "resource", identifier=ident, type="imsqti_xmlv1p2", href=path), "file", href=path)
        entries[path] = qti_assessment(course, lesson)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, data in {"imsmanifest.xml": _xml(manifest, MANIFEST_NS), **entries}.items():
            archive.writestr(zipfile.ZipInfo(path, ZIP_DATE), data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# ---- Blackboard's question upload file ---------------------------------------------------------
# One question per line, fields separated by tabs: MC or MA, the question, then each option followed by
# "correct" or "incorrect"; TF, the question, "true" or "false"; ESS, the question, the model answer.
# The format has no place for feedback or explanations.

BLACKBOARD_TYPES = {"single": "MC", "multiple": "MA", "true-false": "TF", "open": "ESS"}


def blackboard_field(html):
    """A field as Blackboard reads it: HTML on one line, without tabs (a tab or a line break would end
    the field or the question). In HTML a line break and a space mean the same. Characters beyond ASCII
    are written as HTML character references, so the text arrives whatever encoding the upload is read in."""
    html = re.sub(r"[\t\r\n\f\v\x85\u2028\u2029]+", " ", XML_INVALID.sub("", html)).strip()
    return html.encode("ascii", "xmlcharrefreplace").decode("ascii")


def _blackboard_question(question):
    fields = [BLACKBOARD_TYPES[question.type], render.inline(question.prompt)]
    if question.type == "open":
        fields.append(render.block(question.answer))
    elif question.type == "true-false":
        fields.append(str(question.answer).lower())
    else:
        for key, text in question.options.items():
            fields += [render.inline(text), "correct" if key in question.keyed else "incorrect"]
    return "\t".join(blackboard_field(field) for field in fields)


def blackboard(course, slugs=None):
    """Blackboard's upload file: a line per question, no header, no blank line."""
    return "".join(_blackboard_question(q) + "\n" for lesson in _lessons(course, slugs)
                   for q in course.banks[lesson.slug].questions)


# ---- The files, and the table that links them ------------------------------------------------

FORMATS = (("moodle.xml", "Moodle XML"), ("gift.txt", "GIFT"), ("qti.zip", "Canvas (QTI)"),
           ("blackboard.txt", "Blackboard"))


def files(course, course_name="Course"):
    """{file name: text or bytes}: every format for every lesson (<slug>.*) and for the whole course (course.*)."""
    out = {}
    for slug in [lesson.slug for lesson in _lessons(course, None)] + [None]:
        slugs, name = ([slug] if slug else None), slug or "course"
        out[f"{name}.moodle.xml"] = moodle_xml(course, slugs, course_name)
        out[f"{name}.gift.txt"] = gift(course, slugs, course_name)
        out[f"{name}.qti.zip"] = qti_zip(course, slugs, name)
        out[f"{name}.blackboard.txt"] = blackboard(course, slugs)
    return out


def write(course, site_dir, course_name="Course"):
    """Write every file into site_dir/downloads/lms/. Returns the paths written."""
    folder = Path(site_dir) / DOWNLOADS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files(course, course_name).items():
        paths.append(folder / name)
        paths[-1].write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return paths


def downloads_html(course, base):
    """A table linking the files of every lesson and of the whole course; base is the folder's URL."""
    def row(name, title, count):
        links = " · ".join(f'<a href="{escape(base)}/{escape(name)}.{ext}" download>{label}</a>'
                         for ext, label in FORMATS)
        return f"<tr><td>{title}</td><td>{count}</td><td>{links}</td></tr>"

    counts = {lesson.slug: len(course.banks[lesson.slug].questions) for lesson in _lessons(course, None)}
    rows = [row(slug, render.inline(course.lessons[slug].title), count) for slug, count in counts.items()]
    rows.append(row("course", "<strong>The whole course</strong>", sum(counts.values())))
    # No class: Material styles the tables that have none.
    return ('<table><caption>The quiz bank for import into an LMS</caption><thead><tr>'
            '<th scope="col">Lesson</th><th scope="col">Questions</th><th scope="col">Files</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')
