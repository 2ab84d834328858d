"""Worksheets, the course overview, progress page, LMS downloads table and asset bundles from the core,
compared with the exact HTML they must be, on the small course of tests/tiny_course.py."""
import pytest

from macros import exports, render, worksheets
from tiny_course import QUESTIONS, tiny_course


def url_of(slug):
    return f"../{slug}/"


def test_a_print_button_for_the_page():
    """Hidden until the script shows it."""
    expected = ('<p class="print-control" hidden><button type="button" class="md-button" data-print="">Print '
                'this worksheet</button></p>')
    assert worksheets.print_button() == expected


def test_a_print_button_for_one_element():
    expected = ('<p class="print-control" hidden><button type="button" class="md-button" data-print="sheet-1">'
                'Print &lt;this&gt;</button></p>')
    assert worksheets.print_button("Print <this>", "sheet-1") == expected


def test_writing_space_has_its_lines_and_label():
    expected = ('<div class="write-space"><p class="write-label">Your <em>goal</em></p><div '
                'class="write-lines" aria-hidden="true"><span class="write-line"></span><span '
                'class="write-line"></span></div></div>')
    assert worksheets.writing_space(2, "Your *goal*") == expected


def test_writing_space_without_a_label():
    expected = ('<div class="write-space"><div class="write-lines" aria-hidden="true"><span '
                'class="write-line"></span><span class="write-line"></span><span class="write-line"></span>'
                '<span class="write-line"></span></div></div>')
    assert worksheets.writing_space() == expected


def test_boxes_have_their_count_and_label():
    expected = ('<div class="write-boxes"><p class="write-label">Ideas</p><ol class="boxes" '
                'aria-hidden="true"><li class="box"></li><li class="box"></li></ol></div>')
    assert worksheets.boxes(2, "Ideas") == expected


def test_boxes_without_a_label():
    expected = ('<div class="write-boxes"><ol class="boxes" aria-hidden="true"><li class="box"></li><li '
                'class="box"></li><li class="box"></li><li class="box"></li><li class="box"></li><li '
                'class="box"></li></ol></div>')
    assert worksheets.boxes() == expected


def test_a_plain_list():
    expected = '<ul class="worksheet-list"><li>One <em>a</em></li><li>Two</li></ul>'
    assert worksheets.plain_list(["One *a*", "Two"]) == expected


def test_cards_carry_their_label():
    expected = ('<ul class="cards" aria-label="Conversation cards"><li class="card"><span class="card-kind">'
                'Ask</span><span class="card-text">What <em>brought</em> you?</span></li><li class="card">'
                '<span class="card-kind">Leave</span><span class="card-text">A &lt;b&gt;</span></li></ul>')
    assert worksheets.cards([("Ask", "What *brought* you?"), ("Leave", "A <b>")]) == expected


def test_a_single_question_on_paper():
    expected = ('<li class="paper-question" data-qid="pick" value="1"><p class="paper-prompt">Pick <em>'
                'one</em></p><ul class="paper-options"><li><span class="paper-circle" aria-hidden="true">'
                '</span> <strong>a.</strong> A &lt;b&gt;</li><li><span class="paper-circle" '
                'aria-hidden="true"></span> <strong>b.</strong> B</li></ul></li>')
    assert worksheets.paper_question(QUESTIONS[0], 1, 2) == expected


def test_a_multiple_question_on_paper():
    expected = ('<li class="paper-question" data-qid="many" value="2"><p class="paper-prompt">Many</p><p '
                'class="paper-hint">Tick all that apply.</p><ul class="paper-options"><li><span '
                'class="paper-box" aria-hidden="true"></span> <strong>a.</strong> A</li><li><span '
                'class="paper-box" aria-hidden="true"></span> <strong>b.</strong> B</li><li><span '
                'class="paper-box" aria-hidden="true"></span> <strong>c.</strong> C</li></ul></li>')
    assert worksheets.paper_question(QUESTIONS[1], 2, 2) == expected


def test_a_true_false_question_on_paper():
    expected = ('<li class="paper-question" data-qid="tf" value="3"><p class="paper-prompt">True?</p><ul '
                'class="paper-options"><li><span class="paper-circle" aria-hidden="true"></span> True</li><li>'
                '<span class="paper-circle" aria-hidden="true"></span> False</li></ul></li>')
    assert worksheets.paper_question(QUESTIONS[2], 3, 2) == expected


