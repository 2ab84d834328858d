"""The browser's pure modules (docs/assets/lib/*.js) under Node's own test runner (tests/js/*.test.js)."""
import os
import shutil
import subprocess

import pytest

from conftest import ROOT


def test_node_unit_tests_pass():
    node = shutil.which("node")
    if not node:
        message = "the unit tests of the browser modules need Node.js: apt-get install -y nodejs"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    files = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests" / "js").glob("*.test.js"))
    assert files, "tests/js holds no *.test.js files"
    result = subprocess.run([node, "--test", *files], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
