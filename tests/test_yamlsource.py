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
