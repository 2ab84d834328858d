"""Hostile strings in a bank come out as inert text in the quiz HTML."""
from html.parser import HTMLParser

import pytest

from macros import render
from macros.bank import Bank, Question
from macros.lessons import Lesson

# Each hostile text and exactly how a learner sees it: markup as text, a javascript: link without its href.
HOSTILE = {
    '<script>alert("x")</script>': '&lt;script&gt;alert("x")&lt;/script&gt;',
    '" onmouseover="alert(1)': '" onmouseover="alert(1)',
    "{{ 7*7 }} {% raw %}": "{{ 7*7 }} {% raw %}",
    "<img src=x onerror=alert(1)>": "&lt;img src=x onerror=alert(1)&gt;",
    "[click](javascript:alert(1))": '<a rel="noopener">click</a>',
    "' onfocus='alert(1)' autofocus='": "' onfocus='alert(1)' autofocus='",
    "</details></div><b>escaped</b>": "&lt;/details&gt;&lt;/div&gt;&lt;b&gt;escaped&lt;/b&gt;",
}


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
    # The text itself is still there for the learner to read, exactly as inline Markdown made safe shows it.
    assert f'<span class="quiz-prompt">{HOSTILE[text]}</span>' in html
    if qtype != "open":
        assert f'<span class="quiz-option-text">{HOSTILE[text]}</span>' in html


def test_inline_markdown_is_kept():
    assert render.inline("**bold**, *em*, `code` and [a link](https://example.org)") == (
        '<strong>bold</strong>, <em>em</em>, <code>code</code> and '
        '<a href="https://example.org" rel="noopener">a link</a>')


def test_inline_keeps_the_paragraphs_of_a_text_that_has_more_than_one():
    # Only a single paragraph loses its <p>: cutting the ends off two would leave "a</p>\n<p>b".
    assert render.inline("a\n\nb") == "<p>a</p>\n<p>b</p>"
    assert render.inline("- x\n\nend") == "<ul>\n<li>x</li>\n</ul>\n<p>end</p>"


def test_objectives_are_markdown_made_safe():
    lesson = Lesson(slug="demo", path="docs/lessons/demo.md", title="Demo", description="Demo.", time={},
                    objectives={"greet": '<script>alert(1)</script> **Greet** [someone](javascript:alert(1))',
                                'leave"><b': "<img src=x onerror=alert(1)> and `leave`"})
    assert render.objectives(lesson) == (
        '<div class="lesson-objectives"><p>By the end of this lesson you will be able to:</p><ul>'
        '<li id="objective-greet">&lt;script&gt;alert(1)&lt;/script&gt; <strong>Greet</strong> '
        '<a rel="noopener">someone</a></li>'
        '<li id="objective-leave&quot;&gt;&lt;b">&lt;img src=x onerror=alert(1)&gt; and <code>leave</code></li>'
        "</ul></div>")


def test_a_quiz_names_its_number_of_questions_in_plain_english():
    one = render.quiz(Bank(lesson="demo", path="quizzes/demo.yml", questions=[question("Fine")]))
    two = render.quiz(Bank(lesson="demo", path="quizzes/demo.yml", questions=[question("Fine"), question("Also")]))
    assert 'aria-label="Quiz: 1 question"' in one
    assert 'aria-label="Quiz: 2 questions"' in two
