"""`python -m macros.publish [FOLDER]` (`make publish`): both editions in one folder for any static host.

The learner edition goes at the folder's root and the instructor edition under instructor/, each built
with --strict and knowing its published address, which comes from one setting: the environment variable
COURSE_URL (for example https://example.github.io/networking-course/), or else `site_url` in mkdocs.yml.
Each edition links to the other. Files that pages never load (the sources already in the asset bundles,
source maps) are left out. The folder is replaced only when both builds succeed.
"""
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .assets import bundled_sources
from .course import config_value

INSTRUCTOR_DIR = "instructor"
LEFT_OUT = ("*.map",)


class PublishError(Exception):
    pass


def edition_note(edition, learner_url, instructor_url):
    """A sentence of Markdown on the home page that links to the other edition, where it is published."""
    if edition == "instructor" and learner_url:
        return (f"This is the instructor edition. Learners use the [learner edition]({learner_url}), which has "
                "the same lessons without the facilitation notes, session plans and answer keys.")
    if edition != "instructor" and instructor_url:
        return (f"**Teaching this course?** The [instructor edition]({instructor_url}) adds session plans with "
                "timings, facilitation notes, answer keys, timers and the quiz bank for your LMS.")
    return ""


def addresses(root, environ):
    """(learner address, instructor address), each ending in /, from COURSE_URL or mkdocs.yml's site_url."""
    base = (environ.get("COURSE_URL") or config_value(Path(root) / "mkdocs.yml", "site_url") or "").strip()
    if not base.startswith(("http://", "https://")):
        raise PublishError("set COURSE_URL to the address the course is published at, like "
                           "`COURSE_URL=https://example.github.io/networking-course/ make publish` "
                           f"(found {base!r})")
    base = base.rstrip("/") + "/"
    return base, base + INSTRUCTOR_DIR + "/"


def build(root, config, site_dir, environ):
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(Path(root) / config), "-d", str(site_dir)]
    result = subprocess.run(command, cwd=root, env=environ, capture_output=True, text=True)
    if result.returncode != 0:
        problems = [line for line in (result.stderr + result.stdout).splitlines() if not line.startswith("INFO")]
        raise PublishError(f"building {config} failed:\n" + "\n".join(problems).strip())


def prune(site_dir):
    """Remove what pages never load: the bundled sources and source maps."""
    for name in bundled_sources(site_dir):
        (Path(site_dir) / name).unlink()
    for pattern in LEFT_OUT:
        for path in Path(site_dir).rglob(pattern):
            path.unlink()
    for folder in sorted((p for p in Path(site_dir).rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


def publish(root, target, environ=os.environ):
    learner, instructor = addresses(root, environ)
    environ = dict(environ, NO_MKDOCS_2_WARNING="1", COURSE_SITE_URL=learner, COURSE_INSTRUCTOR_SITE_URL=instructor,
                   COURSE_LEARNER_URL=learner, COURSE_INSTRUCTOR_URL=instructor)
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".publish-", dir=target.parent) as scratch:
        folder = Path(scratch) / "site"
        build(root, "mkdocs.yml", folder, environ)  # first: a build empties its own folder
        build(root, "mkdocs.instructor.yml", folder / INSTRUCTOR_DIR, environ)
        prune(folder)
        prune(folder / INSTRUCTOR_DIR)
        if target.exists():
            shutil.rmtree(target)
        folder.rename(target)
    return target, learner, instructor


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    root = Path(__file__).resolve().parent.parent
    try:
        folder, learner, instructor = publish(root, Path(args[0]) if args else root / "public")
    except PublishError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Published into {folder}/: the learner edition for {learner} and the instructor edition for {instructor}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
