"""HTML for the macros. Every string from YAML goes through `inline` or `block`: Markdown with
raw HTML switched off, then an allow-list sanitiser, so author text can never become markup."""
import functools
import json
from html import escape

import markdown
import nh3

INLINE_TAGS = {"a", "strong", "em", "code", "br"}
BLOCK_TAGS = INLINE_TAGS | {"p", "ul", "ol", "li", "blockquote"}


def counted(count, noun):
    """'1 question', '3 questions': a count with its noun (the course's nouns take an s)."""
    return f"{count} {noun}{'s' * (count != 1)}"


def _markdown():
    md = markdown.Markdown(extensions=[])
    # Raw HTML in author text is shown as text, never passed through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


_MD = _markdown()


@functools.lru_cache(maxsize=None)
def block(text):
    """Markdown paragraphs and lists from a YAML string, as safe HTML."""
    _MD.reset()
    html = _MD.convert(str(text))
    return nh3.clean(html, tags=BLOCK_TAGS, attributes={"a": {"href"}}, url_schemes={"https", "http", "mailto"},
                     link_rel="noopener")


def inline(text):
    """Inline Markdown from a YAML string, as safe HTML without a wrapping paragraph."""
    html = block(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


def objectives(lesson):
    items = "".join(f'<li id="objective-{escape(key)}">{inline(text)}</li>' for key, text in lesson.objectives.items())
    return ('<div class="lesson-objectives"><p>By the end of this lesson you will be able to:</p>'
            f"<ul>{items}</ul></div>")


def choice_label(key):
    """An option's name: "True" or "False" for a true-false question, else its key."""
    return {True: "True", False: "False"}.get(key, key)


def _letter(key):
    """An option's letter, which the quiz script rewrites to follow the order the learner sees."""
    return f'<span class="quiz-option-key">{escape(key)}.</span>'


def answer_html(question):
    """The key in words: the right option(s) with their text, True or False, or the model answer."""
    if question.type == "open":
        return f'<div class="quiz-model-answer"><p><strong>Model answer:</strong></p>{block(question.answer)}</div>'
    if question.type == "true-false":
        return f'<p class="quiz-key"><strong>Answer:</strong> {choice_label(question.answer)}</p>'
    # Each key is marked with its option (data-key), so the quiz script can list and letter the keys
    # in the order the learner is shown the options.
    if question.type == "single":
        return (f'<p class="quiz-key"><strong>Answer:</strong> <span data-key="{escape(question.answer)}">'
                f"{_letter(question.answer)} {inline(question.options[question.answer])}</span></p>")
    items = "".join(f'<li data-key="{escape(k)}">{_letter(k)} {inline(question.options[k])}</li>' for k in question.answer)
    return f'<p class="quiz-key"><strong>Answers:</strong></p><ul class="quiz-key-list">{items}</ul>'


def feedback_html(question):
    """Every option's feedback, marked right or not; empty for a discussion question."""
    if not question.feedback:
        return ""
    items = []
    for key, _ in question.choices:
        name = escape(str(key).lower())
        verdict = "Right" if key in question.keyed else "Not quite"
        label = f"{escape(choice_label(key))}." if question.type == "true-false" else _letter(key)
        items.append(f'<li data-option="{name}" data-correct="{str(key in question.keyed).lower()}">'
                     f'<strong>{label} <span class="quiz-feedback-verdict">{verdict}:</span></strong> '
                     f'{inline(question.feedback[key])}</li>')
    return f'<ul class="quiz-feedback">{"".join(items)}</ul>'


# The most a learner can write in an open answer; an imported progress file is held to it too.
OPEN_ANSWER_MAX = 5000


def _option_keys(keys):
    """Option keys as the page and the saved progress name them ("true"/"false" for true-false)."""
    return [str(key).lower() for key in keys]


def question_html(question, slug, number, total):
    base = f"quiz-{slug}-{question.id}"
    answer = sorted(_option_keys(question.keyed))
    attributes = (f'class="quiz-question" id="{base}" data-qid="{escape(question.id)}" data-type="{question.type}" '
                  f'data-answer="{escape(json.dumps(answer))}"')
    legend = (f'<legend><span class="quiz-number">Question {number} of {total}</span> '
              f'<span class="quiz-prompt">{inline(question.prompt)}</span></legend>')
    if question.type == "open":
        body = (f'<label class="quiz-open-label" for="{base}-text">Your answer</label>'
                f'<textarea id="{base}-text" class="quiz-open-text" rows="4" maxlength="{OPEN_ANSWER_MAX}"></textarea>')
    else:
        kind = "checkbox" if question.type == "multiple" else "radio"
        hint = '<p class="quiz-hint">Choose all that apply.</p>' if kind == "checkbox" else ""
        true_false = question.type == "true-false"
        options = "".join(
            f'<li><label><input type="{kind}" name="{base}" value="{escape(str(key).lower())}"> '
            + ("" if true_false else f"{_letter(key)} ")
            + f'<span class="quiz-option-text">{inline(text)}</span></label></li>'
            for key, text in question.choices)
        body = f'{hint}<ul class="quiz-options">{options}</ul>'
    explanation = f'<p class="quiz-explanation">{inline(question.explanation)}</p>' if question.explanation else ""
    details = (f'<details class="quiz-answer" data-search-exclude><summary>Show the answer</summary>'
               f"{answer_html(question)}{feedback_html(question)}{explanation}</details>")
    return f'<div {attributes}><fieldset>{legend}{body}</fieldset>{details}</div>'


def quiz(bank, questions=None, edition="learner"):
    """One lesson's quiz (or the chosen questions of it) as a single top-level HTML block."""
    questions = bank.questions if questions is None else questions
    total = len(questions)
    items = "\n".join(question_html(q, bank.lesson, i, total) for i, q in enumerate(questions, start=1))
    return (f'<section class="quiz" data-quiz="{escape(bank.lesson)}" data-edition="{escape(edition)}" '
            f'aria-label="Quiz: {counted(total, "question")}">\n'
            # The running score, at the top and again at the end; only the top one is announced.
            '<p class="quiz-score" role="status" aria-live="polite" hidden></p>\n'
            f"{items}\n"
            '<p class="quiz-score quiz-score--end" hidden></p>\n</section>')


def course_overview(course, url_of, reading_minutes=None):
    """The lessons in order, each with its time, description and objectives. url_of(slug) gives each link;
    reading_minutes, {slug: minutes}, the reading time of each lesson's text."""
    items = []
    for lesson in course.lessons.values():
        objectives_list = "".join(f"<li>{inline(text)}</li>" for text in lesson.objectives.values())
        reading = (reading_minutes or {}).get(lesson.slug)
        reading = f' <span class="course-reading">about {reading} minutes of reading</span>' if reading else ""
        items.append(f'<li class="course-lesson"><p class="course-lesson-title"><a href="{escape(url_of(lesson.slug))}">'
                     f'{inline(lesson.title)}</a> <span class="course-minutes">{lesson.minutes} min</span>{reading}</p>'
                     f"<p>{inline(lesson.description)}</p><p>You will be able to:</p><ul>{objectives_list}</ul></li>")
    total = sum(lesson.minutes for lesson in course.lessons.values())
    hours, minutes = divmod(total, 60)
    return (f'<p class="course-total">{len(items)} lessons, {total} minutes in all '
            f"({hours} h {minutes:02d} min).</p>"
            f'<ol class="course-overview">{"".join(items)}</ol>')


def answer_keys(course):
    """Every question as the progress page checks an imported file against it: {lesson: {question id:
    {type, options, answer}}}, or {type: "open", max} for open questions (their answers are the learner's)."""
    keys = {}
    for slug, bank in course.banks.items():
        keys[slug] = {q.id: {"type": "open", "max": OPEN_ANSWER_MAX} if q.type == "open" else
                      {"type": q.type, "options": _option_keys(key for key, _ in q.choices),
                       "answer": sorted(_option_keys(q.keyed))} for q in bank.questions}
    return keys


def progress(course, url_of):
    """The progress page: every lesson, with cells the progress script fills from this browser's saved answers,
    and the buttons to export, import and reset that progress (shown only when the script runs). It carries
    the answer keys, so that an import is scored again from them rather than trusted."""
    rows = "".join(f'<tr data-quiz="{escape(lesson.slug)}"><th scope="row"><a href="{escape(url_of(lesson.slug))}">'
                   f'{inline(lesson.title)}</a></th><td class="progress-done">–</td><td class="progress-score">–</td></tr>'
                   for lesson in course.lessons.values())
    keys = escape(json.dumps(answer_keys(course), separators=(",", ":")))
    # Out of the search index: a table that the browser fills in, and buttons.
    return (f'<section class="progress" data-course="{keys}" data-search-exclude>'
            '<noscript><p>Your progress is kept in this browser by the quiz script. Turn on JavaScript to see it '
            "here; the lessons and the answers to their quizzes work without it.</p></noscript>"
            '<p class="progress-summary"></p>'
            '<table><caption>Your quiz progress in each lesson</caption><thead><tr>'
            '<th scope="col">Lesson</th><th scope="col">Answered</th><th scope="col">Score</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
            '<div class="progress-actions" hidden>'
            '<button type="button" class="md-button" data-action="export">Export progress</button> '
            '<button type="button" class="md-button" data-action="import">Import progress</button> '
            '<button type="button" class="md-button progress-reset" data-action="reset">Reset progress</button>'
            '<input type="file" accept=".json,application/json" hidden aria-label="Progress file to import">'
            '<p class="progress-message" role="status"></p></div></section>')


def review(course, url_of, paper_quizzes_url, edition="learner"):
    """The review page: every choice question of the course, each as its lesson shows it and hidden; the review
    script shows this learner's due ones. Without JavaScript the page points to the paper quizzes."""
    items = []
    for slug, lesson in course.lessons.items():
        questions = course.banks[slug].questions if slug in course.banks else []
        for number, question in enumerate(questions, start=1):
            if question.type != "open":
                items.append(f'<div class="review-item" data-review="{escape(slug)}/{escape(question.id)}" hidden>'
                             f'<p class="review-from">From <a href="{escape(url_of(slug))}">{inline(lesson.title)}</a></p>'
                             f"{question_html(question, slug, number, len(questions))}</div>")
    body = "\n".join(items)
    return (f'<section class="quiz review" data-edition="{escape(edition)}" aria-label="Questions to review">'
            "<noscript><p>This page needs JavaScript: it picks the questions that are due from the answers this "
            f'browser keeps. Without it, take the <a href="{escape(paper_quizzes_url)}">paper quizzes</a> and check '
            "your answers under each question of the lesson.</p></noscript>"
            f'<p class="review-summary" hidden></p>\n{body}\n</section>')
