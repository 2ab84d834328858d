"""Write bench/mutation.md from the last `make mutation`: mutmut's results for the Python core (mutants/)
and Stryker's for the browser modules (mutants/stryker.json), with every surviving mutant listed, and the
reason it cannot be killed where mutation/equivalent.json gives one.

    .venv/bin/python mutation/report.py      (run from the project root; `make mutation` runs it)
"""
import json
import subprocess
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 85.0  # per cent of mutants killed, in the Python core and in the browser modules
REPORT = ROOT / "bench" / "mutation.md"


def git(*args):
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()


def changed_lines(diff):
    """The removed and added lines of a unified diff, without its headers."""
    return [line for line in diff.splitlines() if line[:1] in "-+" and not line.startswith(("---", "+++"))]


def python_results():
    """{file: Counter of statuses}, [(mutant name, file, diff lines)] of the survivors."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.stats import status_by_exit_code

    counts, survivors = {}, []
    for meta in sorted((ROOT / "mutants" / "macros").glob("*.py.meta")):
        source = f"macros/{meta.name[:-len('.meta')]}"
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        counts[source] = Counter(status_by_exit_code[code] for code in codes.values())
        for name, code in sorted(codes.items()):
            if status_by_exit_code[code] in ("survived", "no tests", "suspicious"):
                survivors.append((name, source, status_by_exit_code[code],
                                  changed_lines(get_diff_for_mutant(name, path=source))))
    return counts, survivors


def where(mutant):
    """What makes a Stryker mutant the same one in another run: its place, its kind and what it puts there."""
    start, end = mutant["location"]["start"], mutant["location"]["end"]
    return start["line"], start["column"], end["line"], end["column"], mutant["mutatorName"], mutant.get("replacement")


def js_results():
    """{file: Counter of statuses}, [(key, file, status, diff lines)] of the survivors, and the modules not measured
    as they are now, from Stryker's reports (one a module: mutants/stryker/<module>.json)."""
    files = {}
    for path in sorted((ROOT / "mutants" / "stryker").glob("*.json")):
        if not path.name.endswith(".again.json"):
            files.update(json.loads(path.read_text(encoding="utf-8"))["files"])
    # A run of only some mutants again (MUTATE=..., after new tests) gives those mutants their new status; the
    # latest run last, so that it has the last word.
    for path in sorted((ROOT / "mutants" / "stryker").glob("*.again.json"), key=lambda again: again.stat().st_mtime):
        for source, data in json.loads(path.read_text(encoding="utf-8"))["files"].items():
            again = {where(m): m["status"] for m in data["mutants"]}
            for mutant in files[source]["mutants"]:
                mutant["status"] = again.get(where(mutant), mutant["status"])
    counts, survivors = {}, []
    for source, data in sorted(files.items()):
        counts[source] = Counter(mutant["status"] for mutant in data["mutants"])
        lines = data["source"].splitlines()
        for mutant in data["mutants"]:
            if mutant["status"] in ("Survived", "NoCoverage"):
                start, end = mutant["location"]["start"], mutant["location"]["end"]
                original = lines[start["line"] - 1]
                after = (original[:start["column"] - 1] + mutant["replacement"]
                         + lines[end["line"] - 1][end["column"] - 1:]) if start["line"] == end["line"] else mutant["replacement"]
                key = f'{source}:{start["line"]}:{start["column"]} {mutant["mutatorName"]}'
                survivors.append((key, source, mutant["status"], [f"-{original}", f"+{after}"]))
    return counts, survivors, js_out_of_date(files)


def js_out_of_date(files):
    """The browser modules that Stryker has not measured as they are now: never run, or changed since."""
    names = (path.relative_to(ROOT).as_posix() for path in sorted((ROOT / "docs" / "assets" / "lib").glob("*.js")))
    return [name for name in names if files.get(name, {}).get("source") != (ROOT / name).read_text(encoding="utf-8")]


def score(killed, total):
    return 100.0 * killed / total if total else None


def percent(value):
    return "–" if value is None else f"{value:.1f}%"


