"""The networking plan in every form: the page's HTML form, and the blank Markdown, Word and calendar files.

docs/assets/plan.js builds the learner's filled Markdown and calendar in the browser with the same layout,
from the same template data (embedded in the form) and the same WORDS.
"""
import calendar
import json
from datetime import date, datetime, time, timedelta, timezone
from html import escape
from pathlib import Path

from . import paper, render
from .plan import COUNTS, DAYS, FIRST_WEEK, MINUTES, field_name

DOWNLOADS_DIR = "downloads"
BASENAME = "networking-plan"
# Words of the plan's own layout, shared with the page's script so both write the same documents.
WORDS = {
    "months": "Month by month",
    "months_hint": "The numbers are starting points: change them to fit your life.",
    "month": "Month",
    "action": "Action",
    "todo": "What I will do",
    "todo_hint": "Which events, groups and people, by name",
    "done": "How it went",
    "done_hint": "Fill this in at the review",
    "day": "Day",
    "time": "Time",
    "minutes": "Minutes",
    "start": "First week",
    "blank": "_(write here)_",
    "slot": "Networking slot",
    "review_of": "Networking plan: review of month",
    "next": "Next month",
    "last": "Next: make your plan for the following six months.",
    "past": "This date is in the past: the first weeks of your calendar are already over.",
}


def _long_date(iso):
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%B} {day.year}"


# What the form says under a field whose value no download can use; the page's script shows it.
MESSAGES = {
    "habit-time": "Pick a time, like 18:30.",
    "habit-minutes": f"Write a whole number of minutes from {MINUTES[0]} to {MINUTES[1]}.",
    "habit-start": f"Pick a date from {_long_date(FIRST_WEEK[0])} to {_long_date(FIRST_WEEK[1])}, "
                   "or leave it empty to start from today.",
    "count": f"Write a whole number from {COUNTS[0]} to {COUNTS[1]}.",
}


def day_name(day):
    return day.capitalize()


# ---- HTML: the form on the plan lesson's page ------------------------------------------------------------

def _hint(text, hint_id):
    return f'<p class="nplan-hint" id="{hint_id}">{render.inline(text)}</p>' if text else ""


def _textarea(name, label, hint, lines, limit):
    """A box to write in: `rows` also sets its ruled lines on paper (plan.css), and a counter shows near the limit."""
    field_id = f"nplan-{name}"
    described = " ".join(([f"{field_id}-hint"] if hint else []) + [f"{field_id}-count"])
    return (f'<div class="nplan-field"><label for="{field_id}">{render.inline(label)}</label>{_hint(hint, field_id + "-hint")}'
            f'<textarea id="{field_id}" name="{name}" rows="{lines}" maxlength="{limit}" aria-describedby="{described}">'
            f'</textarea><p class="nplan-count" id="{field_id}-count"></p></div>')


def _checked(name, kind, value, message, extra=""):
    """An input with the message the page's script shows under it when its value cannot be used."""
    field_id = f"nplan-{name}"
    return (f'<input id="{field_id}" name="{name}" type="{kind}" value="{escape(str(value))}"{extra} '
            f'aria-describedby="{field_id}-msg" data-nplan-message="{escape(message)}">'
            f'<p class="nplan-msg" id="{field_id}-msg"></p>')


def _input(name, label, kind, value, extra=""):
    return (f'<div class="nplan-field nplan-small"><label for="nplan-{name}">{escape(label)}</label>'
            f'{_checked(name, kind, value, MESSAGES[name], extra)}</div>')


