"""The instructor edition's pages from the core, exactly: session plans, facilitation notes, answer keys and
timers, all from the small course of tests/tiny_course.py."""
import json
from html import unescape

from macros import instructor
from macros.lessons import Heading, Lesson
from test_render_exact import pieces, url_of
from tiny_course import tiny_course


def timer_url(slug, part):
    return f"../timers/#timer-{slug}-{part}&x"


def test_the_session_plan_of_one_lesson(snapshot):
    assert pieces(instructor.session_plan(tiny_course(), ["one"], url_of, timer_url)) == snapshot


def test_the_session_plan_of_the_whole_course(snapshot):
    assert pieces(instructor.session_plan(tiny_course(), ["one", "two"], url_of, timer_url)) == snapshot


def test_what_happens_in_the_lesson_lists_its_steps_only():
    lesson = tiny_course().lessons["one"]
    lesson.headings += [Heading(2, "Step 3: Not a level 3 heading", 30), Heading(4, "Step 4: Nor this", 31),
                        Heading(3, "Step five: no number", 32), Heading(3, "Before Step 6: not at the start", 33),
                        Heading(3, "Step 7: *Last*", 34)]
    assert instructor._what_happens(lesson, "lesson", None) == (
        'Overview, objectives and motivation; Step 1: Say hi; Step 2: Ask "why"; Step 7: <em>Last</em>')


def test_what_happens_in_the_check_counts_the_questions_and_the_discussions():
    course = tiny_course()
    lesson = course.lessons["two"]
    assert instructor._what_happens(lesson, "check", course.banks["two"]) == (
        "Check for understanding: 2 questions, 1 of them for discussion in pairs; summary")
    course.banks["two"].questions.pop()
    assert instructor._what_happens(lesson, "check", course.banks["two"]) == (
        "Check for understanding: 1 question, 1 of them for discussion in pairs; summary")
    assert instructor._what_happens(lesson, "practice", course.banks["two"]) == (
        "Guided practice in the room; introduce the independent practice and the challenge")


def test_notes_are_every_instructor_note_with_its_section():
    assert instructor.notes(tiny_course().lessons["one"]) == [
        ("Overview", "Say hello.\n\nThen *ask* a question."),
        ("Step 1: Say hi", "Collapsible note."),
        ('Step 2: Ask "why"', "Indented note."),
    ]


def test_notes_before_any_heading_at_the_end_and_under_deeper_headings():
    body = ('!!! instructor "First"\n    Before any heading.\n# Title heading\n\n#### Deep heading\n\n'
            "~~~\n## Fenced heading\n~~~\n\n!!! note\n    Not for instructors.\n\n"
            "!!! instructor\n    Last note,\n\n        indented more,\n    \n    and the end.")
    lesson = Lesson(slug="x", path="docs/lessons/x.md", title="Lesson title", description="D", time={},
                    objectives={}, body=body)
    assert instructor.notes(lesson) == [("Lesson title", "Before any heading."),
                                        ("Lesson title", "Last note,\n\n    indented more,\n\nand the end.")]


def test_a_note_ends_at_a_line_indented_as_little_as_its_start():
    body = "## A\n\n  !!! instructor\n      In.\n  Out, same indent.\n\n  !!! instructor\n   One more space.\n  Out."
    lesson = Lesson(slug="x", path="docs/lessons/x.md", title="T", description="D", time={}, objectives={}, body=body)
    assert instructor.notes(lesson) == [("A", "In."), ("A", "One more space.")]


def test_a_table_whose_last_column_is_not_minutes_is_not_a_plan():
    lesson = Lesson(slug="x", path="docs/lessons/x.md", title="T", description="D",
                    time={"lesson": 1, "practice": 1, "check": 1}, objectives={},
                    body="|Part|Minutes|X|\n|---|---|---|\n|Lesson|99|x|\n|Practice|1|2|\n")
    assert instructor.check_plan_tables(lesson) == []


def test_the_answer_key_of_one_lesson(snapshot):
    html = instructor.answer_key(tiny_course(), ["one"], url_of)
    assert html.startswith('<section class="answer-key" data-lesson="one">')
    assert pieces(html) == snapshot


def test_the_answer_key_of_the_whole_course(snapshot):
    assert pieces(instructor.answer_key(tiny_course(), ["one", "two"], url_of)) == snapshot


def test_the_answer_key_counts_one_question():
    course = tiny_course()
    course.banks["two"].questions.pop()
    assert "· 1 question</p>" in instructor.answer_key(course, ["one", "two"], url_of)


