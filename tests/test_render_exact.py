"""The learner's pages from the core, exactly: quizzes, the course overview, the progress page and its answer keys,
the review page, all from the small course of tests/tiny_course.py."""
import re

from macros import render
from macros.bank import Bank, Question
from macros.course import Course
from macros.lessons import Lesson
from tiny_course import QUESTIONS, tiny_course


def pieces(html):
    """HTML cut between tags, one piece a line in a snapshot; joined again they are the HTML exactly."""
    return re.split(r"(?<=>)(?=<)", html)


def url_of(slug):
    return f"../{slug}/?a=1&b=2"


def test_a_quiz_of_every_question_type(snapshot):
    html = render.quiz(tiny_course().banks["one"])
    assert "".join(pieces(html)) == html
    assert pieces(html) == snapshot


def test_a_quiz_of_chosen_questions_in_the_instructor_edition(snapshot):
    bank = tiny_course().banks["one"]
    assert pieces(render.quiz(bank, [QUESTIONS[2], QUESTIONS[0]], edition="instructor")) == snapshot


def test_a_question_without_an_explanation_has_none():
    html = render.question_html(QUESTIONS[1], "one", 2, 4)
    assert "quiz-explanation" not in html
    assert html.endswith('<li data-option="c" data-correct="true"><strong><span class="quiz-option-key">c.</span> '
                         '<span class="quiz-feedback-verdict">Right:</span></strong> Fc</li></ul></details></div>')


def test_the_course_overview_lists_every_lesson_with_its_times(snapshot):
    course = tiny_course()
    html = render.course_overview(course, url_of, {"one": 4})
    assert pieces(html) == snapshot
    # Without reading times, or with none for a lesson, the lesson shows only its minutes.
    assert render.course_overview(course, url_of) == html.replace(
        ' <span class="course-reading">about 4 minutes of reading</span>', "")
    assert render.course_overview(course, url_of, {"one": 0, "two": None}) == render.course_overview(course, url_of)


def test_the_course_total_in_hours_and_minutes():
    course = tiny_course()
    course.lessons["two"].time = {"lesson": 40, "practice": 30, "check": 4}
    assert render.course_overview(course, url_of).startswith(
        '<p class="course-total">2 lessons, 92 minutes in all (1 h 32 min).</p>')
    course.lessons["two"].time = {"lesson": 40, "practice": 5, "check": 4}
    assert render.course_overview(course, url_of).startswith(
        '<p class="course-total">2 lessons, 67 minutes in all (1 h 07 min).</p>')


def test_the_answer_keys_name_options_as_the_page_does():
    assert render.answer_keys(tiny_course()) == {
        "one": {"pick": {"type": "single", "options": ["a", "b"], "answer": ["b"]},
                "many": {"type": "multiple", "options": ["a", "b", "c"], "answer": ["a", "c"]},
                "tf": {"type": "true-false", "options": ["true", "false"], "answer": ["false"]},
                "talk": {"type": "open", "max": 5000}},
        "two": {"talk": {"type": "open", "max": 5000},
                "tf": {"type": "true-false", "options": ["true", "false"], "answer": ["false"]}},
    }


def test_the_progress_page(snapshot):
    assert pieces(render.progress(tiny_course(), url_of)) == snapshot


def test_the_review_page_holds_every_choice_question(snapshot):
    assert pieces(render.review(tiny_course(), url_of, "../paper/?x&y")) == snapshot


def test_the_review_page_of_the_instructor_edition_and_a_lesson_without_a_quiz():
    course = tiny_course()
    course.lessons["three"] = Lesson(slug="three", path="docs/lessons/three.md", title="Three", description="D3",
                                     time={"lesson": 1, "practice": 1, "check": 1}, objectives={})
    del course.banks["one"]
    assert render.review(course, url_of, "paper/", edition="instructor") == (
        '<section class="quiz review" data-edition="instructor" aria-label="Questions to review"><noscript><p>'
        "This page needs JavaScript: it picks the questions that are due from the answers this browser keeps. "
        'Without it, take the <a href="paper/">paper quizzes</a> and check your answers under each question of '
        'the lesson.</p></noscript><p class="review-summary" hidden></p>\n'
        '<div class="review-item" data-review="two/tf" hidden><p class="review-from">From '
        '<a href="../two/?a=1&amp;b=2">Two</a></p>' + render.question_html(QUESTIONS[2], "two", 2, 2) + "</div>"
        "\n</section>")


def test_one_open_question_makes_a_quiz_of_one():
    bank = Bank(lesson="x", path="quizzes/x.yml", questions=[QUESTIONS[3]])
    assert render.quiz(bank) == (
        '<section class="quiz" data-quiz="x" data-edition="learner" aria-label="Quiz: 1 question">\n'
        '<p class="quiz-score" role="status" aria-live="polite" hidden></p>\n'
        '<div class="quiz-question" id="quiz-x-talk" data-qid="talk" data-type="open" data-answer="[]"><fieldset>'
        '<legend><span class="quiz-number">Question 1 of 1</span> <span class="quiz-prompt">Discuss</span></legend>'
        '<label class="quiz-open-label" for="quiz-x-talk-text">Your answer</label>'
        '<textarea id="quiz-x-talk-text" class="quiz-open-text" rows="4" maxlength="5000"></textarea></fieldset>'
        '<details class="quiz-answer" data-search-exclude><summary>Show the answer</summary>'
        '<div class="quiz-model-answer"><p><strong>Model answer:</strong></p><p>Model</p>\n<p>answer.</p></div>'
        "</details></div>\n"
        '<p class="quiz-score quiz-score--end" hidden></p>\n</section>')


def test_a_course_without_lessons_has_an_empty_overview():
    assert render.course_overview(Course(lessons={}, banks={}), url_of) == (
        '<p class="course-total">0 lessons, 0 minutes in all (0 h 00 min).</p><ol class="course-overview"></ol>')


def test_the_overview_lists_every_objective_of_a_lesson():
    course = tiny_course()
    course.lessons["two"].objectives = {"bye": "Say *bye*.", "wave": "Wave."}
    assert render.course_overview(course, url_of).endswith(
        "<p>You will be able to:</p><ul><li>Say <em>bye</em>.</li><li>Wave.</li></ul></li></ol>")
