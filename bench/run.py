"""`make bench`: what the course costs its readers and authors, measured in one run.

Reports build times (median of several runs) of each edition, a synthetic course at 1x, 10x and
50x the real one, the quiz machinery's overhead, transfer sizes and the requests a lesson page
makes; writes bench/report.md. Times are noisy on shared machines: compare the ratios.
"""
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
OWN_ASSETS = ["assets/store.js", "assets/quiz.js", "assets/quiz.css", "assets/course.css", "assets/theme.css",
              "assets/plan.js", "assets/plan.css", "assets/print.css"]


def build(config, site_dir, cwd=ROOT):
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                             "-d", str(site_dir)], cwd=cwd, env=ENV, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"build of {config} failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - start


def median_build(config, cwd=ROOT):
    with tempfile.TemporaryDirectory() as out:
        return statistics.median(build(config, Path(out) / "site", cwd) for _ in range(RUNS))


def copy_project(target):
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".venv", "node_modules", "site", "site-*", ".git",
                                                                "__pycache__", ".pytest_cache", ".hypothesis", "bench"))


def synthetic_course(target, factor, with_quizzes=True):
    """The real course with every lesson and bank copied `factor` times."""
    copy_project(target)
    lessons, quizzes = target / "docs/lessons", target / "quizzes"
    originals = sorted(lessons.glob("*.md"))
    nav = []
    for copy in range(factor):
        for lesson in originals:
            slug = lesson.stem if copy == 0 else f"{lesson.stem}-{copy}"
            text = lesson.read_text(encoding="utf-8")
            if not with_quizzes:
                # Keep the call visible to the lesson check but out of the rendering.
                text = text.replace("{{ quiz() }}", "{## {{ quiz() }} ##}")
            (lessons / f"{slug}.md").write_text(text, encoding="utf-8")
            bank = (quizzes / f"{lesson.stem}.yml").read_text(encoding="utf-8")
            (quizzes / f"{slug}.yml").write_text(bank.replace(f"lesson: {lesson.stem}\n", f"lesson: {slug}\n", 1),
                                                 encoding="utf-8")
            nav.append(f"lessons/{slug}.md")
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    # Links between copies would dangle or repeat; the copies only need to build.
    config = config.replace("    not_found: warn\n    anchors: warn", "    not_found: info\n    anchors: info")
    config = config.replace("    omitted_files: warn", "    omitted_files: info")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    from macros.course import load
    return sum(len(b.questions) for b in load(target).banks.values())


def gz(data):
    return len(gzip.compress(data, 9))


def sizes(site):
    page = site / "lessons/networking-career/index.html"
    html = page.read_bytes()
    import re
    refs = re.findall(rb'(?:src|href)="([^"]+\.(?:js|css))"', html)
    files = [(page.parent / ref.decode()).resolve() for ref in refs]
    files = [f for f in files if f.exists()]
    assets = {f.relative_to(site.resolve()).as_posix(): gz(f.read_bytes()) for f in files}
    own = {name: gz((site / name).read_bytes()) for name in OWN_ASSETS if (site / name).exists()}
    return gz(html), assets, own, len(refs)


def main():
    lines = ["# Benchmark report", "", f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
             f"median of {RUNS} builds each. Times vary with machine load; compare ratios.", ""]
    lines += ["## Build time of each edition", "", "| edition | seconds |", "|---|---|"]
    for name, config in [("learner", "mkdocs.yml"), ("instructor", "mkdocs.instructor.yml")]:
        if (ROOT / config).exists():
            lines.append(f"| {name} | {median_build(ROOT / config):.2f} |")
    lines += ["", "## Scaling: a synthetic course", "",
              "| size | lessons | questions | seconds | ms per question |", "|---|---|---|---|---|"]
    base = len(list((ROOT / "docs/lessons").glob("*.md")))
    for factor in (1, 10, 50):
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "course"
            questions = synthetic_course(target, factor)
            seconds = median_build(target / "mkdocs.yml", cwd=target)
            lines.append(f"| {factor}x | {base * factor} | {questions} | {seconds:.2f} | {1000 * seconds / questions:.1f} |")
    lines += ["", "## The quiz machinery's overhead (10x course)", ""]
    timings = {}
    for with_quizzes in (True, False):
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "course"
            synthetic_course(target, 10, with_quizzes)
            timings[with_quizzes] = median_build(target / "mkdocs.yml", cwd=target)
    lines.append(f"With quizzes {timings[True]:.2f} s, without {timings[False]:.2f} s: "
                 f"ratio **{timings[True] / timings[False]:.2f}** (target at most 1.3).")
    with tempfile.TemporaryDirectory() as out:
        site = Path(out) / "site"
        build(ROOT / "mkdocs.yml", site)
        html, assets, own, requests = sizes(site)
    lines += ["", "## Transfer size of a lesson page (gzip -9)", "", "| file | bytes |", "|---|---|",
              f"| lessons/networking-career/index.html | {html} |"]
    lines += [f"| {name} | {size} |" for name, size in sorted(assets.items())]
    lines += [f"| **total** | **{html + sum(assets.values())}** |", "", "## The project's own assets (gzip -9)", "",
              "| file | bytes |", "|---|---|"]
    lines += [f"| {name} | {size} |" for name, size in own.items()]
    lines += ["", f"A lesson page requests {requests} scripts and stylesheets (plus the page itself; "
              "fonts are off and nothing comes from another host)."]
    report = "\n".join(lines) + "\n"
    (ROOT / "bench/report.md").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
