"""A lesson page's front matter and sections (macros/lessons.py), parsed in this process: every problem exact,
with its line, and what a good page gives the rest of the course."""
import pytest

from macros import lessons
from macros.problems import Problem

PATH = "docs/lessons/sample.md"
FRONT = """title: Sample lesson
description: One sentence.
time:
  lesson: 20
  practice: 15
  check: 10
objectives:
  open-conversation: Start a conversation.
  close-conversation: End a conversation politely.
prerequisites: [what-networking-is]
sources: [a-source]
materials:
  - supply: Sticky notes
"""
BODY = """
## Overview

```
## Not a heading: inside a fence
```

## Objectives

{{ objectives() }}

## Motivation

## Steps

### Step 1: Say hello

## Common mistakes

## Practice

### Guided practice

### Independent practice

### Challenge

## Check for understanding

{{ quiz() }}

## Summary

## Further reading

## Credits
"""


def page(front=FRONT, body=BODY):
    return f"---\n{front}---\n{body}"


def problems_of(front=FRONT, body=BODY):
    lesson, problems = lessons.parse(page(front, body), PATH, "sample")
    assert lesson is None
    return [(p.file, p.line, p.message) for p in problems]


def test_a_good_page_gives_its_front_matter_and_headings():
    lesson, problems = lessons.parse(page(), PATH, "sample")
    assert problems == []
    assert (lesson.slug, lesson.path, lesson.title, lesson.description) == ("sample", PATH, "Sample lesson", "One sentence.")
    assert lesson.time == {"lesson": 20, "practice": 15, "check": 10} and lesson.minutes == 45
    assert lesson.objectives == {"open-conversation": "Start a conversation.",
                                 "close-conversation": "End a conversation politely."}
    assert (lesson.prerequisites, lesson.sources) == (["what-networking-is"], ["a-source"])
    assert lesson.materials == [("supply", "Sticky notes", 14)]
    assert lesson.body == BODY and lesson.body_line == 16
    assert [(h.level, h.text, h.line) for h in lesson.headings][:3] == [(2, "Overview", 17), (2, "Objectives", 23),
                                                                         (2, "Motivation", 27)]
    assert "Not a heading: inside a fence" not in [h.text for h in lesson.headings]
    assert len(lesson.headings) == 14


def test_front_matter_is_split_from_the_body_with_the_line_the_body_starts_on():
    assert lessons.split_front_matter("# No front matter\n") == (None, "# No front matter\n", 1)
    assert lessons.split_front_matter("---\n---\nBody\n") == ("", "Body\n", 3)
    assert lessons.split_front_matter("---\ntitle: T\n---  \nBody") == ("title: T\n", "Body", 4)


def test_headings_inside_fences_are_not_headings_and_the_fence_closes():
    body = "## One\n```\n## Two\n```\n## Three\n~~~\n## Four\n~~~\n## Five\n"
    assert [(h.text, h.line) for h in lessons.headings_of(body, 10)] == [("One", 10), ("Three", 14), ("Five", 18)]


def test_a_page_without_front_matter_or_with_a_list_for_it():
    assert lessons.parse("# Hello\n", PATH, "sample") == (None, [Problem(
        PATH, 1, "a lesson starts with front matter between `---` lines (title, description, time, objectives); add it")])
    assert lessons.parse("---\n- a\n- b\n---\n", PATH, "sample") == (None, [Problem(
        PATH, 2, "the front matter must be a mapping of title, description, time, objectives")])


def test_yaml_problems_are_on_the_line_of_the_file():
    assert lessons.parse(page("title: Sample\ndescription: [unclosed\n"), PATH, "sample") == (None, [Problem(
        PATH, 4, "the YAML does not parse (did not find expected ',' or ']'); check the indentation and quote text "
                 "that contains ': ' or starts with a special character")])


def test_an_empty_description_and_a_material_without_text():
    assert problems_of(FRONT.replace("description: One sentence.", "description: ''")) == [
        (PATH, 3, "`description:` must be non-empty text")]
    assert problems_of(FRONT.replace("  - supply: Sticky notes", "  - supply: ''")) == [
        (PATH, 14, "`supply:` needs text saying what to bring")]