def test_a_open_question_on_paper():
    expected = ('<li class="paper-question" data-qid="talk" value="4"><p class="paper-prompt">Discuss</p><div '
                'class="write-space"><div class="write-lines" aria-hidden="true"><span class="write-line">'
                '</span><span class="write-line"></span></div></div></li>')
    assert worksheets.paper_question(QUESTIONS[3], 4, 2) == expected


def test_a_paper_quiz_numbers_its_questions():
    expected = ('<section class="paper-quiz" data-quiz="two"><p class="paper-name">Name <span '
                'class="paper-blank"></span> Date <span class="paper-blank short"></span></p><ol '
                'class="paper-questions"><li class="paper-question" data-qid="tf" value="1"><p '
                'class="paper-prompt">True?</p><ul class="paper-options"><li><span class="paper-circle" '
                'aria-hidden="true"></span> True</li><li><span class="paper-circle" aria-hidden="true"></span>'
                ' False</li></ul></li><li class="paper-question" data-qid="talk" value="2"><p '
                'class="paper-prompt">Discuss</p><div class="write-space"><div class="write-lines" '
                'aria-hidden="true"><span class="write-line"></span></div></div></li></ol></section>')
    assert worksheets.paper_quiz(tiny_course().banks["two"], QUESTIONS[2:], 1) == expected


def test_paper_quizzes_give_each_lesson_a_sheet():
    expected = ('<div class="paper-sheet" id="sheet-one" markdown>\n\n## First *one* { #quiz-one }\n\n<p '
                'class="print-control" hidden><button type="button" class="md-button" data-print="sheet-one">'
                'Print this quiz</button></p>\n\n[1475]\n\n</div>\n\n<div class="paper-sheet" id="sheet-two" '
                'markdown>\n\n## Two { #quiz-two }\n\n<p class="print-control" hidden><button type="button" '
                'class="md-button" data-print="sheet-two">Print this quiz</button></p>\n\n[753]\n\n</div>\n')
    assert worksheets.paper_quizzes(tiny_course(), lambda html: f"[{len(html)}]") == expected


def test_paper_quizzes_put_the_html_in_place_by_default():
    expected = ('<div class="paper-sheet" id="sheet-one" markdown>\n\n## First *one* { #quiz-one }\n\n<p '
                'class="print-control" hidden><button type="button" class="md-button" data-print="sheet-one">'
                'Print this quiz</button></p>\n\n<section class="paper-quiz" data-quiz="one"><p '
                'class="paper-name">Name <span class="paper-blank"></span> Date <span class="paper-blank '
                'short"></span></p><ol class="paper-questions"><li class="paper-question" data-qid="pick" '
                'value="1"><p class="paper-prompt">Pick <em>one</em></p><ul class="paper-options"><li><span '
                'class="paper-circle" aria-hidden="true"></span> <strong>a.</strong> A &lt;b&gt;</li><li>'
                '<span class="paper-circle" aria-hidden="true"></span> <strong>b.</strong> B</li></ul></li><')
    assert worksheets.paper_quizzes(tiny_course())[:700] == expected


def test_objectives():
    expected = ('<div class="lesson-objectives"><p>By the end of this lesson you will be able to:</p><ul><li '
                'id="objective-hello">Say hello.</li></ul></div>')
    assert render.objectives(tiny_course().lessons["one"]) == expected


def test_the_course_overview():
    """Each lesson with its minutes and objectives, and the total."""
    expected = ('<p class="course-total">2 lessons, 58 minutes in all (0 h 58 min).</p><ol '
                'class="course-overview"><li class="course-lesson"><p class="course-lesson-title"><a '
                'href="../one/">First <em>one</em></a> <span class="course-minutes">18 min</span></p><p>D1</p>'
                '<p>You will be able to:</p><ul><li>Say hello.</li></ul></li><li class="course-lesson"><p '
                'class="course-lesson-title"><a href="../two/">Two</a> <span class="course-minutes">40 '
                'min</span></p><p>D2</p><p>You will be able to:</p><ul><li>Say bye.</li></ul></li></ol>')
    assert render.course_overview(tiny_course(), url_of) == expected


