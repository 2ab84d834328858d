"""The home page starts the course: what it is, how long it takes, where progress is kept, and one Start button
on the first screen of a laptop and of a phone; the course's own logo, favicon and colours; and a Reset
button that does not look like Export and Import."""
import re
import xml.etree.ElementTree as ElementTree

import pytest

from conftest import ROOT

SCREENS = [(1280, 800), (360, 740)]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width,height", SCREENS)
def test_one_start_button_on_the_first_screen(page, width, height, scheme):
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(color_scheme=scheme)
    page.goto("")
    start = page.get_by_role("link", name="Start the course")
    assert start.count() == 1
    box = start.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert box["y"] >= header["y"] + header["height"], "below the header"
    assert box["y"] + box["height"] <= height, f"the Start button ends at {box['y'] + box['height']:.0f} px"
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert box["height"] >= 44 and box["width"] >= 44, "a target a thumb can hit"
    assert start.evaluate("a => new URL(a.href).pathname") == "/lessons/what-networking-is/"
    assert page.locator(".md-content .md-button--primary").count() == 1, "one clear way in"
    # Above the button: what the course is, how long it takes, where the learner's progress is kept.
    facts = " ".join(page.locator(".course-facts").inner_text().split())
    assert facts == ("7 lessons of 45 to 62 minutes, about 6 hours in all "
                     "No account. Your answers and your plan stay in this browser.")
    assert page.locator(".course-facts").bounding_box()["y"] < box["y"]
    start.click()
    page.wait_for_url("**/lessons/what-networking-is/")


def test_instructors_are_told_about_their_edition(site, instructor_site):
    learner = re.sub(r"<[^>]+>", "", (site / "index.html").read_text(encoding="utf-8"))
    assert ("Teaching this course? An instructor edition, with session plans, facilitation notes, timers and answer "
            "keys, is built from the same sources with make build-instructor.") in learner
    instructor = re.sub(r"<[^>]+>", "", (instructor_site / "index.html").read_text(encoding="utf-8"))
    assert "This is the instructor edition: the lessons with their facilitation notes" in instructor
    assert "Teaching this course?" not in instructor


def test_logo_and_favicon_are_the_courses_own_drawings(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="icon" href="assets/images/favicon.svg">' in html
    assert re.search(r'class="md-header__button md-logo"[^>]*>\s*<img src="assets/images/logo.svg"', html)
    for name in ("logo.svg", "favicon.svg"):
        source = (ROOT / "docs/assets/images" / name).read_text(encoding="utf-8")
        assert (site / "assets/images" / name).read_text(encoding="utf-8") == source
        tags = {element.tag.replace(SVG, "") for element in ElementTree.fromstring(source).iter()}
        assert tags <= {"svg", "g", "path", "circle", "rect"}, f"{name}: shapes only, no text, fonts or images"
        assert "http" not in source.replace('xmlns="http://www.w3.org/2000/svg"', ""), "no request anywhere"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_courses_colours_hold_in_both_schemes(page, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto("")
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert header == "rgb(11, 92, 115)", "the course's petrol blue, not Material's indigo"
    link = page.evaluate("getComputedStyle(document.querySelector('.md-typeset p a:not(.md-button)')).color")
    assert link == {"light": "rgb(11, 92, 115)", "dark": "rgb(143, 208, 227)"}[scheme]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reset_progress_looks_unlike_export_and_import(page, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto("progress/")
    style = "b => { const s = getComputedStyle(b); return [s.color, s.borderTopColor, b.getBoundingClientRect().left]; }"
    export = page.get_by_role("button", name="Export progress").evaluate(style)
    imported = page.get_by_role("button", name="Import progress").evaluate(style)
    reset = page.get_by_role("button", name="Reset progress").evaluate(style)
    warning = {"light": "rgb(179, 38, 30)", "dark": "rgb(255, 155, 147)"}[scheme]
    assert export[:2] == imported[:2] and export[0] != warning
    assert reset[:2] == [warning, warning], "Reset is drawn in the warning colour"
    import_right = page.get_by_role("button", name="Import progress").bounding_box()
    assert reset[2] - (import_right["x"] + import_right["width"]) >= 24, "and stands apart from the other two"
