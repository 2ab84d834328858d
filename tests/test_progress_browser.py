"""The learner's data in Chromium when things go wrong: storage that is full or blocked (answers still get
feedback, a lasting notice says nothing is kept, memory carries the visit, export says what it holds),
and progress files that are broken, forged, too big or foreign (refused, nothing changed, a clear message),
or good (the page shows what the file holds and asks: replace, merge or cancel)."""
import json
import re

import pytest
from conftest import wait_until
from test_a11y import SCHEMES, axe_source, violations  # noqa: F401 (axe_source is a fixture)
from test_quiz_browser import (BLOCK_STORAGE, LESSON, LESSON_PAGE, STORE, box, choose_and_check, first, keys,
                               open_lesson, serve_sitemap_for_localhost, text_of)

KEY = "networking-course:v1"
NOTICE = ("This browser is not saving your progress: your answers and your plan last only for this visit. To keep "
          "them, export your progress before you leave, or take the course in another browser or a normal (not "
          "private) window.")


def fill_storage(existing):
    """An init script: the learner's progress from before, then localStorage filled to its real quota."""
    return """(() => {
  if (localStorage.getItem("filler")) return;  // filled on the first page already
  localStorage.setItem("filler", "1");
  localStorage.setItem(%s, %s);
  let size = 1 << 20, i = 0;
  while (size >= 1) {
    try { localStorage.setItem("filler-" + i++, "x".repeat(size)); } catch (error) { size = Math.floor(size / 2); }
  }
})();""" % (json.dumps(KEY), json.dumps(json.dumps(existing)))


@pytest.fixture(scope="module")
def bank(course):
    return course.banks[LESSON].questions


def go_by_nav(page, path):
    """Follow the navigation link to path as a learner would: with instant navigation, in the same document."""
    page.locator(f'a.md-nav__link[href$="{path}"]').first.click()
    page.wait_for_url(f"**/{path}")
    assert page.evaluate("window.sameDocument") is True, "navigation was instant (no full page load)"


def notice_text(page):
    wait_until(page, "document.querySelectorAll('.course-notice [role=status]').length === 1 && "
                     "document.querySelector('.course-notice [role=status]').textContent !== ''")
    return text_of(page.locator(".course-notice [role=status]"))


def axe_clean(page, axe_source):
    """axe finds nothing, with the pointer and focus away from the button last pressed (Material's hover and
    focus colours for buttons are its own matter, outside what is checked here)."""
    page.mouse.move(0, 0)
    page.evaluate("document.activeElement.blur()")
    return not violations(page, axe_source)


def review_entry(page, box):
    """The review schedule's entry for a question answered right today, moved to `box`."""
    today = page.evaluate("CourseReview.today(new Date())")
    return {"box": box, "due": page.evaluate(f"CourseReview.after('{today}', CourseReview.DAYS[{box}])"), "seen": today}


def export(page):
    with page.expect_download() as info:
        page.get_by_role("button", name="Export progress").click()
    return json.loads(open(info.value.path(), encoding="utf-8").read()), info.value.suggested_filename


