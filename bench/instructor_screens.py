"""What an instructor sees, to look at: the timers page at 1280 x 800 and 360 x 740 in both palettes (chosen,
and when a round has ended), and the print previews of the session plans, the answer key and the paper quizzes
as PDF files and one PNG per page.

    .venv/bin/python bench/instructor_screens.py [--site BUILT_INSTRUCTOR_SITE] [--out DIR]

Without --site it builds the instructor edition first. Needs pdftoppm (poppler-utils) for the PNGs.
"""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from macros import pdf  # noqa: E402
from screenshots import served_site  # noqa: E402 (bench/, beside this script)

PRINTS = ["instructor/session-plan.md", "instructor/sessions/networking-career.md", "instructor/answer-key.md",
          "worksheets/paper-quizzes.md", "worksheets/check-for-understanding.md"]


def timers(browser, url, out):
    for scheme in ("light", "dark"):
        for width, height in ((1280, 800), (360, 740)):
            context = browser.new_context(base_url=url, color_scheme=scheme, viewport={"width": width, "height": height})
            page = context.new_page()
            page.clock.install()
            page.goto("instructor/timers/")
            page.select_option("[data-timer-lesson]", "in-person")
            page.locator("#timer-in-person-practice").click()
            page.screenshot(path=out / f"timers-{scheme}-{width}.png")
            page.locator("#timer-pair-rounds").click()
            page.keyboard.press("Space")
            page.clock.run_for(180_500)
            page.wait_for_timeout(1_000)  # the buttons' colour transitions run on the real clock
            page.screenshot(path=out / f"timers-round-ended-{scheme}-{width}.png")
            context.close()


def prints(browser, url, out):
    tab = browser.new_page()
    for path in PRINTS:
        name = path[:-3].replace("/", "-")
        target = pdf.print_page(tab, url + pdf.page_url(path), out / f"{name}.pdf")
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(target), str(out / name)], check=True)
    tab.close()


def main():
    args, url, server = served_site(__doc__.splitlines()[0], "mkdocs.instructor.yml",
                                    ROOT / "bench" / "screenshots" / "instructor")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        timers(browser, url, args.out)
        prints(browser, url, args.out)
        browser.close()
    server.shutdown()
    print(f"screenshots and print previews in {args.out}")


if __name__ == "__main__":
    main()
