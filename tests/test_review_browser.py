"""The review page in Chromium, on a clock the test controls (Playwright's fake clock, in New Zealand's time zone so
that the learner's own calendar day is what counts): a wrong answer in a lesson arrives at once, a right answer there
counts for the lesson, and the question comes back 1, 3, 7 and 21 days after each right answer; the number due in the
navigation is exact; export and import carry the schedule, and leave out forged entries; the options come in the
learner's own order, as in the lesson; without JavaScript the page points to the paper quizzes; axe finds nothing."""
import json
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from test_a11y import SCHEMES, axe_source, violations  # noqa: F401 (axe_source is a fixture)
from test_option_order_browser import SEED
from test_quiz_browser import LESSON, STORE, box, choose_and_check, first, keys, open_lesson, score, shown, text_of

from conftest import checked_page, wait_until

ZONE = "Pacific/Auckland"
START = date(2025, 3, 3)  # a Monday
OTHER = "networking-online"  # a second lesson


def at(day, clock="09:00"):
    """A moment on a day of the learner's calendar."""
    hours, minutes = map(int, clock.split(":"))
    return datetime(day.year, day.month, day.day, hours, minutes, tzinfo=ZoneInfo(ZONE))


def learner_tab(browser, site_url, when=None):
    """A generator of a fresh tab in New Zealand whose clock starts at `when` (09:00 on START): next() gives the
    tab, the next next() closes it and checks it made no foreign request and logged no error."""
    tabs = checked_page(browser, site_url, timezone_id=ZONE)
    tab = next(tabs)
    tab.clock.install(time=when or at(START))
    yield tab
    next(tabs, None)


@pytest.fixture
def learner(browser, site_url):
    yield from learner_tab(browser, site_url)


@pytest.fixture(scope="module")
def bank(course):
    return course.banks[LESSON].questions


def choice(bank):
    return [q for q in bank if q.type != "open"]


def named(day):
    """A day as the page writes it: "Friday 7 March"."""
    return f"{day:%A} {day.day} {day:%B}"


def open_review(page):
    page.goto("review/")
    page.wait_for_selector(".review.quiz--ready")


def item(page, slug, question):
    return page.locator(f'.review-item[data-review="{slug}/{question.id}"]')


def shown_items(page):
    return page.locator(".review-item:not([hidden])").evaluate_all("items => items.map(item => item.dataset.review)")


def review_order(page, slug, question):
    return item(page, slug, question).locator("input").evaluate_all("inputs => inputs.map(input => input.value)")


def summary(page):
    return text_of(page.locator(".review-summary"))


def nav_label(page):
    """The navigation's link to the review page as a learner reads it: "Review (3 due)"."""
    link = page.locator(".md-sidebar--primary a.md-nav__link").filter(has_text=re.compile(r"^\s*Review(\s*\(.*\))?\s*$"))
    assert link.count() == 1
    return " ".join(link.inner_text().split())


def entry(page, name):
    return page.evaluate("name => CourseStore.get('review')[name]", name)


def answer(node, chosen):
    for key in chosen:
        node.locator(f'input[value="{key}"]').check()
    node.get_by_role("button", name="Check", exact=True).click()
    return text_of(node.locator(".quiz-verdict"))