@pytest.mark.parametrize("state", ["full", "blocked"])
def test_storage_that_cannot_keep_anything(page, bank, site, site_url, state, axe_source):
    single, multiple = first(bank, "single"), first(bank, "multiple")
    before = {STORE: {multiple.id: {"choice": keys(multiple, True), "correct": True}}}
    page.context.add_init_script(fill_storage(before) if state == "full" else BLOCK_STORAGE)
    page.emulate_media(color_scheme="light" if state == "full" else "dark")  # axe checks the notice in both
    serve_sitemap_for_localhost(page, site, site_url)
    open_lesson(page)
    page.evaluate("window.sameDocument = true")
    # The quiz's first write, the learner's own option order, already fails: the notice says so at once.
    assert notice_text(page) == NOTICE

    choose_and_check(page, single, keys(single, False))
    assert text_of(box(page, single).locator(".quiz-verdict")) == "Not quite.", "feedback, whatever storage does"
    assert notice_text(page) == NOTICE
    assert page.locator(".course-notice").get_attribute("aria-label") == "Your progress is not being saved"
    box(page, single).get_by_role("button", name="Try again").click()
    choose_and_check(page, single, keys(single, True))
    assert text_of(box(page, single).locator(".quiz-verdict")) == "Correct."
    assert page.locator(".course-notice").count() == 1, "one notice, not one per failed write"
    assert page.evaluate("CourseStore.set('plan', {goals: 'Meet three testers'})") is False, "callers learn it failed"
    if state == "full":
        assert page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))") == before, "the stored copy is as it was"
    page.evaluate("window.theNotice = document.querySelector('.course-notice')")

    go_by_nav(page, "glossary/")
    assert page.evaluate("document.querySelector('.course-notice') === window.theNotice"), "the same notice, kept"
    assert page.locator(".course-notice").is_visible()
    assert notice_text(page) == NOTICE
    go_by_nav(page, LESSON_PAGE)
    page.wait_for_selector(".quiz--ready")
    assert text_of(box(page, single).locator(".quiz-verdict")) == "Correct.", "the answer lived on in memory"
    assert box(page, single).locator("input:checked").get_attribute("value") == keys(single, True)[0]
    if state == "full":
        assert text_of(box(page, multiple).locator(".quiz-verdict")) == "Correct.", "and so did the stored one"

    go_by_nav(page, "progress/")
    assert page.evaluate("document.querySelectorAll('.course-notice').length") == 1
    answers = 2 if state == "full" else 1
    assert text_of(page.locator(f'tr[data-quiz="{LESSON}"] .progress-done')) == f"{answers} of {len(bank)} questions"
    exported, name = export(page)
    expected = {STORE: {single.id: {"choice": keys(single, True), "correct": True}}, "plan": {"goals": "Meet three testers"}}
    if state == "full":
        expected[STORE].update(before[STORE])
    # The learner's own option order, made on the first quiz page and kept in memory, travels with the rest.
    assert exported["progress"].pop("learner") == {"seed": page.evaluate("CourseStore.get('learner').seed")}
    # So does the review schedule: the single question, last answered right today, is due again tomorrow.
    assert exported["progress"].pop("review") == {f"{LESSON}/{single.id}": review_entry(page, 1)}
    assert exported["progress"] == expected
    assert text_of(page.locator(".progress-message")) == (
        f"Your progress was saved to the file {name}. It holds {answers} answer{'s' * (answers > 1)} in 1 lesson and your plan.")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("default" if state == "full" else "slate")
    assert axe_clean(page, axe_source), "the notice passes axe"

    if state == "full":
        # A full page load in the same tab: sessionStorage still works, and carries the visit on.
        page.goto(LESSON_PAGE)
        page.wait_for_selector(".quiz--ready")
        assert text_of(box(page, single).locator(".quiz-verdict")) == "Correct."
        assert notice_text(page) == NOTICE


def test_the_plan_form_shows_the_notice_too(page, site, site_url):
    page.context.add_init_script(BLOCK_STORAGE)
    serve_sitemap_for_localhost(page, site, site_url)
    page.goto("lessons/networking-plan/")
    page.evaluate("window.sameDocument = true")
    page.locator('textarea[name="goals"]').fill("Two meetups a month")
    assert notice_text(page) == NOTICE
    go_by_nav(page, "glossary/")
    go_by_nav(page, "lessons/networking-plan/")
    page.wait_for_selector(".nplan[data-ready]")  # the address changes before the page's scripts have run
    assert page.locator('textarea[name="goals"]').input_value() == "Two meetups a month"
    assert page.locator(".course-notice").count() == 1


