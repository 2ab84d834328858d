"""The instructor edition's pages: session plans, materials, facilitation notes, answer keys, timers.

Everything is computed from the lessons' front matter and bodies and from the quiz bank, so the
instructor edition never holds a second copy of the content. Pure: no MkDocs here.
"""
import json
import re
import textwrap
from html import escape

from .editions import indent_of, note_indent
from .lessons import FENCE, HEADING
from .problems import Problem
from .render import block, choice_label, counted, inline

PARTS = (("lesson", "Lesson", "Teach the steps"), ("practice", "Practice", "Guided practice in pairs"),
         ("check", "Check", "Check for understanding"))
MATERIAL_LABELS = {"supply": "Bring", "video": "Play", "worksheet": "Print"}


def _minutes(value):
    return f"{value} min"


def session_rows(course, slugs):
    """The plan as rows: (lesson, part key, part label, minutes, offset from the start in minutes)."""
    rows, offset = [], 0
    for slug in slugs:
        lesson = course.lessons[slug]
        for key, label, _ in PARTS:
            rows.append((lesson, key, label, lesson.time[key], offset))
            offset += lesson.time[key]
    return rows, offset


def _what_happens(lesson, key, bank):
    if key == "lesson":
        steps = [h.text for h in lesson.headings if h.level == 3 and re.match(r"Step \d+:", h.text)]
        return "Overview, objectives and motivation; " + "; ".join(inline(step) for step in steps)
    if key == "practice":
        return "Guided practice in the room; introduce the independent practice and the challenge"
    discussion = sum(q.type == "open" for q in bank.questions)
    return (f"Check for understanding: {counted(len(bank.questions), 'question')}, {discussion} of them for discussion "
            "in pairs; summary")


def session_plan(course, slugs, url_of, timer_url):
    """A table of every part of the given lessons with its minutes and its start, as minutes from the start
    and, once the instructor types a start time (assets/worksheet.js), as clock times.

    Each lesson is a <tbody> of its own, so that print.css can keep a lesson's heading with its parts; the end
    is an ordinary last row, not a <tfoot>, which the browser would repeat at the foot of every printed page."""
    rows, total = session_rows(course, slugs)
    whole_course = len(slugs) > 1
    groups = []
    for index, slug in enumerate(slugs):
        lesson = course.lessons[slug]
        body = []
        if whole_course:
            body.append(f'<tr class="plan-lesson"><th colspan="4" scope="rowgroup">{index + 1}. '
                        f'<a href="{escape(url_of(slug))}">{inline(lesson.title)}</a> ({_minutes(lesson.minutes)})</th></tr>')
        for row_lesson, key, label, minutes, offset in rows:
            if row_lesson is not lesson:
                continue
            what = (f'{_what_happens(lesson, key, course.banks[slug])} '
                    f'<span class="plan-timer">(<a href="{escape(timer_url(slug, key))}">timer</a>)</span>')
            body.append(f'<tr class="plan-part" data-minutes="{minutes}"><td class="plan-at" data-offset="{offset}" '
                        f'data-break="{index}">+{offset} min</td><th scope="row">{label}</th>'
                        f'<td class="plan-minutes">{_minutes(minutes)}</td><td>{what}</td></tr>')
        groups.append(f'<tbody class="plan-group">{"".join(body)}</tbody>')
    end = (f'<tbody class="plan-close"><tr class="plan-end"><td class="plan-at" data-offset="{total}" '
           f'data-break="{len(slugs) - 1}">+{total} min</td><th scope="row">End</th>'
           f'<td class="plan-total">{_minutes(total)}</td><td></td></tr></tbody>')
    breaks = ('<label>Break between lessons <input type="number" min="0" max="120" step="5" value="0" '
              'data-plan-break> min</label>') if whole_course else ""
    # The controls and their hint show only with JavaScript, and never on paper.
    return ('<section class="session-plan" data-plan>'
            '<p class="plan-controls" hidden data-search-exclude><span>Type a start time to see clock times'
            f'{"; add a break if you run several lessons in one day" if whole_course else ""}.</span> '
            '<label>Start time <input type="time" data-plan-start></label> '
            f"{breaks}</p>"
            '<table><caption>Session plan: the start of each part and its minutes</caption>'
            '<thead><tr><th scope="col">Starts</th><th scope="col">Part</th><th scope="col">Time</th>'
            f'<th scope="col">What happens</th></tr></thead>{"".join(groups)}{end}</table></section>')


def materials(lesson, worksheet_url):
    """What to bring, play and print for a lesson, from `materials:` in its front matter."""
    if not lesson.materials:
        return ('<p class="materials-none">This lesson lists no materials in its front matter; see its '
                "facilitation notes.</p>")
    items = []
    for kind, text, _ in lesson.materials:
        shown = inline(text)
        if kind == "worksheet":
            shown = (f'<a href="{escape(worksheet_url(text))}">{escape(text.replace("-", " ").capitalize())}</a>, '
                     "one per learner")
        items.append(f'<li class="material-{kind}"><span class="material-box" aria-hidden="true"></span>'
                     f"<strong>{MATERIAL_LABELS[kind]}:</strong> {shown}</li>")
    return f'<ul class="materials">{"".join(items)}</ul>'


