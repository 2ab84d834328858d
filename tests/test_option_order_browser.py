"""Each learner's own order of options in Chromium: different for two learners, the same for one learner on
every visit, exactly what docs/assets/lib/order.js computes for the learner's seed, lettered a, b, c as
shown, and answers, feedback, score and progress still kept by option key."""
import json
import os
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, checked_page, wait_until
from test_quiz_browser import (LESSON, LESSON_PAGE, STORE, answer_everything_right, assert_feedback_shown, box,
                               choose_and_check, keys, letters, open_lesson, score, serve_sitemap_for_localhost,
                               shown, text_of)

SEED = "k3x9q2mz7hw4"  # a seed whose orders differ from the bank's for most questions of the lesson
LETTERS = "abcdefghijklmnopqrstuvwxyz"


@pytest.fixture(scope="module")
def bank(course):
    return course.banks[LESSON].questions


def choice_questions(bank):
    return [q for q in bank if q.type != "open"]


def bank_keys(question):
    return [str(key).lower() for key, _ in question.choices]


def orders(page, bank):
    """{question id: option keys in the order shown} for every choice question of the lesson."""
    return {q.id: shown(page, q) for q in choice_questions(bank)}


def seed_of(page):
    return page.evaluate("CourseStore.get('learner').seed")


