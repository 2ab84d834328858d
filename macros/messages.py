"""Message templates: read from toolkit/templates.yml and checked field by field. Pure: no MkDocs here.

Like the quiz bank, every mistake is collected as a `file:line: template-id: message` Problem and raised
together. docs/assets/lib/templates.js fills and counts the same templates in the browser, with the same
placeholder pattern and the same way of counting characters.
"""
import re
from dataclasses import dataclass
from pathlib import Path

from . import yamlsource
from .bank import BIDI_CONTROLS, ID_PATTERN, TEXT_LIMIT
from .problems import CourseError, Problem
from .yamlsource import item_lines, line_of

TEMPLATES_FILE = "toolkit/templates.yml"
DOCS_DIR = "docs"
TOP_FIELDS = ("fields", "templates")
FIELD_KEYS = ("group", "label", "hint")
TEMPLATE_FIELDS = ("id", "title", "to", "ask", "platform", "limit", "when", "fields", "text", "example", "avoid")
OPTIONAL = {"limit"}
# Whom a message is for, and what it asks; the words the pages show for each.
TO = {"new": "someone you have not met yet", "met": "someone you have met", "known": "someone you already know well"}
ASK = {"none": "nothing", "learning": "a small learning ask", "favour": "a favour, so only of someone who knows you well"}
FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
# The same pattern as docs/assets/lib/templates.js.
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
# What a learner may type into one detail, in characters; the page enforces it as they type.
FIELD_LIMIT = 200
DEFAULT_GROUP = "Details"
MACRO_CALL = re.compile(r"""message_template\(\s*["']([^"']*)["']""")


@dataclass
class Template:
    id: str
    title: str
    to: str
    ask: str
    platform: str
    limit: int  # in characters, or 0 where the platform sets none
    when: str
    fields: list  # field names, in the order the template declares them
    text: str
    example: dict  # field name -> value
    avoid: list
    line: int = 1

    def filled(self, values=None, blank=None):
        """The text with each placeholder replaced by values[name]; blank(name) for a missing one."""
        values = self.example if values is None else values
        blank = blank or (lambda name: "{" + name + "}")
        return PLACEHOLDER.sub(lambda found: values.get(found.group(1)) or blank(found.group(1)), self.text)


@dataclass
class Templates:
    fields: dict  # name -> {"group", "label", "hint"}, in file order
    templates: dict  # id -> Template, in file order

    def limits(self):
        """What the learner may store: the toolkit's fields and their limits, for import validation."""
        return {"fields": {name: FIELD_LIMIT for name in self.fields}}


