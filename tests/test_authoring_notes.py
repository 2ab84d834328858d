"""No authoring note reaches a reader, in either edition; the state of external links lives in links.yml, which
lists exactly the addresses the pages link to."""
import html
import re

import pytest

from conftest import ROOT
from macros import links

# What an author leaves for later, as it would show on a page.
NOTES = re.compile(r"\(link not checked\)|\bTODO\b|\bFIXME\b|\bTBD\b|XXX ", re.I)
CAPITALS_ONLY = ("TODO", "FIXME", "TBD", "XXX ")  # "todo" is a word; "TODO" is a note


def page_text(path):
    """The text of a built page, hidden parts included, without scripts and styles."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def notes_in(text):
    return [match for match in NOTES.finditer(text)
            if match.group(0).startswith("(") or match.group(0) in CAPITALS_ONLY]


def test_notes_are_found_in_text():
    text = "See it (Link not checked). TODO: cut. A todo list. FIXME and TBD. XXX here, but not XXXL."
    assert [match.group(0) for match in notes_in(text)] == ["(Link not checked)", "TODO", "FIXME", "TBD", "XXX "]


@pytest.mark.parametrize("edition", ["site", "instructor_site"])
def test_no_page_shows_an_authoring_note(edition, request):
    site = request.getfixturevalue(edition)
    found = []
    for path in sorted(site.rglob("*.html")) + [site / "search/search_index.json"]:
        text = page_text(path)
        for match in notes_in(text):
            context = " ".join(text[max(0, match.start() - 60):match.end() + 20].split())
            found.append(f"{path.relative_to(site)}: {match.group(0)!r} in \"...{context}...\"")
    assert not found, (f"{len(found)} authoring note(s) in the {edition.replace('_', ' ')}; a link's checked state "
                       f"belongs in {links.LIST_FILE}, and notes for later in the source, never on a page:\n"
                       + "\n".join(found))


def external_links(site):
    """{address: pages} of every external link in the articles of a built site (the theme's footer is not the
    course's)."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        article = re.search(r"<article\b[^>]*>(.*?)</article>", path.read_text(encoding="utf-8"), re.S)
        for href in re.findall(r'<a\b[^>]*\bhref="(https?://[^"]+)"', article.group(1) if article else ""):
            found.setdefault(html.unescape(href), set()).add(path.relative_to(site).as_posix())
    return found


def test_the_list_of_links_has_no_problems():
    entries, problems = links.parse((ROOT / links.LIST_FILE).read_text(encoding="utf-8"))
    assert not problems, "\n".join(map(str, problems))
    assert entries


def test_every_link_of_both_editions_is_listed_and_every_entry_used(site, instructor_site):
    used = external_links(site)
    for url, pages in external_links(instructor_site).items():
        used.setdefault(url, set()).update(f"instructor: {page}" for page in pages)
    entries, _ = links.parse((ROOT / links.LIST_FILE).read_text(encoding="utf-8"))
    missing, stale = links.compare(used, entries)
    messages = [f"{url} (on {', '.join(sorted(used[url])[:3])}) is not in {links.LIST_FILE}: add `- url: {url}` with "
                "`state: not checked`, today's `date:` and a `note:` saying why, or run `make linkcheck`"
                for url in missing]
    messages += [f"{url} is in {links.LIST_FILE} but no page links to it: delete its entry" for url in stale]
    assert not messages, "\n".join(messages)


def test_list_problems_name_their_line():
    text = ("- url: https://example.org/a\n  state: answers\n  date: 2026-12-01\n"
            "- url: https://example.org/a\n  state: maybe\n  date: 1 Dec\n  colour: red\n"
            "- url: http//nowhere\n  state: not checked\n  date: 2026-12-01\n")
    _, problems = links.parse(text)
    assert [str(problem) for problem in problems] == [
        "links.yml:7: unknown field 'colour'; an entry has: url, state, date, note",
        "links.yml:4: https://example.org/a is listed twice (also line 1); keep one entry",
        "links.yml:5: `state:` is one of: answers, fails, not checked",
        "links.yml:6: `date:` is the day of the check (or of listing it unchecked), like 2026-12-01",
        "links.yml:4: an entry that is `maybe` needs a `note:` saying why",
        "links.yml:8: `url:` must be the address as the pages write it, starting https://",
        "links.yml:8: an entry that is `not checked` needs a `note:` saying why"]


def test_a_check_is_recorded_with_its_day_and_the_list_reads_back():
    entries = [{"url": "https://example.org/b", "state": "not checked", "date": "2026-12-01", "note": "no network"},
               {"url": "https://example.org/a", "state": "not checked", "date": "2026-12-01", "note": "no network"}]
    entries = links.record(entries, "https://example.org/a", 200, "2026-12-02")
    entries = links.record(entries, "https://example.org/b", 'failed: HTTP Error 404: "Not Found"', "2026-12-02")
    text = links.dump(entries)
    assert text.endswith('- url: https://example.org/a\n  state: answers\n  date: 2026-12-02\n'
                         '- url: https://example.org/b\n  state: fails\n  date: 2026-12-02\n'
                         '  note: "failed: HTTP Error 404: \\"Not Found\\""\n')
    read, problems = links.parse(text)
    assert not problems
    assert read == sorted(entries, key=lambda entry: entry["url"])
    assert links.compare({"https://example.org/a": {"x"}, "https://example.org/c": {"y"}}, read) == (
        ["https://example.org/c"], ["https://example.org/b"])
