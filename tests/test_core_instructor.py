"""The instructor edition's pages from the core (macros/instructor.py), compared with the exact HTML
and Markdown they must be, on a course of two small lessons (tests/tiny_course.py)."""
from macros import instructor
from tiny_course import QUESTIONS, tiny_course


def url_of(slug):
    return f"../{slug}/"


def timer_url(key, minutes):
    return f"../timers/#{key}-{minutes}"


def test_the_course_plan_lists_every_part_with_its_start_and_a_break_control():
    """Offsets run on across lessons; data-break counts the breaks before each row."""
    expected = ('<section class="session-plan" data-plan><p class="plan-controls" hidden><label>Start time '
                '<input type="time" data-plan-start></label> <label>Break between lessons <input '
                'type="number" min="0" max="120" step="5" value="0" data-plan-break> min</label></p><table>'
                '<caption>Session plan: the start of each part and its minutes</caption><thead><tr><th '
                'scope="col">Starts</th><th scope="col">Part</th><th scope="col">Time</th><th scope="col">'
                'What happens</th></tr></thead><tbody><tr class="plan-lesson"><th colspan="4" '
                'scope="rowgroup">1. <a href="../one/">First <em>one</em></a> (18 min)</th></tr><tr '
                'class="plan-part" data-minutes="10"><td class="plan-at" data-offset="0" data-break="0">+0 '
                'min</td><th scope="row">Lesson</th><td class="plan-minutes">10 min</td><td>Overview, '
                'objectives and motivation; Step 1: Say hi; Step 2: Ask "why"</td></tr><tr class="plan-part" '
                'data-minutes="5"><td class="plan-at" data-offset="10" data-break="0">+10 min</td><th '
                'scope="row">Practice</th><td class="plan-minutes">5 min</td><td>Guided practice in the room; '
                'introduce the independent practice and the challenge (<a href="../timers/#practice-5">'
                'timer</a>)</td></tr><tr class="plan-part" data-minutes="3"><td class="plan-at" '
                'data-offset="15" data-break="0">+15 min</td><th scope="row">Check</th><td '
                'class="plan-minutes">3 min</td><td>Check for understanding: 4 questions, 1 of them for '
                'discussion in pairs; summary (<a href="../timers/#check-3">timer</a>)</td></tr><tr '
                'class="plan-lesson"><th colspan="4" scope="rowgroup">2. <a href="../two/">Two</a> (40 '
                'min)</th></tr><tr class="plan-part" data-minutes="20"><td class="plan-at" data-offset="18" '
                'data-break="1">+18 min</td><th scope="row">Lesson</th><td class="plan-minutes">20 min</td>'
                '<td>Overview, objectives and motivation; Step 1: Wave</td></tr><tr class="plan-part" '
                'data-minutes="15"><td class="plan-at" data-offset="38" data-break="1">+38 min</td><th '
                'scope="row">Practice</th><td class="plan-minutes">15 min</td><td>Guided practice in the '
                'room; introduce the independent practice and the challenge (<a href="../timers/#practice-15">'
                'timer</a>)</td></tr><tr class="plan-part" data-minutes="5"><td class="plan-at" '
                'data-offset="53" data-break="1">+53 min</td><th scope="row">Check</th><td '
                'class="plan-minutes">5 min</td><td>Check for understanding: 2 questions, 1 of them for '
                'discussion in pairs; summary (<a href="../timers/#check-5">timer</a>)</td></tr></tbody>'
                '<tfoot><tr class="plan-end"><td class="plan-at" data-offset="58" data-break="1">+58 min</td>'
                '<th scope="row">End</th><td class="plan-total">58 min</td><td></td></tr></tfoot></table>'
                '</section>')
    assert instructor.session_plan(tiny_course(), ["one", "two"], url_of, timer_url) == expected