def test_every_front_matter_mistake_is_named_on_its_line():
    front = """title: '  '
colour: blue
time:
  lesson: 20
  practice: 15
objectives: []
prerequisites: what-networking-is
sources: [1]
"""
    assert problems_of(front) == [
        (PATH, 3, "unknown front-matter field 'colour'; lessons use: title, description, time, objectives, "
                  "prerequisites, sources, materials"),
        (PATH, 2, "`description:` is missing from the front matter; add it"),
        (PATH, 2, "`title:` must be non-empty text"),
        (PATH, 4, "`time:` must give minutes for exactly lesson, practice and check"),
        (PATH, 7, "`objectives:` must map ids to statements, like `open-conversation: Start a ...`"),
        (PATH, 8, "`prerequisites:` must be a list, like `prerequisites: [what-networking-is]`"),
        (PATH, 9, "`sources:` must be a list, like `sources: [what-networking-is]`"),
    ]


@pytest.mark.parametrize("minutes, good", [(0, True), (600, True), (-1, False), (601, False), ("10", False),
                                           (True, False), (2.5, False)])
def test_minutes_are_whole_numbers_from_0_to_600(minutes, good):
    front = FRONT.replace("  practice: 15", f"  practice: {minutes!r}" if not isinstance(minutes, str) else
                          f"  practice: '{minutes}'")
    lesson, problems = lessons.parse(page(front), PATH, "sample")
    if good:
        assert problems == [] and lesson.time["practice"] == minutes
    else:
        assert [(p.line, p.message) for p in problems] == [(6, "`time.practice` must be a whole number of minutes")]


def test_objective_ids_and_statements():
    front = FRONT.replace("  close-conversation: End a conversation politely.\n",
                          "  Close_Conversation: End it.\n  follow-up: ''\n  7: A number.\n")
    assert problems_of(front) == [
        (PATH, 10, "objective id 'Close_Conversation' must be lowercase words joined by hyphens"),
        (PATH, 11, "objective 'follow-up' needs a statement a learner can be checked on"),
        (PATH, 12, "objective id 7 must be lowercase words joined by hyphens"),
    ]


def test_a_title_that_is_not_text_and_objectives_that_are_not_a_mapping():
    front = FRONT.replace("title: Sample lesson", "title: [Sample]").replace(
        "objectives:\n  open-conversation: Start a conversation.\n  close-conversation: End a conversation politely.\n",
        "objectives: Start a conversation.\n")
    assert problems_of(front) == [
        (PATH, 2, "`title:` must be non-empty text"),
        (PATH, 8, "`objectives:` must map ids to statements, like `open-conversation: Start a ...`"),
    ]


ENTRY = "each entry of `materials:` is one type and its text, like `- supply: Post-it notes and a pen for every learner`"


def test_materials_that_are_no_list_or_whose_entries_are_wrong_each_on_its_line():
    assert problems_of(FRONT.replace("materials:\n  - supply: Sticky notes\n", "materials: Sticky notes\n")) == [
        (PATH, 13, "`materials:` must be a list, like `- supply: Post-it notes and a pen for every learner`")]
    entries = ("  - supply: Sticky notes\n  - Plain text\n  - {video: A, supply: B}\n  - supply: >\n      Sticky notes\n"
               "      and pens\n  - snack: Cake\n  - worksheet: Not A Page\n  - supply: x\n    video: y\n")
    assert problems_of(FRONT.replace("  - supply: Sticky notes\n", entries)) == [
        (PATH, 15, ENTRY),
        (PATH, 16, ENTRY),
        (PATH, 20, "'snack' is not a type of material; use one of: supply, video, worksheet"),
        (PATH, 21, "`worksheet: Not A Page` must name a page of docs/worksheets/ without .md"),
        (PATH, 22, ENTRY),
    ]


def test_a_plain_text_entry_after_a_folded_one_is_reported_on_its_own_line():
    entries = "  - supply: >\n      Sticky notes\n      and pens\n  - Plain text\n"
    assert problems_of(FRONT.replace("  - supply: Sticky notes\n", entries)) == [(PATH, 17, ENTRY)]