def html(plan, downloads_url):
    """The plan as one top-level block: a form that works blank without JavaScript, and the blank downloads."""
    habit, review = plan.habit, plan.review
    parts = [f'<h4 class="nplan-title" id="nplan-title">{render.inline(plan.title)}</h4>',
             f'<p class="nplan-intro">{render.inline(plan.intro)}</p>']
    about = "".join(_textarea(q["id"], q["label"], q["hint"], q["lines"], plan.limits["questions"]) for q in plan.questions)
    parts.append(f'<div class="nplan-part nplan-about">{about}</div>')

    days = "".join(f'<option value="{day}"{" selected" if day == habit["day"] else ""}>{day_name(day)}</option>'
                   for day in DAYS)
    parts.append(
        f'<fieldset class="nplan-part nplan-habit" aria-describedby="nplan-habit-hint"><legend>{render.inline(habit["label"])}</legend>'
        f'{_hint(habit["hint"], "nplan-habit-hint")}<div class="nplan-row">'
        f'<div class="nplan-field nplan-small"><label for="nplan-habit-day">{WORDS["day"]}</label>'
        f'<select id="nplan-habit-day" name="habit-day">{days}</select></div>'
        + _input("habit-time", WORDS["time"], "time", habit["time"])
        + _input("habit-minutes", WORDS["minutes"], "number", habit["minutes"], f' min="{MINUTES[0]}" max="{MINUTES[1]}"')
        + _input("habit-start", WORDS["start"], "date", "", f' min="{FIRST_WEEK[0]}" max="{FIRST_WEEK[1]}"')
        + "</div></fieldset>")

    head = "".join(f'<th scope="col">{WORDS["month"]} {n}</th>' for n in range(1, len(plan.months) + 1))
    rows = []
    for action in plan.actions:
        cells = []
        for n, month in enumerate(plan.months, start=1):
            name = field_name("month", n, action["id"])
            cells.append(f'<td><label class="nplan-sr" for="nplan-{name}">{escape(action["label"])}, {WORDS["month"].lower()} {n}</label>'
                         + _checked(name, "number", month["counts"][action["id"]], MESSAGES["count"],
                                    f' min="{COUNTS[0]}" max="{COUNTS[1]}"') + "</td>")
        hint = f'<span class="nplan-hint">{render.inline(action["hint"])}</span>' if action["hint"] else ""
        rows.append(f'<tr><th scope="row">{render.inline(action["label"])}{hint}</th>{"".join(cells)}</tr>')
    months = []
    for n, month in enumerate(plan.months, start=1):
        months.append(
            f'<div class="nplan-month"><p class="nplan-month-title"><strong>{WORDS["month"]} {n}:</strong> '
            f'{render.inline(month["focus"])}</p>{_hint(month["tip"], f"nplan-month-{n}-tip")}'
            + _textarea(field_name("month", n, "actions"), WORDS["todo"], WORDS["todo_hint"], 2, plan.limits["months"])
            + _textarea(field_name("month", n, "review"), WORDS["done"], WORDS["done_hint"], 2, plan.limits["months"])
            + "</div>")
    parts.append(
        f'<fieldset class="nplan-part nplan-months"><legend>{WORDS["months"]}</legend>'
        f'<p class="nplan-hint">{WORDS["months_hint"]}</p>'
        f'<div class="nplan-scroll"><table class="nplan-counts"><thead><tr><th scope="col">{WORDS["action"]}</th>{head}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div><div class="nplan-month-list">{"".join(months)}</div></fieldset>')

    questions = "".join(f"<li>{render.inline(q)}</li>" for q in review["questions"])
    parts.append(f'<fieldset class="nplan-part nplan-review"><legend>{render.inline(review["label"])}</legend>'
                 f'{_hint(review["hint"], "nplan-review-hint")}<ul>{questions}</ul></fieldset>')

    form = (f'<form class="nplan-sheet" id="networking-plan" method="dialog" aria-labelledby="nplan-title" '
            f'autocomplete="off">{"".join(parts)}</form>')
    base = escape(downloads_url.rstrip("/"))
    links = " ".join(f'<a class="md-button" href="{base}/{BASENAME}.{ext}" download>{label}</a>'
                     for ext, label in (("docx", "Word (.docx)"), ("md", "Markdown (.md)"), ("ics", "Calendar (.ics)")))
    buttons = "".join(f'<button type="button" class="md-button{primary}" data-nplan-action="{action}">{label}</button>'
                      for action, label, primary in (
                          ("markdown", "Download my plan (.md)", " md-button--primary"),
                          ("calendar", "Add my plan to my calendar (.ics)", " md-button--primary"),
                          ("print", "Print my plan", ""), ("reset", "Start over", "")))
    controls = (f'<div class="nplan-controls"><p class="nplan-status" role="status" aria-live="polite"></p>'
                f'<p class="nplan-sr" aria-live="polite" data-nplan-live></p>'
                f'<div class="nplan-buttons" hidden>{buttons}</div>'
                f'<p class="nplan-blank">Blank plan to download: {links}</p></div>')
    data = escape(json.dumps({"plan": plan.to_json(), "words": WORDS}, ensure_ascii=False))
    return f'<div class="nplan" data-nplan="{data}">{form}{controls}</div>'