def test_the_progress_page():
    expected = ('<section class="progress"><noscript><p>Your progress is kept in this browser by the quiz '
                'script. Turn on JavaScript to see it here; the lessons and the answers to their quizzes work '
                'without it.</p></noscript><p class="progress-summary"></p><table><caption>Your quiz progress '
                'in each lesson</caption><thead><tr><th scope="col">Lesson</th><th scope="col">Answered</th>'
                '<th scope="col">Score</th></tr></thead><tbody><tr data-quiz="one"><th scope="row"><a '
                'href="../one/">First <em>one</em></a></th><td class="progress-done">–</td><td '
                'class="progress-score">–</td></tr><tr data-quiz="two"><th scope="row"><a href="../two/">'
                'Two</a></th><td class="progress-done">–</td><td class="progress-score">–</td></tr></tbody>'
                '</table><div class="progress-actions" hidden><button type="button" class="md-button" '
                'data-action="export">Export progress</button> <button type="button" class="md-button" '
                'data-action="import">Import progress</button> <button type="button" class="md-button" '
                'data-action="reset">Reset progress</button><input type="file" '
                'accept=".json,application/json" hidden aria-label="Progress file to import"><p '
                'class="progress-message" role="status"></p></div></section>')
    assert render.progress(tiny_course(), url_of) == expected


def test_the_lms_downloads_table():
    """Both files of every lesson and of the course, with the questions in each."""
    expected = ('<table><caption>The quiz bank for import into an LMS</caption><thead><tr><th scope="col">'
                'Lesson</th><th scope="col">Questions</th><th scope="col">Files</th></tr></thead><tbody><tr>'
                '<td>First <em>one</em></td><td>4</td><td><a href="../lms/one.moodle.xml" download>Moodle '
                'XML</a> · <a href="../lms/one.gift.txt" download>GIFT</a></td></tr><tr><td>Two</td><td>2</td>'
                '<td><a href="../lms/two.moodle.xml" download>Moodle XML</a> · <a href="../lms/two.gift.txt" '
                'download>GIFT</a></td></tr><tr><td><strong>The whole course</strong></td><td>6</td><td><a '
                'href="../lms/course.moodle.xml" download>Moodle XML</a> · <a href="../lms/course.gift.txt" '
                'download>GIFT</a></td></tr></tbody></table>')
    assert exports.downloads_html(tiny_course(), "../lms") == expected


def test_the_learner_edition_drops_every_kind_of_instructor_note():
    """!!!, ???, ???+ and indented notes go with their whole indented body; other admonitions stay."""
    from macros.editions import strip_instructor_notes

    text = ("a\n!!! instructor\n    x\n\n    y\n\tz\nb\n???+ instructor \"T\"\n  q\n!!! note\n    k\n"
            "  ??? instructor\n      deep\n  kept\n!!! instructors\n    m\n")
    assert strip_instructor_notes(text) == "a\nb\n!!! note\n    k\n  kept\n!!! instructors\n    m\n"


# ---- Lists quoted from lessons ------------------------------------------------------------------------


LIST_BODY = """Intro mentions Ask once, with no list after it.

```
Ask in a fence: not this one
- fenced item
```

Ask these:

- First question,
  continued on the next line.
- Second *one*
    - a nested item, part of the second
- Third

After the list.

Numbered:
1. One
2. Two
Not a list item.

Empty list:

Text, not a list.

- Too late
"""


def lesson_with(body):
    from macros.lessons import Lesson

    return Lesson(slug="x", path="docs/lessons/x.md", title="X", description="D", time={}, objectives={}, body=body)


def test_a_list_is_quoted_from_the_first_line_that_names_it():
    from macros.worksheets import list_after

    lesson = lesson_with(LIST_BODY)
    assert list_after(lesson, "Ask these") == ["First question, continued on the next line.",
                                               "Second *one* - a nested item, part of the second", "Third"]
    assert list_after(lesson, "Numbered") == ["One", "Two"]
    # The first line naming "Ask" is followed by a paragraph: no list is quoted from further on.
    for marker in ("Ask", "Empty list", "Nothing like it", "fenced item"):
        with pytest.raises(ValueError) as error:
            list_after(lesson, marker)
        assert str(error.value) == (f"docs/lessons/x.md: no list follows a line containing '{marker}'; name text "
                                    "from the line just above the list you want")


def test_a_list_right_after_its_line_and_at_the_end():
    from macros.worksheets import list_after

    assert list_after(lesson_with("Ask:\n* a\n* b"), "Ask") == ["a", "b"]
    assert list_after(lesson_with("Ask:\n\n\n+ a\n+ b\n\nAfter."), "Ask") == ["a", "b"]


