"""The message templates' checks, exactly: each mistake in a small file, and the whole list of problems it gives
(file, line, template and message, as the author reads them). Fast: no build."""
import pytest

from macros import messages
from macros.messages import Template, Templates
from macros.problems import CourseError, Problem

FILE = messages.TEMPLATES_FILE

# The line numbers in the cases below count in this file.
BASE = """\
fields:
  their_name:
    label: Their first name
  your_name:
    group: You
    label: Your first name
    hint: How you sign
templates:
  - id: hello
    title: Saying hello
    to: new
    ask: none
    platform: Email
    limit: 20
    when: Any time
    fields: [their_name, your_name]
    text: "Hi {their_name}! {your_name}"
    example:
      their_name: Jo
      your_name: Sam
    avoid:
      - Long texts
"""
SECOND = """\
  - id: bye
    title: Saying goodbye
    to: known
    ask: favour
    platform: Letter
    when: At the end
    fields: [your_name]
    text: "Bye, {your_name}"
    example:
      your_name: Sam
    avoid: [Tears]
"""
HELLO = Template(id="hello", title="Saying hello", to="new", ask="none", platform="Email", limit=20, when="Any time",
                 fields=["their_name", "your_name"], text="Hi {their_name}! {your_name}",
                 example={"their_name": "Jo", "your_name": "Sam"}, avoid=["Long texts"], line=9)
FIELDS = {"their_name": {"group": "Details", "label": "Their first name", "hint": ""},
          "your_name": {"group": "You", "label": "Your first name", "hint": "How you sign"}}


def P(line, message, template="hello"):
    return Problem(FILE, line, message, template)


def changed(*pairs):
    text = BASE
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def problems(text):
    result, found = messages.parse(text)
    assert result is None
    return found


def test_a_good_file_reads_exactly():
    result, found = messages.parse(BASE)
    assert found == []
    assert result == Templates(fields=FIELDS, templates={"hello": HELLO})
    assert list(result.fields) == ["their_name", "your_name"]


def test_text_is_stripped_and_the_limit_is_optional():
    text = changed(('    title: Saying hello', '    title: "  Saying hello "'), ("    limit: 20\n", ""),
                   ("      their_name: Jo", '      their_name: " Jo "'), ("      - Long texts", '      - " Long texts "'),
                   ('    hint: How you sign', '    hint: " How you sign "'), ('    group: You', '    group: " You "'))
    result, found = messages.parse(text)
    assert found == []
    assert result == Templates(fields=FIELDS, templates={"hello": Template(**{**HELLO.__dict__, "limit": 0})})
    assert result.templates["hello"].limit == 0 and result.templates["hello"].limit is not None


def test_two_templates_in_file_order():
    result, found = messages.parse(BASE + SECOND)
    assert found == []
    assert list(result.templates) == ["hello", "bye"]
    assert result.templates["bye"] == Template(id="bye", title="Saying goodbye", to="known", ask="favour",
                                               platform="Letter", limit=0, when="At the end", fields=["your_name"],
                                               text="Bye, {your_name}", example={"your_name": "Sam"},
                                               avoid=["Tears"], line=23)


@pytest.mark.parametrize("limit", ["10", "100000"])
def test_a_limit_up_to_the_worked_example_is_kept(limit):
    result, found = messages.parse(changed(("    limit: 20", f"    limit: {limit}")))
    assert found == [] and result.templates["hello"].limit == int(limit)


@pytest.mark.parametrize("value", ["x" * 200, "\U0001F600" * 100])
def test_an_example_value_of_200_characters_is_allowed(value):
    result, found = messages.parse(changed(("    limit: 20\n", ""), ("      their_name: Jo", f"      their_name: {value}")))
    assert found == [] and result.templates["hello"].example["their_name"] == value


def test_text_of_5000_characters_is_allowed():
    result, found = messages.parse(changed(("    title: Saying hello", "    title: " + "t" * 5000)))
    assert found == [] and result.templates["hello"].title == "t" * 5000


NOT_MAPPING = "the file must be a mapping with `fields:` and `templates:`"
FIELDS_MAP = ("`fields:` must map each detail the learner fills in (like `their_name:`) to its `label:` and an optional "
              "`hint:`")
