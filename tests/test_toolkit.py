"""The message templates: the one source follows the course's rules, every mistake in it is reported as
`file:line: template-id: message` (by the check command and the build, never a traceback), its text is escaped
wherever it is shown, and lessons show the templates rather than copies."""
import json
import re
import shutil
import subprocess
import sys
from html import unescape

import jsonschema
import pytest
import yaml

from conftest import ROOT, mkdocs_build
from macros import messages, toolkit
from macros.problems import CourseError
from test_hostile import Scan
from test_site import copy_project

GOOD = (ROOT / messages.TEMPLATES_FILE).read_text(encoding="utf-8")
FILE = messages.TEMPLATES_FILE


@pytest.fixture(scope="module")
def templates():
    return messages.load(ROOT)


def line_of(text, needle):
    return text[:text.index(needle)].count("\n") + 1


# ---- The templates themselves -------------------------------------------------------------------------------

def test_the_templates_cover_what_a_learner_sends(templates):
    assert len(templates.templates) >= 8
    assert {"linkedin-connection-note", "informational-interview-request", "thank-you-after-chat",
            "follow-up-after-event", "introduction-offer", "introduction", "referral-request", "reconnect",
            "offer-help"} <= set(templates.templates)
    note = templates.templates["linkedin-connection-note"]
    assert note.limit == 300 and "LinkedIn" in note.platform
    for template in templates.templates.values():
        assert template.when and template.avoid and template.example and template.fields, template.id
        assert set(template.example) == set(template.fields) == set(messages.PLACEHOLDER.findall(template.text))
        if template.limit:
            assert messages.length(template.filled()) <= template.limit, template.id


def test_favours_wait_for_a_relationship(templates):
    """The first-contact rule: a learning ask may go to anyone; a favour only to someone the learner knows well."""
    by_id = templates.templates
    assert (by_id["referral-request"].to, by_id["referral-request"].ask) == ("known", "favour")
    assert [t.id for t in by_id.values() if t.ask == "favour"] == ["referral-request"]
    for template in by_id.values():
        if template.to in ("new", "met"):
            assert template.ask in ("none", "learning"), template.id
            assert not re.search(r"\b(refer|referral|job opening|hire)\b", template.text, re.I), template.id
    assert by_id["informational-interview-request"].ask == "learning"


def test_the_page_limits_are_published_for_import(templates):
    assert templates.limits() == {"fields": {name: 200 for name in templates.fields}}
    assert "their_name" in templates.fields and "your_name" in templates.fields


def test_the_file_documents_itself():
    assert "# Message templates: the one source" in GOOD.split("\n", 2)[1]


# ---- Mistakes are reported with file, line and template ------------------------------------------------------

def with_key(template_id, key_line, added):
    """GOOD with `added` (lines of YAML) inserted after the line `key_line` of template template_id."""
    start = GOOD.index(f"  - id: {template_id}\n")
    at = GOOD.index(key_line + "\n", start) + len(key_line) + 1
    return GOOD[:at] + added + GOOD[at:]


def without_example(template_id):
    start = GOOD.index(f"  - id: {template_id}\n")
    begin = GOOD.index("    example:\n", start)
    end = GOOD.index("    avoid:\n", begin)
    return GOOD[:begin] + GOOD[end:]


# 180 characters: under the 200 a learner may type, but the note becomes 303 characters, over LinkedIn's 300.
LONG_TOPIC = ("how your team built the accessibility checker, tested it with screen readers on every page, and taught the "
              "company to write alt text that really helps people who listen to the web")
