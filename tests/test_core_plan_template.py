"""The plan template's checks, one mistake at a time in a small valid plan: each gives exactly the problem
expected, with its line; the valid plan reads as exactly the data the page and the downloads use."""
import pytest

from macros import plan

PLAN = """title: My plan
intro: Go slowly.
questions:
  - id: goals
    label: Goals
    hint: What you want.
    lines: 2
  - id: roles
    label: Roles
habit:
  label: Slot
  hint: Keep it.
  day: friday
  time: "08:15"
  minutes: 20
  weeks: 3
actions:
  - id: meet
    label: Meetups
    hint: Go.
  - id: post
    label: Posts
months:
  - focus: Start
    tip: Small steps.
    counts: {meet: 1, post: 2}
  - focus: Two
    counts: {meet: 1, post: 0}
  - focus: Three
    counts: {meet: 1, post: 0}
  - focus: Four
    counts: {meet: 1, post: 0}
  - focus: Five
    counts: {meet: 1, post: 0}
  - focus: Six
    counts: {meet: 3, post: 0}
review:
  label: Review
  hint: Look back.
  minutes: 15
  questions:
    - What worked?
    - What next?
"""

CASES = [
    ('unknown field at the top', 'review:\n',
     'colour: blue\nreview:\n',
     ["37: unknown field 'colour' at the top of the plan; the fields are: title, intro, questions, habit, actions, "
      'months, review']),
    ('missing title', 'title: My plan\n', '', ['1: `title:` is missing at the top of the plan; add it']),
    ('empty title', 'title: My plan',
     'title: " "',
     ['1: `title:` must be non-empty text; quote it if YAML reads it as something else']),
    ('title not text', 'title: My plan',
     'title: 12',
     ['1: `title:` must be non-empty text; quote it if YAML reads it as something else']),
    ('invisible control', 'title: My plan',
     'title: My \u202eplan',
     ['1: `title:` contains an invisible text-direction control character; delete it']),
    ('text too long', 'title: My plan',
     "title: " + "a" * 5001,
     ['1: `title:` is 5001 characters long; keep it under 5000']),
    ('questions not a list', 'questions:\n  - id: goals',
     'questions: 3\nquestionz:\n  - id: goals',
     ["4: unknown field 'questionz' at the top of the plan; the fields are: title, intro, questions, habit, "
      'actions, months, review',
      '3: `questions:` must be a non-empty list, each item starting with `- id:`']),
    ('questions empty', 'Go slowly.\nquestions:\n',
     'Go slowly.\nquestions: []\nq:\n',
     ["4: unknown field 'q' at the top of the plan; the fields are: title, intro, questions, habit, actions, "
      'months, review',
      '3: `questions:` must be a non-empty list, each item starting with `- id:`']),
    ('question not a mapping', '  - id: roles\n    label: Roles\n',
     '  - roles\n',
     ['4: each item of `questions:` must be a mapping starting with `- id:`']),
    ('bad id', 'id: roles', 'id: Roles', ['8: `id:` must be lowercase words joined by hyphens, like `follow-ups`']),
    ('id not text', 'id: roles', 'id: 7', ['8: `id:` must be lowercase words joined by hyphens, like `follow-ups`']),
    ('duplicate id', 'id: roles', 'id: goals', ["8: the id 'goals' is already used on line 4; give each its own id"]),
    ('reserved id', 'id: roles',
     'id: month-1',
     ["8: the id 'month-1' is kept for the form's own fields; pick one that does not start with habit- or month-"]),
    ('question field', '    label: Roles\n',
     '    label: Roles\n    colour: red\n',
     ["10: unknown field 'colour' in a question; the fields are: id, label, hint, lines"]),
    ('question without label', '    label: Roles\n', '', ['8: `label:` is missing in a question; add it']),
    ('too many lines', 'lines: 2', 'lines: 11', ['7: `lines:` must be a whole number from 1 to 10 (found 11)']),
    ('no lines', 'lines: 2', 'lines: 0', ['7: `lines:` must be a whole number from 1 to 10 (found 0)']),
    ('lines yes', 'lines: 2', 'lines: true', ['7: `lines:` must be a whole number from 1 to 10 (found True)']),
    ('habit not a mapping',
     'habit:\n  label: Slot\n  hint: Keep it.\n  day: friday\n  time: "08:15"\n  minutes: 20\n  weeks: 3\n',
     'habit: weekly\n',
     ['10: `habit:` must be a mapping with label, day, time, minutes and weeks']),
    ('day', 'day: friday',
     'day: Friday',
     ['13: `day:` must be a weekday in lowercase: monday, tuesday, wednesday, thursday, friday, saturday, sunday '
      "(found 'Friday')"]),
    ('time unquoted', 'time: "08:15"',
     'time: 8:15',
     ['14: `time:` must be a 24-hour time in quotes, like "18:30" (found 495)']),
    ('time of no day', 'time: "08:15"',
     'time: "24:00"',
     ['14: `time:` must be a 24-hour time in quotes, like "18:30" (found \'24:00\')']),
    ('minutes', 'minutes: 20', 'minutes: 4', ['15: `minutes:` must be a whole number from 5 to 240 (found 4)']),
    ('minutes high', 'minutes: 20',
     'minutes: 241',
     ['15: `minutes:` must be a whole number from 5 to 240 (found 241)']),
    ('weeks', 'weeks: 3', 'weeks: 53', ['16: `weeks:` must be a whole number from 1 to 52 (found 53)']),
    ('weeks low', 'weeks: 3', 'weeks: 0', ['16: `weeks:` must be a whole number from 1 to 52 (found 0)']),
    ('habit without day', '  day: friday\n', '', ['11: `day:` is missing in `habit:`; add it']),
    ('blank hint', 'hint: Keep it.',
     'hint: "  "',
     ['12: `hint:` must be non-empty text; quote it if YAML reads it as something else']),
    ('five months', '  - focus: Six\n    counts: {meet: 3, post: 0}\n',
     '',
     ['23: `months:` must list exactly 6 months, each with focus and counts (found 5)']),
    ('months not a list', 'months:\n  - focus: Start',
     'months: 6\nm:\n  - focus: Start',
     ["24: unknown field 'm' at the top of the plan; the fields are: title, intro, questions, habit, actions, "
      'months, review',
      '23: `months:` must list exactly 6 months, each with focus and counts (found 0)']),
    ('month not a mapping', '  - focus: Six\n    counts: {meet: 3, post: 0}\n',
     '  - Six\n',
     ['24: month 6 must be a mapping with focus and counts']),
    ('counts not a mapping', 'counts: {meet: 3, post: 0}',
     'counts: 3',
     ['36: `counts:` in month 6 must map each action id to a number, like `meetups: 1`']),
    ('count of no action', 'counts: {meet: 3, post: 0}',
     'counts: {meet: 3, post: 0, talk: 1}',
     ["36: 'talk' in month 6 is no action; the actions are: meet, post"]),
    ('count missing', 'counts: {meet: 3, post: 0}',
     'counts: {meet: 3}',
     ["36: `counts:` in month 6 has no number for 'post'; add `post: 0` or more"]),
    ('count too high', 'counts: {meet: 3, post: 0}',
     'counts: {meet: 100, post: 0}',
     ['36: `meet:` must be a whole number from 0 to 99 (found 100)']),
    ('month without focus', '  - focus: Six\n', '  - tip: Six\n', ['35: `focus:` is missing in month 6; add it']),
    ('review not a mapping', 'review:\n  label: Review\n',
     'review: 3\nr:\n  label: Review\n',
     ["38: unknown field 'r' at the top of the plan; the fields are: title, intro, questions, habit, actions, "
      'months, review',
      '37: `review:` must be a mapping with label, minutes and questions']),
    ('review questions empty', '  questions:\n    - What worked?\n    - What next?\n',
     '  questions: []\n',
     ['41: `questions:` of the review must be a non-empty list of questions as text']),
    ('review question not text', '    - What next?\n',
     '    - 3\n',
     ['41: `questions:` of the review must be a non-empty list of questions as text']),
    ('review minutes', '  minutes: 15',
     '  minutes: 300',
     ['40: `minutes:` must be a whole number from 5 to 240 (found 300)']),
    ('no actions', 'actions:\n  - id: meet\n    label: Meetups\n    hint: Go.\n  - id: post\n    label: Posts\n',
     '',
     ['1: `actions:` is missing at the top of the plan; add it']),
]


