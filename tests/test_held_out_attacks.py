"""Attacks that the other tests do not try, of the kinds they guard against: a learner's data lost in silence,
instructor notes leaked into the learner edition, markup or script from author or learner text run, and pages
that break the Content-Security-Policy. Each test asserts what should happen instead."""
import json
import re
import time
from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from conftest import checked_page, mkdocs_build, serve_folder, wait_until
from macros import csp
from macros.render import OPEN_ANSWER_MAX
from test_authoring import check, insert_before, summary
from test_csp import META, RECORD
from test_plan_browser import download, open_plan, shown_in, starts, unfolded
from test_progress_browser import KEY, NOTICE, choose_file, fill_storage, progress_file
from test_quiz_browser import LESSON, STORE, box, choose_and_check, first, keys, open_lesson, text_of
from test_site import copy_project


# ---- Author mistakes that `make check` must name, quickly and without a crash -------------------------------

def alias_bomb(levels):
    """A few lines of YAML that name a list of nine lists of nine ... (billions of values when followed)."""
    lines = ['x-a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    names = "abcdefghijklmnop"[:levels + 1]
    for before, name in zip(names, names[1:]):
        lines.append(f"x-{name}: &{name} [" + ", ".join([f"*{before}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_the_check_names_hostile_sources_without_hanging_or_crashing(tmp_path):
    project = copy_project(tmp_path)
    docs = project / "docs"
    (docs / "lessons/echo.md").symlink_to("echo.md")  # a lesson linked to itself
    (docs / "lessons/in person.md").write_text((docs / "lessons/networking-plan.md").read_text(encoding="utf-8"),
                                               encoding="utf-8")
    credits = docs / "credits.md"  # saved as UTF-16 by an editor
    credits.write_bytes(credits.read_text(encoding="utf-8").encode("utf-16"))
    glossary = docs / "glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "title: Glossary", "title: Glossary </title><script>alert(1)</script>", 1), encoding="utf-8")
    bank = project / "quizzes/in-person.yml"
    bank.write_text(alias_bomb(9) + bank.read_text(encoding="utf-8"), encoding="utf-8")
    # Nesting that libyaml builds by recursion in C: 50,000 levels crash the process.
    lesson = docs / "lessons/introverts.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("---\n", "---\nsources: " + "[" * 50000 + "]" * 50000 + "\n", 1), encoding="utf-8")

    started = time.monotonic()
    code, output = check(project)
    assert time.monotonic() - started < 60, "the check finishes"
    alias = "this list or mapping is repeated elsewhere with a YAML alias (`*name`); write it out in full where it is needed"
    expected = [
        "docs/credits.md:1: the file is not UTF-8 text (invalid start byte); save it as UTF-8",
        "docs/glossary.md:2: `title:` contains HTML (</title>); a page's title is plain text, written into every "
        "page as it is: remove the markup",
        "docs/lessons/echo.md:1: is a symbolic link to echo.md, which leads back to itself; point it at a file in "
        "the project, or delete it",
        "docs/lessons/in person.md:1: the file name 'in person' is the lesson's address; use only lowercase letters "
        "a-z, digits and single hyphens, like in-person.md",
        "docs/lessons/in person.md:1: the lesson has no quiz bank; create quizzes/in person.yml starting with "
        "`lesson: in person`",
        "docs/lessons/introverts.md:2: lists and mappings nest more than 100 levels deep here; a course file needs a "
        "few: write the values out flat",
    ] + [f"quizzes/in-person.yml:{line}: {alias}" for line in range(1, 10)]
    assert code == 1 and "Traceback" not in output
    assert sorted(output.splitlines()[:-1]) == sorted(expected), output
    assert output.splitlines()[-1] == summary(len(expected))


# ---- Instructor notes written in other ways, and script in front matter that builds ----------------------------

# Each body holds a word of its own; none may reach the learner edition.
HIDDEN_NOTES = {
    "Tabnote": "!!!\tinstructor\n    Tabnote after a tab.\n",
    "Nestednote": '??? note "More"\n    Intro kept.\n\n    !!! instructor\n        Nestednote inside a collapsible block.\n',
    "Tabbodynote": "!!! instructor\n\tTabbodynote indented with a tab.\n",
    "Separatornote": "!!! instructor\n    First line\u2028Separatornote after a line separator.\n",
    "Feednote": "!!! instructor\n    First line\x0cFeednote after a form feed.\n",
    "Nextlinenote": "!!! instructor\n    First line\x85Nextlinenote after a next-line character.\n",
    "Htmlblocknote": "<div markdown>\n!!! instructor\n    Htmlblocknote in an HTML block.\n</div>\n",
    "Definitionnote": "Term\n:   Definition.\n\n    !!! instructor\n        Definitionnote in a definition.\n",
    "Macronote": '{{ "!!! instructor\\n    Macronote written by template code.\\n" }}\n',
}
ELSEWHERE = {"Glossarynote": "docs/glossary.md", "Worksheetnote": "docs/worksheets/conversation-cards.md",
             "Rawpagenote": "docs/credits.md", "Crlfnote": "docs/lessons/introverts.md"}


@pytest.fixture(scope="module")
def hidden_notes(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hidden-notes"))
    docs = project / "docs"
    insert_before(docs / "lessons/in-person.md", "## Motivation", "\n".join(HIDDEN_NOTES.values()) + "\n")
    insert_before(docs / "glossary.md", "## B", "!!! Instructor\n    Glossarynote in the glossary.\n\n")
    with (docs / "worksheets/conversation-cards.md").open("a", encoding="utf-8") as sheet:
        sheet.write("\n!!! instructor\n    Worksheetnote on a worksheet.\n")
    credits = docs / "credits.md"  # a page that turns template code off
    credits.write_text(credits.read_text(encoding="utf-8").replace("title: Credits\n", "title: Credits\nrender_macros: false\n", 1)
                       + "\n!!! instructor\n    Rawpagenote on a page without template code.\n", encoding="utf-8")
    introverts = docs / "lessons/introverts.md"  # saved with Windows line ends
    text = introverts.read_text(encoding="utf-8").replace(
        "\n## Motivation\n", "\n!!! instructor\n    Crlfnote in a file with CRLF line ends.\n\n## Motivation\n", 1)
    introverts.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    # Script in front matter that is shown as text: an objective (learner pages) and a material (session pages).
    lesson = docs / "lessons/in-person.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace(
        "  prepare-for-event: Find", "  prepare-for-event: <script>alert('objective')</script> Find", 1), encoding="utf-8")
    career = docs / "lessons/networking-career.md"
    career.write_text(career.read_text(encoding="utf-8").replace(
        "  - supply: Blank name tags", "  - supply: \"<script>alert('material')</script><img src=x onerror=alert(2)>\"\n"
        "  - supply: Blank name tags", 1), encoding="utf-8")
    sites = {}
    for edition, config in (("learner", "mkdocs.yml"), ("instructor", "mkdocs.instructor.yml")):
        result = mkdocs_build(project / config, project / f"out-{edition}", cwd=project)
        assert result.returncode == 0, result.stdout + result.stderr
        sites[edition] = project / f"out-{edition}"
    return sites


def test_notes_hidden_in_other_ways_never_reach_the_learner_edition(hidden_notes):
    site = hidden_notes["learner"]
    words = [*HIDDEN_NOTES, *ELSEWHERE]
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert [word for word in words if word in html] == [], page
        assert not re.search(r'class="(?:[^"]*\s)?instructor[\s"]', html), page
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert [word for word in words if word in index] == []
    assert "Intro kept." in index and "Definition." in index, "what is around the notes stays"


def test_the_instructor_edition_keeps_every_one(hidden_notes):
    site = hidden_notes["instructor"]
    pages = {"Glossarynote": "glossary", "Worksheetnote": "worksheets/conversation-cards", "Rawpagenote": "credits",
             "Crlfnote": "lessons/introverts"}
    for word in [*HIDDEN_NOTES, *ELSEWHERE]:
        assert word in (site / pages.get(word, "lessons/in-person") / "index.html").read_text(encoding="utf-8"), word


def test_script_in_objectives_and_materials_is_shown_as_text(hidden_notes):
    lesson = (hidden_notes["learner"] / "lessons/in-person/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert('objective')&lt;/script&gt; Find" in lesson
    session = (hidden_notes["instructor"] / "instructor/sessions/networking-career/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert('material')&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in session
    for site in hidden_notes.values():
        for page in site.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            assert "<script>alert(" not in html and "<img src=x" not in html, page


@pytest.mark.parametrize("attack", ["note in a quote", "note in HTML", "HTML made by a title's template code"])
def test_what_cannot_be_left_out_or_escaped_stops_the_build(tmp_path, attack):
    project = copy_project(tmp_path)
    docs = project / "docs"
    if attack == "note in a quote":
        line = insert_before(docs / "lessons/in-person.md", "## Motivation", "> !!! instructor\n>     Quotednote.\n\n")
        where, what = "docs/lessons/in-person.md", "an instructor note is left in the learner edition of this page"
    elif attack == "note in HTML":
        line = insert_before(docs / "glossary.md", "## B", '<div class="admonition instructor" markdown>\n'
                             "Quotednote written in HTML.\n</div>\n\n")
        where, what = "docs/glossary.md", "an instructor note is left in the learner edition of this page"
    else:
        sheet = docs / "worksheets/superpowers-and-goals.md"
        sheet.write_text(re.sub(r"^title: .*$", "title: \"Goals {{ '<' }}meta http-equiv=refresh content=0;url=//evil.example>\"",
                                sheet.read_text(encoding="utf-8"), count=1, flags=re.M), encoding="utf-8")
        line, where = 2, "docs/worksheets/superpowers-and-goals.md"
        what = "`title:` makes HTML (<meta http-equiv=refresh content=0;url=//evil.example>) when its template code runs"
    code, output = check(project)
    assert code == 0, "the check, which does not render pages, lets it through: the build is where it stops"
    site = project / "out"
    result = mkdocs_build(project / "mkdocs.yml", site, cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert f"ERROR   -  {where}:{line}: {what}" in output, output
    written = [path for path in site.rglob("*") if path.is_file() and path.suffix in (".html", ".json")] if site.exists() else []
    assert not [path for path in written if "Quotednote" in path.read_text(encoding="utf-8") or
                "evil.example" in path.read_text(encoding="utf-8")]
    assert not (site / "search/search_index.json").exists()


# ---- Progress files a learner might be handed, or make by accident ----------------------------------------------

def read_file_in(page, path):
    """Choose path on a fresh progress page; the import question's text, or the message when it was refused."""
    page.goto("progress/")
    page.wait_for_selector(".progress--ready")
    choose_file(page, path)
    wait_until(page, "document.querySelector('.progress-message').textContent !== '' || "
                     "document.querySelector('.progress-import') !== null")
    if not page.locator(".progress-import").count():
        return text_of(page.locator(".progress-message"))
    return text_of(page.locator("#progress-import-title")) + " " + text_of(page.locator("#progress-import-about"))


def message(page):
    wait_until(page, "document.querySelector('.progress-message').textContent !== ''")
    return text_of(page.locator(".progress-message"))


def notice_text(page):
    wait_until(page, "document.querySelectorAll('.course-notice [role=status]').length === 1 && "
                     "document.querySelector('.course-notice [role=status]').textContent !== ''")
    return text_of(page.locator(".course-notice [role=status]"))


# What the question says last in a browser that holds no progress.
FRESH = "This browser holds no progress yet."


def test_prototype_keys_in_a_file_change_no_object_and_are_left_out(page, course, tmp_path):
    bank = course.banks[LESSON].questions
    single = first(bank, "single")
    good = {"choice": keys(single, True), "correct": True}
    path = tmp_path / "proto.json"
    path.write_text(progress_file({
        "__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}},
        "quiz:__proto__": {"a": good}, "quiz:constructor": {"a": good},
        STORE: {"__proto__": good, "constructor": good, "hasOwnProperty": good, single.id: good},
        "plan": {"__proto__": "x", "constructor": "y", "goals": "ok"},
        "learner": {"__proto__": {"seed": "zzzzzzzz"}, "seed": "abcdefgh"}}), encoding="utf-8")
    assert read_file_in(page, path) == (
        "Import proto.json? The file holds 1 answer in 1 lesson and your plan. Left out: parts this course does not "
        "know (“__proto__”, “constructor”, “learner.__proto__”); lessons this course does not have (“__proto__”, "
        "“constructor”); questions this course does not have (“__proto__” in “in-person”, “constructor” in "
        "“in-person”, “hasOwnProperty” in “in-person”); plan fields this course does not have (“__proto__”, "
        "“constructor”). " + FRESH)
    page.locator(".progress-import").get_by_role("button", name="Import").click()
    clean = {STORE: {single.id: good}, "plan": {"goals": "ok"}, "learner": {"seed": "abcdefgh"}}
    assert page.evaluate("CourseStore.all()") == clean
    assert page.evaluate("""() => [({}).polluted, Object.prototype.polluted, Object.keys(CourseStore.all()).join(),
        Object.getPrototypeOf(CourseStore.get('plan')) === Object.prototype,
        JSON.parse(localStorage.getItem(CourseStore.KEY)).__proto__ === Object.prototype]""") == [
        None, None, "quiz:in-person,plan,learner", True, True]


def test_deep_nesting_and_wrong_types_cost_only_themselves(page, course, tmp_path):
    bank = course.banks[LESSON].questions
    single, multiple = first(bank, "single"), first(bank, "multiple")
    deep = "[" * 150000 + "]" * 150000  # twice in a file under the size limit: 150,000 levels deep
    sections = {"plan": {"goals": 42, "roles": None, "superpowers": ["a"], "industries": {"x": 1}, "habit-day": True,
                         "month-1-actions": "Keep this", "month-1-review": "DEEP"},
                STORE: {single.id: {"choice": [1], "correct": True},
                        multiple.id: {"choice": keys(multiple, True), "correct": 1}}}
    path = tmp_path / "odd.json"
    path.write_text(progress_file(sections, exported="DEEP").replace('"DEEP"', deep), encoding="utf-8")
    assert path.stat().st_size < 1024 * 1024
    assert read_file_in(page, path) == (
        "Import odd.json? The file holds your plan. Left out: plan fields that are not text (“goals”, “roles”, "
        "“superpowers”, “industries”, “habit-day” and 1 more); answers in a form this course does not write "
        f"(“{single.id}” in “{LESSON}”, “{multiple.id}” in “{LESSON}”). " + FRESH)
    page.locator(".progress-import").get_by_role("button", name="Import").click()
    assert page.evaluate("CourseStore.all()") == {"plan": {"month-1-actions": "Keep this"}}


def test_huge_arrays_in_a_small_file_are_refused_quickly_and_named_briefly(page, course, tmp_path):
    single = first(course.banks[LESSON].questions, "single")
    section = {single.id: {"choice": ["a"] * 100000, "correct": True}, **{f"q{i}": 0 for i in range(30000)}}
    path = tmp_path / "huge.json"
    path.write_text(progress_file({STORE: section, "plan": {"goals": "x"}}), encoding="utf-8")
    assert path.stat().st_size < 1024 * 1024
    started = time.monotonic()
    said = read_file_in(page, path)
    assert time.monotonic() - started < 5
    assert said == (
        "Import huge.json? The file holds your plan. Left out: answers in a form this course does not write "
        f"(“{single.id}” in “{LESSON}”); questions this course does not have (“q0” in “{LESSON}”, “q1” in “{LESSON}”, "
        f"“q2” in “{LESSON}”, “q3” in “{LESSON}”, “q4” in “{LESSON}” and 29995 more). " + FRESH)


@pytest.mark.parametrize("form", ["duplicate keys", "UTF-8 with a byte-order mark", "UTF-16", "UTF-16 big-endian"])
def test_a_file_saved_again_by_an_editor_still_imports(page, course, tmp_path, form):
    text = progress_file({"plan": {"goals": "Meet three people – é 😀"}})
    data = {"duplicate keys": ('{"format": "other", ' + text[1:]).replace('"goals"', '"goals": "first", "goals"').encode(),
            "UTF-8 with a byte-order mark": b"\xef\xbb\xbf" + text.encode(),
            "UTF-16": text.encode("utf-16"), "UTF-16 big-endian": b"\xfe\xff" + text.encode("utf-16-be")}[form]
    path = tmp_path / "progress.json"
    path.write_bytes(data)
    assert read_file_in(page, path) == "Import progress.json? The file holds your plan. " + FRESH
    page.locator(".progress-import").get_by_role("button", name="Import").click()
    assert page.evaluate("CourseStore.all()") == {"plan": {"goals": "Meet three people – é 😀"}}, "the last key counts"


def test_values_at_their_limit_come_in_and_one_more_is_named(page, course, tmp_path):
    introverts = first(course.banks["introverts"].questions, "open")
    open_question = first(course.banks[LESSON].questions, "open")
    # Limits count as JavaScript and the form do, in UTF-16 units: 500 emoji are 1,000, the most a month box holds.
    sections = {"plan": {"month-1-actions": "😀" * 500, "month-2-actions": "😀" * 501, "goals": "g" * 2000},
                STORE: {open_question.id: {"text": "t" * OPEN_ANSWER_MAX, "revealed": True, "correct": True}},
                "quiz:introverts": {introverts.id: {"text": "u" * (OPEN_ANSWER_MAX + 1)}}}
    short = len(progress_file(sections, padding="").encode())
    path = tmp_path / "limits.json"
    path.write_text(progress_file(sections, padding="p" * (1024 * 1024 - short)), encoding="utf-8")
    assert path.stat().st_size == 1024 * 1024, "exactly the largest file the page reads"
    assert read_file_in(page, path) == (
        "Import limits.json? The file holds 1 answer in 1 lesson and your plan. Left out: plan fields longer than "
        "this course keeps (“month-2-actions” (1002 characters, at most 1000)); answers longer than this course keeps "
        f"(“{introverts.id}” in “introverts” (5001 characters, at most 5000)). " + FRESH)
    page.locator(".progress-import").get_by_role("button", name="Import").click()
    page.goto("lessons/networking-plan/")
    page.wait_for_selector(".nplan-buttons:not([hidden])")
    assert page.locator('[name="month-1-actions"]').input_value() == "😀" * 500
    assert page.locator("#nplan-month-1-actions-count").inner_text() == "1,000 of 1,000 characters: this box is full"
    assert page.locator('[name="goals"]').input_value() == "g" * 2000
    open_lesson(page)
    assert box(page, open_question).locator("textarea").input_value() == "t" * OPEN_ANSWER_MAX


def test_a_merge_into_full_storage_keeps_the_stored_copy_and_says_so(page, course, tmp_path):
    bank = course.banks[LESSON].questions
    single, multiple = first(bank, "single"), first(bank, "multiple")
    before = {STORE: {multiple.id: {"choice": keys(multiple, True), "correct": True}},
              "plan": {"goals": "old", "roles": "QA"}}
    page.context.add_init_script(fill_storage(before))
    path = tmp_path / "laptop.json"
    path.write_text(progress_file({STORE: {single.id: {"choice": keys(single, True), "correct": True}},
                                   "plan": {"goals": "new"}}), encoding="utf-8")
    assert read_file_in(page, path).endswith("merge the two (where both hold an answer to the same question, or "
                                             "the same contact, the file's is kept)?")
    page.locator(".progress-import").get_by_role("button", name="Merge").click()
    assert message(page) == ("Imported from laptop.json. This browser now holds 2 answers in 1 lesson and your plan. "
                             "It keeps them only until you leave: export your progress before you do.")
    merged = {STORE: {**before[STORE], single.id: {"choice": keys(single, True), "correct": True}},
              "plan": {"goals": "new", "roles": "QA"}}
    assert page.evaluate("CourseStore.all()") == merged
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')")) == before, "the stored copy is whole"
    assert notice_text(page) == NOTICE
    open_lesson(page)  # a full page load: the visit goes on from what the tab keeps
    assert text_of(box(page, single).locator(".quiz-verdict")) == "Correct."
    assert text_of(box(page, multiple).locator(".quiz-verdict")) == "Correct."


# ---- Storage that half works, and two tabs ----------------------------------------------------------------------

def test_storage_that_cannot_be_read_is_never_overwritten(page, course):
    bank = course.banks[LESSON].questions
    single = first(bank, "single")
    stored = {"quiz:introverts": {first(course.banks["introverts"].questions, "single").id: {"choice": ["a"], "correct": False}},
              "plan": {"goals": "keep me"}}
    page.goto("progress/")
    page.evaluate("data => CourseStore.replace(data)", stored)
    # From now on, reading localStorage fails (a browser's policy, an extension) while writing still works.
    page.context.add_init_script("""window.realGetItem = Storage.prototype.getItem;
Storage.prototype.getItem = function (key) {
  if (this === window.localStorage) throw new DOMException("The operation is insecure.", "SecurityError");
  return window.realGetItem.call(this, key);
};""")
    open_lesson(page)
    choose_and_check(page, single, keys(single, True))
    assert text_of(box(page, single).locator(".quiz-verdict")) == "Correct.", "feedback, whatever storage does"
    assert notice_text(page) == NOTICE
    assert json.loads(page.evaluate(f"realGetItem.call(localStorage, '{KEY}')")) == stored
    page.goto("glossary/")  # a full page load in the same tab
    open_lesson(page)
    assert text_of(box(page, single).locator(".quiz-verdict")) == "Correct.", "the visit goes on in memory"
    assert json.loads(page.evaluate(f"realGetItem.call(localStorage, '{KEY}')")) == stored


def test_the_plan_open_in_two_tabs_keeps_what_each_tab_wrote(page):
    tabs = [page, page.context.new_page()]
    for tab in tabs:
        tab.goto("lessons/networking-plan/")
        tab.wait_for_selector(".nplan-buttons:not([hidden])")
    tabs[0].get_by_label("My networking goals").fill("From the first tab")
    wait_until(tabs[0], "CourseStore.get('plan').goals === 'From the first tab'")
    tabs[1].bring_to_front()
    tabs[1].get_by_label("Roles I want to learn about").fill("From the second tab")
    wait_until(tabs[1], "CourseStore.get('plan').roles === 'From the second tab'")
    both = {"goals": "From the first tab", "roles": "From the second tab"}
    assert tabs[1].evaluate("CourseStore.get('plan')") == both
    for tab in tabs:
        wait_until(tab, "document.querySelector('[name=roles]').value === 'From the second tab'")
        assert tab.get_by_label("My networking goals").input_value() == "From the first tab"
    tabs[1].close()


# ---- Text a learner pastes into the plan ------------------------------------------------------------------------

# Lone halves of a surrogate pair, a right-to-left override, CR-only line ends, a NUL and a joined emoji, written as
# a JavaScript literal: the page is given them as they are (Playwright's bridge would not carry a lone half).
ODD = r"'lone \ud800 high, lone \udc00 low; RTL \u202egnp.exe\u202c; CR\ronly\rlines; NUL\u0000; ZWJ \ud83d\udc69\u200d\ud83d\udcbb'"
WRITTEN = "lone \ufffd high, lone \ufffd low; RTL \u202egnp.exe\u202c; CR\nonly\nlines; NUL\u0000; ZWJ 👩\u200d💻"


def test_odd_text_in_the_plan_downloads_cleanly_and_survives_export_and_import(page, browser, site_url, tmp_path):
    open_plan(page)
    page.evaluate(f"""() => {{ const box = document.querySelector('[name=goals]');
        box.value = {ODD}; box.dispatchEvent(new Event('input', {{bubbles: true}})); }}""")
    # A text box turns CR into LF (HTML's value normalisation): the lone halves are kept as typed.
    typed = f"{ODD}.replace(/\\r/g, '\\n')"
    wait_until(page, f"CourseStore.get('plan').goals === {typed}")
    _, data = download(page, "markdown")
    assert f"\n\n{WRITTEN}\n\n" in data.decode("utf-8"), "valid UTF-8: a lone half becomes U+FFFD"
    _, data = download(page, "calendar")
    lines = unfolded(data)
    assert not any("\r" in line or "\0" in line for line in lines), "no bare CR or NUL inside a property"
    description = str(Calendar.from_ical(data).walk("VEVENT")[0]["DESCRIPTION"])
    assert f"My networking goals: {WRITTEN.replace(chr(0), '')}\n" in description
    # The exact text, lone halves and all, goes to another browser in a progress file and comes back.
    page.goto("progress/")
    with page.expect_download() as info:
        page.get_by_role("button", name="Export progress").click()
    saved = tmp_path / "odd.json"
    saved.write_bytes(open(info.value.path(), "rb").read())
    saved.read_bytes().decode("utf-8")  # the file itself is valid UTF-8 (JSON escapes the lone halves)
    context = browser.new_context(base_url=site_url)
    try:
        other = context.new_page()
        assert read_file_in(other, saved) == "Import odd.json? The file holds your plan. " + FRESH
        other.locator(".progress-import").get_by_role("button", name="Import").click()
        assert other.evaluate(f"CourseStore.get('plan').goals === {typed}") is True
    finally:
        context.close()


def test_ten_thousand_emoji_stop_at_the_limit_without_a_broken_character(page):
    open_plan(page)
    box = page.get_by_label("My networking goals")
    box.fill("a" + "😀" * 10000)  # 20,001 UTF-16 units into a box of 2,000: the last whole emoji ends at 1,999
    value = "a" + "😀" * 999
    assert page.evaluate("document.querySelector('[name=goals]').value") == value
    assert page.locator("#nplan-goals-count").inner_text() == "1,999 of 2,000 characters"
    box.press("End")
    page.keyboard.type("😀")
    assert box.input_value() == value, "an emoji does not fit in one unit"
    wait_until(page, "text => CourseStore.get('plan').goals === text", value)


# ---- Calendar dates where clocks and calendars are odd ----------------------------------------------------------

# (weekday, time, first week, the week whose time the clocks skip there, where it lands)
ODD_ZONES = {
    # Lord Howe Island's clocks move by half an hour: 02:00 becomes 02:30 on 6 October 2030.
    "Australia/Lord_Howe": ("sunday", "02:15", "2030-09-22", datetime(2030, 10, 6, 2, 15), datetime(2030, 10, 6, 2, 45)),
    # São Paulo had daylight saving until 2019, starting at midnight: 4 November 2018 began at 01:00.
    "America/Sao_Paulo": ("sunday", "00:30", "2018-10-21", datetime(2018, 11, 4, 0, 30), datetime(2018, 11, 4, 1, 30)),
    # Samoa crossed the date line: Friday 30 December 2011 never happened there.
    "Pacific/Apia": ("friday", "18:30", "2011-12-16", datetime(2011, 12, 30, 18, 30), datetime(2011, 12, 31, 18, 30)),
}


@pytest.fixture(params=sorted(ODD_ZONES))
def odd_zone_page(request, browser, site_url):
    tab = next(gen := checked_page(browser, site_url, timezone_id=request.param))
    tab.zone = request.param
    yield tab
    next(gen, None)


def plan_calendar(page, day, time_of_day, first_week):
    open_plan(page)
    page.get_by_label("Day", exact=True).select_option(day)
    page.get_by_label("Time", exact=True).fill(time_of_day)
    page.get_by_label("First week").fill(first_week)
    _, data = download(page, "calendar")
    unfolded(data)
    return Calendar.from_ical(data)


def test_a_weekly_slot_lands_on_a_time_that_exists_in_odd_time_zones(odd_zone_page):
    day, at, first_week, skipped, lands = ODD_ZONES[odd_zone_page.zone]
    calendar = plan_calendar(odd_zone_page, day, at, first_week)
    start = datetime.fromisoformat(f"{first_week}T{at}")
    expected = [start + timedelta(weeks=n) for n in range(26)]
    assert starts(calendar) == [lands if week == skipped else week for week in expected], "that week only moves"
    every = starts(calendar) + [e.decoded("DTSTART") for e in calendar.walk("VEVENT") if "review" in str(e["UID"])]
    assert [moment for moment in every if shown_in(odd_zone_page.zone, moment) != moment] == [], "every time exists"


def test_29_february_and_the_last_year_the_plan_takes(page):
    calendar = plan_calendar(page, "tuesday", "18:30", "2028-02-29")
    assert starts(calendar)[:2] == [datetime(2028, 2, 29, 18, 30), datetime(2028, 3, 7, 18, 30)]
    reviews = [e.decoded("DTSTART").date() for e in calendar.walk("VEVENT") if "review" in str(e["UID"])]
    # A month after 29 February is 29 March; each review is the day before such a date.
    assert reviews == [date(2028, month, 28) for month in range(3, 9)]

    calendar = plan_calendar(page, "thursday", "18:30", "2099-12-31")
    weeks = starts(calendar)
    assert (weeks[0], weeks[-1]) == (datetime(2099, 12, 31, 18, 30), datetime(2100, 6, 24, 18, 30))
    reviews = [e.decoded("DTSTART").date() for e in calendar.walk("VEVENT") if "review" in str(e["UID"])]
    # 2100 is no leap year: the month after 31 January ends on 28 February.
    assert reviews == [date(2100, 1, 30), date(2100, 2, 27), date(2100, 3, 30), date(2100, 4, 29), date(2100, 5, 30),
                       date(2100, 6, 29)]
    _, data = download(page, "markdown")
    assert "- First week: 2099-12-31\n" in data.decode("utf-8")


# ---- The Content-Security-Policy on pages the other tests do not open ------------------------------------------

def serve_with_not_found_page(folder):
    """Serve folder as static hosts do: a path that is not there gets 404.html, with status 404."""
    import functools
    import http.server
    import threading

    class Host(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            body = (folder / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Host, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def policed_tab(browser, base):
    """A tab that records every policy violation, console error, request that failed or went elsewhere, and
    response that was an error (but for the page's own, which a test of the not-found page asks for)."""
    context = browser.new_context(base_url=base)
    tab = context.new_page()
    tab.add_init_script(RECORD)
    tab.problems = []
    tab.on("console", lambda message: tab.problems.append(message.text)
           if message.type == "error" and "status of 404" not in message.text else None)
    tab.on("pageerror", lambda error: tab.problems.append(str(error)))
    tab.on("requestfailed", lambda request: tab.problems.append(f"failed: {request.url}"))
    tab.on("response", lambda response: tab.problems.append(f"{response.status}: {response.url}")
           if response.status >= 400 and response.request.resource_type != "document" else None)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith((base, "data:", "blob:"))
                  else (tab.problems.append(f"elsewhere: {route.request.url}"), route.abort()))
    return tab


def violations_in(tab):
    tab.wait_for_load_state("networkidle")
    return tab.evaluate("(window.cspViolations || []).splice(0)") + tab.problems


def test_the_not_found_page_at_a_deep_address_works_under_the_policy(browser, site):
    base, server = serve_with_not_found_page(site)
    tab = policed_tab(browser, base)
    try:
        response = tab.goto("lessons/no-such-lesson/or/deeper/")
        assert response.status == 404 and "404" in tab.locator("h1").inner_text()
        assert tab.locator(META).evaluate_all("tags => tags.map(tag => tag.content)") == [csp.POLICY]
        assert tab.evaluate("typeof window.CourseStore") == "object", "the course's scripts run"
        assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", "styles load"
        tab.get_by_title("Switch to dark mode").click()
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        assert violations_in(tab) == []
    finally:
        tab.context.close()
        server.shutdown()


@pytest.mark.parametrize("address", ["lessons/in-person/", "lessons/networking-plan/", "worksheets/conversation-cards/"])
def test_printing_a_page_breaks_no_policy(browser, site_url, tmp_path, address):
    tab = policed_tab(browser, site_url)
    try:
        tab.goto(address)
        tab.wait_for_load_state("networkidle")
        tab.emulate_media(media="print")
        tab.pdf(path=str(tmp_path / "page.pdf"), format="A4")
        assert (tmp_path / "page.pdf").stat().st_size > 10000
        assert violations_in(tab) == []
    finally:
        tab.context.close()


FEATURES = ["navigation.tabs", "navigation.indexes", "navigation.expand", "toc.follow", "search.suggest", "search.share",
            "content.code.copy", "content.code.annotate", "content.tooltips", "content.tabs.link", "header.autohide"]
EXTENSIONS = """  - abbr
  - pymdownx.highlight
  - pymdownx.inlinehilite
  - pymdownx.tabbed:
      alternate_style: true
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
"""
FEATURE_PAGE = """
## More features { #more-features }

=== "Tab one"

    ```python
    print("copy me")  # (1)!
    ```

    1.  An annotation.

=== "Tab two"

    The HTML of a tab :material-check: and an LMS.

*[LMS]: Learning management system
"""


@pytest.fixture(scope="module")
def featured_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("features"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("    - search.highlight\n", "    - search.highlight\n" + "".join(f"    - {f}\n" for f in FEATURES), 1)
    text = text.replace("  - pymdownx.superfences\n", "  - pymdownx.superfences\n" + EXTENSIONS, 1)
    config.write_text(text, encoding="utf-8")
    with (project / "docs/glossary.md").open("a", encoding="utf-8") as glossary:
        glossary.write(FEATURE_PAGE)
    site = project / "out"
    result = mkdocs_build(config, site, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    url, server = serve_folder(site)
    yield url
    server.shutdown()


def test_material_features_an_author_may_turn_on_break_no_policy(browser, featured_site):
    tab = policed_tab(browser, featured_site)
    try:
        tab.goto("glossary/")
        assert tab.locator(".tabbed-set").count() == 1 and tab.locator("abbr[title]").count() >= 1
        tab.get_by_text("Tab two", exact=True).click()
        assert tab.get_by_text("The HTML of a tab").is_visible()
        tab.get_by_text("Tab one", exact=True).click()
        tab.locator(".md-code__button, .md-clipboard").first.click()
        tab.locator(".md-annotation__index").first.click(force=True)  # it pulses, so it is never "stable"
        tab.locator("input.md-search__input").click()
        tab.locator("input.md-search__input").press_sequentially("stick", delay=20)
        tab.wait_for_selector(".md-search-result__item", timeout=15000)
        tab.goto("lessons/in-person/")
        tab.wait_for_selector(".quiz--ready")
        assert violations_in(tab) == []
    finally:
        tab.context.close()
