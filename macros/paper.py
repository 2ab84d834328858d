"""The one paper size of everything the course prints: the PDFs Chromium prints (macros/pdf.py, the print
tests) and the Word downloads. Set it in mkdocs.yml as `extra.paper_size: A4` or `Letter`; A4 when unset.

Printing from a browser uses the printer's paper: the pages fit on either size.
"""
from pathlib import Path

from .problems import Problem

ROOT = Path(__file__).resolve().parent.parent
CONFIG = "mkdocs.yml"
SIZES = {"A4": (210, 297), "Letter": (215.9, 279.4)}  # width and height in millimetres
DEFAULT = "A4"


def _config(root):
    from .course import config_of  # here: course imports much of the core, which needs no paper

    path = Path(root) / CONFIG
    return config_of(path) if path.exists() else {}


def _setting(root):
    extra = _config(root).get("extra") or {}
    return extra.get("paper_size", DEFAULT) if isinstance(extra, dict) else DEFAULT


def problems(root=ROOT):
    """A Problem when `extra.paper_size` names no size the course prints."""
    value = _setting(root)
    if value in SIZES:
        return []
    text = (Path(root) / CONFIG).read_text(encoding="utf-8").splitlines()
    line = next((n for n, row in enumerate(text, start=1) if row.strip().startswith("paper_size:")), 1)
    return [Problem(CONFIG, line, f"`paper_size: {value}` is no paper size the course prints; "
                                  f"use one of: {', '.join(SIZES)}")]


def size(root=ROOT):
    """The paper's name, as Chromium's PDF printer and Playwright's page.pdf(format=...) know it."""
    value = _setting(root)
    if value not in SIZES:
        raise ValueError(str(problems(root)[0]))
    return value


def docx_page(document, root=ROOT):
    """Give a python-docx document the course's paper size and the course's name as its author (python-docx's
    blank template is US Letter and signed "python-docx")."""
    from docx.shared import Mm

    width, height = SIZES[size(root)]
    for section in document.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
    author = str(_config(root).get("site_name") or "")
    properties = document.core_properties
    properties.author, properties.last_modified_by, properties.comments = author, author, ""