TEMPLATES_LIST = "`templates:` must be a non-empty list of templates, each starting with `- id:`"
FIELDS_LIST = "`fields:` must list the fields the text uses, like `fields: [their_name, your_name]`"
NOT_IN_FIELDS = "the placeholder {{{}}} is not in this template's `fields:`; add it there or fix the name"
GIVES = "the example gives '{}', which is not in this template's `fields:`; remove it or declare it"
UNUSED = "the field '{0}' is declared but the text never uses it; write {{{0}}} in the text or remove it from `fields:`"
BRACES = "a `{` or `}` in the text is no placeholder; write placeholders as {field_name}, and no other braces"
LIMIT = "`limit:` must be the platform's limit as a whole number of characters (found {})"
FAVOUR = ("a favour (a referral, a job, an introduction) waits for a relationship: send it only to someone you know "
          "well (`to: known`), or make it a learning ask (`ask: learning`)")
ONE_LINE = "the example's `{}:` must be non-empty text on one line"
AVOID = "`avoid:` must be a non-empty list of mistakes to avoid, each as text"
NO_FIELDS_NOR_PLACEHOLDERS = [P(16, FIELDS_LIST), P(17, NOT_IN_FIELDS.format("their_name")),
                              P(17, NOT_IN_FIELDS.format("your_name")), P(19, GIVES.format("their_name")),
                              P(20, GIVES.format("your_name"))]
