"""Screenshots in headless Chromium, to look at: the home page's first screen, a lesson quiz before and after
checking answers, and the progress page, in the light and dark palettes, on a laptop (1280 x 800) and a
phone (360 x 740).

    .venv/bin/python bench/screenshots.py [--site BUILT_SITE] [--out DIR]

Without --site it builds the learner edition first. The PNGs go to bench/screenshots/ by default.
"""
import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, mkdocs_build, serve_folder  # noqa: E402

LESSON = "lessons/in-person/"


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "screenshots")
    args = parser.parse_args()
    site = args.site
    if site is None:
        site = Path(tempfile.mkdtemp(prefix="site-"))
        result = mkdocs_build(ROOT / "mkdocs.yml", site)
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    url, server = serve_folder(site)
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
                context.close()
        browser.close()
    server.shutdown()
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