# ---- Markdown ------------------------------------------------------------------------------------------------

def counts_line(plan, counts):
    return "; ".join(f'{a["label"]}: {counts[a["id"]]}' for a in plan.actions)


def markdown(plan):
    """The blank plan as Markdown. plan.js writes the filled one with the same layout."""
    blank, habit = WORDS["blank"], plan.habit
    out = [f"# {plan.title}", plan.intro]
    for q in plan.questions:
        out += [f'## {q["label"]}'] + ([f'*{q["hint"]}*'] if q["hint"] else []) + [blank]
    out += [f'## {habit["label"]}'] + ([f'*{habit["hint"]}*'] if habit["hint"] else [])
    out.append("\n".join([f'- {WORDS["day"]}: {day_name(habit["day"])}', f'- {WORDS["time"]}: {habit["time"]}',
                          f'- {WORDS["minutes"]}: {habit["minutes"]}', f'- {WORDS["start"]}: {blank}']))
    out += [f'## {WORDS["months"]}', f'*{WORDS["months_hint"]}*']
    header = f'| {WORDS["action"]} | ' + " | ".join(f'{WORDS["month"]} {n}' for n in range(1, len(plan.months) + 1)) + " |"
    rule = "|---|" + "---:|" * len(plan.months)
    rows = [f'| {a["label"]} | ' + " | ".join(str(m["counts"][a["id"]]) for m in plan.months) + " |" for a in plan.actions]
    out.append("\n".join([header, rule, *rows]))
    for n, month in enumerate(plan.months, start=1):
        out += [f'### {WORDS["month"]} {n}: {month["focus"]}'] + ([f'*{month["tip"]}*'] if month["tip"] else [])
        out += [f'**{WORDS["todo"]}:**', blank, f'**{WORDS["done"]}:**', blank]
    out += [f'## {plan.review["label"]}'] + ([f'*{plan.review["hint"]}*'] if plan.review["hint"] else [])
    out.append("\n".join(f"- {q}" for q in plan.review["questions"]))
    return "\n\n".join(out) + "\n"


# ---- Word ----------------------------------------------------------------------------------------------------

def docx(plan, path):
    """The blank plan as a Word document, with boxes to write in."""
    from docx import Document
    from docx.shared import Cm, Pt

    document = Document()
    paper.docx_page(document)
    for section in document.sections:
        section.top_margin = section.bottom_margin = Cm(1.8)
        section.left_margin = section.right_margin = Cm(2)
    document.styles["Normal"].font.size = Pt(10.5)

    def hint(text):
        if text:
            document.add_paragraph().add_run(text).italic = True

    def box(lines):
        table = document.add_table(rows=1, cols=1)
        table.style = "Table Grid"
        cell = table.cell(0, 0)
        for _ in range(lines - 1):
            cell.add_paragraph()

    def pairs(rows):
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value

    habit = plan.habit
    document.add_heading(plan.title, level=0)
    document.add_paragraph(plan.intro)
    for q in plan.questions:
        document.add_heading(q["label"], level=1)
        hint(q["hint"])
        box(q["lines"])
    document.add_heading(habit["label"], level=1)
    hint(habit["hint"])
    pairs([(WORDS["day"], day_name(habit["day"])), (WORDS["time"], habit["time"]),
           (WORDS["minutes"], str(habit["minutes"])), (WORDS["start"], "")])
    document.add_heading(WORDS["months"], level=1)
    hint(WORDS["months_hint"])
    table = document.add_table(rows=1, cols=len(plan.months) + 1)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, [WORDS["action"]] + [f'{WORDS["month"]} {n}' for n in range(1, len(plan.months) + 1)]):
        cell.text = text
    for action in plan.actions:
        cells = table.add_row().cells
        cells[0].text = action["label"]
        for cell, month in zip(cells[1:], plan.months):
            cell.text = str(month["counts"][action["id"]])
    for n, month in enumerate(plan.months, start=1):
        document.add_heading(f'{WORDS["month"]} {n}: {month["focus"]}', level=2)
        hint(month["tip"])
        pairs([(WORDS["todo"], "\n\n"), (WORDS["done"], "\n")])
    document.add_heading(plan.review["label"], level=1)
    hint(plan.review["hint"])
    for question in plan.review["questions"]:
        document.add_paragraph(question, style="List Bullet")
    document.core_properties.title = plan.title
    document.save(str(path))


