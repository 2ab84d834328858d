"""The browser's pure modules (docs/assets/lib/*.js) under Node's own test runner (tests/js/*.test.js)."""
import re
import shutil
import subprocess

from conftest import ROOT, require


def test_node_unit_tests_pass():
    node = require(shutil.which("node"), "Node.js for the unit tests of the browser modules: apt-get install -y nodejs")
    files = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests" / "js").glob("*.test.js"))
    modules = sorted(path.stem for path in (ROOT / "docs" / "assets" / "lib").glob("*.js"))
    assert "score" in modules
    assert [m for m in modules if f"tests/js/{m}.test.js" not in files] == [], "every module has its unit tests"
    result = subprocess.run([node, "--test", *files], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    # Node's summary: every test it found ran and passed.
    summary = dict(re.findall(r"^# (tests|pass|fail|skipped|todo|cancelled) (\d+)$", result.stdout, re.M))
    assert int(summary["tests"]) >= len(files) and summary["pass"] == summary["tests"], result.stdout[-3000:]
    assert [summary[k] for k in ("fail", "skipped", "todo", "cancelled")] == ["0"] * 4, result.stdout[-3000:]