def test_a_wrong_answer_is_reviewed_and_comes_back_after_1_3_7_and_21_days(learner, course, bank):
    page, question = learner, first(bank, "single")
    name = f"{LESSON}/{question.id}"
    open_lesson(page)
    assert page.evaluate("[new Date().getDate(), new Date().getHours()]") == [3, 9], "the tab runs on the test's clock"
    order = shown(page, question)
    assert nav_label(page) == "Review"
    choose_and_check(page, question, keys(question, False)[:1])
    assert nav_label(page) == "Review (1 due)", "a wrong answer is due at once"
    assert entry(page, name) == {"box": 0, "due": "2025-03-03", "seen": "2025-03-03"}

    open_review(page)
    assert shown_items(page) == [name]
    assert summary(page) == "1 question is due for review."
    node = item(page, LESSON, question)
    assert text_of(node.locator(".review-from")) == f"From {course.lessons[LESSON].title}"
    assert text_of(node.locator(".quiz-number")) == "Question 1 of 1"
    assert node.locator("input:checked").count() == 0 and node.locator(".quiz-result").text_content() == "", "unanswered"
    assert review_order(page, LESSON, question) == order, "the learner's own order, as in the lesson"
    assert answer(node, keys(question, True)) == "Correct."
    assert entry(page, name) == {"box": 1, "due": "2025-03-04", "seen": "2025-03-03"}
    assert nav_label(page) == "Review"
    assert summary(page) == "You have answered every question that was due. The next is due tomorrow."

    # The answer counts for the lesson.
    open_lesson(page)
    assert text_of(box(page, question).locator(".quiz-verdict")) == "Correct."
    assert box(page, question).locator("input:checked").get_attribute("value") == keys(question, True)[0]
    assert score(page) == f"Your score: 1 of {len(bank)} correct (1 of {len(bank)} answered)."
    page.goto("progress/")
    row = page.locator(f'tr[data-quiz="{LESSON}"]')
    assert text_of(row.locator(".progress-done")) == f"1 of {len(bank)} questions"
    assert text_of(row.locator(".progress-score")) == f"1 of {len(bank)} correct"

    # Not due again before its day; due from the first minute of it; each right answer waits longer.
    seen = START
    for box_number, wait in ((1, 1), (2, 3), (3, 7), (4, 21), (4, 21)):
        due = seen + timedelta(days=wait)
        assert entry(page, name) == {"box": box_number, "due": due.isoformat(), "seen": seen.isoformat()}
        page.clock.set_fixed_time(at(due - timedelta(days=1), "23:59"))
        open_review(page)
        assert shown_items(page) == [], f"due on {due}, not before"
        assert nav_label(page) == "Review"
        assert summary(page) == "Nothing is due for review today. The next is due tomorrow."
        page.clock.set_fixed_time(at(due, "00:01"))
        open_review(page)
        assert shown_items(page) == [name], f"due on {due}"
        assert nav_label(page) == "Review (1 due)"
        assert answer(item(page, LESSON, question), keys(question, True)) == "Correct."
        seen = due
        if box_number < 4:
            after = seen + timedelta(days=(3, 7, 21)[box_number - 1])
            assert summary(page) == f"You have answered every question that was due. The next is due on {named(after)}."
    assert entry(page, name) == {"box": 4, "due": "2025-05-16", "seen": "2025-04-25"}

    # A wrong answer sends it back to the start: due at once, then the next day.
    page.clock.set_fixed_time(at(date(2025, 5, 16), "12:00"))
    open_review(page)
    node = item(page, LESSON, question)
    assert answer(node, keys(question, False)[:1]) == "Not quite."
    assert entry(page, name) == {"box": 0, "due": "2025-05-16", "seen": "2025-05-16"}
    assert nav_label(page) == "Review (1 due)"
    assert summary(page) == "1 question is due for review."
    node.get_by_role("button", name="Try again").click()
    assert answer(node, keys(question, True)) == "Correct."
    assert entry(page, name) == {"box": 1, "due": "2025-05-17", "seen": "2025-05-16"}
    open_review(page)
    assert shown_items(page) == []


