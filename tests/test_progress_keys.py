"""The progress page carries every question's type and answer key, so that an imported file is scored
again from the course rather than trusted; open answers have the limit that an import is held to."""
import json
import re
from html import unescape

from macros import render


def built_keys(site):
    page = (site / "progress" / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<section class="progress" data-course="([^"]*)"', page)
    assert len(found) == 1, "one progress section with its keys"
    return json.loads(unescape(found[0]))


def test_the_progress_page_holds_each_question_s_key(site, course):
    keys = built_keys(site)
    assert list(keys) == list(course.banks)
    seen = set()
    for slug, bank in course.banks.items():
        assert list(keys[slug]) == [q.id for q in bank.questions]
        for q in bank.questions:
            seen.add(q.type)
            if q.type == "open":
                assert keys[slug][q.id] == {"type": "open", "max": render.OPEN_ANSWER_MAX}
            elif q.type == "true-false":
                assert keys[slug][q.id] == {"type": "true-false", "options": ["true", "false"], "answer": [str(q.answer).lower()]}
            else:
                answer = q.answer if q.type == "multiple" else [q.answer]
                assert keys[slug][q.id] == {"type": q.type, "options": list(q.options), "answer": sorted(answer)}
    assert seen == {"single", "multiple", "true-false", "open"}


def test_the_keys_match_what_the_lesson_pages_score_with(site, course):
    keys = built_keys(site)
    for slug in course.banks:
        page = (site / "lessons" / slug / "index.html").read_text(encoding="utf-8")
        for qid, answer in re.findall(r'data-qid="([^"]+)" data-type="(?:single|multiple|true-false)" data-answer="([^"]+)"', page):
            assert keys[slug][unescape(qid)]["answer"] == json.loads(unescape(answer))


def test_open_answers_are_limited_as_the_learner_types(site):
    page = (site / "lessons" / "in-person" / "index.html").read_text(encoding="utf-8")
    areas = re.findall(r"<textarea [^>]*>", page)
    assert areas and all(f'maxlength="{render.OPEN_ANSWER_MAX}"' in area for area in areas), areas
