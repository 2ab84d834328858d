"""What an instructor prints to hand out or keep: the session plan whole and once, the answer key compact and
without internal ids, every paper-quiz sheet naming its lesson and numbered, and one paper size for every PDF
and Word file."""
import math
import re

import pytest

from conftest import ROOT
from macros import paper, pdf, plan_output
from macros.plan import load as load_plan
from test_print import assert_no_screen_parts, printed, words



def size_mm(box):
    """A PDF page's width and height in millimetres (Chromium rounds A4 to 8.27 x 11.7 inches)."""
    return [float(side) / 72 * 25.4 for side in (box.width, box.height)]


def pdf_of(tmp_path, path):
    return tmp_path / (path.replace("/", "-") + ".pdf")


def test_the_course_session_plan_prints_whole_on_two_sheets(instructor_page, course, tmp_path):
    count, pages = printed(instructor_page, "instructor/session-plan.md", tmp_path)
    assert count == 2, f"the session plan prints on {count} pages"
    text = "\n".join(pages)
    total = sum(lesson.minutes for lesson in course.lessons.values())
    assert text.count(f"+{total} min") == 1 and text.count(f"{total} min") == 2, "the end row prints once"
    assert "Type a start time" not in text and "(timer)" not in text
    assert_no_screen_parts(text, "session plan")
    offset = 0
    for number, lesson in enumerate(course.lessons.values(), start=1):
        heading = f"{number}. {lesson.title} ({lesson.minutes} min)"
        page = next(p for p in pages if heading in p.replace("\n", " "))
        for part in ("lesson", "practice", "check"):
            assert f"+{offset} min" in page, f"{lesson.title}: its heading is on a page without its {part}"
            offset += lesson.time[part]
    from pypdf import PdfReader

    box = PdfReader(str(pdf_of(tmp_path, "instructor/session-plan.md"))).pages[0].mediabox
    assert [round(side) for side in size_mm(box)] == list(paper.SIZES["A4"]) == [210, 297]


def test_every_cell_of_the_printed_session_plan_is_ruled(instructor_page):
    instructor_page.goto("instructor/session-plan/")
    instructor_page.emulate_media(media="print")
    borders = instructor_page.evaluate("""() => [...document.querySelectorAll('.session-plan tbody :is(th, td)')]
        .map(cell => { const s = getComputedStyle(cell);
            return ['Top', 'Right', 'Bottom', 'Left'].map(side => s['border' + side + 'Style'] + ' '
                + s['border' + side + 'Width']).join(', '); })""")
    assert len(borders) > 40 and set(borders) == {"solid 1px, solid 1px, solid 1px, solid 1px"}, set(borders)


def test_the_answer_key_prints_three_questions_to_a_sheet_without_ids(instructor_page, course, tmp_path):
    from pypdf import PdfReader

    questions = sum(len(bank.questions) for bank in course.banks.values())
    count, pages = printed(instructor_page, "instructor/answer-key.md", tmp_path)
    assert len(PdfReader(str(pdf_of(tmp_path, "instructor/answer-key.md"))).pages) == count
    assert count <= math.ceil(questions / 3), f"{questions} questions on {count} pages"
    text = "\n".join(pages)
    assert "· id" not in text and "objective" not in text.lower()
    # Ids of two hyphens and more are never words of the text ("follow-up" is).
    ids = {name for bank in course.banks.values() for q in bank.questions for name in (q.id, q.objective)
           if name.count("-") > 1}
    assert len(ids) > 50 and not [name for name in ids if name in text]
    # On screen the key still says what type each question is and which objective it checks.
    instructor_page.emulate_media(media="screen")
    assert instructor_page.locator(".key-meta").first.is_visible()


