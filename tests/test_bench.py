"""`make bench` from a fresh clone: its npm folder installs with `npm ci` (nothing in its lock floats), and the
workflow proves it; the report's page weights come from the built pages."""
import json
import re
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import run  # noqa: E402


def test_nothing_in_the_bench_lock_floats():
    # A dependency that asks for a tag such as "latest" makes `npm ci` look the tag up and refuse a lock that
    # holds an older version; an override in package.json pins it to the version the lock holds.
    lock = json.loads((ROOT / "bench/package-lock.json").read_text(encoding="utf-8"))
    overrides = json.loads((ROOT / "bench/package.json").read_text(encoding="utf-8")).get("overrides", {})
    tagged = {name for entry in lock["packages"].values() for name, spec in entry.get("dependencies", {}).items()
              if not re.match(r"^[\s\d^~<>=*|.xX-]", spec)}
    assert tagged == {"legacy-javascript", "third-party-web"}
    for name in tagged:
        assert overrides.get(name) == lock["packages"][f"node_modules/{name}"]["version"], name


def test_the_workflow_installs_the_bench_folder():
    workflow = (ROOT / ".github/workflows/course.yml").read_text(encoding="utf-8")
    assert "run: npm ci --prefix bench --no-audit --no-fund" in workflow


def test_bytes_per_page_add_up(site):
    rows = {name: (html, own, theirs, requests) for name, html, own, theirs, requests in run.page_weights(site)}
    lesson = rows["lessons/introverts/"]
    html, assets, requests = run.sizes(site, "lessons/introverts/index.html")
    assert lesson == (html, assets["assets/course.bundle.css"] + assets["assets/course.bundle.js"],
                      sum(assets.values()) - assets["assets/course.bundle.css"] - assets["assets/course.bundle.js"],
                      requests)
    plan = rows["lessons/networking-plan/"]
    assert plan[1] > lesson[1] and plan[3] == lesson[3] + 3, "the plan page adds its two bundles and the contacts' one"
    assert list(rows)[0] == "/"
