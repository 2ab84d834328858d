"""Every external link of the course in one place: `make links` lists them with the pages that cite them and the
state links.yml records for each, and names any link missing from that list or listed but no longer used;
`make linkcheck` (needs a network) also asks each one whether it still answers and writes the answers to links.yml."""
import re
import sys
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import links  # noqa: E402

LINK = re.compile(r"\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>")


def external_links():
    found = {}
    sources = list((ROOT / "docs").rglob("*.md")) + list((ROOT / "quizzes").glob("*.yml")) + [ROOT / "toolkit/templates.yml"]
    for path in sorted(sources):
        for match in LINK.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(match.group(1) or match.group(2), set()).add(path.relative_to(ROOT).as_posix())
    return found


def answers(url):
    """The HTTP status, or why there was none."""
    request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "course-linkcheck"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except Exception as error:  # a link check reports every failure the same way
        return f"failed: {error}"


def main(check):
    path = ROOT / links.LIST_FILE
    entries, problems = links.parse(path.read_text(encoding="utf-8"))
    for problem in problems:
        print(problem)
    used = external_links()
    if check:
        for url in sorted(used):
            if any(entry["url"] == url for entry in entries):
                entries = links.record(entries, url, answers(url), date.today())
        path.write_text(links.dump(entries), encoding="utf-8")
    states = {entry["url"]: entry for entry in entries}
    for url, pages in sorted(used.items()):
        entry = states.get(url)
        state = f"{entry['state']} ({entry['date']}{', ' + entry['note'] if entry.get('note') else ''})" if entry else \
            "NOT IN links.yml"
        print(f"{url}  {state}\n    cited in: {', '.join(sorted(pages))}")
    missing, stale = links.compare(used, entries)
    for url in missing:
        print(f"{links.LIST_FILE}: add {url} (state: not checked, with today's date and why), or run `make linkcheck`")
    for url in stale:
        print(f"{links.LIST_FILE}: {url} is used by no page; delete its entry")
    print(f"{len(used)} external links")
    return 1 if problems or missing or stale else 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
