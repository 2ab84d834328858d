"""The quizzes in Chromium: answers by mouse and by keyboard alone, feedback from the bank, the score,
progress kept across reloads and instant navigation, export and import, and hostile browser states.
Storage that fails and imports that go wrong are in test_progress_browser.py."""
import json
import re
from html import unescape

import pytest

from macros import render


LESSON = "in-person"
LESSON_PAGE = f"lessons/{LESSON}/"
STORE = f"quiz:{LESSON}"
# What a browser that blocks site data does: touching either storage throws.
BLOCK_STORAGE = """for (const name of ["localStorage", "sessionStorage"]) Object.defineProperty(window, name, {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });"""


def plain(markdown_text):
    """What a learner reads for a bank string: its inline Markdown rendered, tags dropped, spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", render.inline(markdown_text))).split())


def text_of(locator):
    # Read as a person would, on screen: questions away from it are not laid out (content-visibility),
    # and until the browser lays one out it gives no rendered text for it.
    locator.scroll_into_view_if_needed()
    for _ in range(40):
        text = " ".join(locator.inner_text().split())
        if text or not locator.text_content().strip():
            return text
        locator.page.wait_for_timeout(50)
    return text


@pytest.fixture(scope="module")
def bank(course):
    return course.banks[LESSON].questions


def first(bank, qtype):
    return next(q for q in bank if q.type == qtype)


def keys(question, correct):
    """Option keys as the page names them ("true"/"false" for true-false), right or wrong ones."""
    return [str(key).lower() for key, _ in question.choices if (key in question.keyed) == correct]


def open_lesson(page):
    page.goto(LESSON_PAGE)
    page.wait_for_selector(".quiz--ready")


def box(page, question):
    return page.locator(f'.quiz-question[data-qid="{question.id}"]')


def score(page):
    """The running score, as the top of the quiz says it; the one at its end must say the same."""
    top, end = (text_of(page.locator(".quiz-score").nth(index)) for index in (0, 1))
    assert top == end, f"the score at the top says {top!r}, the one at the end {end!r}"
    return top


def tally(answered, right, total):
    return f"{answered} of {total} answered, {right} right"


def shown(page, question):
    """The question's option keys in the order this learner is shown them."""
    return box(page, question).locator("input").evaluate_all("inputs => inputs.map(input => input.value)")


def letters(locator):
    """The option letters inside locator, in page order."""
    return locator.locator(".quiz-option-key").evaluate_all("marks => marks.map(mark => mark.textContent)")


def letter(page, question, key):
    """The letter the learner sees in front of an option: a, b, c in the order shown."""
    return "abcdefghijklmnopqrstuvwxyz"[shown(page, question).index(key)] + "."


def choose_and_check(page, question, chosen):
    node = box(page, question)
    for key in chosen:
        node.locator(f'input[value="{key}"]').check()
    node.get_by_role("button", name="Check", exact=True).click()


def answer_everything_right(page, bank):
    for question in bank:
        if question.type == "open":
            box(page, question).locator("textarea").fill("My own answer.")
            box(page, question).get_by_role("button", name="Show the model answer").click()
            box(page, question).get_by_role("button", name="Yes, it did").click()
        else:
            choose_and_check(page, question, keys(question, True))


def feedback_line(page, question, key):
    """One chosen option's feedback as the result shows it: its letter (True or False) and the bank's feedback,
    with no verdict of its own (the result has said "Correct." or "Not quite." once)."""
    bank_key = next(k for k, _ in question.choices if str(k).lower() == key)
    label = f"{bank_key}." if question.type == "true-false" else letter(page, question, key)
    return f"{label} {plain(question.feedback[bank_key])}"


def assert_feedback_shown(page, question, chosen):
    """The result shows the bank's feedback for exactly the chosen options, in the order shown and under
    the letters shown, and the explanation."""
    result = box(page, question).locator(".quiz-result")
    items = result.locator("li[data-option]")
    assert [items.nth(i).get_attribute("data-option") for i in range(items.count())] == [
        key for key in shown(page, question) if key in chosen]
    for key in chosen:
        assert text_of(result.locator(f'li[data-option="{key}"]')) == feedback_line(page, question, key)
    if question.explanation:
        assert plain(question.explanation) in text_of(result)


