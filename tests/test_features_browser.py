"""Feature bundles in Chromium: a page loads only the course files it uses, and a feature works when an instant
navigation brings the page that holds it, as it does on a page opened directly."""
from conftest import wait_until
from test_quiz_browser import serve_sitemap_for_localhost

LOADED = "() => performance.getEntriesByType('resource').map(entry => entry.name.split('/').pop())"
OWN = "names => names.filter(name => /\\.bundle\\.(css|js)$/.test(name))"


def own_files(page):
    return page.evaluate(f"({OWN})(({LOADED})())")


def go_instantly(page, href_end):
    page.locator(f'a.md-nav__link[href$="{href_end}"]').first.click()
    page.wait_for_url(f"**/{href_end}")


def stylesheet_order(page):
    return page.evaluate("""() => [...document.querySelectorAll('link[rel=stylesheet]')]
        .map(link => link.href.split('/').pop()).filter(name => name.includes('.bundle.'))""")


def test_a_lesson_page_fetches_the_core_alone(page):
    page.goto("lessons/introverts/")
    page.wait_for_selector(".quiz--ready")
    assert sorted(own_files(page)) == ["course.bundle.css", "course.bundle.js"]


def test_instant_navigation_to_the_plan_brings_its_bundle_and_the_form_works(page, site, site_url):
    serve_sitemap_for_localhost(page, site, site_url)
    page.goto("lessons/introverts/")
    page.wait_for_selector(".quiz--ready")
    page.evaluate("window.sameDocument = true")
    go_instantly(page, "lessons/networking-plan/")
    page.wait_for_selector(".nplan-buttons:not([hidden])")
    assert page.evaluate("window.sameDocument") is True, "navigation was instant (no full page load)"
    assert sorted(own_files(page)) == ["contacts.bundle.js", "course.bundle.css", "course.bundle.js", "plan.bundle.css",
                                       "plan.bundle.js"]
    assert stylesheet_order(page) == ["plan.bundle.css", "course.bundle.css"]
    page.get_by_label("My networking goals").fill("Meet two QA engineers")
    wait_until(page, "Object.values(CourseStore.get('plan')).includes('Meet two QA engineers')")
    # The plan's stylesheet applies: its boxes are laid out by plan.css, not left as bare form controls.
    assert page.evaluate("getComputedStyle(document.querySelector('.nplan-buttons')).display") != "inline"

    # Away and back again: the stylesheet comes and goes with the page, the script is loaded once.
    go_instantly(page, "glossary/")
    wait_until(page, "document.querySelector('h1').textContent.trim() === 'Glossary'")
    assert stylesheet_order(page) == ["course.bundle.css"]
    go_instantly(page, "lessons/networking-plan/")
    page.wait_for_selector(".nplan-buttons:not([hidden])")
    assert page.evaluate("window.sameDocument") is True
    assert page.locator('script[data-course-bundle="plan"]').count() == 1
    assert stylesheet_order(page) == ["plan.bundle.css", "course.bundle.css"]
    assert page.get_by_label("My networking goals").input_value() == "Meet two QA engineers"


def test_a_worksheet_reached_instantly_prints_as_it_does_opened_directly(page, site, site_url):
    serve_sitemap_for_localhost(page, site, site_url)
    page.goto("glossary/")
    page.evaluate("window.sameDocument = true")
    go_instantly(page, "worksheets/conversation-cards/")
    page.wait_for_selector(".print-control:not([hidden])")  # worksheet.js ran
    assert page.evaluate("window.sameDocument") is True
    assert stylesheet_order(page) == ["worksheets.bundle.css", "course.bundle.css"]
    card = "getComputedStyle(document.querySelector('.cards .card'))"
    assert page.evaluate(f"{card}.borderTopStyle") == "dashed"  # on screen: worksheet.css
    page.emulate_media(media="print")
    assert page.evaluate(f"[{card}.borderTopStyle, {card}.outlineStyle]") == ["none", "dashed"], (
        "on paper print.css has the last word")


def test_features_that_build_on_another_run_after_it_when_reached_instantly(page, site, site_url):
    # The tracker needs the contacts' code (a bundle of its own) loaded first, as the page's own tags load it.
    serve_sitemap_for_localhost(page, site, site_url)
    page.goto("glossary/")
    page.evaluate("window.sameDocument = true")
    go_instantly(page, "toolkit/tracker/")
    page.wait_for_selector(".tracker--ready")
    assert page.evaluate("window.sameDocument") is True
    assert page.evaluate("[...document.querySelectorAll('script[data-course-bundle]')].map(s => s.dataset.courseBundle)") == [
        "contacts", "tracker"]


def test_every_class_a_feature_styles_comes_with_its_stylesheet_once_the_scripts_ran(page, site):
    # The built HTML is checked in test_asset_budget.py; this checks what scripts draw, such as the tracker's box
    # beside the plan's months, which is styled by the tracker's stylesheet.
    from test_asset_budget import CORE, FEATURES, styled_classes
    core = set().union(*(styled_classes((site / "assets" / name).read_text(encoding="utf-8"))
                         for name in CORE if name.endswith(".css")))
    features = {name.split(".")[0]: styled_classes((site / "assets" / name).read_text(encoding="utf-8")) - core
                for name in FEATURES if name.endswith(".css")}
    unstyled = []
    for path in sorted(site.rglob("index.html")):
        address = path.parent.relative_to(site).as_posix()
        page.goto("" if address == "." else address + "/")
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # the page's scripts draw what they draw
        used = set(page.evaluate("[...document.querySelectorAll('[class]')].flatMap(e => [...e.classList])"))
        loaded = set(page.evaluate("[...document.querySelectorAll('link[data-course-bundle]')].map(l => l.dataset.courseBundle)"))
        unstyled += [f"{address}: {feature} styles {sorted(used & classes)}"
                     for feature, classes in features.items() if used & classes and feature not in loaded]
    assert unstyled == []