def table(counts, killed_statuses, left_out=()):
    """One row a file; the score is the share of the checked mutants that the tests kill."""
    rows = ["| File | Mutants | Checked | Killed | Survived | Without a test | Score |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    sums = Counter()
    for source, found in counts.items():
        total = sum(n for status, n in found.items() if status not in left_out)
        checked = total - found["not checked"]
        killed = sum(found[status] for status in killed_statuses)
        survived = found["survived"] + found["Survived"]
        untested = found["no tests"] + found["NoCoverage"]
        rows.append(f"| `{source}` | {total} | {checked} | {killed} | {survived} | {untested} | "
                    f"{percent(score(killed, checked))} |")
        sums.update(total=total, checked=checked, killed=killed, survived=survived, untested=untested)
    rows.append(f"| **All** | {sums['total']} | {sums['checked']} | {sums['killed']} | {sums['survived']} | "
                f"{sums['untested']} | **{percent(score(sums['killed'], sums['checked']))}** |")
    return rows, score(sums["killed"], sums["checked"]), sums["total"] - sums["checked"]


def verdict(value, unchecked):
    if value is None or unchecked:
        return "not known until every mutant is checked"
    return "met" if value >= TARGET else "NOT MET"


def survivor_list(survivors, reasons):
    out, unexplained = [], 0
    for key, source, status, diff in survivors:
        reason = reasons.get(key)
        unexplained += reason is None
        out.append(f"- `{key}` ({status}): " + (f"equivalent: {reason}" if reason else "**not explained**"))
        out += ["", "  ```diff", *[f"  {line}" for line in diff], "  ```", ""]
    return out, unexplained


def main():
    reasons = json.loads((ROOT / "mutation" / "equivalent.json").read_text(encoding="utf-8"))
    py_counts, py_survivors = python_results()
    js_counts, js_survivors, js_stale = js_results()
    py_rows, py_score, py_unchecked = table(py_counts, ("killed", "timeout", "caught by type check", "segfault"))
    js_rows, js_score, js_unchecked = table(js_counts, ("Killed", "Timeout"), left_out=("CompileError", "RuntimeError", "Ignored"))
    py_list, py_open = survivor_list(py_survivors, reasons["python"])
    js_list, js_open = survivor_list(js_survivors, reasons["js"])
    commit = git("rev-parse", "--short", "HEAD") + (" with uncommitted changes" if git("status", "--porcelain",
                                                                                       "--untracked-files=no", "--", ".",
                                                                                       ":!bench/mutation.md") else "")
    lines = [
        "# Mutation testing",
        "",
        f"Measured on commit `{commit}` on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; `make mutation` "
        "writes this file. A mutant is a small change to the code (a condition turned round, a string changed, a "
        "line removed); the tests kill it when one of them fails. Survivors are listed below, each one either "
        "still to kill with a test or explained as equivalent (no test can tell it from the original).",
        "",
        "## Python core: mutmut with the fast tests",
        "",
        "The core in `macros/`, without the glue (`__init__.py`, `teaching.py`, `toolkit_macros.py`, the `blocks.py` "
        "hook) and what only runs Chromium or the builds (`pdf.py`, `publish.py`); the tests that neither build a site nor drive a browser nor start Node nor run the check or `make` in a process of their own (`setup.cfg` lists them).",
        "",
        *py_rows,
        "",
        "## Browser modules: Stryker with the Node tests",
        "",
        "Each module of `docs/assets/lib/` with the Node tests that load it (`mutation/stryker.config.mjs`).",
        "",
        *js_rows,
        "",
        "## Targets",
        "",
        f"- Python core: {percent(py_score)} killed, target {TARGET:.0f}%: {verdict(py_score, py_unchecked)}.",
        f"- Browser modules: {percent(js_score)} killed, target {TARGET:.0f}%: {verdict(js_score, js_unchecked + len(js_stale))}.",
        f"- Survivors not explained: {py_open + js_open}.",
        f"- Mutants not checked (the run was stopped before it reached them): {py_unchecked + js_unchecked}.",
        f"- Browser modules not measured as they are now (never run, or changed since): "
        f"{', '.join(f'`{name}`' for name in js_stale) or 'none'}.",
        "",
        f"## Surviving mutants: Python ({len(py_survivors)})",
        "",
        *py_list,
        f"## Surviving mutants: browser modules ({len(js_survivors)})",
        "",
        *js_list,
    ]
    planted = ROOT / "mutation" / "planted.md"  # bugs planted by hand against the whole suite, written up there
    if planted.exists():
        lines += ["", planted.read_text(encoding="utf-8").strip()]
    REPORT.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    print(f"{REPORT.relative_to(ROOT)}: Python {percent(py_score)}, browser modules {percent(js_score)}, "
          f"{py_open + js_open} survivors not explained")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
