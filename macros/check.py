"""`python -m macros.check`: check every page, lesson, quiz bank, the plan template and the message templates,
report every problem, exit 1 if any."""
import sys
from pathlib import Path

from . import messages, plan
from .course import load
from .problems import CourseError, load_all


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path(__file__).resolve().parent.parent
    try:
        course, _, templates = load_all(lambda: load(root), lambda: plan.load(root), lambda: messages.load(root))
    except CourseError as error:
        print(error, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' * (count != 1)} found; fix them and run the check again.", file=sys.stderr)
        return 1
    questions = sum(len(b.questions) for b in course.banks.values())
    for note in course.notes:
        print(note)
    print(f"Checked {len(course.lessons)} lessons, {questions} quiz questions, the networking plan and "
          f"{len(templates.templates)} message templates: no problems.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