CASES = {
    "unknown field": (
        lambda: with_key("thank-you-after-chat", "    ask: none", "    wehn: The day after.\n"),
        "    wehn: The day after.", "thank-you-after-chat",
        "unknown field 'wehn' in a template; the fields are: id, title, to, ask, platform, limit, when, fields, text, "
        "example, avoid"),
    "unknown placeholder": (
        lambda: GOOD.replace("you're too busy. Thanks either way!\n\n      {your_name}",
                             "you're too busy. Thanks either way!\n\n      {your_nmae}"),
        "    text: |-\n      Hi {their_name},\n\n      I enjoyed {their_work}", "first-question",
        "the placeholder {your_nmae} is not in this template's `fields:`; add it there or fix the name"),
    "example over its limit": (
        lambda: GOOD.replace("      talked_about: how your team built the accessibility checker\n      your_name: Sam",
                             f"      talked_about: {LONG_TOPIC}\n      your_name: Sam"),
        "    example:\n      their_name: Priya", "linkedin-connection-note",
        "the worked example is 303 characters, over the 300 that `limit:` allows (LinkedIn connection request); "
        "shorten the text or the example's values"),
    "duplicate id": (
        lambda: GOOD.replace("  - id: reconnect\n", "  - id: offer-help\n"),
        "  - id: offer-help\n    title: Offering help", "offer-help",
        "the id is already used on line <first>; give each template its own id"),
    "missing example": (
        lambda: without_example("introduction"),
        "  - id: introduction\n", "introduction",
        "`example:` is missing; add the worked example: a value for each of the template's fields"),
}


def expected(name, text):
    make, needle, template_id, message = CASES[name]
    line = line_of(text, needle)
    first = line_of(text, "  - id: offer-help\n")
    return f"{FILE}:{line}: {template_id}: {message.replace('<first>', str(first))}"


@pytest.mark.parametrize("name", CASES)
def test_a_bad_file_names_file_line_template_and_fix(name):
    text = CASES[name][0]()
    assert text != GOOD
    result, problems = messages.parse(text)
    assert result is None
    assert expected(name, text) in [str(p) for p in problems], problems


@pytest.mark.parametrize("old, new, needle, message", [
    ("  - id: referral-request\n    title: Asking someone you know for a referral\n    to: known",
     "  - id: referral-request\n    title: Asking someone you know for a referral\n    to: met",
     "    ask: favour", "a favour (a referral, a job, an introduction) waits for a relationship"),
    ("    fields: [their_name, learned, your_name]", "    fields: [their_name, learned, your_name, where_met]",
     "    fields: [their_name, learned, your_name, where_met]", "the field 'where_met' is declared but the text never uses it"),
    ("    fields: [their_name, learned, your_name]", "    fields: [their_name, learnt, your_name]",
     "    fields: [their_name, learnt, your_name]", "'learnt' is no field of the file"),
    ("      learned: your tip to write a short test plan before touching any code\n",
     "      learned: your tip to write a short test plan before touching any code\n      where_met: the cafe\n",
     "      where_met: the cafe", "the example gives 'where_met', which is not in this template's `fields:`"),
    ("      learned: your tip to write a short test plan before touching any code\n", "",
     "    example:\n      their_name: Jo", "the example has no value for 'learned'"),
    ("I'd love to stay in touch. {your_name}", "I'd love to stay in touch. {Your_Name}",
     "    text: >-\n      Hi {their_name}, it was great meeting you", "a `{` or `}` in the text is no placeholder"),
    ("    limit: 300", "    limit: lots", "    limit: lots", "`limit:` must be the platform's limit as a whole number"),
    ("    to: met\n    ask: none\n    platform: LinkedIn", "    to: stranger\n    ask: none\n    platform: LinkedIn",
     "    to: stranger", "`to:` must be one of new, met, known"),
    ("  your_offer:\n    group: You\n", "  your_offer:\n    group: You\n    lable: x\n", "    lable: x",
     "unknown field 'lable' in field 'your_offer'"),
    ("  why_fit:\n", "  unused_detail:\n    label: Never used\n  why_fit:\n", "  unused_detail:",
     "no template uses the field 'unused_detail'"),
    ("fields:\n  your_name:", "feilds: {}\nfields:\n  your_name:", "feilds: {}", "unknown field 'feilds' at the top"),
    ("    title: Offering help\n", "    title: Offering help\n    title: Helping\n", "    title: Helping",
     "the key 'title' appears twice"),
])
def test_more_mistakes_each_with_its_line(old, new, needle, message):
    text = GOOD.replace(old, new, 1)
    assert text != GOOD
    result, problems = messages.parse(text)
    assert result is None
    line = line_of(text, needle)
    assert any(p.file == FILE and p.line == line and message in p.message for p in problems), \
        f"expected line {line}: {message}\n" + "\n".join(map(str, problems))


