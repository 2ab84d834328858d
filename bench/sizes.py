"""Gzipped sizes of the project's own quiz script and stylesheet, against their budget.

    .venv/bin/python bench/sizes.py      (or: make bench-sizes)

The budget covers what every lesson page loads for its quizzes: store.js, quiz.js and quiz.css.
Sizes use gzip level 9 with no timestamp, so the same files always give the same numbers.
"""
import gzip
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "docs" / "assets"
FILES = ("store.js", "quiz.js", "quiz.css")
BUDGET = 7168  # bytes (7 KB), gzipped, all three together; quiz.js also keeps the review schedule


def gzipped(path):
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def sizes():
    """{file name: (raw bytes, gzipped bytes)} for each file in the budget."""
    return {name: ((ASSETS / name).stat().st_size, gzipped(ASSETS / name)) for name in FILES}


def main():
    found = sizes()
    print(f"{'file':<10} {'raw':>7} {'gzipped':>8}")
    for name, (raw, packed) in found.items():
        print(f"{name:<10} {raw:>7} {packed:>8}")
    total = sum(packed for _, packed in found.values())
    print(f"{'total':<10} {sum(raw for raw, _ in found.values()):>7} {total:>8}  (budget {BUDGET} gzipped, "
          f"{BUDGET - total} left)")
    return 0 if total <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
