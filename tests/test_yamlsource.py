"""Reading YAML (macros/yamlsource.py): what an author is told when a file does not parse, exactly."""
import yaml

from macros import yamlsource
from macros.problems import Problem

HINT = "check the indentation and quote text that contains ': ' or starts with a special character"
TAB = "the line is indented with a tab; YAML needs spaces: replace the tab with spaces"


class Mistake(Exception):
    """A parser error as PyYAML gives it: its own text in `problem`, and more (the place) in str()."""

    def __init__(self, problem):
        super().__init__(f"{problem}, in <unicode string>, line 3, column 1")
        self.problem = problem


def test_a_syntax_error_gives_the_parsers_own_words_and_what_to_check():
    assert yamlsource.load("a: b: c\n", "f.yml") == (None, [Problem(
        "f.yml", 1, f"the YAML does not parse (mapping values are not allowed in this context); {HINT}")])
    assert yamlsource.load("a: [1, 2\n", "f.yml") == (None, [Problem(
        "f.yml", 2, f"the YAML does not parse (did not find expected ',' or ']'); {HINT}")])
    assert yamlsource._describe_syntax_error(Mistake("something odd")) == f"the YAML does not parse (something odd); {HINT}"
    assert yamlsource._describe_syntax_error(ValueError("plain error")) == f"the YAML does not parse (plain error); {HINT}"


def test_a_tab_is_named_whether_the_parser_or_the_line_shows_it():
    assert yamlsource.load("a: 1\n\tb: 2\n", "f.yml") == (None, [Problem("f.yml", 2, TAB)])
    assert yamlsource._describe_syntax_error(Mistake("found character '\\t' that cannot start any token")) == TAB
    assert yamlsource._describe_syntax_error(Mistake("found a tab character that violates indentation")) == TAB
    assert yamlsource._describe_syntax_error(Mistake("something odd"), "\t  key: value") == TAB
    # A tab after the indentation is not an indentation problem.
    assert yamlsource._describe_syntax_error(Mistake("something odd"), "  key:\tvalue") == (
        f"the YAML does not parse (something odd); {HINT}")


