"""The way in for someone setting the course up and teaching it: the README names everything the commands and
the tests need, as CI installs it, and says how to get the instructor edition; its title fits the sidebar."""
import re

import pytest

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title):
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_readme_names_every_package_ci_installs():
    installed = {name for group in re.findall(r"missing\+=\(([^)]*)\)", (ROOT / ".ci/run").read_text(encoding="utf-8"))
                 for name in group.split()}
    assert installed >= {"chromium", "poppler-utils", "nodejs", "npm", "fonts-dejavu-core"}, installed
    prerequisites = section("The two commands")
    command = re.search(r"sudo apt-get install -y ([^\n]+)", prerequisites).group(1).split()
    assert installed <= set(command), f"the README's install line lacks {installed - set(command)}"
    for named in ("Python 3.11", "`make`", "Node.js with npm", "/usr/bin/chromium"):
        assert named in prerequisites, named


def test_the_readme_has_a_quick_start_for_instructors():
    quick = section("For instructors")
    for command in ("make serve-instructor", "make build-instructor", "make worksheets"):
        assert command in quick, command
        assert re.search(rf"^{re.escape(command.split()[1])}:", (ROOT / "Makefile").read_text(), re.M), command
    assert "[Publishing](#publishing)" in quick and "make publish" in quick and "\n## Publishing\n" in README
    assert "paper_size" in quick


@pytest.mark.parametrize("width", [1280, 1920])
def test_the_instructor_title_takes_two_lines_in_the_sidebar_at_most(instructor_page, width):
    instructor_page.set_viewport_size({"width": width, "height": 800})
    instructor_page.goto("instructor/")
    title = instructor_page.locator(".md-nav--primary > .md-nav__title")
    lines = title.evaluate("node => node.getBoundingClientRect().height / parseFloat(getComputedStyle(node).lineHeight)")
    assert "(instructor)" in title.inner_text() and round(lines) <= 2, f"{lines:.1f} lines"