def test_a_lesson_plan_has_no_break_control_nor_lesson_headings():
    """One lesson: no breaks, no headings."""
    expected = ('<section class="session-plan" data-plan><p class="plan-controls" hidden><label>Start time '
                '<input type="time" data-plan-start></label> </p><table><caption>Session plan: the start of '
                'each part and its minutes</caption><thead><tr><th scope="col">Starts</th><th scope="col">'
                'Part</th><th scope="col">Time</th><th scope="col">What happens</th></tr></thead><tbody><tr '
                'class="plan-part" data-minutes="20"><td class="plan-at" data-offset="0" data-break="0">+0 '
                'min</td><th scope="row">Lesson</th><td class="plan-minutes">20 min</td><td>Overview, '
                'objectives and motivation; Step 1: Wave</td></tr><tr class="plan-part" data-minutes="15"><td '
                'class="plan-at" data-offset="20" data-break="0">+20 min</td><th scope="row">Practice</th><td '
                'class="plan-minutes">15 min</td><td>Guided practice in the room; introduce the independent '
                'practice and the challenge (<a href="../timers/#practice-15">timer</a>)</td></tr><tr '
                'class="plan-part" data-minutes="5"><td class="plan-at" data-offset="35" data-break="0">+35 '
                'min</td><th scope="row">Check</th><td class="plan-minutes">5 min</td><td>Check for '
                'understanding: 2 questions, 1 of them for discussion in pairs; summary (<a '
                'href="../timers/#check-5">timer</a>)</td></tr></tbody><tfoot><tr class="plan-end"><td '
                'class="plan-at" data-offset="40" data-break="0">+40 min</td><th scope="row">End</th><td '
                'class="plan-total">40 min</td><td></td></tr></tfoot></table></section>')
    assert instructor.session_plan(tiny_course(), ["two"], url_of, timer_url) == expected


def test_materials_say_what_to_bring_play_and_print():
    """Every kind, text rendered inline, worksheets linked."""
    expected = ('<ul class="materials"><li class="material-supply"><span class="material-box" '
                'aria-hidden="true"></span><strong>Bring:</strong> Pens &amp; <em>paper</em></li><li '
                'class="material-video"><span class="material-box" aria-hidden="true"></span><strong>'
                'Play:</strong> <a href="https://example.org/t" rel="noopener">A talk</a></li><li '
                'class="material-worksheet"><span class="material-box" aria-hidden="true"></span><strong>'
                'Print:</strong> <a href="w/conversation-cards/">Conversation cards</a>, one per learner</li>'
                '</ul>')
    assert instructor.materials(tiny_course().lessons["one"], lambda name: f"w/{name}/") == expected


def test_a_lesson_without_materials_says_so():
    expected = ('<p class="materials-none">This lesson lists no materials in its front matter; see its '
                'facilitation notes.</p>')
    assert instructor.materials(tiny_course().lessons["two"], lambda name: f"w/{name}/") == expected


def test_notes_are_found_with_their_section_and_never_inside_a_fence():
    """!!!, ??? and indented notes; each ends where the indentation does; a fenced one is only an example."""
    assert instructor.notes(tiny_course().lessons["one"]) == [
        ("Overview", "Say hello.\n\nThen *ask* a question."), ("Step 1: Say hi", "Collapsible note."),
        ('Step 2: Ask "why"', "Indented note.")]
    assert instructor.notes(tiny_course().lessons["two"]) == []


def test_facilitation_notes_are_admonitions_titled_by_their_section():
    """A double quote in a title becomes a single one."""
    expected = ('!!! instructor "Overview"\n    Say hello.\n\n    Then *ask* a question.\n\n!!! instructor '
                '"Step 1: Say hi"\n    Collapsible note.\n\n!!! instructor "Step 2: Ask \'why\'"\n    '
                'Indented note.\n')
    assert instructor.facilitation_notes(tiny_course().lessons["one"]) == expected


def test_the_answer_key_item_of_a_single_question():
    expected = ('<article class="key-item" id="key-one-pick" data-qid="pick"><p class="key-prompt"><span '
                'class="key-number">1.</span> Pick <em>one</em></p><p class="key-meta">single · objective '
                '<code>hello</code> · id <code>pick</code></p><p class="key-answer"><strong>Answer:</strong> '
                'b</p><ul class="key-options"><li class="key-wrong"><span class="key-mark" aria-label="wrong">'
                '✗</span> a. A &lt;b&gt;<br><span class="key-feedback">No.</span></li><li class="key-right">'
                '<span class="key-mark" aria-label="right">✓</span> b. B<br><span class="key-feedback">'
                'Yes.</span></li></ul><p class="key-explanation">Because.</p></article>')
    assert instructor.answer_item(QUESTIONS[0], "one", 1) == expected