CASES = {
    "not a mapping": ("- fields\n- templates\n", [Problem(FILE, 1, NOT_MAPPING)]),
    "empty fields and templates": ("fields: {}\ntemplates: []\n", [Problem(FILE, 1, FIELDS_MAP),
                                                                  Problem(FILE, 2, TEMPLATES_LIST)]),
    "templates first": ("templates: {}\nfields: []\n", [Problem(FILE, 2, FIELDS_MAP), Problem(FILE, 1, TEMPLATES_LIST)]),
    "unknown top field": (changed(("templates:\n", "feilds: {}\ntemplates:\n")), [
        Problem(FILE, 8, "unknown field 'feilds' at the top of the file; the fields are: fields, templates")]),
    "bad field name first": (changed(("fields:\n", "fields:\n  Their_Name:\n    label: X\n  7: {label: Y}\n")), [
        Problem(FILE, 2, "the field name 'Their_Name' must be lowercase words joined by underscores, like `their_name`"),
        Problem(FILE, 4, "the field name 7 must be lowercase words joined by underscores, like `their_name`")]),
    "field not a mapping, between two": (changed(("  your_name:\n", "  spare: text\n  your_name:\n")), [
        Problem(FILE, 4, "field 'spare' must be a mapping with `label:` and an optional `hint:` and `group:`")]),
    "unknown key in a field": (changed(("    label: Their first name\n", "    lable: X\n    label: Their first name\n")), [
        Problem(FILE, 3, "unknown field 'lable' in field 'their_name'; the fields are: group, label, hint")]),
    "label missing": (changed(("    label: Their first name\n", "    hint: X\n")), [
        Problem(FILE, 3, "`label:` is missing; add it as non-empty text")]),
    "label a number": (changed(("    label: Their first name", "    label: 5")), [
        Problem(FILE, 3, "`label:` must be non-empty text; quote it if YAML reads it as something else")]),
    "empty group": (changed(("    group: You", '    group: " "')), [
        Problem(FILE, 5, "`group:` must be non-empty text; quote it if YAML reads it as something else")]),
    "label with a direction control": (changed(("    label: Their first name", "    label: Their \u202efirst name")), [
        Problem(FILE, 3, "`label:` contains an invisible text-direction control character; delete it")]),
    "hint too long": (changed(("    hint: How you sign", "    hint: " + "h" * 5001)), [
        Problem(FILE, 7, "`hint:` is 5001 characters long; keep it under 5000")]),
    "title with a direction control": (changed(("    title: Saying hello", "    title: Saying \u2066hello")), [
        P(10, "`title:` contains an invisible text-direction control character; delete it")]),
    "title too long": (changed(("    title: Saying hello", "    title: " + "t" * 5001)), [
        P(10, "`title:` is 5001 characters long; keep it under 5000")]),
    "empty title": (changed(("    title: Saying hello", '    title: ""')), [
        P(10, "`title:` must be non-empty text; quote it if YAML reads it as something else")]),
    "a field no template uses": (changed(("templates:\n", "  spare:\n    label: Spare\ntemplates:\n")), [
        Problem(FILE, 8, "no template uses the field 'spare'; use it as {spare} or remove it")]),
    "a bad template hides unused fields": (changed(("templates:\n", "  spare:\n    label: Spare\ntemplates:\n  - oops\n")), [
        Problem(FILE, 11, "each template must be a mapping starting with `- id:`")]),
    "a bad template does not stop the next": ("fields:\n  your_name: {label: You}\ntemplates:\n  - oops\n" + SECOND.replace(
        "id: bye", "id: Bye"), [Problem(FILE, 4, "each template must be a mapping starting with `- id:`"),
                                Problem(FILE, 5, "`id:` is missing or not lowercase words joined by hyphens (like "
                                                 "`thank-you-after-chat`); add one", "Bye")]),
    "duplicate ids": (BASE + SECOND.replace("id: bye", "id: hello") + SECOND.replace("to: known", "to: stranger"), [
        P(23, "the id is already used on line 9; give each template its own id"),
        P(36, "`to:` must be one of new, met, known (found 'stranger')", "bye")]),
    "no id": (changed(("  - id: hello\n    title: Saying hello", "  - title: Saying hello")), [
        P(9, "`id:` is missing or not lowercase words joined by hyphens (like `thank-you-after-chat`); add one",
          "(no id)"), P(9, "`id:` is missing; add it", "(no id)")]),
    "bad id after the title": (changed(("  - id: hello\n    title: Saying hello", "  - title: Saying hello\n    id: Hello_There")), [
        P(10, "`id:` is missing or not lowercase words joined by hyphens (like `thank-you-after-chat`); add one",
          "Hello_There")]),
    "unknown key in a template": (changed(("    when: Any time", "    when: Any time\n    wehn: X")), [
        P(16, "unknown field 'wehn' in a template; the fields are: id, title, to, ask, platform, limit, when, fields, "
              "text, example, avoid")]),
    "platform missing": (changed(("    platform: Email\n", "")), [P(9, "`platform:` is missing; add it")]),
    "fields missing": (changed(("    fields: [their_name, your_name]\n", "")), [
        P(9, FIELDS_LIST), P(16, NOT_IN_FIELDS.format("their_name")), P(16, NOT_IN_FIELDS.format("your_name")),
        P(18, GIVES.format("their_name")), P(19, GIVES.format("your_name"))]),
    "fields empty": (changed(("    fields: [their_name, your_name]", "    fields: []")), NO_FIELDS_NOR_PLACEHOLDERS),
    "fields one text": (changed(("    fields: [their_name, your_name]", "    fields: their_name")),
                        NO_FIELDS_NOR_PLACEHOLDERS),
    "fields with a number": (changed(("    fields: [their_name, your_name]", "    fields: [their_name, 3]")),
                             NO_FIELDS_NOR_PLACEHOLDERS),
    "a field the file lacks": (changed(("    fields: [their_name, your_name]", "    fields: [their_name, your_name, nobody]")), [
        P(16, "'nobody' is no field of the file; declare it under the top `fields:` or use one of: their_name, "
              "your_name"), P(18, "the example has no value for 'nobody'; add `nobody: ...` under `example:`")]),
    "a field twice": (changed(("    fields: [their_name, your_name]", "    fields: [their_name, your_name, your_name]")), [
        P(16, "`fields:` lists a field twice; list each once")]),
    "to unknown": (changed(("    to: new", "    to: stranger")), [
        P(11, "`to:` must be one of new, met, known (found 'stranger')")]),
    "ask unknown": (changed(("    ask: none", "    ask: lots")), [
        P(12, "`ask:` must be one of none, learning, favour (found 'lots')")]),
    "a favour of someone new": (changed(("    ask: none", "    ask: favour")), [P(12, FAVOUR)]),
    "a favour of someone met": (changed(("    to: new\n    ask: none", "    to: met\n    ask: favour")), [P(12, FAVOUR)]),
    "limit true": (changed(("    limit: 20", "    limit: true")), [P(14, LIMIT.format("True"))]),
    "limit zero": (changed(("    limit: 20", "    limit: 0")), [P(14, LIMIT.format("0"))]),
    "limit too high": (changed(("    limit: 20", "    limit: 100001")), [P(14, LIMIT.format("100001"))]),
    "limit text": (changed(("    limit: 20", "    limit: lots")), [P(14, LIMIT.format("'lots'"))]),
    "example over a limit of 1": (changed(("    limit: 20", "    limit: 1")), [
        P(18, "the worked example is 10 characters, over the 1 that `limit:` allows (Email); shorten the text or "
              "the example's values")]),
    "example over its limit by one": (changed(("    limit: 20", "    limit: 9")), [
        P(18, "the worked example is 10 characters, over the 9 that `limit:` allows (Email); shorten the text or "
              "the example's values")]),
    "text missing": (changed(('    text: "Hi {their_name}! {your_name}"\n', "")), [
        P(9, "`text:` is missing; add it"), P(16, UNUSED.format("their_name")), P(16, UNUSED.format("your_name"))]),
    "a lone opening brace": (changed(("{your_name}\"", "{your_name} {\"")), [P(17, BRACES)]),
    "a lone closing brace": (changed(("{your_name}\"", "{your_name} }\"")), [P(17, BRACES)]),
    "a placeholder in capitals": (changed(("{your_name}\"", "{Your_Name}\"")), [P(17, BRACES),
                                                                              P(16, UNUSED.format("your_name"))]),
    "a misspelt placeholder twice": (changed(("{your_name}\"", "{your_nmae} {your_nmae}\"")), [
        P(17, NOT_IN_FIELDS.format("your_nmae")), P(16, UNUSED.format("your_name"))]),
    "example missing": (changed(("    example:\n      their_name: Jo\n      your_name: Sam\n", "")), [
        P(9, "`example:` is missing; add the worked example: a value for each of the template's fields")]),
    "example not a mapping": (changed(("    example:\n      their_name: Jo\n      your_name: Sam\n", "    example: Jo\n")), [
        P(18, "`example:` must map each of the template's fields to its value in the worked example")]),
    "example with a field it lacks": (changed(("      your_name: Sam\n", "      your_name: Sam\n      where: Cafe\n")), [
        P(21, GIVES.format("where"))]),
    "example value blank": (changed(("      your_name: Sam", '      your_name: "  "')), [P(20, ONE_LINE.format("your_name"))]),
    "example value a number": (changed(("      their_name: Jo", "      their_name: 5")), [P(19, ONE_LINE.format("their_name"))]),
    "example value on two lines": (changed(("      their_name: Jo", '      their_name: "Jo\\nX"')), [
        P(19, ONE_LINE.format("their_name"))]),
    "example value too long": (changed(("    limit: 20\n", ""), ("      your_name: Sam", "      your_name: " + "\U0001F600" * 100 + "x")), [
        P(19, "the example's `your_name:` is 201 characters; a learner may type at most 200, so keep it shorter")]),
    "example value missing": (changed(("      your_name: Sam\n", "")), [
        P(18, "the example has no value for 'your_name'; add `your_name: ...` under `example:`")]),
    "avoid missing": (changed(("    avoid:\n      - Long texts\n", "")), [P(9, "`avoid:` is missing; add it")]),
    "avoid one text": (changed(("    avoid:\n      - Long texts\n", "    avoid: Long texts\n")), [P(21, AVOID)]),
    "avoid empty": (changed(("    avoid:\n      - Long texts\n", "    avoid: []\n")), [P(21, AVOID)]),
    "avoid blank": (changed(("      - Long texts", '      - " "')), [P(21, AVOID)]),
    "avoid a number": (changed(("      - Long texts", "      - 3")), [P(21, AVOID)]),
}


