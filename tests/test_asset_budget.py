"""The quiz script and stylesheet stay small: store.js + quiz.js + quiz.css at most 6 KB gzipped."""
import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location("sizes", ROOT / "bench" / "sizes.py")
sizes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sizes)


def test_quiz_assets_fit_the_budget():
    found = sizes.sizes()
    total = sum(packed for _, packed in found.values())
    assert total <= sizes.BUDGET, f"{total} bytes gzipped is over the {sizes.BUDGET}-byte budget: {found}"


def test_the_quiz_assets_are_what_pages_load(site):
    page = (site / "lessons" / "in-person" / "index.html").read_text(encoding="utf-8")
    for name in sizes.FILES:
        assert f"assets/{name}" in page, f"{name} is counted in the budget but no lesson page loads it"
