"""The review page as built: every choice question of the course once, hidden until the script shows the due ones,
in the HTML the lessons use; its answers kept out of the search index; a page of both editions and the offline copy,
pointing to the paper quizzes without JavaScript."""
import json
import re
from html import unescape

from conftest import ROOT
from macros import render
from macros.course import nav_of, nav_paths

ITEM = re.compile(r'<div class="review-item" data-review="([^"]+)" hidden>')


def choice_names(course):
    return [f"{slug}/{q.id}" for slug in course.lessons for q in course.banks[slug].questions if q.type != "open"]


def test_every_choice_question_is_on_the_page_once_in_course_order_and_hidden(site, course):
    html = (site / "review/index.html").read_text(encoding="utf-8")
    names = ITEM.findall(html)
    assert names == choice_names(course)
    assert len(names) == sum(1 for bank in course.banks.values() for q in bank.questions if q.type != "open")
    assert html.count('class="review-item"') == len(names), "every item is hidden"
    for slug, bank in course.banks.items():
        for question in bank.questions:
            # The lesson's own question HTML, the same ids: one source for both pages.
            lesson_html = render.question_html(question, slug, bank.questions.index(question) + 1, len(bank.questions))
            assert (lesson_html in html) == (question.type != "open"), question.id
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids are unique on the page"


def test_each_question_links_to_its_lesson(site, course):
    html = (site / "review/index.html").read_text(encoding="utf-8")
    for slug, lesson in course.lessons.items():
        first = next(q for q in course.banks[slug].questions if q.type != "open")
        item = html.split(f'data-review="{slug}/{first.id}"', 1)[1]
        assert item.startswith(f' hidden><p class="review-from">From <a href="../lessons/{slug}/">'), slug


def plain(text):
    return " ".join(unescape(re.sub(r"<[^>]+>", "", render.inline(text))).split())


def test_the_questions_and_answers_stay_out_of_the_search_index(site, course):
    # Search offers the page, not 88 questions with their options, the wrong ones included, and never an answer.
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    page = " ".join(" ".join(entry["text"].split()) for entry in docs if entry["location"].startswith("review/"))
    assert "got wrong" in page, "the page itself is found"
    index = " ".join(" ".join(entry["text"].split()) for entry in docs)
    for bank in course.banks.values():
        for question in bank.questions:
            assert plain(question.prompt)[:60] not in page, question.id
            for text in (question.options or {}).values():
                assert plain(text)[:60] not in page, question.id
            for text in list(question.feedback.values()) + [question.explanation]:
                assert not text or plain(text)[:60] not in index, question.id


def test_without_javascript_the_page_points_to_the_paper_quizzes(site, instructor_site, offline_copy):
    for page, target in ((site / "review/index.html", "../worksheets/paper-quizzes/"),
                         (instructor_site / "review/index.html", "../worksheets/paper-quizzes/"),
                         (offline_copy / "review.html", "worksheets/paper-quizzes.html")):
        html = page.read_text(encoding="utf-8")
        noscript = re.search(r"<noscript>(.*?)</noscript>", html, re.S).group(1)
        assert f'<a href="{target}">paper quizzes</a>' in noscript, page
        assert (page.parent / target).resolve().joinpath("index.html" if target.endswith("/") else "").exists(), page


def test_both_editions_list_the_page_after_your_progress():
    for config in ("mkdocs.yml", "mkdocs.instructor.yml"):
        paths = list(nav_paths(nav_of(ROOT / config)))
        assert paths[paths.index("progress.md") + 1] == "review.md", config


def test_the_instructor_page_tells_the_script_its_edition(instructor_site):
    html = (instructor_site / "review/index.html").read_text(encoding="utf-8")
    assert '<section class="quiz review" data-edition="instructor"' in html
