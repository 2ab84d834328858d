"""macros/pages.py read directly: which Jinja settings a site config gives, and which block tag a page leaves open
(tests/test_authoring.py checks the messages built from them, through the check and the build)."""
import pytest

from macros import pages

ENVIRONMENT = pages.Environment(comment_start_string="{##", comment_end_string="##}")


def test_the_jinja_settings_and_extra_names_come_from_the_macros_entry():
    config = {"plugins": ["search", {"offline": {}}, {"macros": {"module_name": "macros", "j2_comment_start_string": "{##",
                                                               "j2_block_start_string": ""}}],
              "extra": {"edition": "learner", "course_url": "x"}}
    assert pages.settings_of(config) == ({"comment_start_string": "{##"}, ("edition", "course_url"))


@pytest.mark.parametrize("config", [{}, {"plugins": None, "extra": None}, {"plugins": ["macros", "search"]},
                                    {"plugins": [{"macros": "yes"}]}, {"plugins": [{"macros": None}]}])
def test_a_config_without_macros_settings_gives_none(config):
    assert pages.settings_of(config) == ({}, ())


@pytest.mark.parametrize("body,expected", [
    ("plain text {{ course }}", None),
    ("{% if a %}{% endif %}", None),
    ("{% include 'x.md' %}", None),
    ("{% endif %}", None),
    ("{% if", ("if", 1)),  # cut off at the end of the page
    ("{% set x", ("set", 1)),
    ("{% set x = a if b else c %}\n", None),  # `if` inside an expression opens no block
    ("{% set x %}\n{% set y = 1 %}\n", ("set", 1)),  # the `=` of a later tag does not close this one
    ("{% set y = 1 %}\n{% if a %}\n", ("if", 2)),  # the scan goes on after a `set` with `=`
    ("{% if a %}\n{% for b in c %}\n{% endif %}\n", ("for", 2)),  # an end tag closes only its own kind
    ("{% for a in b %}{% if c %}{% endif %}{% endfor %}\n{% with %}", ("with", 2)),
])
def test_the_innermost_unclosed_block_and_its_line(body, expected):
    assert pages.unclosed_block(ENVIRONMENT, body) == expected
