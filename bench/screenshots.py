"""Screenshots in headless Chromium, to look at: the home page's first screen, a lesson quiz before and after
checking answers, the plan page filled in (its months table, its downloads), search results and the progress
page, in the light and dark palettes, on a laptop (1280 x 800) and a phone (360 x 740); and the print previews
of the plan (blank and filled) and of the paper quizzes, as PDF files and one PNG per page. What an instructor
sees is in bench/instructor_screens.py.

    .venv/bin/python bench/screenshots.py [--site BUILT_SITE] [--out DIR]

Without --site it builds the learner edition first. The PNGs go to bench/screenshots/ by default. Needs
pdftoppm (poppler-utils) for the print previews.
"""
import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from conftest import CHROMIUM, CHROMIUM_ARGS, mkdocs_build, serve_folder  # noqa: E402
from macros import pdf  # noqa: E402

LESSON = "lessons/in-person/"
PLAN = "lessons/networking-plan/"
PRINTS = ["worksheets/paper-quizzes.md"]


def fill_plan(page):
    page.get_by_label("My networking goals").fill('Learn what a QA engineer does all week <and> meet 3 testers & "devs".')
    page.get_by_label("Roles I want to learn about").fill("QA engineer; product manager")
    page.get_by_label("First week").fill("2030-03-04")
    page.get_by_label("What I will do").nth(0).fill("Join the Testing Guild chat.\nAsk Sam for a coffee chat.")
    page.wait_for_timeout(400)  # saved


def plan_and_search(page, out, name):
    """The plan page: its months table (which scrolls on a phone) and its downloads; then a search."""
    page.goto(PLAN)
    page.wait_for_selector(".nplan-buttons:not([hidden])")
    fill_plan(page)
    for part, selector in (("plan-months", ".nplan-months"), ("plan-downloads", ".nplan-controls")):
        page.locator(selector).scroll_into_view_if_needed()
        page.evaluate(f"window.scrollTo(0, document.querySelector('{selector}').getBoundingClientRect().top + scrollY - 70)")
        page.wait_for_timeout(200)
        page.screenshot(path=out / f"{part}-{name}.png")
    page.click('[data-nplan-action="word"]')  # nothing downloads in a screenshot, but the status shows
    page.wait_for_timeout(300)
    page.locator(".nplan-controls").screenshot(path=out / f"plan-word-status-{name}.png")
    page.evaluate("CourseStore.set('plan', {})")
    page.goto("")
    page.keyboard.press("/")  # Material's key for search, on a laptop and on a phone
    page.locator("input.md-search__input").press_sequentially("progress", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.wait_for_timeout(300)
    page.screenshot(path=out / f"search-{name}.png")


def prints(browser, url, out):
    """Print previews as Chromium prints them: the plan blank and filled, and the paper quizzes."""
    tab = browser.new_page(base_url=url)
    targets = [pdf.print_page(tab, url + PLAN, out / "print-plan-blank.pdf")]
    tab.emulate_media(media="screen")
    tab.goto(PLAN)
    tab.wait_for_selector(".nplan-buttons:not([hidden])")
    fill_plan(tab)
    tab.emulate_media(media="print")
    tab.pdf(path=str(out / "print-plan-filled.pdf"), format="A4", **pdf.PAPER)
    targets.append(out / "print-plan-filled.pdf")
    for path in PRINTS:
        targets.append(pdf.print_page(tab, url + pdf.page_url(path), out / f"print-{path[:-3].replace('/', '-')}.pdf"))
    for target in targets:
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(target), str(target.with_suffix(""))], check=True)
    tab.close()


def answer_some(page):
    """Answer the first three questions: one right, one wrong, one partly right; reveal one open answer."""
    questions = page.locator(".quiz-question")
    questions.nth(0).locator("input[value=b]").check()
    questions.nth(1).locator("input[value=a]").check()
    questions.nth(1).locator("input[value=c]").check()
    questions.nth(2).locator("input[value=true]").check()
    for index in range(3):
        questions.nth(index).get_by_role("button", name="Check").click()
    questions.nth(3).locator("textarea").fill("A JavaScript meetup next Tuesday; goal: meet three people.")
    questions.nth(3).get_by_role("button", name="Show the model answer").click()
    questions.nth(3).get_by_role("button", name="Yes, it did").click()


def served_site(description, config, out):
    """The command line of a screenshot script: (its arguments, the served site's URL, the server). The site is
    --site, or the edition of `config` built into a temporary folder; the pictures go into --out (default out)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--site", type=Path)
    parser.add_argument("--out", type=Path, default=out)
    args = parser.parse_args()
    site = args.site
    if site is None:
        site = Path(tempfile.mkdtemp(prefix="site-"))
        result = mkdocs_build(ROOT / config, site)
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    url, server = serve_folder(site)
    return args, url, server


def main():
    args, url, server = served_site(__doc__.splitlines()[0], "mkdocs.yml", ROOT / "bench" / "screenshots")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for scheme in ("light", "dark"):
            for width, height in ((1280, 800), (360, 740)):
                context = browser.new_context(base_url=url, color_scheme=scheme, viewport={"width": width, "height": height})
                page = context.new_page()
                name = f"{scheme}-{width}"
                page.goto("")
                page.screenshot(path=args.out / f"home-{name}.png")
                page.goto(LESSON)
                page.wait_for_selector(".quiz--ready")
                quiz = page.locator(".quiz").first
                quiz.scroll_into_view_if_needed()
                page.locator(".quiz-question").nth(0).screenshot(path=args.out / f"quiz-before-{name}.png")
                answer_some(page)
                page.locator(".quiz-question").nth(1).locator("input").first.focus()
                for index in range(4):
                    page.locator(".quiz-question").nth(index).screenshot(path=args.out / f"quiz-after-{name}-q{index + 1}.png")
                # The quiz as a reader sees it: its running score at the top, then the first answers.
                page.evaluate("window.scrollTo(0, document.querySelector('.quiz').getBoundingClientRect().top + scrollY - 60)")
                page.wait_for_timeout(200)
                page.screenshot(path=args.out / f"quiz-screen-{name}.png")
                page.goto("progress/")
                page.screenshot(path=args.out / f"progress-{name}.png", full_page=True)
                plan_and_search(page, args.out, name)
                context.close()
        prints(browser, url, args.out)
        browser.close()
    server.shutdown()
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
