"""`make bench`: what the course costs its readers and authors, measured in one run.

Reports build times (median of several runs) of each edition, a synthetic course at 1x, 10x and
50x the real one, the quiz machinery's overhead, transfer sizes and the requests a lesson page
makes; writes bench/report.md. Times are noisy on shared machines: compare the ratios.
"""
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
LIGHTHOUSE_RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "5"))  # Lighthouse's own advice: the median of five
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The project's own files, as authors write them (pages load them as one bundle of each kind).
LESSON = "networking-career"  # the lesson page whose weight and Lighthouse scores are reported
OWN_ASSETS = sorted(f"assets/{p.name}" for p in (ROOT / "docs/assets").iterdir() if p.suffix in (".css", ".js"))


def build(config, site_dir, cwd=ROOT, strict=True):
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)]
                            + ["--strict"] * strict, cwd=cwd, env=ENV, capture_output=True, text=True)
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
    page = site / f"lessons/{LESSON}/index.html"
    html = page.read_bytes()
    refs = re.findall(rb'(?:src|href)="([^"]+\.(?:js|css))"', html)
    files = [(page.parent / ref.decode()).resolve() for ref in refs]
    files = [f for f in files if f.exists()]
    assets = {f.relative_to(site.resolve()).as_posix(): gz(f.read_bytes()) for f in files}
    own = {name: gz((site / name).read_bytes()) for name in OWN_ASSETS if (site / name).exists()}
    return gz(html), assets, own, len(refs)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text gzipped, as any real host does, so transfer sizes and Lighthouse see real weights."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "") or \
                path.suffix not in (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def stock_material_site(target):
    """A stock Material site (default theme settings, no course assets) holding the same lesson text with
    its macros left out: the baseline that the lesson page's Lighthouse scores are compared with."""
    docs = target / "docs"
    docs.mkdir(parents=True)
    text = (ROOT / f"docs/lessons/{LESSON}.md").read_text(encoding="utf-8")
    (docs / f"{LESSON}.md").write_text(re.sub(r"\{\{.*?\}\}|\{##.*?##\}", "", text, flags=re.S), encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    extensions = re.search(r"^markdown_extensions:\n(?:  .*\n)+", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    (target / "mkdocs.yml").write_text("site_name: Stock Material\nsite_url: https://example.org/\n"
                                       "theme:\n  name: material\n  font: false\n" + extensions.group(0), encoding="utf-8")
    build(target / "mkdocs.yml", target / "site", cwd=target, strict=False)  # its links to other lessons dangle
    return target / "site"


def lighthouse(sites):
    """Lighthouse (mobile) of each {name: (site folder, page)}, run in turns so that the machine's load
    falls on every page alike; {name: {category: (median, lowest, highest)}}, or None without Lighthouse."""
    cli = ROOT / "bench/node_modules/lighthouse/cli/index.js"
    if not cli.exists() or not Path(CHROMIUM).exists():
        return None
    servers = {}
    for name, (site, _) in sites.items():
        servers[name] = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
        threading.Thread(target=servers[name].serve_forever, daemon=True).start()
    runs = {name: [] for name in sites}
    try:
        with tempfile.TemporaryDirectory() as out:
            report = Path(out) / "lighthouse.json"
            for _ in range(LIGHTHOUSE_RUNS):
                for name, (_, page) in sites.items():
                    url = f"http://127.0.0.1:{servers[name].server_address[1]}/{page}"
                    subprocess.run(["node", str(cli), url, "--quiet", "--output=json", f"--output-path={report}",
                                    f"--chrome-flags={' '.join(CHROME_FLAGS)}"],
                                   env=dict(os.environ, CHROME_PATH=CHROMIUM), check=True, capture_output=True, timeout=300)
                    categories = json.loads(report.read_text())["categories"]
                    runs[name].append({key: round(100 * categories[key]["score"]) for key in CATEGORIES})
    finally:
        for server in servers.values():
            server.shutdown()
    # Scores move with the machine's load: the median is reported, with the range.
    return {name: {key: (statistics.median(run[key] for run in scores), min(run[key] for run in scores),
                         max(run[key] for run in scores)) for key in CATEGORIES} for name, scores in runs.items()}


def testwise_section():
    """What a learner who never read a lesson scores with naive strategies, next to chance."""
    from macros.course import load
    from macros.itemwriting import naive_scores
    questions = [q for bank in load(ROOT).banks.values() for q in bank.questions]
    lines = ["## Test-wise strategies on the whole quiz bank", "",
             "What a learner who never read a lesson would score by the form of the questions alone "
             "(a test fails if any beats chance by more than 10 points).", "",
             "| strategy | questions | score | chance | over chance |", "|---|---|---|---|---|"]
    for name, count, right, chance in naive_scores(questions):
        lines.append(f"| {name} | {count} | {right:.0%} | {chance:.0%} | {100 * (right - chance):+.0f} points |")
    return lines + [""]


def main():
    lines = ["# Benchmark report", "", f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
             f"median of {RUNS} builds each. Times vary with machine load; compare ratios.", ""]
    lines += testwise_section()
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
        scores = lighthouse({"course": (site, f"lessons/{LESSON}/"),
                             "stock": (stock_material_site(Path(out) / "stock"), f"{LESSON}/")})
    lines += ["", "## Transfer size of a lesson page (gzip -9)", "", "| file | bytes |", "|---|---|",
              f"| lessons/{LESSON}/index.html | {html} |"]
    lines += [f"| {name} | {size} |" for name, size in sorted(assets.items())]
    lines += [f"| **total** | **{html + sum(assets.values())}** |", "", "## The project's own assets (gzip -9)", "",
              "| file | bytes |", "|---|---|"]
    lines += [f"| {name} | {size} |" for name, size in own.items()]
    lines += ["", f"A lesson page requests {requests} scripts and stylesheets (plus the page itself; "
              "fonts are off and nothing comes from another host)."]
    lines += ["", "## Lighthouse, mobile, a lesson page served gzipped on localhost", ""]
    if scores:
        lines += [f"Median of {LIGHTHOUSE_RUNS} runs, with the lowest and highest. The same lesson's text on a stock "
                  "Material page, measured in turns with it, shows what the machine's load does to the scores.", "",
                  "| category | lesson page | range | stock Material page | range | target |", "|---|---|---|---|---|---|"]
        for key in CATEGORIES:
            (median, low, high), (stock, stock_low, stock_high) = scores["course"][key], scores["stock"][key]
            lines.append(f"| {key} | **{median:g}** | {low}–{high} | {stock:g} | {stock_low}–{stock_high} | "
                         f"{95 if key == 'performance' else 100} |")
    else:
        lines.append("Not measured: run `npm ci --prefix bench` and install Chromium (`apt-get install chromium`).")
    report = "\n".join(lines) + "\n"
    (ROOT / "bench/report.md").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
