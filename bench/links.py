"""Every external link of the course in one place: `make links` lists them with the pages that cite
them; `make linkcheck` (needs a network) also asks each one whether it still answers."""
import re
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>")


def external_links():
    found = {}
    for path in sorted(list((ROOT / "docs").rglob("*.md")) + list((ROOT / "quizzes").glob("*.yml"))):
        for match in LINK.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(match.group(1) or match.group(2), set()).add(path.relative_to(ROOT).as_posix())
    return found


def answers(url):
    request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "course-linkcheck"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return str(response.status)
    except Exception as error:  # a link check reports every failure the same way
        return f"FAILED ({error})"


def main(check):
    links = external_links()
    for url, pages in sorted(links.items()):
        status = f"  {answers(url)}" if check else ""
        print(f"{url}{status}\n    cited in: {', '.join(sorted(pages))}")
    print(f"{len(links)} external links")


if __name__ == "__main__":
    main("--check" in sys.argv)