# ---- Calendar ------------------------------------------------------------------------------------------------

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def first_slot(after, day):
    """The first date on or after `after` that falls on weekday `day` (a name like 'tuesday')."""
    return after + timedelta(days=(DAYS.index(day) - after.weekday()) % 7)


def add_months(day, months):
    """The same day of the month `months` later, or that month's last day when it is shorter."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_times(plan, start):
    """When each month's review happens: on the month's last day at the slot's time, after the slot if both fall on one day."""
    hour, minute = map(int, plan.habit["time"].split(":"))
    times = []
    for n in range(1, len(plan.months) + 1):
        day = add_months(start, n) - timedelta(days=1)
        moment = datetime.combine(day, time(hour, minute))
        if day.weekday() == start.weekday():
            moment += timedelta(minutes=plan.habit["minutes"])
        times.append(moment)
    return times


def review_description(plan, n):
    month = plan.months[n - 1]
    lines = [plan.review["hint"], *[f"- {q}" for q in plan.review["questions"]], "",
             f'{WORDS["month"]} {n}: {month["focus"]}. {counts_line(plan, month["counts"])}']
    if n < len(plan.months):
        following = plan.months[n]
        lines.append(f'{WORDS["next"]}: {following["focus"]}. {counts_line(plan, following["counts"])}')
    else:
        lines.append(WORDS["last"])
    return "\n".join(line for line in lines if line is not None)


def ics(plan, start, stamp):
    """The blank plan's calendar: the weekly slot (repeating `weeks` times) and a review at the end of each month.

    Times are floating (no time zone), so they happen at that time wherever the learner is.
    """
    from icalendar import Alarm, Calendar, Event

    habit = plan.habit
    hour, minute = map(int, habit["time"].split(":"))
    cal = Calendar()
    cal.add("prodid", "-//Networking for People Entering Tech//Networking plan//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")

    def event(uid, summary, description, begins, minutes, rrule=None):
        item = Event()
        item.add("uid", f"{uid}-{start.isoformat()}@{BASENAME}")
        item.add("dtstamp", stamp)
        item.add("dtstart", begins)
        item.add("duration", timedelta(minutes=minutes))
        item.add("summary", summary)
        item.add("description", description)
        if rrule:
            item.add("rrule", rrule)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", timedelta(minutes=-15))
        item.add_component(alarm)
        cal.add_component(item)

    event("slot", WORDS["slot"], f'{habit["hint"]}\n\n{plan.title}',
          datetime.combine(start, time(hour, minute)), habit["minutes"],
          {"freq": "weekly", "count": habit["weeks"], "byday": WEEKDAY_CODES[start.weekday()]})
    for n, begins in enumerate(review_times(plan, start), start=1):
        event(f"review-{n}", f'{WORDS["review_of"]} {n}', review_description(plan, n), begins, plan.review["minutes"])
    return cal.to_ical()


# ---- Writing the downloads into the built site -------------------------------------------------------------

def write_downloads(plan, site_dir, today, stamp=None):
    """Write the blank plan as .md, .docx and .ics into site_dir/downloads/. Returns the paths written.

    The calendar starts on the first slot day after `today`.
    """
    folder = Path(site_dir) / DOWNLOADS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    stamp = stamp or datetime.now(timezone.utc).replace(microsecond=0)
    paths = {ext: folder / f"{BASENAME}.{ext}" for ext in ("md", "docx", "ics")}
    paths["md"].write_text(markdown(plan), encoding="utf-8")
    docx(plan, paths["docx"])
    paths["ics"].write_bytes(ics(plan, first_slot(today + timedelta(days=1), plan.habit["day"]), stamp))
    return paths
