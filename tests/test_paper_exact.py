"""The paper size setting read exactly from small mkdocs.yml files: its default, the line of a wrong value, and
the Word file's page and author."""

import pytest
from docx import Document

from macros import paper


def config(tmp_path, text):
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("text", ["site_name: A\n", "site_name: A\nextra:\n", "extra: [paper_size]\n",
                                  "extra: {edition: learner}\n", "extra: {paper_size: A4}\n", ""])
def test_a4_unless_the_config_says_otherwise(tmp_path, text):
    root = config(tmp_path, text)
    assert (paper.size(root), paper.problems(root)) == ("A4", [])


def test_a4_without_a_config(tmp_path):
    assert (paper._config(tmp_path), paper.size(tmp_path), paper.problems(tmp_path)) == ({}, "A4", [])


def test_letter_from_the_config(tmp_path):
    root = config(tmp_path, "site_name: A\nextra:\n  paper_size: Letter\n")
    assert paper._config(root) == {"site_name": "A", "extra": {"paper_size": "Letter"}}
    assert (paper.size(root), paper.problems(root)) == ("Letter", [])


@pytest.mark.parametrize("text, line", [
    ("site_name: A\nextra:\n  edition: learner\n  paper_size: A5\n", 4),
    ("paper_size: A5\nextra:\n  paper_size: A5\n", 1),
    ("extra: {paper_size: A5}\n", 1),
    ("site_name: A\nextra:\n  # paper_size: A4 or Letter\n  other: x\n  paper_size:    A5\n", 5),
])
def test_an_unknown_size_names_its_line(tmp_path, text, line):
    root = config(tmp_path, text)
    message = f"mkdocs.yml:{line}: `paper_size: A5` is no paper size the course prints; use one of: A4, Letter"
    assert [str(p) for p in paper.problems(root)] == [message]
    assert [(p.file, p.line) for p in paper.problems(root)] == [("mkdocs.yml", line)]
    with pytest.raises(ValueError) as error:
        paper.size(root)
    assert str(error.value) == message


def test_the_config_is_read_as_utf8_whatever_the_locale(tmp_path, ascii_locale):
    root = config(tmp_path, "site_name: Café ✓\nextra:\n  paper_size: Létter\n")
    assert [str(p) for p in paper.problems(root)] == ["mkdocs.yml:3: `paper_size: Létter` is no paper size the course prints; use one of: A4, Letter"]


def test_a_word_file_without_a_site_name_has_no_author(tmp_path):
    document = Document()
    paper.docx_page(document, tmp_path)
    properties = document.core_properties
    assert (properties.author, properties.last_modified_by, properties.comments) == ("", "", "")
    assert [(round(s.page_width.mm, 1), round(s.page_height.mm, 1)) for s in document.sections] == [(210, 297)]


def test_a_word_file_has_the_course_as_author_and_letter_paper(tmp_path):
    document = Document()
    paper.docx_page(document, config(tmp_path, "site_name: A course\nextra:\n  paper_size: Letter\n"))
    properties = document.core_properties
    assert (properties.author, properties.last_modified_by, properties.comments) == ("A course", "A course", "")
    assert [(round(s.page_width.mm, 1), round(s.page_height.mm, 1)) for s in document.sections] == [(215.9, 279.4)]