def test_the_answer_key_item_of_a_multiple_question():
    expected = ('<article class="key-item" id="key-one-many" data-qid="many"><p class="key-prompt"><span '
                'class="key-number">2.</span> Many</p><p class="key-meta">multiple · objective <code>'
                'hello</code> · id <code>many</code></p><p class="key-answer"><strong>Answer:</strong> a, '
                'c</p><ul class="key-options"><li class="key-right"><span class="key-mark" aria-label="right">'
                '✓</span> a. A<br><span class="key-feedback">Fa</span></li><li class="key-wrong"><span '
                'class="key-mark" aria-label="wrong">✗</span> b. B<br><span class="key-feedback">Fb</span>'
                '</li><li class="key-right"><span class="key-mark" aria-label="right">✓</span> c. C<br><span '
                'class="key-feedback">Fc</span></li></ul></article>')
    assert instructor.answer_item(QUESTIONS[1], "one", 2) == expected


def test_the_answer_key_item_of_a_true_false_question():
    expected = ('<article class="key-item" id="key-one-tf" data-qid="tf"><p class="key-prompt"><span '
                'class="key-number">3.</span> True?</p><p class="key-meta">true-false · objective <code>'
                'hello</code> · id <code>tf</code></p><p class="key-answer"><strong>Answer:</strong> False</p>'
                '<ul class="key-options"><li class="key-wrong"><span class="key-mark" aria-label="wrong">'
                '✗</span> True<br><span class="key-feedback">Not true.</span></li><li class="key-right"><span '
                'class="key-mark" aria-label="right">✓</span> False<br><span class="key-feedback">'
                'Right.</span></li></ul></article>')
    assert instructor.answer_item(QUESTIONS[2], "one", 3) == expected


def test_the_answer_key_item_of_a_open_question():
    expected = ('<article class="key-item" id="key-one-talk" data-qid="talk"><p class="key-prompt"><span '
                'class="key-number">4.</span> Discuss</p><p class="key-meta">discussion · objective <code>'
                'hello</code> · id <code>talk</code></p><div class="key-model"><p><strong>Model '
                'answer:</strong></p><p>Model</p>\n<p>answer.</p></div></article>')
    assert instructor.answer_item(QUESTIONS[3], "one", 4) == expected