def test_yaml_that_does_not_parse_or_a_missing_file(tmp_path):
    (tmp_path / "toolkit").mkdir()
    (tmp_path / FILE).write_text("fields:\n\tyour_name: {}\n", encoding="utf-8")
    with pytest.raises(CourseError) as error:
        messages.load(tmp_path)
    assert str(error.value).startswith(f"{FILE}:2: the line is indented with a tab")
    with pytest.raises(CourseError, match="the message templates are missing"):
        messages.load(tmp_path / "nowhere")


def all_five():
    """One file with the five mistakes of CASES, each in a template of its own."""
    text = GOOD
    text = text.replace("    ask: none\n    platform: Email or LinkedIn message\n    when: >-\n      On the day of",
                        "    ask: none\n    wehn: The day after.\n    platform: Email or LinkedIn message\n    when: >-\n"
                        "      On the day of", 1)
    text = text.replace("you're too busy. Thanks either way!\n\n      {your_name}", "you're too busy. Thanks either way!\n\n      {your_nmae}")
    text = text.replace("      talked_about: how your team built the accessibility checker\n      your_name: Sam",
                        f"      talked_about: {LONG_TOPIC}\n      your_name: Sam")
    text = text.replace("  - id: reconnect\n", "  - id: offer-help\n")
    start = text.index("  - id: introduction\n")
    begin = text.index("    example:\n", start)
    return text[:begin] + text[text.index("    avoid:\n", begin):]


