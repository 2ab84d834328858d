"""Nothing is copied: no run of 10 or more words is shared between the course and a source text, and no sentence
of the course follows a sentence of a source closely (a near-paraphrase).

Sources are read from ../shared/sources/ beside the project; they are never copied into it.
Web addresses and the exact titles of the sources (a citation has to quote them) are left out.
"""
import difflib
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, require
from macros import reading

# COURSE_SOURCES names another folder, for a copy of the project that is not beside the shared folder.
SOURCES = Path(os.environ.get("COURSE_SOURCES") or ROOT.parent / "shared" / "sources")
MISSING = (f"the source texts at {SOURCES}: put the shared folder (with sources/) beside the project, "
           "or set COURSE_SOURCES to the folder that holds them")
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
    require(SOURCES.is_dir(), MISSING)
    files = sorted(SOURCES.glob("0*.txt"))
    assert files, f"no source texts in {SOURCES}"
    return {path.name: runs(path.read_text(encoding="utf-8")) for path in files}


@pytest.mark.parametrize("path", course_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_run_of_ten_words_is_copied(path, source_runs):
    mine = runs(path.read_text(encoding="utf-8"))
    copied = {name: sorted(" ".join(run) for run in mine & theirs) for name, theirs in source_runs.items()}
    copied = {name: found for name, found in copied.items() if found}
    assert not copied, f"{path.relative_to(ROOT)} shares runs of {RUN}+ words with: {copied}"


# ---- Near-paraphrase: no course sentence follows a source sentence closely ------------------------------------
# A course sentence of 12 or more words and a source sentence "follow" each other when difflib's ratio on their
# lowercased words is 0.6 or more. The course text is what learners read on the built learner edition: every
# lesson's learner text (without its quiz and its credits) and the other pages. Titles are left out (headings, link
# texts, which name lessons and works, and the credits), and so are short quotations (8 words or fewer in quotation
# marks): a course may quote a phrase and name a work.
MIN_WORDS = 12
MAX_RATIO = 0.6
SHORT_QUOTE = 8
QUOTED = re.compile(r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d')
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Pages whose every line is a title or a credit line, or machinery around the quizzes (tested on their own).
NOT_PROSE = {"docs/credits.md", "docs/review.md"}


def sentence_words(sentence):
    return re.findall(r"[a-z0-9']+", sentence.lower().replace("\u2019", "'"))


def sentences(text):
    """(sentence, its words) of a text, a line at a time, short quotations taken out first."""
    for line in text.splitlines():
        line = QUOTED.sub(lambda quote: " " if len(sentence_words(quote.group(0))) <= SHORT_QUOTE else quote.group(0),
                          line)
        for sentence in SENTENCE_END.split(line):
            found = sentence_words(sentence)
            if found:
                yield " ".join(sentence.split()), found


def source_text(text):
    """A source's prose: Markdown links as their text, addresses and list marks left out."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"https?://\S+", " ", text)
    return re.sub(r"^[ \t]*(?:[-*+]|\d+\.|#+)[ \t]+", "", text, flags=re.M)


def learner_pages():
    """The learner edition's pages, as the source files they are built from."""
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        relative = path.relative_to(ROOT).as_posix()
        if not relative.startswith("docs/instructor/") and relative not in NOT_PROSE:
            found.append(relative)
    return found


def built_page(site, relative):
    """The built page of docs/<relative>: docs/x.md is x/index.html, docs/index.md is index.html."""
    name = relative[len("docs/"):-len(".md")]
    return site / ("index.html" if name == "index" else f"{name.removesuffix('/index')}/index.html")


def course_sentences(site, relative):
    html = built_page(site, relative).read_text(encoding="utf-8")
    article = re.search(r"<article\b[^>]*>(.*?)</article>", html, re.S).group(1)
    # A lesson's credits name the works it draws on: titles, authors and licences.
    article = article.split('<h2 id="credits"', 1)[0]
    # Quizzes, on screen and on paper, are not learner text (their banks are checked by the test above).
    text = reading.html_text(article, reading.SKIPPED_TAGS | {"h1", "h2", "h3", "h4", "h5", "h6", "a"},
                             reading.SKIPPED_CLASSES | {"paper-quiz"})
    for title in CITED_TITLES:
        text = text.replace(title, " ")
    return [(sentence, found) for sentence, found in sentences(text) if len(found) >= MIN_WORDS]


@pytest.fixture(scope="session")  # session, like `site`, so that a missing folder is found before any build
def source_sentences():
    require(SOURCES.is_dir(), MISSING)
    files = sorted(SOURCES.glob("0*.txt"))
    assert files, f"no source texts in {SOURCES}"
    return Sources([(path.name, sentence, found) for path in files
                    for sentence, found in sentences(source_text(path.read_text(encoding="utf-8"))) if len(found) >= 5])


class Sources(list):
    """The source sentences as (file name, sentence, words), with an index: word -> [(position, times it occurs)]."""

    def __init__(self, items):
        super().__init__(items)
        self.index = {}
        for position, (_, _, found) in enumerate(self):
            for word, times in Counter(found).items():
                self.index.setdefault(word, []).append((position, times))


def close_sources(words_of_course, sources):
    """(source file, source sentence, ratio) for every source sentence the course sentence follows closely.

    Words the two sentences share bound difflib's ratio from above (it is what quick_ratio counts); counted for
    every source sentence at once through the index, they leave few pairs for real_quick_ratio and ratio."""
    shared = Counter()
    for word, times in Counter(words_of_course).items():
        for position, theirs in sources.index.get(word, ()):
            shared[position] += min(times, theirs)
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(words_of_course)  # the matcher keeps what it learns about its second sequence
    found = []
    for position, count in shared.items():
        name, sentence, theirs = sources[position]
        if 2 * count / (len(theirs) + len(words_of_course)) < MAX_RATIO:
            continue
        matcher.set_seq1(theirs)
        if matcher.real_quick_ratio() >= MAX_RATIO and (ratio := matcher.ratio()) >= MAX_RATIO:
            found.append((name, sentence, ratio))
    return sorted(found)


def test_sentences_leave_out_short_quotes_and_keep_long_ones():
    text = 'She said "no is a complete sentence" and left. He said "this is a quote of more than eight words long".'
    assert [s for s, _ in sentences(text)] == ["She said and left.",
                                               'He said "this is a quote of more than eight words long".']
    assert sentence_words("Don\u2019t fear asking, ever!") == ["don't", "fear", "asking", "ever"]


def test_a_close_paraphrase_is_found_and_a_new_sentence_is_not():
    source = Sources([("001.txt", "x", sentence_words("Never introduce yourself solely for what someone can do for "
                                                      "you at an event.")),
                      ("002.txt", "y", sentence_words("Networking is a habit you build a little at a time."))])
    close = sentence_words("Never introduce yourself only for what someone could do for you at any event or meetup.")
    assert [(name, round(ratio, 2)) for name, _, ratio in close_sources(close, source)] == [("001.txt", 0.73)]
    fresh = sentence_words("Start a conversation by asking about the talk you both heard, then listen to the answer.")
    assert close_sources(fresh, source) == []


@pytest.mark.parametrize("relative", learner_pages())
def test_no_sentence_follows_a_source_sentence_closely(relative, source_sentences, site):
    found = []
    for sentence, mine in course_sentences(site, relative):
        for name, theirs, ratio in close_sources(mine, source_sentences):
            found.append(f'{relative}: "{sentence}"\n    follows {name}: "{theirs}" (ratio {ratio:.2f})')
    assert not found, (f"{len(found)} sentence(s) of {relative} follow a source closely; tell the idea in the "
                       "course's own words (or quote 8 words or fewer):\n" + "\n".join(found))


@pytest.mark.parametrize("ci, outcome", [("true", "1 error"), ("", "1 skipped")])
def test_missing_sources_fail_in_ci_and_skip_elsewhere(ci, outcome, tmp_path):
    missing = tmp_path / "no-sources"
    env = dict(os.environ, CI=ci, COURSE_SOURCES=str(missing))
    test = "tests/test_originality.py::test_no_sentence_follows_a_source_sentence_closely[docs/index.md]"
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", test], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=300)
    assert outcome in result.stdout, result.stdout
    assert f"the source texts at {missing}: put the shared folder (with sources/) beside the project, or set " \
           "COURSE_SOURCES to the folder that holds them" in result.stdout, result.stdout