@pytest.mark.parametrize("name", CASES)
def test_each_mistake_gives_exactly_its_problems(name):
    text, expected = CASES[name]
    assert problems(text) == expected


def test_yaml_problems_are_returned_as_they_are():
    assert problems("fields:\n\tyour_name: {}\n") == [
        Problem(FILE, 2, "the line is indented with a tab; YAML needs spaces: replace the tab with spaces")]


# ---- Filling in a template, and counting characters ---------------------------------------------------------------

def test_filled_uses_the_example_the_values_or_the_blank():
    assert HELLO.filled() == "Hi Jo! Sam"
    assert HELLO.filled({"their_name": "Ann"}) == "Hi Ann! {your_name}"
    assert HELLO.filled({"their_name": "", "your_name": "Max"}) == "Hi {their_name}! Max"
    assert HELLO.filled({}, blank=lambda name: f"[{name.upper()}]") == "Hi [THEIR_NAME]! [YOUR_NAME]"


def test_length_counts_as_a_text_box_does():
    assert messages.length("a\r\nb\rc\nd") == 7
    assert messages.length("\U0001F600é") == 3


# ---- Reading the file and the pages that call it ------------------------------------------------------------------

def project(tmp_path, templates=BASE + SECOND, pages=None):
    (tmp_path / "toolkit").mkdir(parents=True)
    if templates is not None:
        (tmp_path / FILE).write_bytes(templates if isinstance(templates, bytes) else templates.encode("utf-8"))
    for name, content in (pages or {}).items():
        page = tmp_path / "docs" / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return tmp_path