def test_storage_that_works_again_takes_everything_and_drops_the_notice(page, bank):
    question = first(bank, "single")
    # setItem fails as a full quota makes it fail, until the test lets it through.
    page.context.add_init_script("""const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (this === window.localStorage && !window.roomAgain) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  return setItem.call(this, key, value);
};""")
    open_lesson(page)
    choose_and_check(page, question, keys(question, True))
    assert notice_text(page) == NOTICE
    page.evaluate("window.roomAgain = true")
    assert page.evaluate("CourseStore.set('plan', {goals: 'x'})") is True
    assert page.locator(".course-notice").count() == 0
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert re.fullmatch(r"[0-9a-z]{8,32}", stored.pop("learner")["seed"]), "the option order is kept too"
    assert stored.pop("review") == {f"{LESSON}/{question.id}": review_entry(page, 1)}, "and the review schedule"
    assert stored == {STORE: {question.id: {"choice": keys(question, True), "correct": True}}, "plan": {"goals": "x"}}


def test_export_with_nothing_to_export_writes_nothing(page):
    page.goto("progress/")
    page.evaluate("CourseStore.set('learner', {seed: 'abcdefgh12'})")  # an option order is not progress
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    page.get_by_role("button", name="Export progress").click()
    assert text_of(page.locator(".progress-message")) == (
        "There is nothing to export yet: this browser holds no answers, no plan and no contacts for this course.")
    page.wait_for_timeout(500)
    assert downloads == []


# ---- Imports ----------------------------------------------------------------------------------------------

def progress_file(sections, **extra):
    return json.dumps({"format": "networking-course-progress", "version": 1, "exported": "2025-03-01T10:00:00.000Z",
                       "progress": sections, **extra})


def choose_file(page, path):
    page.locator(".progress input[type=file]").set_input_files(str(path))


def message(page):
    wait_until(page, "document.querySelector('.progress-message').textContent !== ''")
    return text_of(page.locator(".progress-message"))


def plan_limit(page, field):
    limits = page.evaluate("""() => { const meta = document.querySelector('meta[name="course-plan-limits"]');
                                      return meta ? JSON.parse(meta.content) : null; }""")
    return limits[field] if limits else 20000


NOTHING = "nothing in it can be imported into this course: it holds only "


def bad_files(course):
    bank = course.banks[LESSON].questions
    single = first(bank, "single")
    forged = {f"quiz:{slug}": {q.id: {"choice": [], "correct": True} for q in b.questions} for slug, b in course.banks.items()}
    first_ids = ", ".join(f"“{q.id}” in “{LESSON}”" for q in bank[:5])
    form = f"answers in a form this course does not write (“{single.id}” in “{LESSON}”)."
    return {
        "not JSON": ("this is not JSON", "it is not a progress file exported from this course (it is not JSON)."),
        "empty": ("", "it is not a progress file exported from this course (it is not JSON)."),
        "a list": ("[1, 2, 3]", "it is not a progress file exported from this course."),
        "no wrapper": ('{"goals": "a plan"}', "it is not a progress file exported from this course."),
        "wrong format": (json.dumps({"format": "other-course", "version": 1, "progress": {}}),
                         "it is not a progress file exported from this course."),
        "newer version": (progress_file({"plan": {"goals": "x"}}, version=2),
                          "it was made by a newer version of this course (format version 2); this page reads version 1."),
        "odd version": (progress_file({"plan": {"goals": "x"}}, version="1"),
                        "its format version is missing or unknown; this page reads version 1."),
        "foreign": (progress_file({"quiz:other-course": {"q1": {"choice": ["a"], "correct": True}},
                                   f"quiz:{LESSON}": {"retired-question": {"choice": ["a"], "correct": True}}}),
                    NOTHING + "lessons this course does not have (“other-course”); "
                    f"questions this course does not have (“retired-question” in “{LESSON}”)."),
        "forged": (progress_file({STORE: forged[STORE]}),
                   NOTHING + f"answers in a form this course does not write ({first_ids} and {len(bank) - 5} more)."),
        "choice as text": (progress_file({STORE: {single.id: {"choice": "b", "correct": True}}}), NOTHING + form),
        "correct as text": (progress_file({STORE: {single.id: {"choice": ["a"], "correct": "yes"}}}), NOTHING + form),
        "record as text": (progress_file({STORE: {single.id: "a"}}), NOTHING + form),
        "section as text": (progress_file({"plan": "not a record"}),
                            NOTHING + "parts in a form this course does not write (“plan”)."),
        "bad seed": (progress_file({"learner": {"seed": "<script>"}}),
                     NOTHING + "parts in a form this course does not write (“learner.seed”)."),
    }


