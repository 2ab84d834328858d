"""The list of the course's external links (links.yml): for each address the pages use, whether it was checked,
when, and what it answered. Learners never read this state: pages show links plainly.

`make links` compares the pages with the list; `make linkcheck` asks every address and writes the answers back.
A test fails when a built page links to an address the list does not have, or the list keeps one no page uses.
Pure: no MkDocs here.
"""
import re
from datetime import date

from . import yamlsource
from .problems import Problem
from .yamlsource import item_lines, line_of

LIST_FILE = "links.yml"
STATES = ("answers", "fails", "not checked")
FIELDS = ("url", "state", "date", "note")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HEADER = """\
# Every external address the course's pages link to, with the state of its last check: `answers` (it answered
# with a success status), `fails` (it did not; `note` says how) or `not checked` (`note` says why), and the `date`
# of that check, or of the day it was listed unchecked. Learners never see this: pages show links plainly.
# `make links` lists the pages' links against this file; `make linkcheck` (needs a network) checks every link and
# writes the answers here. A test fails on a page's link missing here, and on an entry no page uses.
"""


def parse(text, path=LIST_FILE):
    """(entries as dicts of FIELDS, problems), each problem with the line to fix."""
    data, problems = yamlsource.load(text, path)
    if problems:
        return [], problems
    if not isinstance(data, list):
        return [], [Problem(path, 1, "the file is a list of entries, each starting `- url: https://...`")]
    entries, seen = [], {}
    for item, line in zip(data, item_lines(data)):
        if not isinstance(item, dict):
            problems.append(Problem(path, line, "each entry has `url:`, `state:`, `date:` and, unless it answers, `note:`"))
            continue
        for key in item:
            if key not in FIELDS:
                problems.append(Problem(path, line_of(item, key), f"unknown field '{key}'; an entry has: {', '.join(FIELDS)}"))
        url, state, day = item.get("url"), item.get("state"), str(item.get("date", ""))
        if not isinstance(url, str) or not re.match(r"^https?://\S+$", url):
            problems.append(Problem(path, line, "`url:` must be the address as the pages write it, starting https://"))
        elif url in seen:
            problems.append(Problem(path, line, f"{url} is listed twice (also line {seen[url]}); keep one entry"))
        else:
            seen[url] = line
        if state not in STATES:
            problems.append(Problem(path, line_of(item, "state") if "state" in item else line,
                                    f"`state:` is one of: {', '.join(STATES)}"))
        if not DAY.match(day):
            problems.append(Problem(path, line_of(item, "date") if "date" in item else line,
                                    "`date:` is the day of the check (or of listing it unchecked), like 2026-12-01"))
        if state != "answers" and not str(item.get("note") or "").strip():
            problems.append(Problem(path, line, f"an entry that is `{state}` needs a `note:` saying why"))
        entries.append({key: item.get(key) for key in FIELDS} | {"date": day})
    return entries, problems


def compare(used, entries):
    """(addresses the pages use that the list lacks, entries no page uses). used: {url: pages that link to it}."""
    listed = {entry["url"] for entry in entries}
    return sorted(set(used) - listed), sorted(listed - set(used))


def record(entries, url, answer, day=None):
    """The entries with url's check recorded: answer is an HTTP status number, or the reason it failed."""
    day = str(day or date.today())
    state, note = ("answers", None) if isinstance(answer, int) and answer < 400 else ("fails", str(answer))
    return [entry | {"state": state, "date": day, "note": note} if entry["url"] == url else entry for entry in entries]


def dump(entries):
    """The list file's text: the header, then the entries by address."""
    lines = [HEADER]
    for entry in sorted(entries, key=lambda entry: entry["url"]):
        lines.append(f"- url: {entry['url']}\n  state: {entry['state']}\n  date: {entry['date']}\n")
        if entry.get("note"):
            note = str(entry["note"]).replace("\\", "\\\\").replace('"', '\\"')
            lines[-1] += f'  note: "{note}"\n'
    return "".join(lines)
