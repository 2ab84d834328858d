"""The instructor edition: built from the same sources, it adds the facilitation notes, session plans,
materials, answer keys and timers, and the learner edition holds none of them."""
import json
import re
from datetime import datetime
from html.parser import HTMLParser

import pytest
import yaml

from conftest import ROOT, mkdocs_build
from macros import instructor, lessons, render
from macros.course import nav_of, nav_paths

LEARNER, INSTRUCTOR = ROOT / "mkdocs.yml", ROOT / "mkdocs.instructor.yml"


class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def words(text):
    """Text reduced to its words, so Markdown source, HTML and PDF text compare alike."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def page_words(path):
    parser = Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return words(" ".join(parser.parts))


def note_snippets(course):
    """(lesson, twelve words from the start of each paragraph of each facilitation note)."""
    for slug, lesson in course.lessons.items():
        for _, text in instructor.notes(lesson):
            for paragraph in text.split("\n\n"):
                if not paragraph.lstrip().startswith("|") and len(words(paragraph).split()) >= 12:
                    yield slug, " ".join(words(paragraph).split()[:12])


# ---- Two editions, one source -------------------------------------------------------------------


def test_the_learner_edition_has_no_facilitation_note(site, course):
    snippets = list(note_snippets(course))
    assert sorted({slug for slug, _ in snippets}) == sorted(course.lessons), "every lesson has facilitation notes"
    index = words(json.dumps(json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))))
    texts = {path: page_words(path) for path in site.rglob("*.html")}
    for slug, snippet in snippets:
        assert snippet not in index, (slug, snippet)
        for path, text in texts.items():
            assert snippet not in text, (path, snippet)
    for path in texts:
        assert "admonition instructor" not in path.read_text(encoding="utf-8"), path


def test_the_instructor_edition_keeps_every_note_beside_its_content(instructor_site, course):
    for slug, snippet in note_snippets(course):
        assert snippet in page_words(instructor_site / "lessons" / slug / "index.html"), (slug, snippet)
        assert snippet in page_words(instructor_site / "instructor/sessions" / slug / "index.html"), (slug, snippet)


def test_the_learner_edition_has_no_instructor_page(site):
    assert not (site / "instructor").exists()
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for marker in ('class="key-item"', 'class="answer-key"', "data-timer", "data-plan"):
            assert marker not in html, (path, marker)
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("instructor/")]
    assert "answer key" not in " ".join(d["title"].lower() for d in index["docs"])


def test_the_instructor_nav_contains_every_page_of_the_learner_nav():
    learner, teacher = list(nav_paths(nav_of(LEARNER))), list(nav_paths(nav_of(INSTRUCTOR)))
    assert [p for p in teacher if p in learner] == learner, "mkdocs.instructor.yml's nav must list the learner nav, in order"
    assert all(p.startswith("instructor/") for p in teacher if p not in learner), "only instructor pages are added"
    on_disk = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs/instructor").rglob("*.md"))
    assert sorted(p for p in teacher if p.startswith("instructor/")) == on_disk


def test_every_lesson_has_a_session_page(course):
    teacher = list(nav_paths(nav_of(INSTRUCTOR)))
    sessions = [p for p in teacher if p.startswith("instructor/sessions/")]
    assert sessions == [f"instructor/sessions/{slug}.md" for slug in course.lessons], "one per lesson, in course order"


def test_the_editions_differ_only_where_they_should():
    learner = LEARNER.read_text(encoding="utf-8")
    teacher = INSTRUCTOR.read_text(encoding="utf-8")
    assert re.search(r"^exclude_docs: \|\n  /instructor/$", learner, re.M)
    assert re.search(r"^INHERIT: mkdocs\.yml$", teacher, re.M)
    assert re.search(r"^extra:\n  edition: instructor$", teacher, re.M)
    assert re.search(r"^site_dir: site-instructor$", teacher, re.M)


# ---- Answer keys ----------------------------------------------------------------------------------


def test_every_question_is_in_the_answer_key_with_its_answer(instructor_site, course):
    html = (instructor_site / "instructor/answer-key/index.html").read_text(encoding="utf-8")
    count = 0
    for slug, bank in course.banks.items():
        assert f'id="{slug}"' in html, slug
        section = html.split(f'<section class="answer-key" data-lesson="{slug}">', 1)[1].split("</section>", 1)[0]
        for question in bank.questions:
            item = section.split(f'data-qid="{question.id}"', 1)[1].split("</article>", 1)[0]
            assert render.inline(question.prompt) in item, (slug, question.id)
            if question.type == "open":
                assert render.block(question.answer) in item, (slug, question.id)
            else:
                for key, text in question.choices:
                    mark = "✓" if key in question.keyed else "✗"
                    label = {True: "True", False: "False"}.get(key) or f"{key}. {render.inline(text)}"
                    assert re.search(rf"{mark}</span> {re.escape(label)}<br>", item), (slug, question.id, key)
                    assert render.inline(question.feedback[key]) in item, (slug, question.id, key)
            if question.explanation:
                assert render.inline(question.explanation) in item
            count += 1
    assert count == sum(len(b.questions) for b in course.banks.values()) == html.count('class="key-item"')


def test_each_session_page_links_its_answer_key_and_timers(instructor_site, course):
    for slug, lesson in course.lessons.items():
        html = (instructor_site / "instructor/sessions" / slug / "index.html").read_text(encoding="utf-8")
        assert f'href="../../answer-key/#{slug}"' in html, slug
        for part in lessons.TIME_PARTS:
            assert f'href="../../timers/#timer-{slug}-{part}"' in html, (slug, part)
        assert 'href="../../timers/#timer-pair-rounds"' in html, slug


# ---- Session plans ----------------------------------------------------------------------------------


def plan_rows(html):
    """(minutes, offset) of each part row, and the end offset, from a built session plan."""
    rows = [(int(m), int(o)) for m, o in re.findall(r'<tr class="plan-part" data-minutes="(\d+)"><td class="plan-at" '
                                                     r'data-offset="(\d+)"', html)]
    end = int(re.search(r'<tr class="plan-end"><td class="plan-at" data-offset="(\d+)"', html).group(1))
    return rows, end


def test_session_plan_minutes_add_up_to_each_lesson(instructor_site, course):
    for slug, lesson in course.lessons.items():
        rows, end = plan_rows((instructor_site / "instructor/sessions" / slug / "index.html").read_text(encoding="utf-8"))
        assert [m for m, _ in rows] == [lesson.time[p] for p in lessons.TIME_PARTS], slug
        assert sum(m for m, _ in rows) == end == lesson.minutes, slug
        assert [o for _, o in rows] == [sum(m for m, _ in rows[:i]) for i in range(len(rows))], slug


def test_the_course_plan_adds_up_to_the_whole_course(instructor_site, course):
    rows, end = plan_rows((instructor_site / "instructor/session-plan/index.html").read_text(encoding="utf-8"))
    assert len(rows) == 3 * len(course.lessons)
    assert sum(m for m, _ in rows) == end == sum(lesson.minutes for lesson in course.lessons.values())
    assert all(rows[i + 1][1] == rows[i][1] + rows[i][0] for i in range(len(rows) - 1))


def test_a_facilitation_table_must_agree_with_the_front_matter(course):
    lesson = course.lessons["networking-career"]
    assert "| Part |" in lesson.body and instructor.check_plan_tables(lesson) == []
    changed = lessons.Lesson(**{**lesson.__dict__, "time": {**lesson.time, "practice": lesson.time["practice"] + 1}})
    problems = instructor.check_plan_tables(changed)
    assert len(problems) == 1 and "gives practice 15 minutes, but `time.practice` is 16" in problems[0].message
    assert problems[0].line == 1 + lesson.body.splitlines().index("    | Part | Activity | Minutes |") + lesson.body_line - 1


def test_every_facilitation_table_is_checked_however_it_is_written():
    # Two tables: the first written without spaces and agreeing, the second missing a part.
    body = ("Notes\n\n|Part|Minutes|\n|---|---|\n|Lesson|20|\n|Practice|10|\n|Check|0|\n\nMore notes\n\n"
            "| Part | What happens | Minutes |\n|---|---|---|\n| Lesson | Steps 1 and 2 | 20 |\n| Practice | Pairs | 10 |")
    lesson = lessons.Lesson(slug="sample", path="docs/lessons/sample.md", title="Sample", description="One.",
                            time={"lesson": 20, "practice": 10, "check": 0}, objectives={}, body=body, body_line=30)
    assert instructor.check_plan_tables(lesson) == []
    lesson.time = {"lesson": 20, "practice": 10, "check": 5}
    assert [(p.file, p.line, p.message) for p in instructor.check_plan_tables(lesson)] == [
        ("docs/lessons/sample.md", 32, "the session plan table in the facilitation notes gives check 0 minutes, but "
                                       "`time.check` is 5; make them agree"),
        ("docs/lessons/sample.md", 40, "the session plan table in the facilitation notes gives check 0 minutes, but "
                                       "`time.check` is 5; make them agree")]


# ---- Materials ------------------------------------------------------------------------------------

FRONT = """---
title: T
description: D
time: {lesson: 1, practice: 1, check: 1}
objectives:
  one: Do it.
