"""The list of external links (links.yml), exactly: what each mistake reports, how a check is recorded and how the
file is written. Fast: no build, no network."""
from macros import links
from macros.problems import Problem

ENTRY = "each entry has `url:`, `state:`, `date:` and, unless it answers, `note:`"


def test_a_good_list_reads_exactly():
    text = ("- url: https://a.org/x\n  state: answers\n  date: 2026-01-02\n"
            "- url: http://b.org\n  state: fails\n  date: 2026-01-03\n  note: 404\n")
    assert links.parse(text) == ([
        {"url": "https://a.org/x", "state": "answers", "date": "2026-01-02", "note": None},
        {"url": "http://b.org", "state": "fails", "date": "2026-01-03", "note": 404}], [])


def test_each_mistake_with_its_line():
    text = ("- just text\n"                                                       # 1
            "- url: ftp://a.org\n  state: maybe\n  date: soon\n  colour: red\n"  # 2-5
            "- url: https://b.org\n  state: not checked\n"                       # 6-7
            "- url: https://b.org\n  date: 2026-01-01\n  note: x\n"              # 8-10
            "- state: fails\n  date: 2026-01-01\n  note: ' '\n")                  # 11-13
    entries, problems = links.parse(text)
    assert problems == [
        Problem("links.yml", 1, ENTRY),
        Problem("links.yml", 5, "unknown field 'colour'; an entry has: url, state, date, note"),
        Problem("links.yml", 2, "`url:` must be the address as the pages write it, starting https://"),
        Problem("links.yml", 3, "`state:` is one of: answers, fails, not checked"),
        Problem("links.yml", 4, "`date:` is the day of the check (or of listing it unchecked), like 2026-12-01"),
        Problem("links.yml", 2, "an entry that is `maybe` needs a `note:` saying why"),
        Problem("links.yml", 6, "`date:` is the day of the check (or of listing it unchecked), like 2026-12-01"),
        Problem("links.yml", 6, "an entry that is `not checked` needs a `note:` saying why"),
        Problem("links.yml", 8, "https://b.org is listed twice (also line 6); keep one entry"),
        Problem("links.yml", 8, "`state:` is one of: answers, fails, not checked"),
        Problem("links.yml", 11, "`url:` must be the address as the pages write it, starting https://"),
        Problem("links.yml", 11, "an entry that is `fails` needs a `note:` saying why")]
    assert [entry["date"] for entry in entries] == ["soon", "", "2026-01-01", "2026-01-01"]


def test_a_file_that_is_no_list_or_no_yaml():
    assert links.parse("url: https://a.org\n") == ([], [
        Problem("links.yml", 1, "the file is a list of entries, each starting `- url: https://...`")])
    assert links.parse("- [\n", "other.yml") == ([], [
        Problem("other.yml", 2, "the YAML does not parse (did not find expected node content); check the indentation "
                                "and quote text that contains ': ' or starts with a special character")])


def test_a_check_is_recorded_on_its_entry():
    entries = [{"url": "https://a.org", "state": "not checked", "date": "2026-01-01", "note": "new"},
               {"url": "https://b.org", "state": "answers", "date": "2026-01-01", "note": None}]
    assert links.record(entries, "https://a.org", 399, "2026-02-03") == [
        {"url": "https://a.org", "state": "answers", "date": "2026-02-03", "note": None}, entries[1]]
    assert links.record(entries, "https://a.org", 400, "2026-02-03") == [
        {"url": "https://a.org", "state": "fails", "date": "2026-02-03", "note": "400"}, entries[1]]
    assert links.record(entries, "https://b.org", "timed out", "2026-02-03")[1] == {
        "url": "https://b.org", "state": "fails", "date": "2026-02-03", "note": "timed out"}


def test_the_file_is_written_sorted_with_notes_quoted():
    entries = [{"url": "https://b.org", "state": "fails", "date": "2026-01-01", "note": 'said "no" \\ twice'},
               {"url": "https://a.org", "state": "answers", "date": "2026-01-02", "note": None}]
    text = links.dump(entries)
    assert text == links.HEADER + (
        "- url: https://a.org\n  state: answers\n  date: 2026-01-02\n"
        "- url: https://b.org\n  state: fails\n  date: 2026-01-01\n  note: \"said \\\"no\\\" \\\\ twice\"\n")
    assert links.parse(text) == ([entries[1], entries[0]], [])
