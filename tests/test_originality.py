"""Nothing is copied: no run of 10 or more words is shared between the course and a source text.

Sources are read from ../shared/sources/ beside the project; they are never copied into it.
Web addresses and the exact titles of the sources (a citation has to quote them) are left out.
"""
import re

import pytest

from conftest import ROOT, require

SOURCES = ROOT.parent / "shared" / "sources"
RUN = 10
CITED_TITLES = ["Networking is easy, fun, and probably not what you think it is"]


def words(text):
    text = re.sub(r"https?://\S+", " ", text.replace("\u2019", "'"))
    for title in CITED_TITLES:
        text = text.replace(title, " ")
    return re.findall(r"[a-z0-9']+", text.lower())


def runs(text):
    found = words(text)
    return {tuple(found[i:i + RUN]) for i in range(len(found) - RUN + 1)}


def course_files():
    patterns = ["docs/**/*.md", "quizzes/*.yml", "plan/*.yml", "toolkit/*.yml", "README.md"]
    return sorted({path for pattern in patterns for path in ROOT.glob(pattern)})


@pytest.fixture(scope="module")
def source_runs():
    require(SOURCES.is_dir(), f"the source texts at {SOURCES}: put the shared folder (with sources/) beside the project")
    files = sorted(SOURCES.glob("0*.txt"))
    assert files, f"no source texts in {SOURCES}"
    return {path.name: runs(path.read_text(encoding="utf-8")) for path in files}


@pytest.mark.parametrize("path", course_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_run_of_ten_words_is_copied(path, source_runs):
    mine = runs(path.read_text(encoding="utf-8"))
    copied = {name: sorted(" ".join(run) for run in mine & theirs) for name, theirs in source_runs.items()}
    copied = {name: found for name, found in copied.items() if found}
    assert not copied, f"{path.relative_to(ROOT)} shares runs of {RUN}+ words with: {copied}"
