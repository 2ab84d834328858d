"""Printable worksheets from the core, exactly: print buttons, lists, cards and paper quizzes, from the small
course of tests/tiny_course.py."""
from macros import worksheets
from macros.lessons import Lesson
from test_render_exact import pieces
from tiny_course import QUESTIONS, tiny_course


def test_a_print_button_prints_the_page_or_one_element():
    assert worksheets.print_button() == (
        '<p class="print-control" hidden data-search-exclude><button type="button" class="md-button" data-print="">'
        "Print this worksheet</button></p>")
    assert worksheets.print_button("Print <this> & that", 'sheet-"x"') == (
        '<p class="print-control" hidden data-search-exclude><button type="button" class="md-button" '
        'data-print="sheet-&quot;x&quot;">Print &lt;this&gt; &amp; that</button></p>')


def test_a_plain_list_with_or_without_ticks():
    assert worksheets.plain_list(["*One*", "Two <b>"]) == (
        '<ul class="worksheet-list"><li><em>One</em></li><li>Two &lt;b&gt;</li></ul>')
    assert worksheets.plain_list(["One"], ticks=True) == '<ul class="worksheet-list worksheet-ticks"><li>One</li></ul>'
    assert worksheets.plain_list([], ticks=False) == '<ul class="worksheet-list"></ul>'


def test_cards_carry_their_label_and_text():
    assert worksheets.cards([("Open", "Hi *there*"), ("Ask <b>", "Why?")]) == (
        '<ul class="cards" aria-label="Conversation cards">'
        '<li class="card"><span class="card-kind" data-search-exclude>Open</span>'
        '<span class="card-text">Hi <em>there</em></span></li>'
        '<li class="card"><span class="card-kind" data-search-exclude>Ask &lt;b&gt;</span>'
        '<span class="card-text">Why?</span></li></ul>')


def test_a_paper_quiz_without_a_title(snapshot):
    html = worksheets.paper_quiz(tiny_course().banks["one"], QUESTIONS)
    assert html == worksheets.paper_quiz(tiny_course().banks["one"], QUESTIONS, lines=4, title="")
    assert pieces(html) == snapshot


def test_a_paper_quiz_with_a_title_and_fewer_lines():
    html = worksheets.paper_quiz(tiny_course().banks["two"], [QUESTIONS[3]], lines=2, title="Two & <more>")
    assert html == (
        '<section class="paper-quiz" data-quiz="two"><table class="paper-frame" role="presentation"><thead><tr>'
        '<td class="paper-running" aria-hidden="true" data-search-exclude>Paper quiz: Two &amp; &lt;more&gt;</td>'
        "</tr></thead><tbody><tr><td>"
        '<p class="paper-name" data-search-exclude>Name <span class="paper-blank"></span> Date '
        '<span class="paper-blank short"></span></p><ol class="paper-questions">'
        '<li class="paper-question" data-qid="talk" value="1"><p class="paper-prompt">Discuss</p>'
        '<div class="write-space"><div class="write-lines" aria-hidden="true">'
        '<span class="write-line"></span><span class="write-line"></span></div></div></li>'
        "</ol></td></tr></tbody></table></section>")


def test_every_paper_quiz_on_a_sheet_of_its_own(snapshot):
    course = tiny_course()
    assert pieces(worksheets.paper_quizzes(course)) == snapshot
    placed = worksheets.paper_quizzes(course, place=lambda html: f"[{len(html)}]")
    two = len(worksheets.paper_quiz(course.banks["two"], course.banks["two"].questions, title="Two"))
    assert placed.endswith(
        '<div class="paper-sheet" id="sheet-two" markdown>\n\n## Two { #quiz-two }\n\n'
        '<p class="print-control" hidden data-search-exclude><button type="button" class="md-button" '
        f'data-print="sheet-two">Print this quiz</button></p>\n\n[{two}]\n\n</div>\n')


def test_room_to_write_in_lines_or_boxes():
    assert worksheets.writing_space() == worksheets.writing_space(4) == (
        '<div class="write-space"><div class="write-lines" aria-hidden="true">'
        + '<span class="write-line"></span>' * 4 + "</div></div>")
    assert worksheets.writing_space("2", "Your *goal*") == (
        '<div class="write-space"><p class="write-label">Your <em>goal</em></p><div class="write-lines" '
        'aria-hidden="true"><span class="write-line"></span><span class="write-line"></span></div></div>')
    assert worksheets.boxes() == (
        '<div class="write-boxes"><ol class="boxes" aria-hidden="true">' + '<li class="box"></li>' * 6 + "</ol></div>")
    assert worksheets.boxes("2", "Ideas & <more>") == (
        '<div class="write-boxes"><p class="write-label">Ideas &amp; &lt;more&gt;</p><ol class="boxes" '
        'aria-hidden="true"><li class="box"></li><li class="box"></li></ol></div>')


def test_an_open_question_on_paper_has_four_lines_unless_told():
    assert worksheets.paper_question(QUESTIONS[3], 7) == (
        '<li class="paper-question" data-qid="talk" value="7"><p class="paper-prompt">Discuss</p>'
        + worksheets.writing_space(4) + "</li>")


def lesson_with(body):
    return Lesson(slug="s", path="docs/lessons/s.md", title="S", description="D.", time={}, objectives={}, body=body)


def test_list_after_reads_the_list_right_below_its_marker():
    body = "Ways in:\n- First\n  goes on\n- Second\n- Third\n  and more\n  still\nAfter the list.\n\n- Not this\n"
    assert worksheets.list_after(lesson_with(body), "Ways in") == ["First goes on", "Second", "Third and more still"]


def test_list_after_stops_at_a_blank_line_or_a_line_not_indented():
    body = "Ways in:\n\n1. One\n   more\n2. Two\n\nText after.\n"
    assert worksheets.list_after(lesson_with(body), "Ways in") == ["One more", "Two"]
    assert worksheets.list_after(lesson_with("Ways in:\n- One\n## Next\n"), "Ways in") == ["One"]


def test_list_after_wants_the_list_right_after_the_marker():
    message = ("docs/lessons/s.md: no list follows a line containing 'Ways in'; "
               "name text from the line just above the list you want")
    for body in ("Ways in:\nSome text first.\n- One\n", "Ways in:\n", "Ways in:\n\n\n", "No marker\n- One\n"):
        try:
            worksheets.list_after(lesson_with(body), "Ways in")
        except ValueError as error:
            assert str(error) == message
        else:
            raise AssertionError(body)
