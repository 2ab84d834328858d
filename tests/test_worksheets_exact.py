"""Printable worksheets from the core, exactly: print buttons, lists, cards and paper quizzes, from the small
course of tests/tiny_course.py."""
from macros import worksheets
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