def test_paper_questions_have_four_lines_to_write_on_unless_told():
    assert worksheets.paper_question(QUESTIONS[3], 1) == worksheets.paper_question(QUESTIONS[3], 1, 4)
    assert worksheets.paper_question(QUESTIONS[3], 1).count('<span class="write-line">') == 4
    bank = tiny_course().banks["two"]
    assert worksheets.paper_quiz(bank, bank.questions).count('<span class="write-line">') == 4


def test_the_overview_counts_hours_and_lists_every_objective():
    course = tiny_course()
    course.lessons["two"].time["lesson"] = 45
    course.lessons["two"].objectives["wave"] = "Wave *back*."
    html = render.course_overview(course, url_of)
    assert html.startswith('<p class="course-total">2 lessons, 83 minutes in all (1 h 23 min).</p>')
    assert "<ul><li>Say bye.</li><li>Wave <em>back</em>.</li></ul>" in html
    assert render.objectives(course.lessons["two"]) == (
        '<div class="lesson-objectives"><p>By the end of this lesson you will be able to:</p><ul>'
        '<li id="objective-bye">Say bye.</li><li id="objective-wave">Wave <em>back</em>.</li></ul></div>')


def test_a_lesson_quiz():
    """Every kind of question: options with their keys, the answer and all feedback inside <details>."""
    expected = ('<section class="quiz" data-quiz="one" data-edition="learner" aria-label="Quiz: 4 questions">'
                '\n<div class="quiz-question" id="quiz-one-pick" data-qid="pick" data-type="single" '
                'data-answer="[&quot;b&quot;]"><fieldset><legend><span class="quiz-number">Question 1 of '
                '4</span> <span class="quiz-prompt">Pick <em>one</em></span></legend><ul class="quiz-options">'
                '<li><label><input type="radio" name="quiz-one-pick" value="a"> <span class="quiz-option-key">'
                'a.</span> <span class="quiz-option-text">A &lt;b&gt;</span></label></li><li><label><input '
                'type="radio" name="quiz-one-pick" value="b"> <span class="quiz-option-key">b.</span> <span '
                'class="quiz-option-text">B</span></label></li></ul></fieldset><details class="quiz-answer" '
                'data-search-exclude><summary>Show the answer</summary><p class="quiz-key"><strong>'
                'Answer:</strong> b. B</p><ul class="quiz-feedback"><li data-option="a" data-correct="false">'
                '<strong>a. Not quite:</strong> No.</li><li data-option="b" data-correct="true"><strong>b. '
                'Right:</strong> Yes.</li></ul><p class="quiz-explanation">Because.</p></details></div>\n<div '
                'class="quiz-question" id="quiz-one-many" data-qid="many" data-type="multiple" '
                'data-answer="[&quot;a&quot;, &quot;c&quot;]"><fieldset><legend><span class="quiz-number">'
                'Question 2 of 4</span> <span class="quiz-prompt">Many</span></legend><p class="quiz-hint">'
                'Choose all that apply.</p><ul class="quiz-options"><li><label><input type="checkbox" '
                'name="quiz-one-many" value="a"> <span class="quiz-option-key">a.</span> <span '
                'class="quiz-option-text">A</span></label></li><li><label><input type="checkbox" '
                'name="quiz-one-many" value="b"> <span class="quiz-option-key">b.</span> <span '
                'class="quiz-option-text">B</span></label></li><li><label><input type="checkbox" '
                'name="quiz-one-many" value="c"> <span class="quiz-option-key">c.</span> <span '
                'class="quiz-option-text">C</span></label></li></ul></fieldset><details class="quiz-answer" '
                'data-search-exclude><summary>Show the answer</summary><p class="quiz-key"><strong>'
                'Answers:</strong> a. A; c. C</p><ul class="quiz-feedback"><li data-option="a" '
                'data-correct="true"><strong>a. Right:</strong> Fa</li><li data-option="b" '
                'data-correct="false"><strong>b. Not quite:</strong> Fb</li><li data-option="c" '
                'data-correct="true"><strong>c. Right:</strong> Fc</li></ul></details></div>\n<div '
                'class="quiz-question" id="quiz-one-tf" data-qid="tf" data-type="true-false" '
                'data-answer="[&quot;false&quot;]"><fieldset><legend><span class="quiz-number">Question 3 of '
                '4</span> <span class="quiz-prompt">True?</span></legend><ul class="quiz-options"><li><label>'
                '<input type="radio" name="quiz-one-tf" value="true"> <span class="quiz-option-text">'
                'True</span></label></li><li><label><input type="radio" name="quiz-one-tf" value="false"> '
                '<span class="quiz-option-text">False</span></label></li></ul></fieldset><details '
                'class="quiz-answer" data-search-exclude><summary>Show the answer</summary><p '
                'class="quiz-key"><strong>Answer:</strong> False</p><ul class="quiz-feedback"><li '
                'data-option="true" data-correct="false"><strong>True. Not quite:</strong> Not true.</li><li '
                'data-option="false" data-correct="true"><strong>False. Right:</strong> Right.</li></ul>'
                '</details></div>\n<div class="quiz-question" id="quiz-one-talk" data-qid="talk" '
                'data-type="open" data-answer="[]"><fieldset><legend><span class="quiz-number">Question 4 of '
                '4</span> <span class="quiz-prompt">Discuss</span></legend><label class="quiz-open-label" '
                'for="quiz-one-talk-text">Your answer</label><textarea id="quiz-one-talk-text" '
                'class="quiz-open-text" rows="4"></textarea></fieldset><details class="quiz-answer" '
                'data-search-exclude><summary>Show the answer</summary><div class="quiz-model-answer"><p>'
                '<strong>Model answer:</strong></p><p>Model</p>\n<p>answer.</p></div></details></div>\n<p '
                'class="quiz-score" role="status" aria-live="polite" hidden></p>\n</section>')
    assert render.quiz(tiny_course().banks["one"]) == expected