def load_problems(root):
    with pytest.raises(CourseError) as error:
        messages.load(root)
    return error.value.problems


def test_load_reads_the_file_and_checks_every_page(tmp_path):
    root = project(tmp_path, pages={
        "0-unreadable.md": b"\xff\xfe not text",
        "a.md": "# A\n\n{{ message_template('hello') }} and {{ message_template( \"nope\" ) }}\n",
        "sub/b.md": "Text\n{{ message_template('bye') }}\n{{ message_template('gone') }}\n",
        "notes.txt": "{{ message_template('ignored') }}\n",
        "C.MD": "{{ message_template('ignored') }}\n"})
    assert load_problems(root) == [
        Problem("docs/a.md", 3, "message_template('nope') names no template in toolkit/templates.yml; use one of: "
                                "hello, bye"),
        Problem("docs/sub/b.md", 3, "message_template('gone') names no template in toolkit/templates.yml; use one of: "
                                    "hello, bye")]
    (root / "docs/a.md").write_text("{{ message_template('hello') }}\n", encoding="utf-8")
    (root / "docs/sub/b.md").unlink()
    found = messages.load(root)
    assert list(found.templates) == ["hello", "bye"] and found.templates["hello"] == HELLO


def test_the_file_and_the_pages_are_read_as_utf8_whatever_the_locale(tmp_path, ascii_locale):
    root = project(tmp_path, templates=BASE + SECOND + "# Café ✓\n",
                   pages={"a.md": "# Café ✓\n\n{{ message_template('nope') }}\n"})
    assert load_problems(root) == [Problem("docs/a.md", 3, "message_template('nope') names no template in "
                                                           "toolkit/templates.yml; use one of: hello, bye")]


def test_load_reports_the_file_s_own_problems_and_not_the_pages(tmp_path):
    root = project(tmp_path, templates=changed(("    to: new", "    to: stranger")),
                   pages={"a.md": "{{ message_template('nope') }}\n"})
    assert load_problems(root) == [P(11, "`to:` must be one of new, met, known (found 'stranger')")]


def test_a_missing_or_unreadable_file(tmp_path):
    assert load_problems(project(tmp_path / "one", templates=None)) == [
        Problem(FILE, 1, "the message templates are missing; create the file with `fields:` and `templates:`")]
    assert load_problems(project(tmp_path / "two", templates=b"fields: \xff\n")) == [
        Problem(FILE, 1, "the file cannot be read as UTF-8 text ('utf-8' codec can't decode byte 0xff in position 8: "
                         "invalid start byte)")]