def test_the_answer_key_of_several_lessons_heads_each_lesson():
    """Headings in Markdown, so they reach the table of contents."""
    expected = ('<div class="answer-key-lesson" markdown>\n\n## First *one* { #one }\n\n<p '
                'class="key-lesson-link"><a href="../one/">Open the lesson</a> · 4 questions</p>\n\n<section '
                'class="answer-key" data-lesson="one"><article class="key-item" id="key-one-pick" '
                'data-qid="pick"><p class="key-prompt"><span class="key-number">1.</span> Pick <em>one</em>'
                '</p><p class="key-meta">single · objective <code>hello</code> · id <code>pick</code></p><p '
                'class="key-answer"><strong>Answer:</strong> b</p><ul class="key-options"><li '
                'class="key-wrong"><span class="key-mark" aria-label="wrong">✗</span> a. A &lt;b&gt;<br><span '
                'class="key-feedback">No.</span></li><li class="key-right"><span class="key-mark" '
                'aria-label="right">✓</span> b. B<br><span class="key-feedback">Yes.</span></li></ul><p '
                'class="key-explanation">Because.</p></article><article class="key-item" id="key-one-many" '
                'data-qid="many"><p class="key-prompt"><span class="key-number">2.</span> Many</p><p '
                'class="key-meta">multiple · objective <code>hello</code> · id <code>many</code></p><p '
                'class="key-answer"><strong>Answer:</strong> a, c</p><ul class="key-options"><li '
                'class="key-right"><span class="key-mark" aria-label="right">✓</span> a. A<br><span '
                'class="key-feedback">Fa</span></li><li class="key-wrong"><span class="key-mark" '
                'aria-label="wrong">✗</span> b. B<br><span class="key-feedback">Fb</span></li><li '
                'class="key-right"><span class="key-mark" aria-label="right">✓</span> c. C<br><span '
                'class="key-feedback">Fc</span></li></ul></article><article class="key-item" id="key-one-tf" '
                'data-qid="tf"><p class="key-prompt"><span class="key-number">3.</span> True?</p><p '
                'class="key-meta">true-false · objective <code>hello</code> · id <code>tf</code></p><p '
                'class="key-answer"><strong>Answer:</strong> False</p><ul class="key-options"><li '
                'class="key-wrong"><span class="key-mark" aria-label="wrong">✗</span> True<br><span '
                'class="key-feedback">Not true.</span></li><li class="key-right"><span class="key-mark" '
                'aria-label="right">✓</span> False<br><span class="key-feedback">Right.</span></li></ul>'
                '</article><article class="key-item" id="key-one-talk" data-qid="talk"><p class="key-prompt">'
                '<span class="key-number">4.</span> Discuss</p><p class="key-meta">discussion · objective '
                '<code>hello</code> · id <code>talk</code></p><div class="key-model"><p><strong>Model '
                'answer:</strong></p><p>Model</p>\n<p>answer.</p></div></article></section>\n\n</div>\n\n<div '
                'class="answer-key-lesson" markdown>\n\n## Two { #two }\n\n<p class="key-lesson-link"><a '
                'href="../two/">Open the lesson</a> · 2 questions</p>\n\n<section class="answer-key" '
                'data-lesson="two"><article class="key-item" id="key-two-talk" data-qid="talk"><p '
                'class="key-prompt"><span class="key-number">1.</span> Discuss</p><p class="key-meta">'
                'discussion · objective <code>hello</code> · id <code>talk</code></p><div class="key-model">'
                '<p><strong>Model answer:</strong></p><p>Model</p>\n<p>answer.</p></div></article><article '
                'class="key-item" id="key-two-tf" data-qid="tf"><p class="key-prompt"><span '
                'class="key-number">2.</span> True?</p><p class="key-meta">true-false · objective <code>'
                'hello</code> · id <code>tf</code></p><p class="key-answer"><strong>Answer:</strong> False</p>'
                '<ul class="key-options"><li class="key-wrong"><span class="key-mark" aria-label="wrong">'
                '✗</span> True<br><span class="key-feedback">Not true.</span></li><li class="key-right"><span '
                'class="key-mark" aria-label="right">✓</span> False<br><span class="key-feedback">'
                'Right.</span></li></ul></article></section>\n\n</div>\n')
    assert instructor.answer_key(tiny_course(), ["one", "two"], url_of) == expected


def test_the_answer_key_of_one_lesson_is_its_section_alone():
    expected = ('<section class="answer-key" data-lesson="two"><article class="key-item" id="key-two-talk" '
                'data-qid="talk"><p class="key-prompt"><span class="key-number">1.</span> Discuss</p><p '
                'class="key-meta">discussion · objective <code>hello</code> · id <code>talk</code></p><div '
                'class="key-model"><p><strong>Model answer:</strong></p><p>Model</p>\n<p>answer.</p></div>'
                '</article><article class="key-item" id="key-two-tf" data-qid="tf"><p class="key-prompt">'
                '<span class="key-number">2.</span> True?</p><p class="key-meta">true-false · objective <code>'
                'hello</code> · id <code>tf</code></p><p class="key-answer"><strong>Answer:</strong> False</p>'
                '<ul class="key-options"><li class="key-wrong"><span class="key-mark" aria-label="wrong">'
                '✗</span> True<br><span class="key-feedback">Not true.</span></li><li class="key-right"><span '
                'class="key-mark" aria-label="right">✓</span> False<br><span class="key-feedback">'
                'Right.</span></li></ul></article></section>')
    assert instructor.answer_key(tiny_course(), ["two"], url_of) == expected


def test_timer_presets_add_one_check_for_each_length_longest_first():
    assert instructor.timer_presets(tiny_course()) == [
        {"id": "pair-rounds", "name": "Pair rounds", "seconds": 180, "rounds": 3, "cue": "Time's up: switch partners"},
        {"id": "speed-rounds", "name": "Speed rounds", "seconds": 30, "rounds": 8, "cue": "Switch partners"},
        {"id": "check-5", "name": "Check for understanding", "seconds": 300, "rounds": 1, "cue": "Time's up: pens down"},
        {"id": "check-3", "name": "Check for understanding", "seconds": 180, "rounds": 1, "cue": "Time's up: pens down"}]