def test_a_real_parser_error_is_described_by_its_problem_alone_not_its_place():
    # PyYAML's own parser (the course reads with libyaml's where it can, whose wording differs).
    try:
        yaml.load("a: b: c\n", Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        assert yamlsource._describe_syntax_error(error) == (
            f"the YAML does not parse (mapping values are not allowed here); {HINT}")
    else:
        raise AssertionError("the YAML parsed")


def test_a_control_character_is_not_called_a_tab():
    # libyaml's "unacceptable character" holds the letters t, a, b.
    assert yamlsource.load("a: \x01\n", "f.yml") == (None, [Problem("f.yml", 1, (
        "the YAML does not parse (unacceptable character #x0001: control characters are not allowed\n"
        f"  in \"<unicode string>\", position 3); {HINT}"))])
    assert yamlsource._describe_syntax_error(Mistake("a notable table")) == f"the YAML does not parse (a notable table); {HINT}"


def test_every_mapping_and_list_knows_its_line_and_the_lines_of_its_keys_and_items():
    text = "# a comment\n\nname: x\nparts:\n  first: [a, b]\n  second:\n    - 1\n\n    - {k: v}\n    - - deep\n"
    data, problems = yamlsource.load(text, "f.yml")
    assert problems == []
    assert data == {"name": "x", "parts": {"first": ["a", "b"], "second": [1, {"k": "v"}, ["deep"]]}}
    assert type(data) is yamlsource.Mapping and type(data["parts"]["second"]) is yamlsource.Sequence
    assert (data.line, data.key_lines) == (3, {"name": 3, "parts": 4})
    parts = data["parts"]
    assert (parts.line, parts.key_lines) == (5, {"first": 5, "second": 6})
    assert (parts["first"].line, parts["first"].item_lines) == (5, [5, 5])
    assert (parts["second"].line, parts["second"].item_lines) == (7, [7, 9, 10])
    assert (parts["second"][1].line, parts["second"][1].key_lines) == (9, {"k": 9})
    assert (parts["second"][2].line, parts["second"][2].item_lines) == (10, [10])
    assert yamlsource.line_of(parts, "second") == 6 and yamlsource.line_of(parts, "third") == 5
    assert yamlsource.item_lines(parts["second"]) == [7, 9, 10]


def test_a_list_or_mapping_not_read_here_has_line_1_or_its_own():
    assert yamlsource.line_of({"a": 1}, "a") == 1 and yamlsource.line_of(None, "a") == 1
    assert yamlsource.item_lines(["a", "b"]) == [1, 1] and yamlsource.item_lines([]) == []
    listed = yamlsource.Sequence(["a", "b", "c"])
    listed.line = 7
    assert yamlsource.item_lines(listed) == [7, 7, 7]
    listed.item_lines = [7, 8]  # a list changed after it was read: its lines no longer fit
    assert yamlsource.item_lines(listed) == [7, 7, 7]
    listed.item_lines = [7, 8, 9]
    assert yamlsource.item_lines(listed) == [7, 8, 9]


def test_nothing_to_read_is_none_without_a_problem():
    assert yamlsource.load("", "f.yml") == (None, [])
    assert yamlsource.load("# only a comment\n", "f.yml") == (None, [])
    assert yamlsource.load("plain\n", "f.yml") == ("plain", [])


def test_a_key_twice_keeps_the_first_and_names_both_lines():
    data, problems = yamlsource.load("a: 1\nb: 2\n\na: 3\n", "f.yml")
    assert data == {"a": 1, "b": 2} and data.key_lines == {"a": 1, "b": 2}
    assert problems == [Problem("f.yml", 4, "the key 'a' appears twice in the same mapping (first on line 1); keep one")]


def test_a_key_that_is_a_list_or_mapping_is_refused_and_the_rest_read():
    data, problems = yamlsource.load("x: 0\n? [a, b]\n: 1\n? {c: d}\n: 2\ny: 3\n", "f.yml")
    assert data == {"x": 0, "y": 3} and data.key_lines == {"x": 1, "y": 6}
    assert problems == [Problem("f.yml", 2, "a key must be a plain word, not a list or mapping"),
                        Problem("f.yml", 4, "a key must be a plain word, not a list or mapping")]


ALIAS = ("this list or mapping is repeated elsewhere with a YAML alias (`*name`); write it out in full where it is "
         "needed")


def test_an_alias_of_a_list_or_mapping_is_named_once_and_left_empty():
    data, problems = yamlsource.load("a:\n  - 1\n  - &x [2]\n  - *x\n  - *x\nb: *x\nc: &m {k: v}\nd: *m\n", "f.yml")
    assert data == {"a": [1, [2], [], []], "b": [], "c": {"k": "v"}, "d": {}}
    assert type(data["b"]) is yamlsource.Sequence and type(data["d"]) is yamlsource.Mapping
    assert problems == [Problem("f.yml", 3, ALIAS), Problem("f.yml", 7, ALIAS)]


def test_an_alias_of_plain_text_is_the_text():
    assert yamlsource.load("a: &s text\nb: *s\n", "f.yml") == ({"a": "text", "b": "text"}, [])


def test_nesting_is_refused_past_100_levels_on_the_line_where_it_goes_too_deep():
    deep = "[" * 99 + "]" * 99  # in the file's own mapping: 100 levels
    data, problems = yamlsource.load(f"a: 1\nb: {deep}\nc: {deep}\n", "f.yml")
    assert problems == [] and data["c"] == data["b"]
    inner = data["b"]
    for _ in range(98):
        (inner,) = inner
    assert inner == []
    too_deep = "lists and mappings nest more than 100 levels deep here; a course file needs a few: write the values out flat"
    assert yamlsource.load("a: 1\nb: {x: " + "[" * 99 + "]" * 99 + "}\n", "f.yml") == (None, [Problem("f.yml", 2, too_deep)])
    assert yamlsource.load("a: 1\nb:\n  " + "[" * 101 + "]" * 101 + "\n", "f.yml") == (None, [Problem("f.yml", 3, too_deep)])
    assert yamlsource._too_deep("a: b: c\n") is None


VALUE = "write plain text, numbers, lists and mappings"


def test_a_value_that_cannot_be_read_is_named_without_a_traceback():
    assert yamlsource.load("# c\n\na: 1\nb: !!bool maybe\n", "f.yml") == (None, [Problem(
        "f.yml", 3, f"this value cannot be read ('maybe'); {VALUE}")])
    assert yamlsource.load("# c\n\n- !!timestamp soon\n", "f.yml") == (None, [Problem(
        "f.yml", 3, f"this value cannot be read ('NoneType' object has no attribute 'groupdict'); {VALUE}")])
    assert yamlsource.load("a: 1\nb: !!int x\n", "f.yml") == (None, [Problem(
        "f.yml", 1, f"this value cannot be read (invalid literal for int() with base 10: 'x'); {VALUE}")])
    # Where the parser marks the place, that line.
    assert yamlsource.load("a: 1\nb:\n  - 2\n  - !!python/name:os.system x\n", "f.yml") == (None, [Problem(
        "f.yml", 4, "this value cannot be read (could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/name:os.system'\n  in \"<unicode string>\", line 4, column 5); " + VALUE)])


def test_problems_found_while_building_come_before_the_unreadable_value():
    assert yamlsource.load("a: 1\na: 2\nb: !!int x\n", "f.yml") == (None, [
        Problem("f.yml", 2, "the key 'a' appears twice in the same mapping (first on line 1); keep one"),
        Problem("f.yml", 1, f"this value cannot be read (invalid literal for int() with base 10: 'x'); {VALUE}")])


def test_a_second_document_does_not_parse():
    assert yamlsource.load("a: 1\n---\nb: 2\n", "f.yml") == (None, [Problem(
        "f.yml", 2, f"the YAML does not parse (but found another document); {HINT}")])


def test_a_tab_at_the_start_of_the_line_the_parser_stops_on_is_named():
    # libyaml's own words here do not name the tab; the line it stops on starts with one.
    assert yamlsource.load("a:\n\t- b\n", "f.yml") == (None, [Problem("f.yml", 2, TAB)])
    assert yamlsource.load("a:\n  - b\n\t- c\n", "f.yml") == (None, [Problem("f.yml", 3, TAB)])
    # The parser stops past the last line: there is no line to look at.
    assert yamlsource.load("a: 'x\n\ty\n", "f.yml") == (None, [Problem(
        "f.yml", 3, f"the YAML does not parse (found unexpected end of stream); {HINT}")])


def test_a_parser_error_without_a_place_is_on_line_1(monkeypatch):
    class Loader:
        """A parser that fails without saying where, as a MarkedYAMLError may."""

        def __init__(self, text):
            pass

        def get_event(self):
            return None

        def get_single_node(self):
            raise yaml.MarkedYAMLError(problem="something odd")

        def dispose(self):
            pass

    monkeypatch.setattr(yamlsource, "LOADER", Loader)
    assert yamlsource.load("\ta: 1\n", "f.yml") == (None, [Problem("f.yml", 1, TAB)])
    assert yamlsource.load("a: 1\n", "f.yml") == (None, [Problem(
        "f.yml", 1, f"the YAML does not parse (something odd); {HINT}")])


def test_depth_goes_down_again_where_a_list_or_mapping_ends():
    closed = "[[x], {k: [y]}, "  # two levels opened and closed again before the long run
    deep = "[" * 98 + "]" * 98
    assert yamlsource.load(f"b: {closed}{deep}]\n", "f.yml")[1] == []
    assert yamlsource.load(f"b: {closed}[{deep}]]\n", "f.yml") == (None, [Problem(
        "f.yml", 1, "lists and mappings nest more than 100 levels deep here; a course file needs a few: write the "
        "values out flat")])