BAD = ["not JSON", "empty", "a list", "no wrapper", "wrong format", "newer version", "odd version", "foreign", "forged",
       "choice as text", "correct as text", "record as text", "section as text", "bad seed", "long plan", "50 MB"]


def keep_me(page, bank):
    question = first(bank, "single")
    open_lesson(page)
    choose_and_check(page, question, keys(question, False))
    page.goto("progress/")
    page.evaluate("CourseStore.set('plan', {goals: 'keep me'})")
    return page.evaluate(f"localStorage.getItem('{KEY}')")


@pytest.mark.parametrize("case", BAD)
def test_a_bad_import_changes_nothing_and_says_why(page, course, bank, tmp_path, case):
    before = keep_me(page, bank)
    bad = tmp_path / "progress.json"
    if case == "long plan":
        limit = plan_limit(page, "goals")
        bad.write_text(progress_file({"plan": {"goals": "x" * (limit + 1)}}), encoding="utf-8")
        why = NOTHING + f"plan fields longer than this course keeps (“goals” ({limit + 1} characters, at most {limit}))."
    elif case == "50 MB":
        # Well-formed and in the course's format: only its size is wrong.
        short = len(progress_file({"plan": {"goals": "x"}}, padding=""))
        bad.write_text(progress_file({"plan": {"goals": "x"}}, padding="x" * (50 * 1024 * 1024 - short)), encoding="utf-8")
        assert bad.stat().st_size == 50 * 1024 * 1024
        why = "it is 50 MB, and a progress file of this course is at most 4 MB."
    else:
        content, why = bad_files(course)[case]
        bad.write_text(content, encoding="utf-8")
    # Every file the page reads, by size: a file over the limit is refused before it is read at all.
    page.evaluate("""() => { window.readSizes = []; const text = Blob.prototype.text;
                     Blob.prototype.text = function () { if (this instanceof File) window.readSizes.push(this.size); return text.call(this); }; }""")
    choose_file(page, bad)
    assert message(page) == f"Nothing was imported from progress.json, and your progress is as it was: {why}"
    assert page.evaluate("window.readSizes") == ([] if case == "50 MB" else [bad.stat().st_size])
    assert page.locator(".progress-import").count() == 0, "nothing to choose"
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before
    assert text_of(page.locator(f'tr[data-quiz="{LESSON}"] .progress-done')) == f"1 of {len(bank)} questions"


def test_forged_records_beside_a_real_answer_are_left_out_and_never_count(page, course, bank, tmp_path):
    """The attack that once marked every lesson complete: every question "answered" with no option and
    `correct: true`, plus one real answer so that the file is not refused outright."""
    forged = {f"quiz:{slug}": {q.id: {"choice": [], "correct": True} for q in b.questions} for slug, b in course.banks.items()}
    single = first(bank, "single")
    forged[STORE][single.id] = {"choice": keys(single, True), "correct": False}
    path = tmp_path / "forged.json"
    path.write_text(progress_file(forged), encoding="utf-8")
    page.goto("progress/")
    question = ask(page, path)
    assert text_of(question).startswith("Import forged.json? The file holds 1 answer in 1 lesson. Left out: answers in a "
                                        "form this course does not write (")
    question.get_by_role("button", name="Import").click()
    assert page.evaluate("CourseStore.all()") == {STORE: {single.id: {"choice": keys(single, True), "correct": True}}}
    assert text_of(page.locator(".progress-summary")) == f"You have completed 0 of {len(course.lessons)} lessons."
    assert page.locator(".course-done").count() == 0, "no lesson is marked complete in the navigation"