def test_answering_twice_in_a_lesson_does_not_skip_the_wait(learner, bank):
    page, question = learner, first(bank, "multiple")
    name = f"{LESSON}/{question.id}"
    open_lesson(page)
    choose_and_check(page, question, keys(question, True))
    assert entry(page, name) == {"box": 1, "due": "2025-03-04", "seen": "2025-03-03"}
    box(page, question).get_by_role("button", name="Answer again").click()
    choose_and_check(page, question, keys(question, True))
    assert entry(page, name) == {"box": 1, "due": "2025-03-04", "seen": "2025-03-03"}, "still box 1"
    # Discussion questions are not scheduled.
    opened = first(bank, "open")
    box(page, opened).locator("textarea").fill("My own answer.")
    box(page, opened).get_by_role("button", name="Show the model answer").click()
    box(page, opened).get_by_role("button", name="Not yet").click()
    assert sorted(page.evaluate("Object.keys(CourseStore.get('review'))")) == [name]
    assert nav_label(page) == "Review"


def mixed_progress(course, bank):
    """Progress as a learner might have it on START: (the store, the names due that day in course order)."""
    single, multiple, truth = [q for q in bank if q.type == "single"], first(bank, "multiple"), first(bank, "true-false")
    other = first(course.banks[OTHER].questions, "single")
    opened = first(bank, "open")
    data = {
        "learner": {"seed": SEED},
        STORE: {
            single[0].id: {"choice": keys(single[0], False)[:1], "correct": False},   # wrong, no date: due
            single[1].id: {"choice": keys(single[1], True), "correct": True},         # right, before the schedule: due
            multiple.id: {"choice": keys(multiple, True), "correct": True},           # its day is today: due
            truth.id: {"choice": keys(truth, True), "correct": True},                 # due tomorrow
            opened.id: {"text": "Mine", "revealed": True, "correct": False},          # a discussion question: never
        },
        f"quiz:{OTHER}": {other.id: {"choice": keys(other, False)[:1], "correct": False}},  # wrong, with its date
        "review": {
            f"{LESSON}/{multiple.id}": {"box": 2, "due": "2025-03-03", "seen": "2025-02-28"},
            f"{LESSON}/{truth.id}": {"box": 1, "due": "2025-03-04", "seen": "2025-03-03"},
            f"{LESSON}/{single[2].id}": {"box": 0, "due": "2025-03-03", "seen": "2025-03-03"},  # tried again, unanswered
            f"{OTHER}/{other.id}": {"box": 0, "due": "2025-03-03", "seen": "2025-03-03"},
            f"{LESSON}/retired-question": {"box": 0, "due": "2025-03-01", "seen": "2025-03-01"},
        },
    }
    order = [f"{LESSON}/{q.id}" for q in bank if q in (single[0], single[1], single[2], multiple)]
    return data, (order + [f"{OTHER}/{other.id}"] if list(course.lessons).index(OTHER) > list(course.lessons).index(LESSON)
                  else [f"{OTHER}/{other.id}"] + order)


def store(page, data):
    page.goto("progress/")
    page.evaluate("data => CourseStore.replace(data)", data)
    page.reload()


def test_the_number_due_is_exact_on_every_page(learner, course, bank):
    page = learner
    data, due = mixed_progress(course, bank)
    assert len(due) == 5
    store(page, data)
    assert nav_label(page) == "Review (5 due)"
    for path in ("glossary/", f"lessons/{LESSON}/", f"lessons/{OTHER}/"):
        page.goto(path)
        assert nav_label(page) == "Review (5 due)", path
    open_review(page)
    assert nav_label(page) == "Review (5 due)"
    assert shown_items(page) == due
    assert summary(page) == "5 questions are due for review."
    assert [text_of(page.locator(f'.review-item[data-review="{name}"] .quiz-number')) for name in due] == [
        f"Question {i} of 5" for i in range(1, 6)]

    by_name = {f"{LESSON}/{q.id}": (LESSON, q) for q in bank} | {
        f"{OTHER}/{q.id}": (OTHER, q) for q in course.banks[OTHER].questions}
    slug, question = by_name[due[0]]
    assert answer(item(page, slug, question), keys(question, True)) == "Correct."
    assert nav_label(page) == "Review (4 due)"
    assert summary(page) == "4 questions are due for review."
    slug, question = by_name[due[1]]
    assert answer(item(page, slug, question), keys(question, False)[:1]) == "Not quite."
    assert nav_label(page) == "Review (4 due)", "a wrong answer stays due"
    page.clock.set_fixed_time(at(START + timedelta(days=1), "08:00"))
    page.goto("glossary/")
    assert nav_label(page) == "Review (6 due)", "and the days of the true-false question and the one answered right"

    # Reset this quiz drops the lesson's review dates; Reset progress drops them all.
    open_lesson(page)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset this quiz").click()
    assert nav_label(page) == "Review (1 due)", "only the other lesson's question is left"
    assert sorted(page.evaluate("Object.keys(CourseStore.get('review'))")) == sorted(
        [f"{OTHER}/{first(course.banks[OTHER].questions, 'single').id}", f"{LESSON}/retired-question"])
    page.goto("progress/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset progress").click()
    assert nav_label(page) == "Review"
    open_review(page)
    assert summary(page) == "Nothing is due for review today. A question comes here once you answer it in its lesson."


