"""A lesson page: its front matter (written once, read by the site, the tests and the
instructor edition) and the fixed order of its sections."""
import re
from dataclasses import dataclass, field

from . import yamlsource
from .bank import ID_PATTERN
from .problems import Problem
from .yamlsource import item_lines, line_of

# The sections every lesson has, in this order, so a learner always knows where they are.
SECTIONS = ("Overview", "Objectives", "Motivation", "Steps", "Common mistakes", "Practice",
            "Check for understanding", "Summary", "Further reading", "Credits")
PRACTICE_PARTS = ("Guided practice", "Independent practice", "Challenge")
TIME_PARTS = ("lesson", "practice", "check")
REQUIRED_FIELDS = ("title", "description", "time", "objectives")
# Keys Material for MkDocs itself reads from front matter.
THEME_FIELDS = ("hide", "icon", "status", "search", "template", "tags")
FIELDS = REQUIRED_FIELDS + ("prerequisites", "sources", "materials") + THEME_FIELDS
# What an instructor brings to the session: each entry is one of these types and its text.
MATERIAL_TYPES = ("supply", "video", "worksheet")

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*\})?\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class Heading:
    level: int
    text: str
    line: int


@dataclass
class Lesson:
    slug: str
    path: str
    title: str
    description: str
    time: dict
    objectives: dict
    prerequisites: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    materials: list = field(default_factory=list)  # (type, text, line in the file)
    headings: list = field(default_factory=list)
    body: str = ""
    body_line: int = 1  # the line of the file where the body starts

    @property
    def minutes(self):
        return sum(self.time.values())


def split_front_matter(text):
    """(front matter text, body text, line where the body starts)."""
    match = re.match(r"^---[ \t]*\n(.*?\n)?---[ \t]*\n", text, re.S)
    if not match:
        return None, text, 1
    return match.group(1) or "", text[match.end():], match.group(0).count("\n") + 1


def headings_of(body, first_line):
    """Markdown headings outside fenced code, with their line numbers in the file."""
    found, fenced = [], False
    for number, line in enumerate(body.splitlines(), start=first_line):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and (match := HEADING.match(line)):
            found.append(Heading(len(match.group(1)), match.group(2), number))
    return found