SECTIONS = ("the lesson's sections must be, in order: Overview, Objectives, Motivation, Steps, Common mistakes, Practice, "
            "Check for understanding, Summary, Further reading, Credits; ")


def test_sections_missing_extra_or_out_of_order():
    body = BODY.replace("## Motivation\n", "## Motivation\n\n## Extra\n\n## Another\n").replace(
        "## Further reading\n\n## Credits\n", "")
    assert problems_of(body=body) == [
        (PATH, 29, SECTIONS + "missing: '## Further reading', '## Credits'; not a lesson section: '## Extra', "
                              "'## Another' (use ### inside a section)")]
    body = BODY.replace("## Summary\n\n## Further reading\n", "## Further reading\n\n## Summary\n")
    assert problems_of(body=body) == [(PATH, 17, SECTIONS + "they are out of order")]


def test_steps_practice_and_the_two_macros_belong_in_their_own_sections():
    # Each one is there, but in a later section than the one that needs it.
    body = (BODY.replace("### Step 1: Say hello\n", "").replace("### Challenge\n", "")
            .replace("{{ objectives() }}\n", "").replace("## Motivation\n", "## Motivation\n\n{{ objectives() }}\n")
            .replace("{{ quiz() }}\n\n## Summary\n", "\n## Summary\n\n### Step 1: Later\n\n### Challenge\n\n{{ quiz() }}\n"))
    assert problems_of(body=body) == [
        (PATH, 30, "'## Steps' needs its steps as '### Step 1: ...', '### Step 2: ...'"),
        (PATH, 35, "'## Practice' needs exactly these parts in order: '### Guided practice', '### Independent practice', "
                   "'### Challenge'"),
        (PATH, 23, "'## Objectives' must contain `{{ objectives() }}`"),
        (PATH, 42, "'## Check for understanding' must contain `{{ quiz() }}`"),
    ]


def test_headings_of_later_sections_are_not_steps_or_practice_parts():
    body = BODY.replace("## Summary\n", "## Summary\n\n### A heading of its own\n").replace(
        "## Check for understanding\n", "## Check for understanding\n\n### Tips\n")
    assert lessons.parse(page(body=body), PATH, "sample")[1] == []


def test_a_missing_field_is_named_on_the_front_matters_first_line_even_beside_a_null_key():
    # `null:` is a key YAML reads as None; a missing field is still reported where the front matter starts.
    front = "title: T\ndescription: D\ntime: {lesson: 1, practice: 1, check: 1}\nnull: x\n"
    assert problems_of(front)[:2] == [
        (PATH, 5, "unknown front-matter field 'None'; lessons use: title, description, time, objectives, prerequisites, "
                  "sources, materials"),
        (PATH, 2, "`objectives:` is missing from the front matter; add it")]


def test_a_page_without_prerequisites_sources_or_materials_has_none():
    front = FRONT.replace("prerequisites: [what-networking-is]\n", "").replace("sources: [a-source]\n", "").replace(
        "materials:\n  - supply: Sticky notes\n", "")
    lesson, problems = lessons.parse(page(front), PATH, "sample")
    assert problems == [] and (lesson.prerequisites, lesson.sources, lesson.materials) == ([], [], [])


def test_a_body_without_sections_is_named_where_the_body_starts():
    assert problems_of(body="\nJust text.\n### A step\n") == [
        (PATH, 16, SECTIONS + "missing: '## Overview', '## Objectives', '## Motivation', '## Steps', '## Common mistakes', "
                              "'## Practice', '## Check for understanding', '## Summary', '## Further reading', "
                              "'## Credits'")]


# A missing field has no line of its own: it is named on the front matter's first line, wherever a key that only
# looks like it stands.
@pytest.mark.parametrize("lookalike, shown", [("Title", "Title"), ("~", "None")])
def test_a_missing_field_is_on_the_first_line_whatever_key_looks_like_it(lookalike, shown):
    front = FRONT.replace("title: Sample lesson\n", "").replace("sources:", f"{lookalike}: Sample lesson\nsources:")
    assert problems_of(front) == [
        (PATH, 11, f"unknown front-matter field '{shown}'; lessons use: title, description, time, objectives, "
                   "prerequisites, sources, materials"),
        (PATH, 2, "`title:` is missing from the front matter; add it")]
