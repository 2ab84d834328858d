"""The learner edition's Markdown extension for Zensical, exactly: its setting and default, the two preprocessors
it registers around the macros' one (priority 35), and the lines it hands back."""
import markdown

from macros.editions import EditionExtension, StripNotes


def registered(md):
    return sorted(((item.name, item.priority) for item in md.preprocessors._priority), key=lambda p: -p[1])


def test_the_learner_edition_strips_notes_before_and_after_the_macros():
    extension = EditionExtension()
    assert extension.getConfigs() == {"edition": "learner"}
    assert extension.getConfigInfo() == [("edition", "the edition being built: learner or instructor")]
    md = markdown.Markdown(extensions=[extension])
    assert registered(md) == [("course_notes_before_macros", 36), ("course_notes_after_macros", 34),
                              ("normalize_whitespace", 30), ("html_block", 20)]
    for name in ("course_notes_before_macros", "course_notes_after_macros"):
        assert isinstance(md.preprocessors[name], StripNotes) and md.preprocessors[name].md is md
    assert md.convert("Before.\n\n!!! instructor\n    Secret.\n\nAfter.") == "<p>Before.</p>\n<p>After.</p>"


def test_the_instructor_edition_keeps_its_notes():
    md = markdown.Markdown(extensions=[EditionExtension(edition="instructor")])
    assert registered(md) == [("normalize_whitespace", 30), ("html_block", 20)]


def test_strip_notes_returns_the_lines_as_given_without_the_notes():
    lines = ["A line  with  spaces", "", "!!! instructor", "    Secret.", "", "Last line"]
    assert StripNotes(None).run(lines) == ["A line  with  spaces", "", "Last line"]