def parse(text, path, slug):
    """Parse a lesson page. Returns (Lesson or None, problems)."""
    front, body, body_line = split_front_matter(text)
    if front is None:
        return None, [Problem(path, 1, "a lesson starts with front matter between `---` lines "
                                       "(title, description, time, objectives); add it")]
    data, problems = yamlsource.load(front, path)
    # The YAML starts on line 2 of the file, after the opening ---.
    problems = [Problem(p.file, p.line + 1, p.message, p.question) for p in problems]
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [Problem(path, 2, "the front matter must be a mapping of title, description, time, objectives")]

    def report(key, message, within=data):
        problems.append(Problem(path, line_of(within, key) + 1, message))

    for key in data:
        if key not in FIELDS:
            report(key, f"unknown front-matter field '{key}'; lessons use: {', '.join(FIELDS[:7])}")
    for key in REQUIRED_FIELDS:
        if key not in data:
            report(key, f"`{key}:` is missing from the front matter; add it")
    for key in ("title", "description"):
        if key in data and (not isinstance(data[key], str) or not data[key].strip()):
            report(key, f"`{key}:` must be non-empty text")
    time = data.get("time")
    if "time" in data:
        if not isinstance(time, dict) or set(time) != set(TIME_PARTS):
            report("time", "`time:` must give minutes for exactly lesson, practice and check")
        else:
            for part in TIME_PARTS:
                if not isinstance(time[part], int) or isinstance(time[part], bool) or not 0 <= time[part] <= 600:
                    report(part, f"`time.{part}` must be a whole number of minutes", within=time)
    objectives = data.get("objectives")
    if "objectives" in data:
        if not isinstance(objectives, dict) or not objectives:
            report("objectives", "`objectives:` must map ids to statements, like `open-conversation: Start a ...`")
        else:
            for key, statement in objectives.items():
                if not isinstance(key, str) or not ID_PATTERN.match(key):
                    report(key, f"objective id {key!r} must be lowercase words joined by hyphens", within=objectives)
                if not isinstance(statement, str) or not statement.strip():
                    report(key, f"objective '{key}' needs a statement a learner can be checked on", within=objectives)
    for key in ("prerequisites", "sources"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            report(key, f"`{key}:` must be a list, like `{key}: [what-networking-is]`")
    materials = check_materials(data, path, problems)
    headings = headings_of(body, body_line)
    problems += check_sections(headings, body, path, body_line)
    if problems:
        return None, problems
    return Lesson(slug=slug, path=path, title=data["title"], description=data["description"], time=dict(time),
                  objectives=dict(objectives), prerequisites=list(data.get("prerequisites", [])),
                  sources=list(data.get("sources", [])), materials=materials, headings=headings, body=body,
                  body_line=body_line), []


def check_materials(data, path, problems):
    """`materials:` is a list of one-key mappings like `- supply: Post-it notes`; returns (type, text, line)."""
    value = data.get("materials", [])
    example = "like `- supply: Post-it notes and a pen for every learner`"
    if not isinstance(value, list):
        problems.append(Problem(path, line_of(data, "materials") + 1, f"`materials:` must be a list, {example}"))
        return []
    found = []
    for item, line in zip(value, item_lines(value)):
        line += 1  # the front matter starts after the `---` line
        if not isinstance(item, dict) or len(item) != 1:
            problems.append(Problem(path, line, f"each entry of `materials:` is one type and its text, {example}"))
            continue
        kind, text = next(iter(item.items()))
        if kind not in MATERIAL_TYPES:
            problems.append(Problem(path, line, f"'{kind}' is not a type of material; use one of: {', '.join(MATERIAL_TYPES)}"))
        elif not isinstance(text, str) or not text.strip():
            problems.append(Problem(path, line, f"`{kind}:` needs text saying what to bring"))
        elif kind == "worksheet" and not ID_PATTERN.match(text):
            problems.append(Problem(path, line, f"`worksheet: {text}` must name a page of docs/worksheets/ without .md"))
        else:
            found.append((kind, text, line))
    return found


def check_sections(headings, body, path, body_line):
    """The lesson's H2 sections are exactly SECTIONS in order, with steps and the practice parts."""
    problems = []
    h2 = [h for h in headings if h.level == 2]
    names = [h.text for h in h2]
    if names != list(SECTIONS):
        missing = [s for s in SECTIONS if s not in names]
        extra = [n for n in names if n not in SECTIONS]
        details = []
        if missing:
            details.append("missing: " + ", ".join(f"'## {s}'" for s in missing))
        if extra:
            details.append("not a lesson section: " + ", ".join(f"'## {s}'" for s in extra) + " (use ### inside a section)")
        detail = "; ".join(details) or "they are out of order"
        line = next((h.line for h in h2 if h.text in extra), h2[0].line if h2 else body_line)
        problems.append(Problem(path, line, f"the lesson's sections must be, in order: {', '.join(SECTIONS)}; {detail}"))
        return problems

    # Here the sections are SECTIONS in order, and none of those looked into is the last: the next H2 ends it.
    def under(section):
        start = names.index(section)
        first, last = h2[start].line, h2[start + 1].line
        return [h for h in headings if h.level == 3 and first < h.line < last], first

    steps, line = under("Steps")
    if not any(re.match(r"Step \d+:", h.text) for h in steps):
        problems.append(Problem(path, line, "'## Steps' needs its steps as '### Step 1: ...', '### Step 2: ...'"))
    parts, line = under("Practice")
    if [h.text for h in parts] != list(PRACTICE_PARTS):
        problems.append(Problem(path, line, "'## Practice' needs exactly these parts in order: "
                                + ", ".join(f"'### {p}'" for p in PRACTICE_PARTS)))
    lines = body.splitlines()
    for section, call, example in (("Objectives", "{{ objectives()", "{{ objectives() }}"),
                                   ("Check for understanding", "{{ quiz(", "{{ quiz() }}")):
        start = h2[names.index(section)].line
        end = h2[names.index(section) + 1].line
        if not any(call in text for text in lines[start - body_line:end - body_line]):
            problems.append(Problem(path, start, f"'## {section}' must contain `{example}`"))
    return problems