def node_orders(seed, bank):
    """What the page's own module computes for seed, run by Node: {question id: keys}."""
    node = shutil.which("node")
    if not node:
        message = "the option-order tests need Node.js: apt-get install -y nodejs"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    script = ("const order = require(process.argv[1]).order;"
              "const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(Object.fromEntries(data.questions.map("
              "([id, keys]) => [id, order(data.seed, data.lesson, id, keys)]))));")
    data = {"seed": seed, "lesson": LESSON, "questions": [[q.id, bank_keys(q)] for q in choice_questions(bank)]}
    result = subprocess.run([node, "-e", script, str(ROOT / "docs/assets/lib/order.js")], input=json.dumps(data),
                            capture_output=True, text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def words(text):
    return " ".join(text.split())


def with_seed(page, seed):
    """Write the learner's seed into storage before the lesson page loads."""
    page.goto("progress/")
    page.evaluate("seed => localStorage.setItem(CourseStore.KEY, JSON.stringify({learner: {seed}}))", seed)
    open_lesson(page)


def assert_orders_are_permutations(found, bank):
    for question in choice_questions(bank):
        if question.type == "true-false":
            assert found[question.id] == ["true", "false"], "true-false stays True then False"
        else:
            assert sorted(found[question.id]) == sorted(bank_keys(question)), question.id


def test_two_new_learners_see_different_orders(page, browser, site_url, bank):
    open_lesson(page)
    other_context = checked_page(browser, site_url)
    other = next(other_context)
    try:
        open_lesson(other)
        mine, theirs = orders(page, bank), orders(other, bank)
        assert_orders_are_permutations(mine, bank)
        assert_orders_are_permutations(theirs, bank)
        assert re.fullmatch(r"[0-9a-z]{21}", seed_of(page)) and re.fullmatch(r"[0-9a-z]{21}", seed_of(other))
        assert seed_of(page) != seed_of(other)
        assert mine != theirs, "two learners saw every question in the same order"
    finally:
        next(other_context, None)  # closes the context and checks it made no foreign request or console error


def test_one_learner_keeps_their_order_after_reload_and_instant_navigation(page, bank, site, site_url):
    serve_sitemap_for_localhost(page, site, site_url)
    open_lesson(page)
    first, seed = orders(page, bank), seed_of(page)
    page.reload()
    page.wait_for_selector(".quiz--ready")
    assert orders(page, bank) == first
    page.evaluate("window.sameDocument = true")
    page.locator('a.md-nav__link[href$="glossary/"]').first.click()
    page.wait_for_url("**/glossary/")
    page.locator(f'a.md-nav__link[href$="{LESSON}/"]').first.click()
    page.wait_for_url(f"**/{LESSON_PAGE}")
    page.wait_for_selector(".quiz--ready")
    assert page.evaluate("window.sameDocument") is True, "navigation was instant (no full page load)"
    assert orders(page, bank) == first
    assert seed_of(page) == seed


def test_a_saved_seed_gives_the_order_the_module_computes(page, bank):
    expected = node_orders(SEED, bank)
    changed = [q.id for q in choice_questions(bank) if q.type != "true-false" and expected[q.id] != bank_keys(q)]
    assert len(changed) >= 3, "the seed leaves too many questions in the bank's order to test with"
    with_seed(page, SEED)
    assert orders(page, bank) == {q.id: ["true", "false"] if q.type == "true-false" else expected[q.id]
                                  for q in choice_questions(bank)}
    assert seed_of(page) == SEED, "a saved seed is kept"


def test_letters_answer_and_feedback_follow_the_order_shown(page, bank):
    with_seed(page, SEED)
    for question in bank:
        if question.type in ("open", "true-false"):
            continue
        node, order = box(page, question), shown(page, question)
        letter = {key: LETTERS[i] + "." for i, key in enumerate(order)}
        assert letters(node.locator(".quiz-options")) == [LETTERS[i] + "." for i in range(len(order))], question.id
        # The answer in the details: its feedback listed in the order shown and lettered so,
        feedback = node.locator(".quiz-answer .quiz-feedback > li")
        assert feedback.evaluate_all("items => items.map(item => item.dataset.option)") == order, question.id
        assert letters(node.locator(".quiz-answer .quiz-feedback")) == [letter[key] for key in order], question.id
        # and the key (or keys) by the letters shown, in the order shown.
        keyed = [key for key in order if key in keys(question, True)]
        items = node.locator(".quiz-answer [data-key]")
        assert items.evaluate_all("items => items.map(item => item.dataset.key)") == keyed, question.id
        for i, key in enumerate(keyed):
            option = node.locator(f'input[value="{key}"] ~ .quiz-option-text').text_content()
            assert words(items.nth(i).text_content()) == f"{letter[key]} {words(option)}", question.id


def test_without_javascript_the_bank_order_and_letters_are_shown(browser, site_url, bank):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(LESSON_PAGE)
        for question in choice_questions(bank):
            assert shown(page, question) == bank_keys(question), question.id
            if question.type != "true-false":
                assert letters(box(page, question).locator(".quiz-options")) == [f"{key}." for key in question.options]
    finally:
        context.close()


def test_shuffled_options_are_answered_and_kept_by_key(page, bank):
    with_seed(page, SEED)
    question = next(q for q in bank if q.type == "single" and shown(page, q) != bank_keys(q))
    order = shown(page, question)
    right = keys(question, True)[0]
    # The option a learner sees first, clicked where it is shown.
    first_shown = box(page, question).locator(".quiz-options label").first
    assert letters(first_shown) == ["a."]
    wrong = order[0] if order[0] != right else order[1]
    box(page, question).locator(".quiz-options label").nth(order.index(wrong)).click()
    box(page, question).get_by_role("button", name="Check", exact=True).click()
    assert text_of(box(page, question).locator(".quiz-verdict")) == "Not quite."
    assert_feedback_shown(page, question, [wrong])
    assert page.evaluate(f"CourseStore.get('{STORE}')['{question.id}']") == {"choice": [wrong], "correct": False}
    assert box(page, question).locator(".quiz-wrong input").get_attribute("value") == wrong

    box(page, question).get_by_role("button", name="Try again").click()
    choose_and_check(page, question, [right])
    assert text_of(box(page, question).locator(".quiz-verdict")) == "Correct."
    assert_feedback_shown(page, question, [right])

    multiple = next(q for q in bank if q.type == "multiple" and shown(page, q) != bank_keys(q))
    choose_and_check(page, multiple, keys(multiple, True))
    assert text_of(box(page, multiple).locator(".quiz-verdict")) == "Correct."
    assert_feedback_shown(page, multiple, keys(multiple, True))
    assert page.evaluate(f"CourseStore.get('{STORE}')['{multiple.id}'].choice.sort()") == sorted(keys(multiple, True))
    assert score(page) == f"Your score: 2 of {len(bank)} correct (2 of {len(bank)} answered)."

    page.reload()
    page.wait_for_selector(".quiz--ready")
    assert box(page, question).locator("input:checked").get_attribute("value") == right
    assert_feedback_shown(page, question, [right])


def test_a_learner_with_a_shuffled_order_completes_the_lesson(page, bank):
    with_seed(page, SEED)
    answer_everything_right(page, bank)
    assert score(page) == f"Your score: {len(bank)} of {len(bank)} correct."
    assert page.locator(f'a.md-nav__link[href$="{LESSON}/"] .course-done, a.md-nav__link[href="./"] .course-done').count()
    page.goto("progress/")
    row = page.locator(f'tr[data-quiz="{LESSON}"]')
    assert text_of(row.locator(".progress-done")) == "Complete ✓"
    assert text_of(row.locator(".progress-score")) == f"{len(bank)} of {len(bank)} correct"


def test_exported_progress_carries_the_order_to_another_browser(page, browser, site_url, bank, tmp_path):
    open_lesson(page)
    mine = orders(page, bank)
    single = next(q for q in bank if q.type == "single")
    choose_and_check(page, single, [next(iter(single.keyed))])  # an order alone is no progress to export
    page.goto("progress/")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export progress").click()
    exported = json.loads(open(info.value.path(), encoding="utf-8").read())
    assert exported["progress"]["learner"] == {"seed": seed_of(page)}
    saved = tmp_path / "progress.json"
    saved.write_text(json.dumps(exported), encoding="utf-8")

    other_context = checked_page(browser, site_url)
    other = next(other_context)
    try:
        open_lesson(other)
        assert orders(other, bank) != mine, "a new browser starts with an order of its own"
        other.goto("progress/")
        other.locator(".progress input[type=file]").set_input_files(str(saved))
        # The browser holds only its own seed, which is not progress: the page offers a plain import.
        other.locator(".progress-import").get_by_role("button", name="Import", exact=True).click()
        wait_until(other, "document.querySelector('.progress-message').textContent.startsWith('Imported from')")
        open_lesson(other)
        assert orders(other, bank) == mine
    finally:
        next(other_context, None)


def test_the_instructor_edition_keeps_the_bank_order_like_the_answer_key(instructor_page, bank):
    page = instructor_page
    page.goto("progress/")
    page.evaluate("seed => localStorage.setItem(CourseStore.KEY, JSON.stringify({learner: {seed}}))", SEED)
    open_lesson(page)
    assert orders(page, bank) == {q.id: bank_keys(q) for q in choice_questions(bank)}
    for question in bank:
        if question.type in ("single", "multiple"):
            assert letters(box(page, question).locator(".quiz-options")) == [f"{key}." for key in question.options]
    assert page.evaluate("CourseStore.get('learner').seed") == SEED, "the learner's seed is left alone"