def notes(lesson):
    """Every instructor note of a lesson, in order, as (title of its section, Markdown body)."""
    found, section, fenced, current = [], lesson.title, False, None
    for line in lesson.body.splitlines():
        if current is not None:
            if not line.strip() or indent_of(line) > current[0]:
                current[2].append(line)
                continue
            found.append(current)
            current = None
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and (heading := HEADING.match(line)) and len(heading.group(1)) in (2, 3):
            section = heading.group(2)
        elif not fenced and (indent := note_indent(line)) is not None:
            current = (indent, section, [])
    if current is not None:
        found.append(current)
    return [(title, textwrap.dedent("\n".join(lines)).strip("\n")) for _, title, lines in found]


def facilitation_notes(lesson):
    """Every instructor note of a lesson as Markdown admonitions titled with their section."""
    return "\n".join(f'!!! instructor "{title.replace(chr(34), chr(39))}"\n' + textwrap.indent(text, "    ") + "\n"
                     for title, text in notes(lesson))


def check_plan_tables(lesson):
    """Problems where a table in a facilitation note (columns Part ... Minutes) disagrees with `time:`."""
    problems = []
    labels = {label.lower(): key for key, label, _ in PARTS}
    sums, start, columns = {}, None, None
    for number, line in enumerate(lesson.body.splitlines() + [""], start=lesson.body_line):
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")] if line.strip().startswith("|") else None
        if cells and columns is None and cells[0].lower() == "part" and cells[-1].lower() == "minutes":
            start, columns, sums = number, len(cells), {}
        elif cells and columns and cells[0].lower() in labels and cells[-1].isdigit():
            key = labels[cells[0].lower()]
            sums[key] = sums.get(key, 0) + int(cells[-1])
        elif not cells and columns:
            for key, _, _ in PARTS:
                if sums.get(key, 0) != lesson.time[key]:
                    problems.append(Problem(lesson.path, start, f"the session plan table in the facilitation notes "
                                            f"gives {key} {sums.get(key, 0)} minutes, but `time.{key}` is "
                                            f"{lesson.time[key]}; make them agree"))
            columns = None
    return problems


def answer_item(question, slug, number):
    """One question of the answer key: prompt, answer, every option's feedback, explanation or model answer."""
    if question.type == "open":
        answer = f'<div class="key-model"><p><strong>Model answer:</strong></p>{block(question.answer)}</div>'
        options = ""
    else:
        correct = question.keyed
        answer = ('<p class="key-answer"><strong>Answer:</strong> '
                  + ", ".join(escape(choice_label(k)) for k, _ in question.choices if k in correct) + "</p>")
        rows = []
        for key, text in question.choices:
            mark = "✓" if key in correct else "✗"
            label = escape(choice_label(key)) if question.type == "true-false" else f"{escape(key)}. {inline(text)}"
            rows.append(f'<li class="{"key-right" if key in correct else "key-wrong"}"><span class="key-mark" '
                        f'aria-label="{"right" if key in correct else "wrong"}">{mark}</span> {label}'
                        f'<br><span class="key-feedback">{inline(question.feedback[key])}</span></li>')
        options = f'<ul class="key-options">{"".join(rows)}</ul>'
    explanation = f'<p class="key-explanation">{inline(question.explanation)}</p>' if question.explanation else ""
    kind = "discussion" if question.type == "open" else question.type
    return (f'<article class="key-item" id="key-{escape(slug)}-{escape(question.id)}" data-qid="{escape(question.id)}">'
            f'<p class="key-prompt"><span class="key-number">{number}.</span> {inline(question.prompt)}</p>'
            f'<p class="key-meta">{kind} · objective <code>{escape(question.objective)}</code> · '
            f"id <code>{escape(question.id)}</code></p>{answer}{options}{explanation}</article>")


def answer_key(course, slugs, url_of):
    """The answer key of the given lessons. For more than one, each lesson gets a heading (Markdown, so it
    is in the table of contents) and starts a new printed page."""
    parts = []
    for slug in slugs:
        bank, lesson = course.banks[slug], course.lessons[slug]
        items = "".join(answer_item(q, slug, n) for n, q in enumerate(bank.questions, start=1))
        section = f'<section class="answer-key" data-lesson="{escape(slug)}">{items}</section>'
        if len(slugs) > 1:
            section = (f'<div class="answer-key-lesson" markdown>\n\n## {escape(lesson.title)} {{ #{slug} }}\n\n'
                       f'<p class="key-lesson-link"><a href="{escape(url_of(slug))}">Open the lesson</a> · '
                       f"{counted(len(bank.questions), 'question')}</p>\n\n{section}\n\n</div>\n")
        parts.append(section)
    return "\n".join(parts)


