"""Problems found in the course's sources, reported all at once."""
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, with where it is and how to fix it."""

    file: str
    line: int
    message: str
    question: str = ""

    def __str__(self):
        where = f"{self.file}:{self.line}: "
        return where + (f"{self.question}: " if self.question else "") + self.message


class CourseError(Exception):
    """Raised with every problem found, so an author fixes them in one pass."""

    def __init__(self, problems):
        self.problems = sorted(set(problems))  # a problem two checks find is reported once
        super().__init__("\n".join(str(p) for p in self.problems))


def load_all(*loaders):
    """Call every loader and return their results; if any fails, raise one CourseError with the problems of all,
    so an author sees every file's problems in one run."""
    results, problems = [], []
    for loader in loaders:
        try:
            results.append(loader())
        except CourseError as error:
            problems += error.problems
    if problems:
        raise CourseError(problems)
    return results