def progress_file(sections):
    return json.dumps({"format": "networking-course-progress", "version": 1, "exported": "2025-03-03T09:00:00.000Z",
                       "progress": sections})


def test_export_and_import_carry_the_schedule(learner, browser, site_url, bank, tmp_path):
    page = learner
    wrong, right = first(bank, "single"), first(bank, "true-false")
    open_lesson(page)
    order = shown(page, wrong)
    choose_and_check(page, wrong, keys(wrong, False)[:1])
    choose_and_check(page, right, keys(right, True))
    page.goto("progress/")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export progress").click()
    exported = json.loads(open(info.value.path(), encoding="utf-8").read())
    schedule = {f"{LESSON}/{wrong.id}": {"box": 0, "due": "2025-03-03", "seen": "2025-03-03"},
                f"{LESSON}/{right.id}": {"box": 1, "due": "2025-03-04", "seen": "2025-03-03"}}
    assert exported["progress"]["review"] == schedule
    saved = tmp_path / "progress.json"
    saved.write_text(json.dumps(exported), encoding="utf-8")

    # Another browser, the next day: both are due there.
    tabs = learner_tab(browser, site_url, at(START + timedelta(days=1)))
    other = next(tabs)
    try:
        other.goto("progress/")
        other.wait_for_selector(".progress--ready")
        other.locator(".progress input[type=file]").set_input_files(str(saved))
        other.locator(".progress-import").get_by_role("button", name="Import", exact=True).click()
        wait_until(other, "document.querySelector('.progress-message').textContent.startsWith('Imported from')")
        assert other.evaluate("CourseStore.get('review')") == schedule
        assert nav_label(other) == "Review (2 due)"
        open_review(other)
        assert shown_items(other) == [f"{LESSON}/{q.id}" for q in bank if q in (wrong, right)]
        assert review_order(other, LESSON, wrong) == order, "the learner's order came with the file"
    finally:
        next(tabs, None)


def test_a_forged_schedule_in_an_import_is_left_out_and_listed(learner, bank, tmp_path):
    page = learner
    single, truth, opened = first(bank, "single"), first(bank, "true-false"), first(bank, "open")
    good = {"box": 2, "due": "2025-03-06", "seen": "2025-03-03"}
    sections = {
        STORE: {single.id: {"choice": keys(single, True), "correct": True}},
        "review": {
            f"{LESSON}/{single.id}": good,
            f"{LESSON}/{truth.id}": {"box": 9, "due": "2025-03-06", "seen": "2025-03-03"},
            f"{LESSON}/{opened.id}": {"box": 1, "due": "2025-03-04", "seen": "2025-03-03"},
            f"{LESSON}/gone-question": good,
            "other-course/q1": good,
        },
    }
    path = tmp_path / "forged.json"
    path.write_text(progress_file(sections), encoding="utf-8")
    page.goto("progress/")
    page.wait_for_selector(".progress--ready")
    page.locator(".progress input[type=file]").set_input_files(str(path))
    question = page.locator(".progress-import")
    question.wait_for()
    assert text_of(question.locator("#progress-import-about")) == (
        "The file holds 1 answer in 1 lesson. Left out: review dates in a form this course does not write "
        f"(“{LESSON}/{truth.id}”, “{LESSON}/{opened.id}”); review dates for questions this course does not have "
        f"(“{LESSON}/gone-question”, “other-course/q1”). This browser holds no progress yet.")
    question.get_by_role("button", name="Import", exact=True).click()
    assert page.evaluate("CourseStore.get('review')") == {f"{LESSON}/{single.id}": good}
    assert nav_label(page) == "Review"
    page.clock.set_fixed_time(at(date(2025, 3, 6), "07:00"))
    open_review(page)
    assert shown_items(page) == [f"{LESSON}/{single.id}"]