materials:
%s
---
"""


def materials_problems(entries):
    _, problems = lessons.parse(FRONT % entries, "docs/lessons/x.md", "x")
    return [p for p in problems if "section" not in p.message]


def test_materials_are_read_from_the_front_matter(course):
    source = (ROOT / "docs/lessons/networking-career.md").read_text(encoding="utf-8")
    entries = yaml.safe_load(source.split("---\n")[1])["materials"]
    first = source.splitlines().index("materials:") + 2  # the line of the first entry, counted from 1
    assert [kind for kind, _, _ in course.lessons["networking-career"].materials] == [
        "supply", "supply", "video", "worksheet", "worksheet", "worksheet"]
    assert course.lessons["networking-career"].materials == [
        (kind, text, first + number) for number, entry in enumerate(entries) for kind, text in entry.items()]
    assert materials_problems("  - supply: Post-it notes\n  - worksheet: conversation-cards") == []


@pytest.mark.parametrize("entries, line, message", [
    ("  - supply: Pens\n  - handout: Cards", 9, "'handout' is not a type of material; use one of: supply, video, worksheet"),
    ("  - Pens", 8, "each entry of `materials:` is one type and its text"),
    ("  - video: ''", 8, "`video:` needs text"),
    ("  - worksheet: Conversation Cards", 8, "must name a page of docs/worksheets/"),
])
def test_a_bad_materials_entry_names_its_line(entries, line, message):
    problems = materials_problems(entries)
    assert len(problems) == 1 and problems[0].line == line and message in problems[0].message, problems


def test_a_bad_materials_entry_stops_the_build_cleanly(tmp_path):
    from test_site import copy_project

    project = copy_project(tmp_path)
    path = project / "docs/lessons/networking-career.md"
    text = path.read_text(encoding="utf-8")
    line = text.splitlines().index("  - worksheet: conversation-cards") + 1
    path.write_text(text.replace("  - worksheet: conversation-cards", "  - handout: conversation-cards"), encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.instructor.yml", tmp_path / "out", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/lessons/networking-career.md:{line}: 'handout' is not a type of material" in output, output
    assert "Traceback" not in output


def test_a_worksheet_that_lost_its_list_stops_the_build_cleanly(tmp_path):
    from test_site import copy_project

    project = copy_project(tmp_path)
    path = project / "docs/worksheets/conversation-cards.md"
    path.write_text(path.read_text(encoding="utf-8").replace("write them on a card in your pocket", "Have no questions"),
                    encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "out", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"ERROR\s+-\s+docs/worksheets/conversation-cards\.md:\d+: docs/lessons/in-person\.md: "
                     r"no list follows a line containing 'Have no questions'", output), output
    assert "Traceback" not in output


def test_materials_show_on_the_session_page_and_the_lesson(instructor_site, site, course):
    lesson = course.lessons["networking-career"]
    session = (instructor_site / "instructor/sessions/networking-career/index.html").read_text(encoding="utf-8")
    taught = (instructor_site / "lessons/networking-career/index.html").read_text(encoding="utf-8")
    learned = (site / "lessons/networking-career/index.html").read_text(encoding="utf-8")
    for kind, text, _ in lesson.materials:
        shown = render.inline(text) if kind != "worksheet" else f'href="../../../worksheets/{text}/"'
        assert shown in session, text
        assert (render.inline(text) if kind != "worksheet" else f'href="../../worksheets/{text}/"') in taught, text
    assert 'class="materials"' not in learned


# ---- Cards and lists come from the lessons ------------------------------------------------------------


def test_conversation_cards_are_the_lessons_lists(site, course):
    from macros.worksheets import list_after

    html = (site / "worksheets/conversation-cards/index.html").read_text(encoding="utf-8")
    decks = [("in-person", "Some simple ways in"), ("in-person", "write them on a card in your pocket"),
             ("in-person", "wrap-up questions let you close warmly"),
             ("in-person", "take your leave with a clear, friendly line")]
    items = [item for slug, marker in decks for item in list_after(course.lessons[slug], marker)]
    assert [len(list_after(course.lessons[slug], marker)) for slug, marker in decks] == [3, 10, 3, 3]
    assert html.count('<li class="card">') == len(items)
    for item in items:
        assert render.inline(item) in html


def test_list_after_names_the_lesson_when_the_list_is_gone(course):
    from macros.worksheets import list_after

    with pytest.raises(ValueError, match=r"docs/lessons/in-person\.md: no list follows a line containing 'Nope'"):
        list_after(course.lessons["in-person"], "Nope")


def test_list_after_skips_a_marker_inside_fenced_code():
    from macros.worksheets import list_after

    body = "```\nQuestions to ask:\n- In the fence\n```\n\nQuestions to ask:\n\n- First\n- Second\n  goes on\n"
    lesson = lessons.Lesson(slug="s", path="docs/lessons/s.md", title="S", description="D.", time={}, objectives={},
                            body=body)
    assert list_after(lesson, "Questions to ask") == ["First", "Second goes on"]


def test_macros_of_the_instructor_edition_refuse_the_learner_edition(tmp_path):
    from test_site import copy_project

    project = copy_project(tmp_path)
    (project / "docs/glossary.md").write_text("# Glossary\n\n{{ answer_key() }}\n", encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "out", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/glossary.md:3: answer_key() belongs to the instructor edition" in output, output
    assert "Traceback" not in output


# ---- In the browser: timers, clock times, print buttons ------------------------------------------


def test_the_timer_runs_from_the_keyboard(instructor_page):
    tab = instructor_page
    tab.clock.install(time=datetime(2026, 1, 5, 9, 0))
    tab.goto("instructor/timers/")
    tab.clock.pause_at(datetime(2026, 1, 5, 9, 5))  # from here only run_for moves time, however loaded the machine
    tab.locator(".timer-controls").wait_for(state="visible")  # the script is ready for keys
    timer = tab.locator("[data-timer]")
    assert tab.locator(".timer-time").inner_text() == "3:00"
    assert tab.locator(".timer-round").inner_text() == "Round 1 of 3"
    tab.keyboard.press("Space")
    tab.clock.run_for(61_500)  # the face is redrawn five times a second
    assert tab.locator(".timer-time").inner_text() == "1:59"
    tab.keyboard.press("Space")  # pause
    tab.clock.run_for(30_000)
    assert tab.locator(".timer-time").inner_text() == "1:59"
    tab.keyboard.press("Space")
    tab.clock.run_for(120_000)
    assert "timer--done" in timer.get_attribute("class")
    assert tab.locator(".timer-cue").inner_text() == "Time's up: switch partners. Next: round 2 of 3."
    tab.keyboard.press("n")
    assert tab.locator(".timer-round").inner_text() == "Round 2 of 3"
    assert "timer--done" not in timer.get_attribute("class")
    tab.clock.run_for(1_500)
    assert tab.locator(".timer-time").inner_text() == "2:59"
    tab.keyboard.press("2")
    assert tab.locator(".timer-name").inner_text() == "Speed rounds"
    assert tab.locator(".timer-time").inner_text() == "0:30"
    tab.keyboard.press("f")
    assert "timer--full" in timer.get_attribute("class")
    box = tab.locator(".timer-time").bounding_box()
    assert box["height"] > 250, "readable from the back of the room"


def test_a_timer_can_be_opened_from_a_session_plan(instructor_page, course):
    check = course.lessons["networking-career"].time["check"]
    instructor_page.goto("instructor/sessions/networking-career/")
    instructor_page.locator('a[href$="#timer-networking-career-check"]').first.click()
    instructor_page.wait_for_url("**/timers/#timer-networking-career-check")
    assert instructor_page.locator(".timer-time").inner_text() == f"{check}:00"
    assert instructor_page.locator("#timer-networking-career-check").get_attribute("aria-pressed") == "true"


def test_the_time_up_cue_respects_reduced_motion(browser, instructor_url):
    context = browser.new_context(base_url=instructor_url, reduced_motion="reduce")
    tab = context.new_page()
    tab.clock.install()
    tab.goto("instructor/timers/#timer-speed-rounds")
    tab.locator(".timer-controls").wait_for(state="visible")
    tab.keyboard.press("Space")
    tab.clock.run_for(31_000)
    face = tab.locator("[data-timer]")
    assert "timer--done" in face.get_attribute("class")
    assert face.evaluate("node => getComputedStyle(node).animationName") == "none"
    assert face.evaluate("node => getComputedStyle(node).backgroundColor") == "rgb(255, 214, 10)"
    context.close()


def test_a_start_time_turns_minutes_into_clock_times(instructor_page, course):
    lesson = course.lessons["networking-career"]
    instructor_page.goto("instructor/sessions/networking-career/")
    cells = instructor_page.locator(".plan-at")
    assert cells.all_inner_texts() == ["+0 min", f"+{lesson.time['lesson']} min",
                                       f"+{lesson.time['lesson'] + lesson.time['practice']} min", f"+{lesson.minutes} min"]
    instructor_page.fill("[data-plan-start]", "13:30")
    end = 13 * 60 + 30 + lesson.minutes
    assert cells.all_inner_texts()[0] == "13:30"
    assert cells.all_inner_texts()[-1] == f"{end // 60:02d}:{end % 60:02d}"
    instructor_page.reload()
    assert cells.all_inner_texts()[0] == "13:30", "the start time is remembered"


def test_a_break_between_lessons_moves_every_later_lesson(instructor_page, course):
    """The course plan from 09:00 with 15 minutes between lessons: lesson n starts (n - 1) breaks later."""
    times, offset = [], 9 * 60
    for number, lesson in enumerate(course.lessons.values()):
        start = offset + 15 * number
        times += [start, start + lesson.time["lesson"], start + lesson.time["lesson"] + lesson.time["practice"]]
        offset += lesson.minutes
    times.append(offset + 15 * (len(course.lessons) - 1))
    expected = [f"{t // 60:02d}:{t % 60:02d}" for t in times]
    instructor_page.goto("instructor/session-plan/")
    instructor_page.fill("[data-plan-start]", "09:00")
    instructor_page.fill("[data-plan-break]", "15")
    cells = instructor_page.locator(".plan-at")
    assert cells.all_inner_texts() == expected
    # The second lesson starts after the first one's 50 minutes and one break.
    assert expected[3] == "10:05" and expected[-1] == "16:42", "the course's lesson times changed: update this line"
    assert cells.nth(3).get_attribute("title") == "+65 min"
    instructor_page.reload()
    assert cells.all_inner_texts() == expected, "the start time and the break are remembered"


def test_print_buttons_print(page, course):
    page.goto("worksheets/paper-quizzes/")
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1;"
                  " window.printedOne = document.body.classList.contains('print-one'); }; }")
    buttons = page.locator("[data-print]")
    # One for the whole page, one for each lesson's sheet.
    assert buttons.count() == 1 + len(course.lessons) and buttons.first.is_visible()
    buttons.first.click()
    assert page.evaluate("window.printed") == 1 and page.evaluate("window.printedOne") is False
    page.locator('[data-print="sheet-in-person"]').click()
    assert page.evaluate("window.printedOne") is True


def test_without_javascript_the_controls_stay_hidden(browser, instructor_url):
    context = browser.new_context(base_url=instructor_url, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("instructor/sessions/networking-career/")
    assert not tab.locator(".print-control").first.is_visible()
    assert not tab.locator(".plan-controls").is_visible()
    assert tab.locator(".plan-at").first.inner_text() == "+0 min"
    context.close()
