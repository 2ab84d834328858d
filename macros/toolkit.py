"""HTML of the message templates: the templates page (a form for the learner's details, then every template)
and the single template that a lesson or a worksheet shows. Pure: no MkDocs here.

Without JavaScript every template reads with its blanks in brackets, such as "[their first name]";
docs/assets/toolkit.js fills them from the form as the learner types.
"""
import json
from html import escape

from .messages import ASK, FIELD_LIMIT, PLACEHOLDER, TO, length
from .render import inline

PAGE = "toolkit/templates"
FORM_ID = "msg-details-form"


def slot_label(label):
    """How a blank reads inside a sentence: "Their first name" -> "[their first name]"; a first word such as
    "LinkedIn" or "CV" keeps its case."""
    first = label.split(" ", 1)[0]
    keep = any(c.isupper() for c in first[1:])
    return "[" + (label if keep else label[:1].lower() + label[1:]) + "]"


def text_html(template, fields, values=None):
    """The message as HTML: the template's words, with each placeholder a span that shows its value from values,
    or its blank. Line breaks stay line breaks (the stylesheet keeps them)."""
    parts, last = [], 0
    for found in PLACEHOLDER.finditer(template.text):
        name = found.group(1)
        parts.append(escape(template.text[last:found.start()]))
        value = (values or {}).get(name)
        kind = "msg-slot msg-slot--filled" if value else "msg-slot"
        parts.append(f'<span class="{kind}" data-field="{name}">{escape(value or slot_label(fields[name]["label"]))}</span>')
        last = found.end()
    parts.append(escape(template.text[last:]))
    return "".join(parts)


def limit_words(template):
    return f"{escape(template.platform)}, up to {template.limit} characters" if template.limit else escape(template.platform)


def form(templates):
    """The learner's details, grouped, each kept under the same name in the browser's store. Shown by the script."""
    groups = {}
    for name, field in templates.fields.items():
        groups.setdefault(field["group"], []).append((name, field))
    sets = []
    for group, members in groups.items():
        items = []
        for name, field in members:
            field_id = f"msg-field-{name}"
            hint = f'<p class="msg-hint" id="{field_id}-hint">{inline(field["hint"])}</p>' if field["hint"] else ""
            described = f' aria-describedby="{field_id}-hint"' if field["hint"] else ""
            items.append(f'<div class="msg-field"><label for="{field_id}">{inline(field["label"])}</label>{hint}'
                         f'<input id="{field_id}" name="{name}" type="text" spellcheck="true"{described}></div>')
        sets.append(f'<fieldset class="msg-group"><legend>{escape(group)}</legend>'
                    f'<div class="msg-fields">{"".join(items)}</div></fieldset>')
    return (f'<form class="msg-form" id="{FORM_ID}" method="dialog" autocomplete="off" data-field-limit="{FIELD_LIMIT}" hidden>'
            + "".join(sets)
            + f'<p class="msg-form-note">Fill in only what you need; each detail can be up to {FIELD_LIMIT} characters. '
            "What you type stays in this browser; nothing is sent anywhere.</p>"
            '<p class="msg-form-status" role="status"></p>'
            '<p><button type="button" class="md-button" data-msg-clear>Clear my details</button></p></form>'
            '<noscript><p class="msg-noscript">Turn on JavaScript to fill in your details once and see every message '
            "filled in. Without it, each template below shows its blanks in brackets, ready to fill in by hand.</p></noscript>"
            '<p class="msg-sr msg-announce" role="status" aria-live="polite"></p>')


def block(template, fields):
    """One template on the templates page: whom and when, the message with its blanks, copy and count, the worked
    example and what to avoid."""
    tid = escape(template.id)
    facts = (f'<ul class="msg-facts"><li><strong>Who it is for:</strong> {escape(TO[template.to])}</li>'
             f'<li><strong>What it asks for:</strong> {escape(ASK[template.ask])}</li>'
             f'<li><strong>Where to send it:</strong> {limit_words(template)}</li></ul>')
    tools = (f'<div class="msg-tools" hidden><button type="button" class="md-button md-button--primary" data-msg-copy>'
             f'Copy<span class="msg-sr"> the message: {escape(template.title)}</span></button>'
             f'<p class="msg-count" id="msg-{tid}-count"></p><p class="msg-status" role="status"></p></div>')
    example = (f'<details class="msg-example"><summary>A worked example</summary>'
               f'<div class="msg-text">{text_html(template, fields, template.example)}</div></details>')
    avoid = "".join(f"<li>{inline(text)}</li>" for text in template.avoid)
    blanks = {name: slot_label(fields[name]["label"]) for name in template.fields}
    data = escape(json.dumps({"text": template.text, "title": template.title, "limit": template.limit, "blanks": blanks},
                             ensure_ascii=False))
    return (f'<div class="msg" data-msg="{tid}" data-template="{data}">{facts}'
            f'<p class="msg-when"><strong>When to use it:</strong> {inline(template.when)}</p>'
            f'<p class="msg-label" id="msg-{tid}-label">Your message</p>'
            f'<div class="msg-text msg-live" id="msg-{tid}-text" role="group" aria-labelledby="msg-{tid}-label">'
            f'{text_html(template, fields)}</div>{tools}{example}'
            f'<p class="msg-avoid-title"><strong>Avoid</strong></p><ul class="msg-avoid">{avoid}</ul></div>')


def heading(text):
    """A Markdown heading's text that stays plain text: HTML escaped, then Markdown's own characters backslashed."""
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!" else c for c in escape(text, quote=False))


def page(templates, place):
    """Every template under a heading of its own (Markdown, so each is in the page's contents), in file order.
    `place` gets each block's HTML and returns what goes into the Markdown for it."""
    return "\n\n".join(f"## {heading(t.title)} {{ #{t.id} }}\n\n" + place(block(t, templates.fields))
                       for t in templates.templates.values()) + "\n"


def card(template, fields, page_url, show="example"):
    """One template as a lesson or a worksheet shows it: the worked example (or, with show="template", the text
    with its blanks), where to send it, and a link to fill it in on the templates page."""
    if show not in ("example", "template"):
        raise ValueError(f"message_template('{template.id}', show='{show}'): show is 'example' or 'template'")
    values = template.example if show == "example" else None
    size = ""
    if template.limit and show == "example":
        size = f": this example has {length(template.filled())}"
    title = escape(template.title) + (": a worked example" if show == "example" else "")
    return (f'<div class="admonition example msg-card" data-msg-card="{escape(template.id)}">'
            f'<p class="admonition-title">{title}</p>'
            f'<div class="msg-text">{text_html(template, fields, values)}</div>'
            f'<p class="msg-card-note">{limit_words(template)}{size}. '
            f'<a href="{escape(page_url)}#{escape(template.id)}">Fill in this template with your own details</a></p></div>')