def test_just_over_the_limit_is_refused(page, bank, tmp_path):
    before = keep_me(page, bank)
    big = tmp_path / "big.json"
    big.write_text(progress_file({"plan": {"goals": "x"}}, padding="x" * (4 * 1024 * 1024)), encoding="utf-8")
    choose_file(page, big)
    assert message(page) == ("Nothing was imported from big.json, and your progress is as it was: "
                             "it is 4.1 MB, and a progress file of this course is at most 4 MB.")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before


@pytest.fixture
def palette(request):
    """The colour scheme to open pages in ("light" unless a test asks for another through parametrize)."""
    return getattr(request, "param", "light")


@pytest.fixture
def stored_and_file(page, bank, tmp_path, palette):
    """This browser's progress, and a file that answers one of the same questions, a new one (claiming a
    wrong choice is right), changes the plan, and carries a lesson the course does not have."""
    single, multiple, truth = first(bank, "single"), first(bank, "multiple"), first(bank, "true-false")
    here = {STORE: {single.id: {"choice": keys(single, False)[:1], "correct": False},
                    multiple.id: {"choice": keys(multiple, True), "correct": True}},
            "plan": {"goals": "old goals", "roles": "QA"}, "learner": {"seed": "here1234"}}
    sections = {STORE: {single.id: {"choice": keys(single, True), "correct": False},
                        truth.id: {"choice": keys(truth, False), "correct": True}},
                "quiz:gone-lesson": {"q": {"choice": ["a"], "correct": True}},
                "plan": {"goals": "new goals"}, "learner": {"seed": "file5678"}}
    cleaned = {STORE: {single.id: {"choice": keys(single, True), "correct": True},
                       truth.id: {"choice": keys(truth, False), "correct": False}},
               "plan": {"goals": "new goals"}, "learner": {"seed": "file5678"}}
    page.emulate_media(color_scheme=palette)
    page.goto("progress/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == SCHEMES[palette]
    page.evaluate("data => CourseStore.replace(data)", here)
    page.reload()
    path = tmp_path / "from-my-laptop.json"
    path.write_text(progress_file(sections), encoding="utf-8")
    return here, path, cleaned


def ask(page, path):
    choose_file(page, path)
    question = page.locator(".progress-import")
    question.wait_for()
    return question


@pytest.mark.parametrize("palette, width", [("light", 1280), ("dark", 360)], indirect=["palette"])
def test_a_good_import_shows_what_it_holds_and_asks(page, stored_and_file, axe_source, width):
    here, path, _ = stored_and_file
    page.set_viewport_size({"width": width, "height": 800})
    question = ask(page, path)
    assert question.get_attribute("role") == "group"
    assert page.evaluate("document.activeElement === document.querySelector('.progress-import')"), "focus on the question"
    assert page.evaluate("document.querySelector('.progress-import').getAttribute('aria-labelledby')") == "progress-import-title"
    assert text_of(question.locator("#progress-import-title")) == "Import from-my-laptop.json?"
    assert text_of(question.locator("#progress-import-about")) == (
        "The file holds 2 answers in 1 lesson and your plan. "
        "Left out: lessons this course does not have (“gone-lesson”). "
        "This browser holds 2 answers in 1 lesson and your plan. Replace it with the file, or merge the two "
        "(where both hold an answer to the same question, or the same contact, the file's is kept)?")
    assert question.get_by_role("button").all_inner_texts() == ["Replace", "Merge", "Cancel"]
    assert page.evaluate("CourseStore.all()") == here, "nothing changes while the page asks"
    assert axe_clean(page, axe_source)

    question.get_by_role("button", name="Cancel").click()
    assert page.locator(".progress-import").count() == 0
    assert message(page) == "Nothing was imported from from-my-laptop.json; your progress is as it was."
    assert page.evaluate("CourseStore.all()") == here
    assert page.evaluate("document.activeElement.textContent") == "Import progress"


def test_replace_takes_the_file_with_answers_scored_again(page, bank, stored_and_file):
    _, path, cleaned = stored_and_file
    ask(page, path).get_by_role("button", name="Replace").click()
    assert page.evaluate("CourseStore.all()") == cleaned
    assert message(page) == "Imported from from-my-laptop.json. This browser now holds 2 answers in 1 lesson and your plan."
    row = page.locator(f'tr[data-quiz="{LESSON}"]')
    assert text_of(row.locator(".progress-score")) == f"1 of {len(bank)} correct", "the file's `correct: true` was not trusted"


def test_merge_lets_the_file_win_per_question_and_keeps_the_rest(page, bank, stored_and_file):
    here, path, cleaned = stored_and_file
    ask(page, path).get_by_role("button", name="Merge").click()
    multiple = first(bank, "multiple")
    assert page.evaluate("CourseStore.all()") == {
        STORE: {**cleaned[STORE], multiple.id: here[STORE][multiple.id]},
        "plan": {"goals": "new goals", "roles": "QA"}, "learner": {"seed": "file5678"}}
    assert message(page) == "Imported from from-my-laptop.json. This browser now holds 3 answers in 1 lesson and your plan."
    assert text_of(page.locator(f'tr[data-quiz="{LESSON}"] .progress-score')) == f"2 of {len(bank)} correct"


def test_an_export_with_a_seed_moves_to_a_fresh_browser(page, browser, site_url, bank, tmp_path):
    question = first(bank, "single")
    open_lesson(page)
    choose_and_check(page, question, keys(question, True))
    page.evaluate("CourseStore.set('learner', {seed: 'k3y4learner'})")
    page.goto("progress/")
    exported, _ = export(page)
    assert exported["progress"]["learner"] == {"seed": "k3y4learner"}
    saved = tmp_path / "progress.json"
    saved.write_text(json.dumps(exported), encoding="utf-8")

    context = browser.new_context(base_url=site_url)
    try:
        fresh = context.new_page()
        fresh.goto("progress/")
        fresh.wait_for_selector(".progress--ready")
        question_box = ask(fresh, saved)
        assert "This browser holds no progress yet." in text_of(question_box)
        assert question_box.get_by_role("button").all_inner_texts() == ["Import", "Cancel"]
        question_box.get_by_role("button", name="Import").click()
        assert fresh.evaluate("CourseStore.get('learner')") == {"seed": "k3y4learner"}
        assert fresh.evaluate("CourseStore.all()") == exported["progress"]
        fresh.goto(LESSON_PAGE)
        fresh.wait_for_selector(".quiz--ready")
        assert text_of(box(fresh, question).locator(".quiz-verdict")) == "Correct."
    finally:
        context.close()


def test_an_import_into_a_browser_that_cannot_save_says_so(page, bank, tmp_path):
    page.context.add_init_script(BLOCK_STORAGE)
    single = first(bank, "single")
    sections = {STORE: {single.id: {"choice": keys(single, True), "correct": True}}}
    path = tmp_path / "progress.json"
    path.write_text(progress_file(sections), encoding="utf-8")
    page.goto("progress/")
    ask(page, path).get_by_role("button", name="Import").click()
    assert message(page) == ("Imported from progress.json. This browser now holds 1 answer in 1 lesson. "
                             "It keeps them only until you leave: export your progress before you do.")
    assert page.evaluate("CourseStore.all()") == sections
    assert notice_text(page) == NOTICE
