"""Hostile strings in a bank come out as inert text in the quiz HTML."""
from html.parser import HTMLParser

import pytest

from macros import render
from macros.bank import Bank, Question

HOSTILE = ['<script>alert("x")</script>', '" onmouseover="alert(1)', "{{ 7*7 }} {% raw %}", "<img src=x onerror=alert(1)>",
           "[click](javascript:alert(1))", "' onfocus='alert(1)' autofocus='", "</details></div><b>escaped</b>"]


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]


def question(text, qtype="single"):
    if qtype == "open":
        return Question(id="q1", type="open", objective="o", prompt=text, answer=text, explanation=text)
    return Question(id="q1", type=qtype, objective="o", prompt=text, options={"a": text, "b": "Fine"},
                    answer=["a"] if qtype == "multiple" else "a", feedback={"a": text, "b": text}, explanation=text)


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("qtype", ["single", "multiple", "open"])
def test_hostile_text_is_inert(text, qtype):
    html = render.quiz(Bank(lesson="demo", path="quizzes/demo.yml", questions=[question(text, qtype)]))
    elements = Elements()
    elements.feed(html)
    assert not {"script", "img", "b", "iframe"} & set(elements.tags)
    for tag, name, value in elements.attributes:
        assert not name.startswith("on") and name != "autofocus", (tag, name)
        assert not value.lower().startswith("javascript:"), (tag, name, value)
    # The text itself is still there for the learner to read, escaped.
    assert "&lt;script&gt;" in html or "<script" not in text


def test_inline_markdown_is_kept():
    assert render.inline("**bold**, *em*, `code` and [a link](https://example.org)") == (
        '<strong>bold</strong>, <em>em</em>, <code>code</code> and '
        '<a href="https://example.org" rel="noopener">a link</a>')