def assert_result_reads(page, question, chosen, verdict):
    """The whole result, read once: the verdict, the feedback for each choice in the order shown, the explanation."""
    lines = [verdict] + [feedback_line(page, question, key) for key in shown(page, question) if key in chosen]
    lines += [plain(question.explanation)] if question.explanation else []
    assert text_of(box(page, question).locator(".quiz-result")) == " ".join(lines)


def tab_to(page, selector, limit=40):
    """Press Tab until the focused element matches selector; fails if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def assert_focus_visible(page):
    style = page.evaluate("() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }")
    assert style[0] != "none" and style[1] != "0px", f"focused element shows no outline: {style}"


def test_a_wrong_then_a_right_answer_by_mouse(page, bank):
    question = first(bank, "single")
    wrong, right = keys(question, False)[0], keys(question, True)
    open_lesson(page)
    assert not box(page, question).locator(".quiz-answer").is_visible(), "the answer stays hidden until an attempt"
    assert score(page) == tally(0, 0, len(bank))
    box(page, question).get_by_role("button", name="Check", exact=True).click()
    assert text_of(box(page, question).locator(".quiz-result")) == "Choose an answer first."

    choose_and_check(page, question, [wrong])
    result = box(page, question).locator(".quiz-result")
    assert_result_reads(page, question, [wrong], "Not quite.")
    assert text_of(result).count("Not quite") == 1, "the verdict is said once"
    assert_feedback_shown(page, question, [wrong])
    assert box(page, question).locator(f'input[value="{wrong}"]').is_disabled()
    assert score(page) == tally(1, 0, len(bank))
    assert box(page, question).locator(".quiz-answer").is_visible(), "after a wrong attempt the full answer may be opened"

    box(page, question).get_by_role("button", name="Try again").click()
    assert text_of(result) == ""
    assert not box(page, question).locator("input:checked").count()
    choose_and_check(page, question, right)
    assert_result_reads(page, question, right, "Correct.")
    assert_feedback_shown(page, question, right)
    assert not box(page, question).locator(".quiz-answer").is_visible(), "after a right answer nothing is left to show"
    assert score(page) == tally(1, 1, len(bank))
    assert page.locator(".quiz-result[role=status]").count() == len(bank), "every result is a live region"
    # The running score heads the quiz and is announced politely; the copy at its end is not announced twice.
    live = page.locator(".quiz-score[role=status][aria-live=polite]")
    assert live.count() == 1 and live.is_visible()
    assert live.bounding_box()["y"] < page.locator(".quiz-question").first.bounding_box()["y"]
    assert page.locator(".quiz-score").nth(1).get_attribute("aria-live") is None


def test_multiple_choice_says_how_many_were_right(page, bank):
    question = first(bank, "multiple")
    right, wrong = keys(question, True), keys(question, False)
    open_lesson(page)
    choose_and_check(page, question, [right[0], wrong[0]])
    verdict = text_of(box(page, question).locator(".quiz-verdict"))
    hit, miss = letter(page, question, right[0])[0], letter(page, question, wrong[0])[0]
    assert verdict == (f"Not quite. You chose 1 of the {len(right)} right answers ({hit}) "
                       f"and 1 answer that is not right ({miss}).")
    assert_result_reads(page, question, [right[0], wrong[0]], verdict)
    assert_feedback_shown(page, question, sorted([right[0], wrong[0]]))
    box(page, question).get_by_role("button", name="Try again").click()
    choose_and_check(page, question, right)
    assert text_of(box(page, question).locator(".quiz-verdict")) == "Correct."
    assert_result_reads(page, question, right, "Correct.")
    assert not box(page, question).locator(".quiz-answer").is_visible()


def test_multiple_choice_with_one_right_answer_names_it(page, bank):
    question = next(q for q in bank if q.type == "multiple" and len(q.keyed) == 1)
    (right,), wrong = keys(question, True), keys(question, False)
    open_lesson(page)
    choose_and_check(page, question, [right, wrong[0]])
    hit, miss = letter(page, question, right)[0], letter(page, question, wrong[0])[0]
    verdict = f"Not quite. You chose the right answer ({hit}) and 1 answer that is not right ({miss})."
    assert_result_reads(page, question, [right, wrong[0]], verdict)
    box(page, question).get_by_role("button", name="Try again").click()
    choose_and_check(page, question, wrong[:2])
    misses = ", ".join(letter(page, question, key)[0] for key in shown(page, question) if key in wrong[:2])
    assert_result_reads(page, question, wrong[:2], f"Not quite. You chose 2 answers that are not right ({misses}) "
                                                   "and not the right one.")


def test_some_of_the_right_answers_is_not_enough(page, bank):
    question = next(q for q in bank if q.type == "multiple" and len(q.keyed) >= 2)
    right = keys(question, True)
    open_lesson(page)
    for count in range(1, len(right)):
        choose_and_check(page, question, right[:count])
        verdict = text_of(box(page, question).locator(".quiz-verdict"))
        chosen = ", ".join(letter(page, question, key)[0] for key in shown(page, question) if key in right[:count])
        assert verdict == f"Not quite. You chose {count} of the {len(right)} right answers ({chosen})."
        assert page.evaluate(f"CourseStore.get('{STORE}')['{question.id}']") == {"choice": right[:count], "correct": False}
        assert score(page) == tally(1, 0, len(bank))
        assert_feedback_shown(page, question, right[:count])
        box(page, question).get_by_role("button", name="Try again").click()


def assert_cleared(page, bank):
    """Every question as a learner who never answered it sees it, and nothing of it saved."""
    assert page.evaluate(f"CourseStore.get('{STORE}')") == {}
    for question in bank:
        node = box(page, question)
        assert text_of(node.locator(".quiz-result")) == "", question.id
        if question.type == "open":
            assert node.locator("textarea").input_value() == "", question.id
            assert node.locator("textarea").get_attribute("readonly") is None, question.id
            assert node.get_by_role("button", name="Show the model answer").is_visible(), question.id
        else:
            assert node.locator("input:checked").count() == 0, question.id
            assert node.locator("input:disabled").count() == 0, question.id
            assert node.get_by_role("button", name="Check", exact=True).is_visible(), question.id
            assert not node.locator(".quiz-answer").is_visible(), question.id


def test_reset_this_quiz_clears_every_question_the_first_included(page, bank):
    open_lesson(page)
    answer_everything_right(page, bank)
    answers = page.evaluate(f"CourseStore.get('{STORE}')")
    assert sorted(answers) == sorted(q.id for q in bank)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Reset this quiz").click()
    assert page.evaluate(f"CourseStore.get('{STORE}')") == answers, "cancelling the reset keeps every answer"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset this quiz").click()
    assert score(page) == f"Your answers to this quiz were cleared. {tally(0, 0, len(bank))}"
    assert_cleared(page, bank)
    assert page.evaluate("document.activeElement.closest('.quiz-question')?.dataset.qid") == bank[0].id
    page.reload()
    page.wait_for_selector(".quiz--ready")
    assert_cleared(page, bank)
    assert score(page) == tally(0, 0, len(bank))


def test_true_false_feedback_comes_from_the_bank(page, bank):
    question = first(bank, "true-false")
    open_lesson(page)
    wrong = keys(question, False)
    choose_and_check(page, question, wrong)
    assert_result_reads(page, question, wrong, "Not quite.")
    assert_feedback_shown(page, question, wrong)


def test_every_quiz_can_be_taken_with_the_keyboard_alone(page, bank):
    single, multiple, opened = first(bank, "single"), first(bank, "multiple"), first(bank, "open")
    open_lesson(page)
    # Start where a keyboard user arrives from the page's table of contents: the quiz's heading.
    page.locator("#check-for-understanding .headerlink, h2#check-for-understanding a.headerlink").first.focus()

    tab_to(page, f'[data-qid="{single.id}"] input')
    assert_focus_visible(page)
    options = shown(page, single)
    right = keys(single, True)[0]
    wrong = next(key for key in options if key != right)
    for _ in range(options.index(wrong)):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert box(page, single).locator("input:checked").get_attribute("value") == wrong
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check"
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert text_of(box(page, single).locator(".quiz-verdict")) == "Not quite."
    assert page.evaluate("document.activeElement.textContent") == "Try again", "focus stays on the question's button"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.type") == "radio", "retrying puts focus back on the options"
    for _ in range(len(options)):
        if page.evaluate("document.activeElement.value") == right:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert text_of(box(page, single).locator(".quiz-verdict")) == "Correct."

    tab_to(page, f'[data-qid="{multiple.id}"] input')
    for key in shown(page, multiple):
        if key in keys(multiple, True):
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    assert text_of(box(page, multiple).locator(".quiz-verdict")) == "Correct."

    tab_to(page, f'[data-qid="{opened.id}"] textarea')
    assert_focus_visible(page)
    page.keyboard.type("I would go to the JavaScript meetup and ask two questions.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert plain(opened.answer.split("\n")[0]) in text_of(box(page, opened).locator(".quiz-result"))
    tab_to(page, f'[data-qid="{opened.id}"] .quiz-mark')
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert box(page, opened).get_by_role("button", name="Yes, it did").get_attribute("aria-pressed") == "true"
    assert score(page) == tally(3, 3, len(bank))


def test_an_open_question_needs_an_answer_before_the_model_answer(page, bank):
    question = first(bank, "open")
    open_lesson(page)
    node = box(page, question)
    node.get_by_role("button", name="Show the model answer").click()
    assert "Write your answer first" in text_of(node.locator(".quiz-result"))
    node.locator("textarea").fill("Meetup; meet three people.")
    node.get_by_role("button", name="Show the model answer").click()
    assert node.locator("textarea").get_attribute("readonly") is not None
    node.get_by_role("button", name="Not yet").click()
    assert page.evaluate(f"CourseStore.get('{STORE}')['{question.id}']") == {
        "text": "Meetup; meet three people.", "revealed": True, "correct": False}
    assert score(page) == tally(1, 0, len(bank))
    node.get_by_role("button", name="Try again").click()
    assert node.locator("textarea").input_value() == "Meetup; meet three people.", "retrying keeps what was written"
    assert node.locator("textarea").get_attribute("readonly") is None
    assert page.evaluate(f"CourseStore.get('{STORE}')['{question.id}']") == {"text": "Meetup; meet three people."}, (
        "and keeps it stored as a draft, so a reload does not lose it")


def test_a_whole_quiz_right_completes_the_lesson(page, bank):
    open_lesson(page)
    answer_everything_right(page, bank)
    assert score(page) == tally(len(bank), len(bank), len(bank))
    nav = page.locator(f'a.md-nav__link[href$="{LESSON}/"] .course-done, a.md-nav__link[href="./"] .course-done')
    assert nav.count() >= 1 and "(completed)" in nav.first.text_content()
    page.goto("progress/")
    row = page.locator(f'tr[data-quiz="{LESSON}"]')
    assert text_of(row.locator(".progress-done")) == "Complete ✓"
    assert text_of(row.locator(".progress-score")) == f"{len(bank)} of {len(bank)} correct"
    assert page.locator(f'a.md-nav__link[href$="{LESSON}/"] .course-done').count() >= 1, "marked on other pages too"
    assert "You have completed 1 of" in text_of(page.locator(".progress-summary"))


def serve_sitemap_for_localhost(page, site, site_url):
    """Material navigates instantly only to pages its sitemap lists, and the sitemap names the published
    address (site_url in mkdocs.yml); give the browser one that names the local server instead."""
    published = re.search(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8")).group(1)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8").replace(published, site_url)
    page.route("**/sitemap.xml", lambda route: route.fulfill(body=sitemap, content_type="application/xml"))


def test_answers_survive_reload_and_instant_navigation(page, bank, site, site_url):
    serve_sitemap_for_localhost(page, site, site_url)
    single, opened = first(bank, "single"), first(bank, "open")
    wrong = keys(single, False)[0]
    open_lesson(page)
    choose_and_check(page, single, [wrong])
    box(page, opened).locator("textarea").fill("Half-written thought")
    expected = tally(1, 0, len(bank))

    def assert_restored():
        page.wait_for_selector(".quiz--ready")
        assert box(page, single).locator("input:checked").get_attribute("value") == wrong
        assert text_of(box(page, single).locator(".quiz-verdict")) == "Not quite."
        assert_feedback_shown(page, single, [wrong])
        assert box(page, opened).locator("textarea").input_value() == "Half-written thought"
        assert score(page) == expected

    page.reload()
    assert_restored()
    page.evaluate("window.sameDocument = true")
    page.locator('a.md-nav__link[href$="glossary/"]').first.click()
    page.wait_for_url("**/glossary/")
    page.locator(f'a.md-nav__link[href$="{LESSON}/"]').first.click()
    page.wait_for_url(f"**/{LESSON_PAGE}")
    assert page.evaluate("window.sameDocument") is True, "navigation was instant (no full page load)"
    assert_restored()
    assert page.locator(".quiz-controls").count() == len(bank), "set up once per visit, not once per navigation"


def test_an_answer_saved_under_an_older_key_is_marked_by_todays_key(page, bank):
    # A bank's keys can move when its questions are rewritten; the stored verdict must not outlive them.
    single = first(bank, "single")
    right, wrong = keys(single, True)[0], keys(single, False)[0]
    stale = {STORE: {single.id: {"choice": [wrong], "correct": True}},
             f"quiz:{LESSON}-gone": {}}
    stale[STORE]["no-longer-a-question"] = {"choice": ["a"], "correct": True}
    page.add_init_script("if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); "
                         f"localStorage.setItem('networking-course:v1', JSON.stringify({json.dumps(stale)})); }}")
    open_lesson(page)
    assert text_of(box(page, single).locator(".quiz-verdict")) == "Not quite."
    assert score(page) == tally(1, 0, len(bank))
    saved = page.evaluate("JSON.parse(localStorage.getItem('networking-course:v1'))")
    assert saved[STORE][single.id] == {"choice": [wrong], "correct": False}
    page.evaluate(f"localStorage.setItem('networking-course:v1', JSON.stringify({{'{STORE}': {{'{single.id}': "
                  f"{{choice: ['{right}'], correct: false}}}}}}))")
    page.reload()
    page.wait_for_selector(".quiz--ready")
    assert text_of(box(page, single).locator(".quiz-verdict")) == "Correct."
    assert score(page) == tally(1, 1, len(bank))


def test_export_reset_and_import_round_trip(page, bank, tmp_path):
    open_lesson(page)
    question = first(bank, "single")
    choose_and_check(page, question, keys(question, True))
    page.evaluate("CourseStore.set('plan', {goals: 'Meet three QA engineers'})")
    page.goto("progress/")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export progress").click()
    exported = json.loads(open(info.value.path(), encoding="utf-8").read())
    assert re.fullmatch(r"networking-course-progress-\d{4}-\d\d-\d\d\.json", info.value.suggested_filename)
    assert exported["format"] == "networking-course-progress" and exported["version"] == 1
    assert exported["progress"]["plan"] == {"goals": "Meet three QA engineers"}
    assert exported["progress"][STORE][question.id]["correct"] is True

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Reset progress").click()
    assert page.evaluate("CourseStore.all()") == exported["progress"], "cancelling the reset keeps everything"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset progress").click()
    assert page.evaluate("CourseStore.all()") == {}
    assert text_of(page.locator(".progress-message")) == "Your progress was deleted."
    assert text_of(page.locator(f'tr[data-quiz="{LESSON}"] .progress-done')) == "Not started"

    saved = tmp_path / "progress.json"
    saved.write_text(json.dumps(exported), encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import progress").click()
    chooser.value.set_files(str(saved))
    page.locator(".progress-import").get_by_role("button", name="Import").click()
    assert text_of(page.locator(".progress-message")).startswith("Imported from progress.json.")
    assert page.evaluate("CourseStore.all()") == exported["progress"]
    assert text_of(page.locator(f'tr[data-quiz="{LESSON}"] .progress-score')) == f"1 of {len(bank)} correct"
    open_lesson(page)
    assert text_of(box(page, question).locator(".quiz-verdict")) == "Correct."


def test_without_javascript_the_answers_are_in_details(browser, site_url, bank):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(LESSON_PAGE)
        question = first(bank, "single")
        node = box(page, question)
        assert node.locator("input").count() == len(question.choices)
        assert not node.get_by_role("button").count(), "no buttons that would do nothing"
        assert not node.locator(".quiz-key").is_visible()
        node.locator("summary").click()
        assert node.locator(".quiz-key").is_visible()
        for key, text in question.feedback.items():
            assert plain(text) in text_of(node.locator(f'li[data-option="{key}"]'))
        page.goto("progress/")
        assert "Turn on JavaScript" in text_of(page.locator(".progress"))
        assert not page.locator(".progress-actions").is_visible()
    finally:
        context.close()


def test_corrupted_storage_is_ignored_and_overwritten(page, bank):
    page.goto("progress/")
    page.evaluate("localStorage.setItem(CourseStore.KEY, '{not json')")
    open_lesson(page)
    assert score(page) == tally(0, 0, len(bank))
    garbage = {STORE: {bank[0].id: "yes", bank[1].id: {"choice": '"]bad', "correct": "maybe"},
                       bank[2].id: {"choice": ['"]', 7], "correct": True}}, "plan": 5, "quiz:nope": []}
    page.evaluate("data => localStorage.setItem(CourseStore.KEY, JSON.stringify(data))", garbage)
    open_lesson(page)
    assert page.locator(".quiz-question input:checked").count() == 0
    question = first(bank, "single")
    choose_and_check(page, question, keys(question, True))
    assert page.evaluate(f"CourseStore.get('{STORE}')['{question.id}']['correct']") is True
    page.goto("progress/")
    assert page.locator(".progress-summary").is_visible()


def test_nothing_floats_over_the_quiz_text(page, bank):
    # Scrolling down and back up is when a floating "Back to top" button would come out, over the text.
    open_lesson(page)
    question = box(page, bank[len(bank) // 2])
    page.mouse.move(640, 450)
    for _ in range(3):
        question.scroll_into_view_if_needed()
        page.mouse.wheel(0, 1500)
        page.wait_for_timeout(150)
        for _ in range(6):
            page.mouse.wheel(0, -200)
            page.wait_for_timeout(60)
    header = page.locator(".md-header").bounding_box()["height"]
    prompt = question.locator(".quiz-prompt")
    page.evaluate("([node, top]) => window.scrollBy(0, node.getBoundingClientRect().top - top)",
                  [prompt.element_handle(), header])
    page.mouse.wheel(0, -30)  # the last move is up, as a reader going back to a question does
    page.wait_for_timeout(400)
    area = prompt.bounding_box()
    assert header < area["y"] < header + 60, "the prompt sits just below the header"
    for fraction in (0.1, 0.3, 0.5, 0.7, 0.9):
        for y in (area["y"] + 4, area["y"] + 20, area["y"] + 36):
            x = area["x"] + area["width"] * fraction
            on_top = page.evaluate("([x, y]) => { const node = document.elementFromPoint(x, y); "
                                   "return node.closest('.quiz-question') ? '' : node.outerHTML.slice(0, 120); }", [x, y])
            assert on_top == "", f"at ({x:.0f}, {y:.0f}) this covers the question: {on_top}"


def test_narrow_screen_reduced_motion(page, bank):
    page.set_viewport_size({"width": 360, "height": 740})
    page.emulate_media(reduced_motion="reduce")
    open_lesson(page)
    answer_everything_right(page, bank)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "nothing is wider than the screen"
    animation = "getComputedStyle(document.querySelector('.quiz-result')).animationName"
    assert page.evaluate(animation) == "none"
    page.emulate_media(reduced_motion="no-preference")
    assert page.evaluate(animation) == "quiz-in"