def test_the_small_plan_reads_as_its_data():
    found, problems = plan.parse(PLAN, "p.yml")
    assert problems == []
    assert found.to_json() == {
        "title": "My plan", "intro": "Go slowly.",
        "questions": [{"id": "goals", "label": "Goals", "hint": "What you want.", "lines": 2},
                      {"id": "roles", "label": "Roles", "hint": "", "lines": 3}],
        "habit": {"label": "Slot", "hint": "Keep it.", "day": "friday", "time": "08:15", "minutes": 20, "weeks": 3},
        "actions": [{"id": "meet", "label": "Meetups", "hint": "Go."}, {"id": "post", "label": "Posts", "hint": ""}],
        "months": [{"focus": "Start", "tip": "Small steps.", "counts": {"meet": 1, "post": 2}}]
                  + [{"focus": focus, "tip": "", "counts": {"meet": 1, "post": 0}}
                     for focus in ("Two", "Three", "Four", "Five")]
                  + [{"focus": "Six", "tip": "", "counts": {"meet": 3, "post": 0}}],
        "review": {"label": "Review", "hint": "Look back.", "minutes": 15, "questions": ["What worked?", "What next?"]}}


@pytest.mark.parametrize("name, old, new, expected", CASES, ids=[case[0] for case in CASES])
def test_each_mistake_is_one_exact_problem(name, old, new, expected):
    assert PLAN.count(old) == 1
    found, problems = plan.parse(PLAN.replace(old, new), "p.yml")
    assert found is None
    assert [f"{problem.line}: {problem.message}" for problem in problems] == expected
    assert {problem.file for problem in problems} == {"p.yml"}
