"""The message templates' HTML, exactly, from a small file written here (not the real toolkit/templates.yml, so that
editing a template does not change these snapshots). Fast: no build."""
import json
import re
from html import unescape

import pytest

from macros import messages, toolkit

SMALL = """\
fields:
  their_name:
    label: Their first name
  cv_link:
    group: You
    label: CV link
    hint: A link *anyone* can open
  your_name:
    group: You
    label: Your name
templates:
  - id: note
    title: "A note: café & <tea>"
    to: new
    ask: learning
    platform: LinkedIn & co
    limit: 120
    when: After *any* talk
    fields: [their_name, cv_link, your_name]
    text: "Hi {their_name} <3,\\nmy CV: {cv_link}\\n{your_name}"
    example:
      their_name: Zoë
      cv_link: example.org/cv
      your_name: Sam
    avoid:
      - Long *lists*
      - Emoji
  - id: thanks
    title: Thanks
    to: known
    ask: favour
    platform: Email
    when: The next day
    fields: [your_name]
    text: "Thanks! {your_name}"
    example:
      your_name: Sam
    avoid: [Delay]
"""


@pytest.fixture(scope="module")
def small():
    found, problems = messages.parse(SMALL)
    assert problems == []
    return found


def readable(html):
    """One tag a line, so that a snapshot's diff reads well."""
    return html.replace("><", ">\n<")


def test_the_form(small, snapshot):
    assert readable(toolkit.form(small)) == snapshot


def test_each_block(small, snapshot):
    assert [readable(toolkit.block(t, small.fields)) for t in small.templates.values()] == snapshot


def test_the_block_carries_the_template_for_the_script(small):
    block = toolkit.block(small.templates["note"], small.fields)
    data = json.loads(unescape(re.search(r'data-template="([^"]*)"', block).group(1)))
    assert data == {"text": "Hi {their_name} <3,\nmy CV: {cv_link}\n{your_name}", "title": "A note: café & <tea>",
                    "limit": 120, "blanks": {"their_name": "[their first name]", "cv_link": "[CV link]",
                                             "your_name": "[your name]"}}
    assert '&quot;title&quot;: &quot;A note: café &amp; &lt;tea&gt;&quot;' in block  # not ASCII-escaped


def test_the_page(small, snapshot):
    assert toolkit.page(small, lambda html: f"<!-- {len(html)} characters -->") == snapshot


@pytest.mark.parametrize("show", ["example", "template"])
def test_each_card(small, snapshot, show):
    assert [readable(toolkit.card(t, small.fields, "../toolkit/templates/", show=show))
            for t in small.templates.values()] == snapshot


def test_a_card_shows_only_an_example_or_the_template(small):
    with pytest.raises(ValueError) as error:
        toolkit.card(small.templates["note"], small.fields, "x/", show="both")
    assert str(error.value) == "message_template('note', show='both'): show is 'example' or 'template'"


def test_text_with_values_and_blanks(small):
    note = small.templates["note"]
    assert toolkit.text_html(note, small.fields, {"their_name": "Ann", "cv_link": ""}) == (
        'Hi <span class="msg-slot msg-slot--filled" data-field="their_name">Ann</span> &lt;3,\nmy CV: '
        '<span class="msg-slot" data-field="cv_link">[CV link]</span>\n'
        '<span class="msg-slot" data-field="your_name">[your name]</span>')


def test_limit_words(small):
    assert toolkit.limit_words(small.templates["note"]) == "LinkedIn &amp; co, up to 120 characters"
    assert toolkit.limit_words(small.templates["thanks"]) == "Email"


@pytest.mark.parametrize("label, slot", [
    ("Their first name", "[their first name]"), ("LinkedIn name", "[LinkedIn name]"), ("CV link", "[CV link]"),
    ("Your CV link", "[your CV link]"), ("Their\u00a0First", "[Their\u00a0First]"), ("Where", "[where]"), ("X", "[x]"),
])
def test_slot_label(label, slot):
    assert toolkit.slot_label(label) == slot


def test_heading_is_plain_text():
    assert toolkit.heading("X & <y> *z* {a} [b](c) #1+2-3.4! `q` _u_ \\") == (
        "X &amp; <y> \\*z\\* \\{a\\} \\[b\\]\\(c\\) \\#1\\+2\\-3\\.4\\! \\`q\\` \\_u\\_ \\\\").replace("<y>", "&lt;y&gt;")
    assert toolkit.heading('"quoted"') == '"quoted"'


def test_a_worked_example_without_a_value_shows_the_blank(small):
    """parse() refuses such a template; built in code, the example still reads, with the blank in brackets."""
    thanks = small.templates["thanks"]
    bare = messages.Template(**{**thanks.__dict__, "example": {}})
    example = re.search(r'<details class="msg-example">.*</details>', toolkit.block(bare, small.fields)).group(0)
    assert example == ('<details class="msg-example"><summary>A worked example</summary><div class="msg-text">Thanks! '
                       '<span class="msg-slot" data-field="your_name">[your name]</span></div></details>')
