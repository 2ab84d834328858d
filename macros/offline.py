"""The offline copy: the learner edition built to work opened from disk (file://), as one zip.

`python -m macros.offline [ZIP]` builds it (mkdocs.offline.yml, Material's offline plugin) into a
temporary folder and zips it; every site build runs the same step after it is written. No MkDocs import:
MkDocs runs as a command.
"""
import fnmatch
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from .assets import bundled_sources

CONFIG = "mkdocs.offline.yml"
ZIP = "downloads/networking-course-offline.zip"
FOLDER = "networking-course"  # the folder the zip unpacks to
# Search runs in a web worker, which browsers refuse to start from file://. Material's offline plugin loads
# the iframe-worker shim for it, by default from a CDN; mkdocs.offline.yml points it at the theme's own
# (overrides/), which runs under the pages' Content-Security-Policy.
SHIM = "assets/javascripts/workers/iframe-worker.js"
# Of no use from disk: the error page for a web server (its links start at the site's root), the sitemaps,
# the search index as JSON (from file:// search reads search_index.js) and the scripts' source maps.
LEFT_OUT = ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "*.map")
README = """Networking for People Entering Tech: the offline copy

Open index.html in this folder with your browser. Everything works without a connection:
the lessons, search, the quizzes and your networking plan. Your answers are kept in this browser.
"""


class OfflineError(Exception):
    pass


def zip_folder(folder, zip_path):
    """Zip folder's files under FOLDER/, in a stable order, with a README.txt beside them (LEFT_OUT left out)."""
    zip_path = Path(zip_path)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    bundled = set(bundled_sources(folder))  # pages load the bundles, never these
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{FOLDER}/README.txt", README)
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
            name = path.relative_to(folder).as_posix()
            if name not in bundled and not any(fnmatch.fnmatch(name, pattern) for pattern in LEFT_OUT):
                archive.write(path, f"{FOLDER}/{name}")
    return zip_path


def build(root, zip_path, strict=True):
    """Build the offline edition with MkDocs and zip it to zip_path. Raises OfflineError on failure."""
    env = dict(os.environ, COURSE_OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryDirectory(prefix="course-offline-") as folder:
        command = [sys.executable, "-m", "mkdocs", "build", "-f", str(Path(root) / CONFIG), "-d", folder]
        result = subprocess.run(command + ["--strict"] * strict, cwd=root, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            # Not --quiet: it hides the warnings that --strict turns into failures.
            problems = [line for line in (result.stderr + result.stdout).splitlines() if not line.startswith("INFO")]
            raise OfflineError("building the offline copy failed:\n" + "\n".join(problems).strip())
        return zip_folder(folder, zip_path)


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "site" / ZIP
    try:
        print(build(root, target))
    except OfflineError as error:
        sys.exit(str(error))