# The timed rounds of the practice activities (see the lessons' facilitation notes), and one timer for every part
# of every lesson, named by both: "Check for understanding · Networking in person".
ROUNDS = ({"id": "pair-rounds", "name": "Pair rounds", "seconds": 180, "rounds": 3, "cue": "Time's up: switch partners"},
          {"id": "speed-rounds", "name": "Speed rounds", "seconds": 30, "rounds": 8, "cue": "Switch partners"})
TIMER_PARTS = {"lesson": ("Lesson", "Time's up: on to the practice"),
               "practice": ("Practice", "Time's up: on to the check for understanding"),
               "check": ("Check for understanding", "Time's up: pens down")}
BUTTON_PARTS = {key: label for key, label, _ in PARTS}  # "Check": the list beside the buttons names the lesson


def timer_id(slug, part):
    """The id of a lesson part's timer; the timers page selects it from the address: timers/#timer-<id>."""
    return f"{slug}-{part}"


def timer_presets(course):
    """The rounds, then every lesson's three parts in course order, each with the lesson's minutes for it."""
    presets = [dict(preset, lesson="") for preset in ROUNDS]
    for slug, lesson in course.lessons.items():
        for key, (part, cue) in TIMER_PARTS.items():
            presets.append({"id": timer_id(slug, key), "name": f"{part} · {lesson.title}", "part": BUTTON_PARTS[key],
                            "lesson": slug, "seconds": lesson.time[key] * 60, "rounds": 1, "cue": cue})
    return presets


def _clock(seconds):
    return f"{seconds // 60}:{seconds % 60:02d}"


def _preset_button(preset, number, label):
    rounds = f'{preset["rounds"]} × ' if preset["rounds"] > 1 else ""
    return (f'<button type="button" class="timer-preset" id="timer-{escape(preset["id"])}" '
            f'data-preset="{escape(json.dumps(preset))}" aria-pressed="false">'
            f'<kbd>{number}</kbd> {escape(label)} · {rounds}{_clock(preset["seconds"])}</button>')


def timers(course):
    """The facilitator's timer: the rounds, a lesson to choose with its three parts, a large face and
    keyboard-driven controls (assets/timer.js). Laid out to fit, controls included, on a 1280 × 800 screen."""
    presets = timer_presets(course)
    rounds = [p for p in presets if not p["lesson"]]
    buttons = [_preset_button(p, n, p["name"]) for n, p in enumerate(rounds, start=1)]
    options, groups = [], []
    for index, (slug, lesson) in enumerate(course.lessons.items()):
        options.append(f'<option value="{escape(slug)}">{index + 1}. {escape(lesson.title)}</option>')
        parts = [p for p in presets if p["lesson"] == slug]
        shown = "".join(_preset_button(p, len(rounds) + n, p["part"]) for n, p in enumerate(parts, start=1))
        groups.append(f'<span class="timer-parts" data-lesson="{escape(slug)}"{" hidden" if index else ""}>{shown}</span>')
    first = presets[0]
    last_key = len(rounds) + len(TIMER_PARTS)
    return (
        '<section class="timer" data-timer data-search-exclude aria-label="Facilitator timer">'
        '<noscript><p>The timer needs JavaScript. Without it, use any clock: the session plan lists every '
        "round's minutes.</p></noscript>"
        '<div class="timer-presets" role="group" aria-label="Choose a timer">'
        f'<p class="timer-row">{"".join(buttons)}</p>'
        '<p class="timer-row"><label class="timer-lesson">Lesson <select data-timer-lesson>'
        f'{"".join(options)}</select></label> {"".join(groups)}</p></div>'
        '<div class="timer-face">'
        f'<p class="timer-name">{escape(first["name"])}</p>'
        f'<p class="timer-round">Round 1 of {first["rounds"]}</p>'
        f'<p class="timer-time" role="timer" aria-atomic="true">{_clock(first["seconds"])}</p>'
        '<p class="timer-cue" role="status" aria-live="assertive"></p>'
        '<div class="timer-controls" hidden>'
        '<button type="button" class="md-button md-button--primary" data-action="toggle">Start</button> '
        '<button type="button" class="md-button" data-action="next">Next round</button> '
        '<button type="button" class="md-button" data-action="reset">Reset</button> '
        '<button type="button" class="md-button" data-action="fullscreen">Full screen</button></div>'
        '<p class="timer-keys"><kbd>Space</kbd> start or pause · <kbd>N</kbd> next round · <kbd>R</kbd> reset · '
        f'<kbd>F</kbd> full screen · <kbd>1</kbd>–<kbd>{last_key}</kbd> choose a timer</p>'
        "</div></section>")