@pytest.mark.parametrize("path", ["worksheets/paper-quizzes.md", "worksheets/check-for-understanding.md"])
def test_every_paper_quiz_sheet_names_its_lesson_and_its_page(page, course, tmp_path, path):
    count, pages = printed(page, path, tmp_path)
    titles = [lesson.title for lesson in course.lessons.values()]
    named = []
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {count}" in text, (path, number)
        running = re.findall(r"^Paper quiz: (.+)$", text, re.M)
        assert len(running) == 1 and running[0] in titles, (path, number, running)
        named.append(running[0])
    if path == "worksheets/paper-quizzes.md":
        assert sorted(set(named), key=titles.index) == titles and named == sorted(named, key=titles.index)
        for title in titles:  # a lesson's first sheet has its heading and the lines for a name and a date
            first = pages[named.index(title)]
            assert title in first.split("Paper quiz:")[0] and "Name" in first and "Date" in first, title
    else:
        assert set(named) == {course.lessons["networking-career"].title}


def test_printing_one_quiz_numbers_its_own_pages(page, course, tmp_path):
    """The print button of one lesson's quiz prints only that lesson, numbered from 1."""
    page.goto("worksheets/paper-quizzes/")
    page.evaluate("() => { document.body.classList.add('print-one');"
                  " document.getElementById('sheet-in-person').classList.add('print-target'); }")
    page.emulate_media(media="print")
    target = tmp_path / "in-person.pdf"
    page.pdf(path=str(target), format=paper.size(), **pdf.PAPER)
    from pypdf import PdfReader

    texts = [p.extract_text() for p in PdfReader(str(target)).pages]
    title = course.lessons["in-person"].title
    assert texts and all(f"Paper quiz: {title}" in t for t in texts)
    assert all(f"Page {n} of {len(texts)}" in t for n, t in enumerate(texts, start=1))


# ---- One paper size ----------------------------------------------------------------------------------


def test_the_word_download_has_the_paper_of_the_pdfs_and_the_course_as_author(tmp_path):
    from docx import Document

    paths = plan_output.write_downloads(load_plan(ROOT), tmp_path, __import__("datetime").date(2026, 3, 2))
    document = Document(str(paths["docx"]))
    width, height = paper.SIZES[paper.size()]
    for section in document.sections:
        assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (width, height)
    assert paper.size() == "A4"
    assert document.core_properties.author == "Networking for People Entering Tech"
    assert "python-docx" not in (document.core_properties.comments + document.core_properties.last_modified_by)


def test_letter_is_one_setting_away(tmp_path):
    from docx import Document

    (tmp_path / "mkdocs.yml").write_text("site_name: A course\nextra:\n  paper_size: Letter\n", encoding="utf-8")
    assert paper.size(tmp_path) == "Letter" and paper.problems(tmp_path) == []
    document = Document()
    paper.docx_page(document, tmp_path)
    assert round(document.sections[0].page_width.mm, 1) == 215.9 and document.core_properties.author == "A course"


def test_an_unknown_paper_size_names_the_line_to_fix(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: A course\nextra:\n  edition: learner\n  paper_size: A5\n",
                                         encoding="utf-8")
    assert [str(p) for p in paper.problems(tmp_path)] == [
        "mkdocs.yml:4: `paper_size: A5` is no paper size the course prints; use one of: A4, Letter"]
    with pytest.raises(ValueError, match="mkdocs.yml:4"):
        paper.size(tmp_path)


def test_the_check_stops_at_an_unknown_paper_size(tmp_path):
    from macros.course import load
    from macros.problems import CourseError
    from test_site import copy_project

    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("paper_size: A4", "paper_size: Legal"), encoding="utf-8")
    with pytest.raises(CourseError) as error:
        load(project)
    assert [str(p) for p in error.value.problems if "paper" in str(p)] == [
        f"mkdocs.yml:{next(n for n, line in enumerate(config.read_text().splitlines(), 1) if 'paper_size' in line)}: "
        "`paper_size: Legal` is no paper size the course prints; use one of: A4, Letter"]
