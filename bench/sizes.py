"""Gzipped sizes of the course's own bundles against their budgets: the core that every page loads, and
each feature's bundle, which only the pages holding that feature load (macros/assets.py).

    .venv/bin/python bench/sizes.py      (or: make bench-sizes)

Each bundle is joined from the files mkdocs.yml lists for it, as the build joins them, so no build is needed.
Sizes use gzip level 9 with no timestamp, so the same files always give the same numbers.
"""
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import assets  # noqa: E402
from macros.course import config_value  # noqa: E402

# Bytes, gzipped. The core is on every page: a lesson page loads nothing else of the course's own.
BUDGETS = {
    "course.bundle.css": 5376,
    "course.bundle.js": 10752,
    "contacts.bundle.js": 8448,
    "plan.bundle.css": 3072,
    "plan.bundle.js": 7424,
    "progress.bundle.js": 7168,
    "tracker.bundle.css": 1792,
    "tracker.bundle.js": 6912,
    "messages.bundle.css": 1536,
    "templates.bundle.js": 4096,
    "worksheets.bundle.css": 2816,
    "worksheets.bundle.js": 1536,
    "timers.bundle.js": 2560,
}


def gzipped(data):
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def bundles(root=ROOT):
    """{bundle file name: [its source files]} for the core and every feature, as mkdocs.yml lists them (and
    mkdocs.instructor.yml, for the features of the instructor edition)."""
    config = Path(root) / "mkdocs.yml"
    found, features = {}, {}
    for key, suffix in (("extra_css", ".css"), ("extra_javascript", ".js")):
        own, _ = assets.split(config_value(config, key) or [], suffix)
        found[Path(assets.target(assets.CORE, suffix)).name] = [str(path) for path in own]
    for name in assets.CONFIGS:
        features.update((config_value(Path(root) / name, "extra") or {}).get("features") or {})
    for name, feature in features.items():
        for suffix in assets.SUFFIXES:
            files = [str(path) for path in feature["files"] if str(path).endswith(suffix)]
            if files:
                found[Path(assets.target(name, suffix)).name] = files
    return found


def sizes(root=ROOT):
    """{bundle file name: (raw bytes, gzipped bytes)}, each bundle joined from its sources."""
    joined = {name: assets.bundle(Path(root) / "docs", files).encode() for name, files in bundles(root).items()}
    return {name: (len(data), gzipped(data)) for name, data in joined.items()}


def main():
    found, over = sizes(), []
    print(f"{'bundle':<24} {'raw':>7} {'gzipped':>8} {'budget':>7}")
    for name, (raw, packed) in found.items():
        budget = BUDGETS.get(name)
        print(f"{name:<24} {raw:>7} {packed:>8} {budget or '-':>7}")
        if budget is None or packed > budget:
            over.append(name)
    core = sum(packed for name, (_, packed) in found.items() if name.startswith(assets.CORE + "."))
    print(f"every page loads the core: {core} bytes gzipped")
    if over:
        print("over budget, or without one in BUDGETS: " + ", ".join(over))
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
