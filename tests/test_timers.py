"""The facilitator's timers: one for every part of every lesson, named by both; the controls on a laptop's
screen without scrolling; and, when a round ends, a main button that says what the message says."""
from datetime import datetime

import pytest
from playwright.sync_api import expect

from macros import instructor

PARTS = {"lesson": "Lesson", "practice": "Practice", "check": "Check for understanding"}


def test_every_timer_has_a_name_of_its_own_with_its_lesson_and_part(course):
    presets = instructor.timer_presets(course)
    names = [p["name"] for p in presets]
    assert len(set(names)) == len(names), "two timers with one name"
    for slug, lesson in course.lessons.items():
        for key, part in PARTS.items():
            preset = next(p for p in presets if p["id"] == f"{slug}-{key}")
            assert preset["name"] == f"{part} · {lesson.title}"
            assert (preset["seconds"], preset["rounds"]) == (lesson.time[key] * 60, 1)
    assert [p["name"] for p in presets[:2]] == ["Pair rounds", "Speed rounds"]


@pytest.fixture
def timers_tab(browser, instructor_url, request):
    """The timers page on a 1280 x 800 laptop screen, in the palette the test asks for, with a clock the test runs."""
    scheme = getattr(request, "param", "light")
    context = browser.new_context(base_url=instructor_url, viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    # Only run_for moves the page's time, however loaded the machine is.
    tab.clock.install(time=datetime(2026, 1, 5, 9, 0))
    tab.clock.pause_at(datetime(2026, 1, 5, 9, 5))
    yield tab
    context.close()
    assert not errors


def open_timers(tab, address="instructor/timers/"):
    """Open the timers page and wait for its script: keys pressed before it runs would do nothing."""
    tab.goto(address)
    tab.locator(".timer-controls").wait_for(state="visible")


@pytest.mark.parametrize("timers_tab", ["light", "dark"], indirect=True)
def test_every_control_is_on_a_1280_by_800_screen_without_scrolling(timers_tab):
    tab = timers_tab
    open_timers(tab, "instructor/timers/")
    controls = [".timer-preset >> visible=true", "[data-timer-lesson]", ".timer-name", ".timer-time",
                '[data-action="toggle"]', '[data-action="next"]', '[data-action="reset"]', '[data-action="fullscreen"]',
                ".timer-keys"]
    for selector in controls:
        for box in [tab.locator(selector).nth(n).bounding_box() for n in range(tab.locator(selector).count())]:
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= 800, (selector, box)
    assert tab.locator(".timer-preset >> visible=true").count() == 5, "the two rounds and the chosen lesson's parts"
    assert tab.evaluate("window.scrollY") == 0


def test_a_lesson_part_is_chosen_by_lesson_and_named_on_the_face(timers_tab, course):
    tab = timers_tab
    open_timers(tab, "instructor/timers/")
    slug, lesson = list(course.lessons.items())[3]
    tab.select_option("[data-timer-lesson]", slug)
    tab.locator(f"#timer-{slug}-check").click()
    assert tab.locator(".timer-name").inner_text() == f"Check for understanding · {lesson.title}"
    assert tab.locator(".timer-time").inner_text() == f"{lesson.time['check']}:00"
    assert not tab.locator(".timer-round").is_visible(), "one round: no round counter"
    assert not tab.locator('[data-action="next"]').is_visible(), "and no next round to offer"
    tab.keyboard.press("4")  # the number keys count the buttons shown: 4 is this lesson's practice
    assert tab.locator(".timer-name").inner_text() == f"Practice · {lesson.title}"
    assert tab.locator(f"#timer-{slug}-practice").get_attribute("aria-pressed") == "true"
    # From a session page's link, the page opens on that lesson, its part chosen.
    other, other_lesson = list(course.lessons.items())[5]
    open_timers(tab, f"instructor/timers/#timer-{other}-lesson")
    expect(tab.locator(".timer-name")).to_have_text(f"Lesson · {other_lesson.title}")  # after the hashchange event
    # Material's instant loading may swap the page in after the hash change: wait for the settled page.
    expect(tab.locator("[data-timer-lesson]")).to_have_value(other)
    expect(tab.locator(".timer-preset >> visible=true").nth(2)).to_have_id(f"timer-{other}-lesson")


def face(tab):
    return (tab.locator('[data-action="toggle"]').inner_text(), tab.locator(".timer-cue").inner_text(),
            tab.locator(".timer-round").inner_text())


def test_when_a_round_ends_the_button_says_what_the_message_says(timers_tab):
    tab = timers_tab
    open_timers(tab, "instructor/timers/#timer-pair-rounds")
    assert tab.locator('[data-action="next"]').is_visible()
    tab.keyboard.press("Space")
    tab.clock.run_for(180_500)
    assert face(tab) == ("Start round 2", "Time's up: switch partners. Next: round 2 of 3.", "Round 1 of 3")
    tab.locator('[data-action="toggle"]').click()  # the highlighted button does what it says
    assert face(tab) == ("Pause", "", "Round 2 of 3")
    tab.clock.run_for(180_500)
    assert face(tab) == ("Start round 3", "Time's up: switch partners. Next: round 3 of 3.", "Round 2 of 3")
    tab.keyboard.press("Space")  # and so does Space, the button's key
    assert face(tab) == ("Pause", "", "Round 3 of 3")
    tab.clock.run_for(180_500)
    assert face(tab) == ("Start again", "Time's up: switch partners. That was the last round.", "Round 3 of 3")
    tab.keyboard.press("Space")
    assert face(tab) == ("Pause", "", "Round 1 of 3")
    assert tab.locator(".timer-time").inner_text() == "3:00"


def test_a_one_round_timer_ends_with_start_again(timers_tab, course):
    tab = timers_tab
    slug, lesson = next(iter(course.lessons.items()))
    open_timers(tab, f"instructor/timers/#timer-{slug}-check")
    tab.locator('[data-action="toggle"]').click()
    tab.clock.run_for(lesson.time["check"] * 60_000 + 500)
    assert face(tab)[:2] == ("Start again", "Time's up: pens down.")
    assert "timer--done" in tab.locator("[data-timer]").get_attribute("class")
    tab.locator('[data-action="toggle"]').click()
    tab.clock.run_for(1_500)
    assert face(tab)[:2] == ("Pause", "")
    assert tab.locator(".timer-time").inner_text() == f"{lesson.time['check'] - 1}:59"