def length(text):
    """Characters as a browser's text box counts them (JavaScript's `value.length`): UTF-16 code units, so an
    emoji counts two, and a line break one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return len(text.encode("utf-16-le")) // 2


def load(root):
    """Read and check the templates under root, and the pages that call them. Raises CourseError listing every problem."""
    root = Path(root)
    path = root / TEMPLATES_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CourseError([Problem(TEMPLATES_FILE, 1, "the message templates are missing; create the file "
                                                      "with `fields:` and `templates:`")]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise CourseError([Problem(TEMPLATES_FILE, 1, f"the file cannot be read as UTF-8 text ({error})")]) from None
    templates, problems = parse(text, TEMPLATES_FILE)
    if templates:
        problems += check_calls(root, templates)
    if problems:
        raise CourseError(problems)
    return templates


def check_calls(root, templates):
    """Pages that call message_template() with an id the file does not have."""
    problems = []
    for page in sorted((Path(root) / DOCS_DIR).rglob("*.md")):
        relative = page.relative_to(root).as_posix()
        try:
            lines = page.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # the lesson check reports unreadable pages
        for number, line in enumerate(lines, start=1):
            for found in MACRO_CALL.finditer(line):
                if found.group(1) not in templates.templates:
                    problems.append(Problem(relative, number, f"message_template('{found.group(1)}') names no template "
                                            f"in {TEMPLATES_FILE}; use one of: {', '.join(templates.templates)}"))
    return problems


def parse(text, path=TEMPLATES_FILE):
    """Parse the templates file. Returns (Templates or None, problems)."""
    data, problems = yamlsource.load(text, path)
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [Problem(path, 1, "the file must be a mapping with `fields:` and `templates:`")]

    def report(mapping, key, message, template=""):
        problems.append(Problem(path, line_of(mapping, key), message, template))

    def text_of(mapping, key, template="", optional=False):
        value = mapping.get(key)
        if value is None and optional:
            return ""
        if not isinstance(value, str) or not value.strip():
            report(mapping, key, f"`{key}:` {'must be' if key in mapping else 'is missing; add it as'} non-empty text"
                   + ("; quote it if YAML reads it as something else" if key in mapping else ""), template)
            return ""
        if BIDI_CONTROLS.search(value):
            report(mapping, key, f"`{key}:` contains an invisible text-direction control character; delete it", template)
        elif len(value) > TEXT_LIMIT:
            report(mapping, key, f"`{key}:` is {len(value)} characters long; keep it under {TEXT_LIMIT}", template)
        return value.strip()

    for key in data:
        if key not in TOP_FIELDS:
            report(data, key, f"unknown field '{key}' at the top of the file; the fields are: {', '.join(TOP_FIELDS)}")

    fields = {}
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, dict) or not raw_fields:
        report(data, "fields", "`fields:` must map each detail the learner fills in (like `their_name:`) "
                               "to its `label:` and an optional `hint:`")
        raw_fields = {}
    for name, spec in raw_fields.items():
        if not isinstance(name, str) or not FIELD_NAME.match(name):
            report(raw_fields, name, f"the field name {name!r} must be lowercase words joined by underscores, "
                                     "like `their_name`")
            continue
        if not isinstance(spec, dict):
            report(raw_fields, name, f"field '{name}' must be a mapping with `label:` and an optional `hint:` and `group:`")
            continue
        for key in spec:
            if key not in FIELD_KEYS:
                report(spec, key, f"unknown field '{key}' in field '{name}'; the fields are: {', '.join(FIELD_KEYS)}")
        fields[name] = {"group": text_of(spec, "group", optional=True) or DEFAULT_GROUP,
                        "label": text_of(spec, "label"), "hint": text_of(spec, "hint", optional=True)}

    templates, seen, used = {}, {}, set()
    raw_templates = data.get("templates")
    if not isinstance(raw_templates, list) or not raw_templates:
        report(data, "templates", "`templates:` must be a non-empty list of templates, each starting with `- id:`")
        raw_templates = []
    for item, line in zip(raw_templates, item_lines(raw_templates)):
        template = _template(item, line, fields, path, problems, text_of)
        if template is None:
            continue
        if template.id in seen:
            problems.append(Problem(path, template.line, f"the id is already used on line {seen[template.id]}; "
                                    "give each template its own id", template.id))
            continue
        seen[template.id] = template.line
        used |= set(template.fields)
        templates[template.id] = template
    if len(templates) == len(raw_templates) and templates:  # a template with problems may have used a field
        for name in fields:
            if name not in used:
                report(raw_fields, name, f"no template uses the field '{name}'; use it as {{{name}}} or remove it")
    if problems:
        return None, problems
    return Templates(fields=fields, templates=templates), []


def _template(item, line, fields, path, problems, text_of):
    """One template, checked; None when it has a problem (each is reported)."""
    if not isinstance(item, dict):
        problems.append(Problem(path, line, "each template must be a mapping starting with `- id:`"))
        return None
    tid = item.get("id")
    label = tid if isinstance(tid, str) else "(no id)"
    before = len(problems)

    def report(key, message, within=None):
        problems.append(Problem(path, line_of(item if within is None else within, key), message, label))

    if not isinstance(tid, str) or not ID_PATTERN.match(tid):
        report("id", "`id:` is missing or not lowercase words joined by hyphens (like `thank-you-after-chat`); add one")
    for key in item:
        if key not in TEMPLATE_FIELDS:
            report(key, f"unknown field '{key}' in a template; the fields are: {', '.join(TEMPLATE_FIELDS)}")
    for key in TEMPLATE_FIELDS:
        if key not in item and key not in OPTIONAL and key not in ("example", "fields"):
            report(key, f"`{key}:` is missing; add it")
    strings = {key: text_of(item, key, label) for key in ("title", "platform", "when", "text") if key in item}
    for key, choices in (("to", TO), ("ask", ASK)):
        if key in item and item[key] not in choices:
            report(key, f"`{key}:` must be one of {', '.join(choices)} (found {item[key]!r})")
    if item.get("ask") == "favour" and item.get("to") in ("new", "met"):
        report("ask", "a favour (a referral, a job, an introduction) waits for a relationship: send it only to "
                      "someone you know well (`to: known`), or make it a learning ask (`ask: learning`)")
    limit = item.get("limit", 0)
    if "limit" in item and (not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= 100000):
        report("limit", f"`limit:` must be the platform's limit as a whole number of characters (found {limit!r})")
        limit = 0

    declared = item.get("fields")
    if not isinstance(declared, list) or not declared or not all(isinstance(n, str) for n in declared):
        report("fields", "`fields:` must list the fields the text uses, like `fields: [their_name, your_name]`")
        declared = []
    for name in declared:
        if name not in fields:
            report("fields", f"'{name}' is no field of the file; declare it under the top `fields:` or use one of: "
                             f"{', '.join(fields)}")
    if len(set(declared)) != len(declared):
        report("fields", "`fields:` lists a field twice; list each once")

    text = strings.get("text", "")
    placeholders = PLACEHOLDER.findall(text)
    for name in dict.fromkeys(placeholders):
        if name not in declared:
            report("text", f"the placeholder {{{name}}} is not in this template's `fields:`; add it there or fix the name")
    if "{" in PLACEHOLDER.sub("", text) or "}" in PLACEHOLDER.sub("", text):
        report("text", "a `{` or `}` in the text is no placeholder; write placeholders as {field_name}, "
                       "and no other braces")
    for name in declared:
        if name in fields and name not in placeholders:
            report("fields", f"the field '{name}' is declared but the text never uses it; write {{{name}}} "
                             "in the text or remove it from `fields:`")

    example = item.get("example")
    if "example" not in item:
        report("example", "`example:` is missing; add the worked example: a value for each of the template's fields")
        example = {}
    elif not isinstance(example, dict):
        report("example", "`example:` must map each of the template's fields to its value in the worked example")
        example = {}
    else:
        for name, value in example.items():
            if name not in declared:
                report(name, f"the example gives '{name}', which is not in this template's `fields:`; "
                             "remove it or declare it", within=example)
            elif not isinstance(value, str) or not value.strip() or "\n" in value.strip():
                report(name, f"the example's `{name}:` must be non-empty text on one line", within=example)
            elif length(value) > FIELD_LIMIT:
                report(name, f"the example's `{name}:` is {length(value)} characters; a learner may type at most "
                             f"{FIELD_LIMIT}, so keep it shorter", within=example)
        for name in declared:
            if name not in example:
                report("example", f"the example has no value for '{name}'; add `{name}: ...` under `example:`")

    avoid = item.get("avoid")
    if "avoid" in item and (not isinstance(avoid, list) or not avoid
                            or not all(isinstance(a, str) and a.strip() for a in avoid)):
        report("avoid", "`avoid:` must be a non-empty list of mistakes to avoid, each as text")
        avoid = []
    if len(problems) > before:
        return None
    template = Template(id=tid, title=strings["title"], to=item["to"], ask=item["ask"], platform=strings["platform"],
                        limit=limit, when=strings["when"], fields=list(declared), text=text,
                        example={k: v.strip() for k, v in example.items()}, avoid=[a.strip() for a in avoid], line=line)
    if limit and length(template.filled()) > limit:
        report("example", f"the worked example is {length(template.filled())} characters, over the {limit} that "
                        f"`limit:` allows ({template.platform}); shorten the text or the example's values")
        return None
    return template