ROUNDS = [{"id": "pair-rounds", "name": "Pair rounds", "seconds": 180, "rounds": 3, "cue": "Time's up: switch partners",
           "lesson": ""},
          {"id": "speed-rounds", "name": "Speed rounds", "seconds": 30, "rounds": 8, "cue": "Switch partners",
           "lesson": ""}]


def test_the_timers_are_the_rounds_then_every_part_of_every_lesson():
    def part(slug, key, name, button, minutes, cue):
        return {"id": f"{slug}-{key}", "name": name, "part": button, "lesson": slug, "seconds": minutes * 60,
                "rounds": 1, "cue": cue}

    assert instructor.timer_presets(tiny_course()) == ROUNDS + [
        part("one", "lesson", "Lesson · First *one*", "Lesson", 10, "Time's up: on to the practice"),
        part("one", "practice", "Practice · First *one*", "Practice", 5, "Time's up: on to the check for understanding"),
        part("one", "check", "Check for understanding · First *one*", "Check", 3, "Time's up: pens down"),
        part("two", "lesson", "Lesson · Two", "Lesson", 20, "Time's up: on to the practice"),
        part("two", "practice", "Practice · Two", "Practice", 15, "Time's up: on to the check for understanding"),
        part("two", "check", "Check for understanding · Two", "Check", 5, "Time's up: pens down"),
    ]


def test_the_timers_page(snapshot):
    html = instructor.timers(tiny_course())
    assert pieces(html) == snapshot


def test_each_timer_button_carries_its_preset():
    html = instructor.timers(tiny_course())
    first = html.split('data-preset="', 1)[1].split('"', 1)[0]
    assert json.loads(unescape(first)) == ROUNDS[0]


def test_a_one_round_timer_first_shows_one_round_and_its_minutes():
    course = tiny_course()
    preset = instructor.timer_presets(course)[2]
    assert instructor._preset_button(preset, 3, "Lesson") == (
        '<button type="button" class="timer-preset" id="timer-one-lesson" '
        f'data-preset="{json.dumps(preset).replace(chr(34), "&quot;").replace(chr(39), "&#x27;")}" '
        'aria-pressed="false"><kbd>3</kbd> Lesson · 10:00</button>')
    assert instructor._preset_button(dict(preset, seconds=65, rounds=2, id="a&b"), 4, "<x>").endswith(
        '<kbd>4</kbd> &lt;x&gt; · 2 × 1:05</button>')
    assert ' id="timer-a&amp;b" ' in instructor._preset_button(dict(preset, id="a&b"), 4, "x")


def test_a_note_keeps_its_own_indents_and_letters():
    body = "## A\n\n!!! instructor\n        Indented first.\n    Ends with X\n\n!!! instructor\n    Spaces after  \n"
    lesson = Lesson(slug="x", path="docs/lessons/x.md", title="T", description="D", time={}, objectives={}, body=body)
    assert instructor.notes(lesson) == [("A", "    Indented first.\nEnds with X"), ("A", "Spaces after  ")]


def test_facilitation_notes_are_admonitions_titled_with_their_section():
    assert instructor.facilitation_notes(tiny_course().lessons["one"]) == (
        '!!! instructor "Overview"\n    Say hello.\n\n    Then *ask* a question.\n\n'
        '!!! instructor "Step 1: Say hi"\n    Collapsible note.\n\n'
        "!!! instructor \"Step 2: Ask 'why'\"\n    Indented note.\n")
    assert instructor.facilitation_notes(tiny_course().lessons["two"]) == ""


def test_materials_to_bring_play_and_print():
    def worksheet_url(name):
        return f"../worksheets/{name}/?a&b"

    assert instructor.materials(tiny_course().lessons["one"], worksheet_url) == (
        '<ul class="materials">'
        '<li class="material-supply"><span class="material-box" aria-hidden="true"></span>'
        "<strong>Bring:</strong> Pens &amp; <em>paper</em></li>"
        '<li class="material-video"><span class="material-box" aria-hidden="true"></span>'
        '<strong>Play:</strong> <a href="https://example.org/t" rel="noopener">A talk</a></li>'
        '<li class="material-worksheet"><span class="material-box" aria-hidden="true"></span>'
        '<strong>Print:</strong> <a href="../worksheets/conversation-cards/?a&amp;b">Conversation cards</a>, '
        "one per learner</li></ul>")
    assert instructor.materials(tiny_course().lessons["two"], worksheet_url) == (
        '<p class="materials-none">This lesson lists no materials in its front matter; see its facilitation notes.</p>')