def test_chosen_questions_in_the_instructor_edition():
    expected = ('<section class="quiz" data-quiz="two" data-edition="instructor" aria-label="Quiz: 2 '
                'questions">\n<div class="quiz-question" id="quiz-two-tf" data-qid="tf" '
                'data-type="true-false" data-answer="[&quot;false&quot;]"><fieldset><legend><span '
                'class="quiz-number">Question 1 of 2</span> <span class="quiz-prompt">True?</span></legend>'
                '<ul class="quiz-options"><li><label><input type="radio" name="quiz-two-tf" value="true"> '
                '<span class="quiz-option-text">True</span></label></li><li><label><input type="radio" '
                'name="quiz-two-tf" value="false"> <span class="quiz-option-text">False</span></label></li>'
                '</ul></fieldset><details class="quiz-answer" data-search-exclude><summary>Show the '
                'answer</summary><p class="quiz-key"><strong>Answer:</strong> False</p><ul '
                'class="quiz-feedback"><li data-option="true" data-correct="false"><strong>True. Not '
                'quite:</strong> Not true.</li><li data-option="false" data-correct="true"><strong>False. '
                'Right:</strong> Right.</li></ul></details></div>\n<div class="quiz-question" '
                'id="quiz-two-pick" data-qid="pick" data-type="single" data-answer="[&quot;b&quot;]">'
                '<fieldset><legend><span class="quiz-number">Question 2 of 2</span> <span class="quiz-prompt">'
                'Pick <em>one</em></span></legend><ul class="quiz-options"><li><label><input type="radio" '
                'name="quiz-two-pick" value="a"> <span class="quiz-option-key">a.</span> <span '
                'class="quiz-option-text">A &lt;b&gt;</span></label></li><li><label><input type="radio" '
                'name="quiz-two-pick" value="b"> <span class="quiz-option-key">b.</span> <span '
                'class="quiz-option-text">B</span></label></li></ul></fieldset><details class="quiz-answer" '
                'data-search-exclude><summary>Show the answer</summary><p class="quiz-key"><strong>'
                'Answer:</strong> b. B</p><ul class="quiz-feedback"><li data-option="a" data-correct="false">'
                '<strong>a. Not quite:</strong> No.</li><li data-option="b" data-correct="true"><strong>b. '
                'Right:</strong> Yes.</li></ul><p class="quiz-explanation">Because.</p></details></div>\n<p '
                'class="quiz-score" role="status" aria-live="polite" hidden></p>\n</section>')
    assert render.quiz(tiny_course().banks["two"], [QUESTIONS[2], QUESTIONS[0]], "instructor") == expected


def test_the_plan_as_data_for_the_page():
    from macros.plan import Plan

    plan = Plan(title="T", intro="I", questions=[{"id": "q"}], habit={"day": "friday"}, actions=[{"id": "a"}],
                months=[{"focus": "F"}], review={"label": "R"})
    assert plan.to_json() == {"title": "T", "intro": "I", "questions": [{"id": "q"}], "habit": {"day": "friday"},
                              "actions": [{"id": "a"}], "months": [{"focus": "F"}], "review": {"label": "R"}}
