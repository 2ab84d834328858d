"""Item-writing rules: a question must not give its answer away by its form.

A learner who has not read the lesson should score no better than chance. These checks find the
cues that test-wise learners use (Haladyna, Downing and Rodriguez, 2002): "all/none of the above",
two options that say the same, a key longer than every distractor, an unemphasised negative stem,
and, across a bank and across the course, keys that pile up on one letter, one truth value, the first
option or one number of keys. Each finding is a Problem, like every other bank problem.

One question may waive a per-question rule with `allow: {rule: reason}`; the check shows the reason.
The rules over many questions cannot be waived: fix them by moving keys.
"""
import math
import re
from dataclasses import dataclass

from .problems import Problem

# How much longer than the longest distractor a key may be, counted in words, before it is a cue.
LONG_KEY_RATIO = 1.5
# Shares over a bank or the course. Each bound has half a question of slack, so small banks can pass.
MAX_LETTER_SHARE = 0.40        # of single-choice keys on one option position
TRUE_SHARE = (0.35, 0.65)      # of true-false keys that are `true`
MAX_FIRST_KEYED_SHARE = 0.75   # of multiple-choice questions that key their first option
MIN_SAME_KEY_COUNT = 3         # this many multiple-choice questions, all with one number of keys, is a pattern
MAX_LONGEST_OVER_CHANCE = 0.10  # "always pick the longest option" may beat chance by this much at most

WAIVABLE = ("all-or-none", "same-options", "long-key", "negative-stem")

_MARKUP = re.compile(r"[*_`~]|\[([^\]]*)\]\([^)]*\)")
_WORD = re.compile(r"[\w']+")
_ALL_OR_NONE = [
    re.compile(r"\b(all|none|any|both|neither|each)\b(\s+\w+){0,2}?\s+(above|below)\b"),
    re.compile(r"^(all|none|any|both|neither)\b(\s+\w+){0,2}?\s+(these|those|them|options|answers|choices)\b"),
    re.compile(r"^(all|none|both|neither)( of)?( the)?( above| these| them)?$"),
    re.compile(r"\b(options?|answers?|choices?)\s+\(?[a-e]\)?\s+(and|or|&)\s+\(?[a-e]\)?\b"),
    re.compile(r"^(both |only |just )?\(?[a-e]\)?\s+(and|or|&)\s+\(?[a-e]\)?$"),
]
# "at least" is a number, not a negative.
_NEGATIVE = re.compile(r"(\*\*|\*|_)?\b(not|except|never|(?<!\bat )least|\w+n't)\b(\*\*|\*|_)?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+")


@dataclass(frozen=True)
class Note:
    """A deliberate exception an author wrote down: shown by the check, not an error."""

    file: str
    line: int
    question: str
    rule: str
    reason: str

    def __str__(self):
        return f"{self.file}:{self.line}: {self.question}: allowed exception ({self.rule}): {self.reason}"


def plain(text):
    """Text without inline Markdown, lowercased, punctuation and spacing ignored."""
    text = _MARKUP.sub(lambda m: m.group(1) or "", str(text)).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def words(text):
    return len(_WORD.findall(_MARKUP.sub(lambda m: m.group(1) or "", str(text))))


# ---- One question --------------------------------------------------------------------------------

def _all_or_none(q):
    for key, text in q.options.items():
        if any(pattern.search(plain(text)) for pattern in _ALL_OR_NONE):
            yield (f"option {key}", f"option {key} ('{text}') points at other options; \"all/none of the above\" "
                   "and \"a and b\" reward guessing and break when options are shuffled; write a real option instead")


def _same_options(q):
    seen = {}
    for key, text in q.options.items():
        if plain(text) in seen:
            yield (f"option {key}", f"options {seen[plain(text)]} and {key} say the same thing; "
                   "make each option a different answer")
        seen.setdefault(plain(text), key)