def test_the_check_command_reports_every_mistake_at_once(tmp_path):
    project = copy_project(tmp_path)
    bad = all_five()
    (project / FILE).write_text(bad, encoding="utf-8")
    plan = project / "plan/networking-plan.yml"  # a mistake in another file is reported in the same run
    plan_text = plan.read_text(encoding="utf-8").replace("  day: tuesday", "  day: someday")
    plan.write_text(plan_text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.check", str(project)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"plan/networking-plan.yml:{line_of(plan_text, '  day: someday')}: `day:`") for line in lines)
    for name in ("unknown field", "unknown placeholder", "example over its limit", "duplicate id"):
        assert expected(name, bad) in lines, (name, result.stderr)
    missing = f"{FILE}:{line_of(bad, '  - id: introduction' + chr(10))}: introduction: " + CASES["missing example"][3]
    assert missing in lines, result.stderr


def test_the_check_command_finds_a_lesson_calling_a_template_that_is_not_there(tmp_path):
    project = copy_project(tmp_path)
    lesson = project / "docs/lessons/in-person.md"
    text = lesson.read_text(encoding="utf-8").replace('message_template("linkedin-connection-note")',
                                                       'message_template("linkedin-note")')
    lesson.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.check", str(project)], capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = line_of(text, 'message_template("linkedin-note")')
    assert result.stderr.startswith(f"docs/lessons/in-person.md:{line}: message_template('linkedin-note') names no "
                                    f"template in {FILE}; use one of: linkedin-connection-note, first-question,"), result.stderr


def test_a_bad_file_stops_the_build_cleanly(tmp_path):
    project = copy_project(tmp_path)
    bad = all_five()
    (project / FILE).write_text(bad, encoding="utf-8")
    site_dir = tmp_path / "out"
    result = mkdocs_build(project / "mkdocs.yml", site_dir, cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for name in CASES:
        if name != "missing example":
            assert re.search(r"ERROR\s+-\s+" + re.escape(expected(name, bad)), output), (name, output)
    assert not site_dir.exists() or not any(site_dir.iterdir()), "a half-built site was written"


def test_the_check_command_passes_and_counts_the_templates(templates):
    result = subprocess.run([sys.executable, "-m", "macros.check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"{len(templates.templates)} message templates: no problems" in result.stdout


# ---- The schema editors use -------------------------------------------------------------------------------------

SCHEMA = json.loads((ROOT / "toolkit/schema.json").read_text(encoding="utf-8"))


def test_the_schema_accepts_the_file_and_knows_exactly_its_fields():
    jsonschema.validate(yaml.safe_load(GOOD), SCHEMA)
    assert set(SCHEMA["$defs"]["template"]["properties"]) == set(messages.TEMPLATE_FIELDS)
    assert set(SCHEMA["properties"]["fields"]["additionalProperties"]["properties"]) == set(messages.FIELD_KEYS)
    assert GOOD.startswith("# yaml-language-server: $schema=schema.json\n")


@pytest.mark.parametrize("old, new", [
    ("    ask: none\n    platform: Email or LinkedIn message\n    when: >-\n      On the day",
     "    ask: none\n    wehn: x\n    platform: Email or LinkedIn message\n    when: >-\n      On the day"),
    ("  - id: referral-request\n    title: Asking someone you know for a referral\n    to: known",
     "  - id: referral-request\n    title: Asking someone you know for a referral\n    to: new"),
    ("    limit: 300", "    limit: three hundred"),
])
def test_the_schema_rejects_mistakes(old, new):
    text = GOOD.replace(old, new, 1)
    assert text != GOOD
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(text), SCHEMA)


# ---- Counting characters as the browser does ----------------------------------------------------------------

COUNTED = ["Hello", "caf\u00e9", "cafe\u0301", "\U0001F44B hi", "a\r\nb", "line\nbreak", "\u00e7a va \U0001F1EB\U0001F1F7", ""]


def test_python_and_the_page_script_count_alike():
    node = shutil.which("node")
    if not node:
        pytest.skip("needs Node.js: apt-get install -y nodejs")
    script = ("const T = require('./docs/assets/lib/templates.js');"
              "process.stdout.write(JSON.stringify(JSON.parse(process.argv[1]).map(T.count)))")
    result = subprocess.run([node, "-e", script, json.dumps(COUNTED)], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [messages.length(text) for text in COUNTED] == [5, 4, 5, 5, 3, 10, 10, 0]


def test_python_and_the_page_script_read_placeholders_alike():
    script = (ROOT / "docs/assets/lib/templates.js").read_text(encoding="utf-8")
    assert f"/{messages.PLACEHOLDER.pattern}/g" in script


# ---- HTML: escaped everywhere ------------------------------------------------------------------------------------

HOSTILE = '<script>alert("pwned")</script> " onmouseover="x {{ 7*7 }}'


def hostile_templates():
    data = yaml.safe_load(GOOD)
    template = data["templates"][0]
    for key in ("title", "when", "platform"):
        template[key] = HOSTILE
    template["avoid"] = [HOSTILE]
    # Braces other than placeholders are refused in a text, so the text carries the rest of the payload.
    template["text"] = "Hi {their_name}, " + HOSTILE.split(" {{")[0] + " {where_met} {talked_about} {your_name}"
    template["example"]["their_name"] = '<img src=x onerror="alert(1)">'
    data["fields"]["their_name"]["label"] = HOSTILE
    result, problems = messages.parse(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert not problems, problems
    return result


def test_template_text_is_escaped_in_every_rendering():
    found = hostile_templates()
    template = next(iter(found.templates.values()))
    for html in (toolkit.block(template, found.fields), toolkit.card(template, found.fields, "../toolkit/templates/"),
                 toolkit.card(template, found.fields, "x/", show="template"), toolkit.form(found)):
        scan = Scan()
        scan.feed(html)
        assert not scan.bad and "<script" not in html and "<img" not in html, html
    block = toolkit.block(template, found.fields)
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in block
    data = json.loads(unescape(re.search(r'data-template="([^"]*)"', block).group(1)))
    assert data["text"] == template.text and data["limit"] == 300
    markdown = toolkit.page(found, lambda html: "<!-- block -->")
    assert markdown.startswith("## &lt;script&gt;alert\\(\"pwned\"\\)&lt;/script&gt; \" onmouseover=\"x \\{\\{ 7\\*7 \\}\\} { #")


def test_blanks_read_as_words_in_brackets(templates):
    note = templates.templates["linkedin-connection-note"]
    html = toolkit.text_html(note, templates.fields)
    text = re.sub(r"<[^>]+>", "", unescape(html))
    assert text == ("Hi [their first name], it was great meeting you at [where you met]. I enjoyed hearing about "
                    "[what you talked about]. I'd love to stay in touch. [your first name]")
    assert toolkit.slot_label("LinkedIn name") == "[LinkedIn name]" and toolkit.slot_label("Where") == "[where]"


# ---- The built site ------------------------------------------------------------------------------------------------

LESSON_CALLS = {"networking-online": ["first-question", "follow-up-after-event"], "in-person": ["linkedin-connection-note"],
                "what-networking-is": ["informational-interview-request"],
                "authentic-relationships": ["introduction-offer", "introduction"]}


def visible_text(html):
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_lessons_show_the_templates_worked_examples(site, templates):
    for slug, ids in LESSON_CALLS.items():
        source = (ROOT / f"docs/lessons/{slug}.md").read_text(encoding="utf-8")
        html = (site / f"lessons/{slug}/index.html").read_text(encoding="utf-8")
        for template_id in ids:
            assert re.search(rf'^\{{\{{ message_template\("{template_id}"\) \}}\}}$', source, re.M), (slug, template_id)
            card = re.search(rf'<div class="admonition example msg-card" data-msg-card="{template_id}">.*?</a></p></div>',
                             html, re.S)
            assert card, (slug, template_id)
            assert templates.templates[template_id].filled() in visible_text(card.group(0)), (slug, template_id)
            assert f'href="../../toolkit/templates/#{template_id}"' in card.group(0)
        # The example is not typed into the lesson as well.
        for template_id in ids:
            assert templates.templates[template_id].example["their_name"] + "," not in source.replace("{{", ""), slug


def test_the_templates_page_shows_every_template_with_its_blanks(site, templates):
    html = (site / "toolkit/templates/index.html").read_text(encoding="utf-8")
    for template in templates.templates.values():
        assert re.search(rf'<h2 id="{template.id}">', html), template.id
        block = re.search(rf'<div class="msg" data-msg="{template.id}".*?</ul></div>', html, re.S).group(0)
        live = re.search(r'<div class="msg-text msg-live"[^>]*>(.*?)</div>', block, re.S).group(1)
        blanks = {name: toolkit.slot_label(templates.fields[name]["label"]) for name in template.fields}
        assert visible_text(live) == template.filled(values={}, blank=blanks.get)
        assert template.filled() in visible_text(block), "the worked example"
        assert '<div class="msg-tools" hidden>' in block
    assert html.count('<input id="msg-field-') == len(templates.fields)
    assert '<form class="msg-form" id="msg-details-form" method="dialog" autocomplete="off" data-field-limit="200" hidden>' in html


def test_every_page_publishes_the_toolkit_limits(site, templates):
    for page in ("index.html", "toolkit/templates/index.html", "lessons/in-person/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        meta = re.search(r'<meta name="course-toolkit-limits" content="([^"]*)">', html)
        assert meta and json.loads(unescape(meta.group(1))) == templates.limits(), page


def test_both_editions_list_the_toolkit():
    from macros.course import nav_of

    for config in ("mkdocs.yml", "mkdocs.instructor.yml"):
        nav = nav_of(ROOT / config)
        toolkit_section = next(item["Toolkit"] for item in nav if isinstance(item, dict) and "Toolkit" in item)
        assert toolkit_section[0] == "toolkit/templates.md", config


def test_the_interview_kit_agenda_adds_up_to_its_heading(site):
    html = (site / "worksheets/interview-kit/index.html").read_text(encoding="utf-8")
    table = re.search(r'<div class="kit-agenda">.*?</table>', html, re.S).group(0)
    minutes = [int(cell) for cell in re.findall(r"<tr>\s*<td>(\d+)</td>", table)]
    heading = re.search(r'<h2 id="[^"]*">The agenda: (\d+) minutes', html)
    assert len(minutes) >= 4 and sum(minutes) == int(heading.group(1))
    assert 15 <= sum(minutes) <= 20, "an informational interview takes 15 to 20 minutes"
    # The questions come from the lesson's one list, and the thank-you from the templates.
    assert html.count('<ul class="worksheet-list worksheet-ticks">') == 2
    assert 'data-msg-card="thank-you-after-chat"' in html and "[one thing you learned]" in html