def test_the_options_come_in_the_learners_order_as_in_the_lesson(learner, course, bank):
    page = learner
    wrong = {q.id: {"choice": keys(q, False)[:1], "correct": False} for q in choice(bank)}
    store(page, {"learner": {"seed": SEED}, STORE: wrong})
    open_lesson(page)
    in_lesson = {q.id: shown(page, q) for q in choice(bank)}
    assert sum(in_lesson[q.id] != [str(k).lower() for k, _ in q.choices] for q in choice(bank)) >= 3, "a shuffling seed"
    open_review(page)
    assert shown_items(page) == [f"{LESSON}/{q.id}" for q in choice(bank)]
    for question in choice(bank):
        assert review_order(page, LESSON, question) == in_lesson[question.id], question.id
        if question.type != "true-false":
            letters = item(page, LESSON, question).locator(".quiz-options .quiz-option-key")
            assert letters.all_text_contents() == [f"{'abcdefghij'[i]}." for i in range(len(in_lesson[question.id]))]
    assert page.evaluate("CourseStore.get('learner').seed") == SEED


def test_the_instructor_edition_reviews_in_the_bank_order(instructor_page, bank):
    page = instructor_page
    page.goto("progress/")
    wrong = {q.id: {"choice": keys(q, False)[:1], "correct": False} for q in choice(bank)}
    page.evaluate("data => CourseStore.replace(data)", {"learner": {"seed": SEED}, STORE: wrong})
    open_review(page)
    for question in choice(bank):
        assert review_order(page, LESSON, question) == [str(k).lower() for k, _ in question.choices], question.id


def test_without_javascript_the_page_says_what_it_does_and_points_to_the_paper_quizzes(browser, site_url):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("review/")
        text = " ".join(page.locator("article").inner_text().split())
        assert "a question you got wrong is here at once" in text
        assert ("This page needs JavaScript: it picks the questions that are due from the answers this browser keeps. "
                "Without it, take the paper quizzes and check your answers under each question of the lesson.") in text
        assert page.locator(".review-item:visible").count() == 0, "no question without the script that picks them"
        page.locator("article").get_by_role("link", name="paper quizzes").click()
        page.wait_for_url("**/worksheets/paper-quizzes/")
        assert page.locator("h1").text_content().startswith("Paper quizzes")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [1280, 360])
def test_the_review_page_passes_axe(learner, course, bank, scheme, width, axe_source):
    page = learner
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(color_scheme=scheme)
    data, due = mixed_progress(course, bank)
    store(page, data)
    open_review(page)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == SCHEMES[scheme]
    nodes = [page.locator(f'.review-item[data-review="{name}"]') for name in due]
    nodes[0].locator("input").first.check()
    nodes[0].get_by_role("button", name="Check", exact=True).click()
    nodes[1].locator("input").last.check()
    nodes[1].get_by_role("button", name="Check", exact=True).click()
    nodes[1].locator(".quiz-answer summary").click()
    page.mouse.move(0, 0)
    assert not violations(page, axe_source)