def _long_key(q):
    keys = [k for k in q.options if k in q.keyed]
    distractors = [words(q.options[k]) for k in q.options if k not in q.keyed]
    if not keys or not distractors:
        return
    shortest_key = min(words(q.options[k]) for k in keys)
    if shortest_key >= LONG_KEY_RATIO * max(distractors):
        which = "the key is" if len(keys) == 1 else "every key is"
        yield ("answer", f"{which} at least {LONG_KEY_RATIO:g} times as long as the longest distractor "
               f"({shortest_key} words against {max(distractors)}), which gives it away; shorten the key or "
               "make the distractors as long and specific")


def _negative_stem(q):
    if q.type == "open":
        return
    stem = _SENTENCE_END.split(str(q.prompt).strip())[-1]
    for match in _NEGATIVE.finditer(stem):
        word = match.group(2)
        if not (word.isupper() and len(word) > 1) and not (match.group(1) and match.group(3)):
            yield ("prompt", f"the question turns on the negative '{word}', which readers miss; ask it positively, "
                   f"or emphasise it as **{word.upper()}**")
            return


_QUESTION_RULES = {"all-or-none": _all_or_none, "same-options": _same_options, "long-key": _long_key,
                   "negative-stem": _negative_stem}


def check_question(q, path):
    """(problems, notes) for one question: its findings, and the exceptions its author allowed."""
    problems, notes = [], []
    for rule, find in _QUESTION_RULES.items():
        findings = list(find(q))
        if rule in q.allow:
            if findings:
                notes.append(Note(path, q.lines.get("allow", q.line), q.id, rule, q.allow[rule]))
            else:
                problems.append(Problem(path, q.lines.get("allow", q.line),
                                        f"`allow: {rule}` is not needed: the question passes that rule; remove it", q.id))
            continue
        problems += [Problem(path, q.lines.get(where, q.line), message, q.id) for where, message in findings]
    return problems, notes


# ---- Many questions: a bank, or the whole course --------------------------------------------------

def _most(limit_share, count):
    """The largest count that stays within a share of `count`, with half a question of slack."""
    return math.floor(limit_share * count + 0.5)


def _key_positions(questions):
    """Single-choice questions by the position (a, b, c, ... in bank order) of their key."""
    by_position = {}
    for q in questions:
        if q.type == "single":
            letter = "abcdefghijkl"[list(q.options).index(q.answer)]
            by_position.setdefault(letter, []).append(q)
    return by_position


def _ids(questions, limit=6):
    names = [q.id for q in questions]
    return ", ".join(names[:limit]) + (f" and {len(names) - limit} more" if len(names) > limit else "")


def spread_findings(questions, scope):
    """(message, the questions it is about) for how keys are spread over `questions`; scope names them
    ("this bank", "the course")."""
    found = []
    singles = [q for q in questions if q.type == "single"]
    # A few questions cannot spread thinner than one per position.
    widest = max((len(q.options) for q in singles), default=1)
    for letter, keyed in sorted(_key_positions(questions).items()):
        if len(keyed) > max(_most(MAX_LETTER_SHARE, len(singles)), math.ceil(len(singles) / widest)):
            found.append((f"in {scope}, {len(keyed)} of {len(singles)} single-choice keys are in position {letter} "
                          f"({_ids(keyed)}); at most {MAX_LETTER_SHARE:.0%} may share a position, so move some keys "
                          "to other options", keyed))
    true_false = [q for q in questions if q.type == "true-false"]
    trues = [q for q in true_false if q.answer is True]
    low, high = TRUE_SHARE
    if true_false and not (low * len(true_false) - 0.5 <= len(trues) <= high * len(true_false) + 0.5):
        many = "true" if len(trues) > high * len(true_false) else "false"
        found.append((f"in {scope}, {len(trues)} of {len(true_false)} true-false statements are true; keep between "
                      f"{low:.0%} and {high:.0%} true, so rewrite some {many} statements the other way round",
                      [q for q in true_false if (q.answer is True) == (many == "true")]))
    multiples = [q for q in questions if q.type == "multiple"]
    first = [q for q in multiples if next(iter(q.options)) in q.keyed]
    if len(first) > _most(MAX_FIRST_KEYED_SHARE, len(multiples)):
        found.append((f"in {scope}, {len(first)} of {len(multiples)} multiple-choice questions key their first option "
                      f"({_ids(first)}); at most {MAX_FIRST_KEYED_SHARE:.0%} may, so make the first option wrong in "
                      "some", first))
    counts = {len(q.keyed) for q in multiples}
    if len(multiples) >= MIN_SAME_KEY_COUNT and len(counts) == 1:
        found.append((f"in {scope}, every multiple-choice question has {counts.pop()} keys; vary how many options "
                      "are right (one, some, all), or the count gives the answer away", multiples))
    return found


