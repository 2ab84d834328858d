"""`python -m macros.pdf LEARNER_SITE INSTRUCTOR_SITE`: the worksheet packs, printed by headless Chromium.

Writes worksheets-learner.pdf (every worksheet, to copy for learners) and worksheets-instructor.pdf (the
session plans and the answer key, then the same worksheets) from two built sites. Needs Chromium at
/usr/bin/chromium and the pinned playwright and pypdf packages; it reaches no other host.
"""
import sys
from pathlib import Path

from . import paper
from .course import nav_of, nav_paths

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
# The paper size is the course's one setting (macros/paper.py); the margins and page numbers are in print.css.
PAPER = {"print_background": False, "prefer_css_page_size": True}
# Printed for the instructor, in this order, before the worksheets: pages of docs/instructor/ whose path
# starts with one of these.
INSTRUCTOR_PRINTS = ("instructor/session-plan.md", "instructor/sessions/", "instructor/answer-key.md")


def page_url(path):
    """'worksheets/conversation-cards.md' -> 'worksheets/conversation-cards/' (directory URLs)."""
    stem = path[:-3]
    return "" if stem == "index" else (stem[:-5] if stem.endswith("/index") else stem + "/")


def pack_pages(edition):
    """The source paths a pack prints, in the order of the edition's navigation."""
    config = ROOT / ("mkdocs.instructor.yml" if edition == "instructor" else "mkdocs.yml")
    paths = list(nav_paths(nav_of(config)))
    worksheets = [p for p in paths if p.startswith("worksheets/")]
    if edition != "instructor":
        return worksheets
    return [p for prefix in INSTRUCTOR_PRINTS for p in paths if p.startswith(prefix)] + worksheets


def serve(folder):
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def print_page(tab, url, target):
    """Print one page of a served site to the PDF file target; returns target."""
    tab.goto(url, wait_until="load")
    tab.emulate_media(media="print")
    tab.pdf(path=str(target), format=paper.size(ROOT), **PAPER)
    return target


def write_pack(browser, site, paths, target, scratch):
    from pypdf import PdfWriter

    url, server = serve(site)
    try:
        tab = browser.new_page()
        writer = PdfWriter()
        for number, path in enumerate(paths):
            writer.append(str(print_page(tab, url + page_url(path), Path(scratch) / f"{number:03d}.pdf")))
        writer.write(str(target))
        tab.close()
    finally:
        server.shutdown()
    return target


def main(argv=None):
    import tempfile

    from playwright.sync_api import sync_playwright

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m macros.pdf LEARNER_SITE INSTRUCTOR_SITE", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).exists():
        print(f"the worksheet pack needs Chromium at {CHROMIUM}: apt-get install -y chromium", file=sys.stderr)
        return 1
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as scratch:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for edition, site in zip(("learner", "instructor"), args):
            target = Path(f"worksheets-{edition}.pdf")
            pages = pack_pages(edition)
            folder = Path(scratch) / edition
            folder.mkdir()
            write_pack(browser, site, pages, target, folder)
            print(f"{target}: {len(pages)} pages of the {edition} edition, merged")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
