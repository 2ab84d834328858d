"""A course of two small lessons built in code, for tests that call the core directly and compare its
output with the exact text they expect."""
from macros.bank import Bank, Question
from macros.course import Course
from macros.lessons import Heading, Lesson

BODY = """## Overview

Intro.

!!! instructor "Facilitation notes"
    Say hello.

    Then *ask* a question.

## Steps

### Step 1: Say hi

```
!!! instructor "not a note"
    inside a fence
```

??? instructor
    Collapsible note.
Back to content.

### Step 2: Ask "why"

  !!! instructor
      Indented note.

Done.
"""

QUESTIONS = [
    Question(id="pick", type="single", objective="hello", prompt="Pick *one*", answer="b",
             options={"a": "A <b>", "b": "B"}, feedback={"a": "No.", "b": "Yes."}, explanation="Because."),
    Question(id="many", type="multiple", objective="hello", prompt="Many", answer=["a", "c"],
             options={"a": "A", "b": "B", "c": "C"}, feedback={"a": "Fa", "b": "Fb", "c": "Fc"}),
    Question(id="tf", type="true-false", objective="hello", prompt="True?", answer=False,
             feedback={True: "Not true.", False: "Right."}),
    Question(id="talk", type="open", objective="hello", prompt="Discuss", answer="Model\n\nanswer."),
]


def tiny_course():
    one = Lesson(slug="one", path="docs/lessons/one.md", title="First *one*", description="D1",
                 time={"lesson": 10, "practice": 5, "check": 3}, objectives={"hello": "Say hello."},
                 materials=[("supply", "Pens & *paper*", 8), ("video", "[A talk](https://example.org/t)", 9),
                            ("worksheet", "conversation-cards", 10)],
                 headings=[Heading(2, "Overview", 1), Heading(2, "Steps", 10), Heading(3, "Step 1: Say hi", 12),
                           Heading(3, "Not a step", 13), Heading(3, 'Step 2: Ask "why"', 22)],
                 body=BODY, body_line=20)
    two = Lesson(slug="two", path="docs/lessons/two.md", title="Two", description="D2",
                 time={"lesson": 20, "practice": 15, "check": 5}, objectives={"bye": "Say bye."},
                 headings=[Heading(2, "Steps", 3), Heading(3, "Step 1: Wave", 5)], body="## Steps\n\n### Step 1: Wave\n")
    return Course(lessons={"one": one, "two": two},
                  banks={"one": Bank(lesson="one", path="quizzes/one.yml", questions=list(QUESTIONS)),
                         "two": Bank(lesson="two", path="quizzes/two.yml", questions=[QUESTIONS[3], QUESTIONS[2]])})