def longest_key_share(questions):
    """(share of single-choice questions whose key is the one longest option, the chance of guessing)."""
    singles = [q for q in questions if q.type == "single"]
    if not singles:
        return 0.0, 0.0
    hits = 0
    for q in singles:
        lengths = {key: words(text) for key, text in q.options.items()}
        longest = max(lengths.values())
        hits += [k for k, n in lengths.items() if n == longest] == [q.answer]
    return hits / len(singles), sum(1 / len(q.options) for q in singles) / len(singles)


def check_bank(bank):
    """(problems, notes) for one bank: each question, then how its keys are spread."""
    problems, notes = [], []
    for q in bank.questions:
        found, allowed = check_question(q, bank.path)
        problems += found
        notes += allowed
    problems += [Problem(bank.path, bank.line, message) for message, _ in spread_findings(bank.questions, "this bank")]
    return problems, notes


def check_course(banks):
    """Problems in how keys are spread over every bank together, each reported on the bank that holds most
    of the questions it is about."""
    def bank_with_most(about):
        chosen = {id(q) for q in about}  # by identity: questions of copied banks are equal, not the same
        return max(banks, key=lambda bank: sum(id(q) in chosen for q in bank.questions))

    questions = [q for bank in banks for q in bank.questions]
    findings = spread_findings(questions, "the course")
    share, chance = longest_key_share(questions)
    if share - chance > MAX_LONGEST_OVER_CHANCE:
        longest = [q for q in questions if q.type == "single" and longest_key_share([q])[0] == 1]
        findings.append((f"across the course the key is the longest option in {share:.0%} of single-choice "
                         f"questions, against {chance:.0%} by chance, so \"pick the longest\" beats guessing; make "
                         "distractors as long as the key, and some keys the shortest option", longest))
    return [Problem(target.path, target.line, message) for message, about in findings
            for target in [bank_with_most(about)]]


# ---- What a learner who never read the lesson would score -----------------------------------------

def naive_scores(questions):
    """[(strategy, questions it answers, share right, share right by chance)] for test-wise strategies."""
    singles = [q for q in questions if q.type == "single"]
    true_false = [q for q in questions if q.type == "true-false"]
    multiples = [q for q in questions if q.type == "multiple"]
    single_chance = sum(1 / len(q.options) for q in singles) / len(singles) if singles else 0.0
    rows = [("always the longest option", singles, longest_key_share(singles)[0], single_chance)]
    for position in range(max((len(q.options) for q in singles), default=0)):
        right = sum(1 for q in singles if list(q.options).index(q.answer) == position)
        rows.append((f"always option {'abcdefghijkl'[position]}", singles, right / len(singles), single_chance))
    for value in (True, False):
        right = sum(1 for q in true_false if q.answer is value)
        rows.append((f"always {str(value).lower()}", true_false, right / len(true_false) if true_false else 0.0, 0.5))
    if multiples:
        # Ticking a set at random: each non-empty subset of the options is one guess.
        chance = sum(1 / (2 ** len(q.options) - 1) for q in multiples) / len(multiples)
        every = sum(1 for q in multiples if len(q.keyed) == len(q.options)) / len(multiples)
        rows.append(("tick every option", multiples, every, chance))
        first = sum(1 for q in multiples if q.keyed == {next(iter(q.options))}) / len(multiples)
        rows.append(("tick only the first option", multiples, first, chance))
    return [(name, len(group), right, chance) for name, group, right, chance in rows if group]