def test_the_timer_page():
    """Presets as numbered buttons, the first one on the face."""
    expected = ('<section class="timer" data-timer aria-label="Facilitator timer"><noscript><p>The timer '
                "needs JavaScript. Without it, use any clock: the session plan lists every round's "
                'minutes.</p></noscript><div class="timer-presets" role="group" aria-label="Choose a timer">'
                '<button type="button" class="timer-preset" id="timer-pair-rounds" '
                'data-preset="{&quot;id&quot;: &quot;pair-rounds&quot;, &quot;name&quot;: &quot;Pair '
                'rounds&quot;, &quot;seconds&quot;: 180, &quot;rounds&quot;: 3, &quot;cue&quot;: '
                '&quot;Time&#x27;s up: switch partners&quot;}" aria-pressed="false"><kbd>1</kbd> Pair rounds '
                '· 3 × 3:00</button><button type="button" class="timer-preset" id="timer-speed-rounds" '
                'data-preset="{&quot;id&quot;: &quot;speed-rounds&quot;, &quot;name&quot;: &quot;Speed '
                'rounds&quot;, &quot;seconds&quot;: 30, &quot;rounds&quot;: 8, &quot;cue&quot;: &quot;Switch '
                'partners&quot;}" aria-pressed="false"><kbd>2</kbd> Speed rounds · 8 × 0:30</button><button '
                'type="button" class="timer-preset" id="timer-check-5" data-preset="{&quot;id&quot;: '
                '&quot;check-5&quot;, &quot;name&quot;: &quot;Check for understanding&quot;, '
                '&quot;seconds&quot;: 300, &quot;rounds&quot;: 1, &quot;cue&quot;: &quot;Time&#x27;s up: pens '
                'down&quot;}" aria-pressed="false"><kbd>3</kbd> Check for understanding · 5:00</button>'
                '<button type="button" class="timer-preset" id="timer-check-3" data-preset="{&quot;id&quot;: '
                '&quot;check-3&quot;, &quot;name&quot;: &quot;Check for understanding&quot;, '
                '&quot;seconds&quot;: 180, &quot;rounds&quot;: 1, &quot;cue&quot;: &quot;Time&#x27;s up: pens '
                'down&quot;}" aria-pressed="false"><kbd>4</kbd> Check for understanding · 3:00</button></div>'
                '<div class="timer-face"><p class="timer-name">Pair rounds</p><p class="timer-round">Round 1 '
                'of 3</p><p class="timer-time" role="timer" aria-atomic="true">3:00</p><p class="timer-cue" '
                'role="status" aria-live="assertive"></p><div class="timer-controls" hidden><button '
                'type="button" class="md-button md-button--primary" data-action="toggle">Start</button> '
                '<button type="button" class="md-button" data-action="next">Next round</button> <button '
                'type="button" class="md-button" data-action="reset">Reset</button> <button type="button" '
                'class="md-button" data-action="fullscreen">Full screen</button></div><p class="timer-keys">'
                '<kbd>Space</kbd> start or pause · <kbd>N</kbd> next round · <kbd>R</kbd> reset · <kbd>F</kbd>'
                ' full screen · <kbd>1</kbd>–<kbd>4</kbd> choose a timer</p></div></section>')
    assert instructor.timers(tiny_course()) == expected


def test_a_note_can_end_the_lesson_and_keeps_its_own_spaces():
    from macros.lessons import Lesson

    lesson = Lesson(slug="x", path="docs/lessons/x.md", title="X", description="D", time={}, objectives={},
                    body="## Summary\n\n!!! instructor\n    X marks the spot.  \n\n      Indented more.  ")
    assert instructor.notes(lesson) == [("Summary", "X marks the spot.  \n\n  Indented more.  ")]


def test_a_timer_of_two_rounds_says_so(monkeypatch):
    presets = [{"id": "two", "name": "Two", "seconds": 60, "rounds": 2, "cue": "Next"}]
    monkeypatch.setattr(instructor, "timer_presets", lambda course: presets)
    assert "<kbd>1</kbd> Two · 2 × 1:00</button>" in instructor.timers(tiny_course())
