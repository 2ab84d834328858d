"""`make publish`: both editions in one folder that any static host can serve, and the workflow that deploys it."""
import os
import re
import socket
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

from conftest import ROOT, serve_folder


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """(folder, base address): `python -m macros.publish` run for an address on this machine."""
    base = f"http://127.0.0.1:{free_port()}/"
    folder = tmp_path_factory.mktemp("publish") / "public"
    result = subprocess.run([sys.executable, "-m", "macros.publish", str(folder)], cwd=ROOT, capture_output=True,
                            text=True, timeout=600, env=dict(os.environ, COURSE_URL=base.rstrip("/")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == (f"Published into {folder}/: the learner edition for {base} and the instructor "
                                     f"edition for {base}instructor/.")
    return folder, base


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)


def target_of(folder, base, page, link):
    """The file in folder that a link on page points to, or None for a link to another host."""
    address = urljoin(base + page.relative_to(folder).as_posix(), link)
    address = urldefrag(address)[0]
    if not address.startswith(base):
        return None if urlparse(address).scheme in ("http", "https", "mailto") else "unsupported"
    path = folder / address[len(base):]
    return path / "index.html" if address.endswith("/") else path


def test_both_editions_sit_in_one_folder_with_their_addresses(published):
    folder, base = published
    assert f'<link rel="canonical" href="{base}">' in (folder / "index.html").read_text(encoding="utf-8")
    instructor_home = (folder / "instructor/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{base}instructor/">' in instructor_home
    assert f"<loc>{base}lessons/in-person/</loc>" in (folder / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{base}instructor/instructor/session-plan/</loc>" in (
        folder / "instructor/sitemap.xml").read_text(encoding="utf-8")


def test_each_home_links_to_the_other_edition(published):
    folder, base = published
    learner = (folder / "index.html").read_text(encoding="utf-8")
    instructor = (folder / "instructor/index.html").read_text(encoding="utf-8")
    assert f'The <a href="{base}instructor/">instructor edition</a> adds session plans' in learner
    assert f'Learners use the <a href="{base}">learner edition</a>' in instructor


def test_every_internal_link_of_both_editions_resolves(published):
    folder, base = published
    pages = sorted(folder.rglob("*.html"))
    assert len(pages) > 40
    broken = []
    for page in pages:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.found:
            target = target_of(folder, base, page, link)
            if target is not None and (target == "unsupported" or not Path(target).is_file()):
                broken.append(f"{page.relative_to(folder)}: {link}")
    assert broken == []


def test_downloads_and_offline_copy_are_in_place_and_nothing_else(published):
    folder, _ = published
    for name in ("downloads/networking-plan.md", "downloads/networking-plan.docx", "downloads/networking-plan.ics",
                 "downloads/networking-course-offline.zip", "instructor/downloads/lms/course.moodle.xml",
                 "instructor/downloads/lms/course.gift.txt"):
        assert (folder / name).is_file(), name
    files = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
    assert [f for f in files if f.endswith(".map")] == []
    # The course's own sources are in the two bundles; pages never load them one by one.
    assert sorted(f for f in files if re.fullmatch(r"(instructor/)?assets/[^/]+\.(js|css)", f)) == [
        "assets/course.bundle.css", "assets/course.bundle.js",
        "instructor/assets/course.bundle.css", "instructor/assets/course.bundle.js"]
    assert [f for f in files if f.endswith((".md", ".yml", ".py")) and not f.endswith("downloads/networking-plan.md")] == []
    with zipfile.ZipFile(folder / "downloads/networking-course-offline.zip") as offline:
        names = offline.namelist()
    assert "networking-course/assets/course.bundle.js" in names
    assert "networking-course/assets/quiz.js" not in names


def test_publishing_without_an_address_says_how_to_set_one(tmp_path):
    from macros.publish import PublishError, addresses
    assert addresses(ROOT, {"COURSE_URL": "https://example.github.io/course"}) == (
        "https://example.github.io/course/", "https://example.github.io/course/instructor/")
    with pytest.raises(PublishError, match=r"set COURSE_URL to the address the course is published at"):
        addresses(ROOT, {"COURSE_URL": "example.github.io/course"})


def test_a_failed_build_leaves_the_published_folder_as_it_was(tmp_path):
    import shutil
    copy = tmp_path / "course"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "node_modules", "site*", "public", ".git"))
    (copy / "docs/index.md").write_text("---\ntitle: Home\n---\n\n[a broken link](nowhere.md)\n", encoding="utf-8")
    folder = copy / "public"
    folder.mkdir()
    (folder / "index.html").write_text("the last good copy", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.publish", str(folder)], cwd=copy, capture_output=True,
                            text=True, timeout=600, env=dict(os.environ, COURSE_URL="https://example.org/course/"))
    assert result.returncode == 1
    assert "building mkdocs.yml failed:" in result.stderr and "nowhere.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert (folder / "index.html").read_text(encoding="utf-8") == "the last good copy"
    assert [p.name for p in copy.iterdir() if p.name.startswith(".publish-")] == []


def test_the_workflow_passes_actionlint_and_runs_the_readme_commands():
    workflows = sorted((ROOT / ".github/workflows").glob("*.yml"))
    assert [w.name for w in workflows] == ["course.yml"]
    result = subprocess.run([str(Path(sys.executable).parent / "actionlint"), *map(str, workflows)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    text = workflows[0].read_text(encoding="utf-8")
    assert "run: bash .ci/run" in text and "run: make publish" in text
    uses = re.findall(r"uses: ([\w/-]+)@(\S+)", text)
    assert {name for name, _ in uses} == {"actions/checkout", "actions/cache", "actions/upload-artifact",
                                          "actions/upload-pages-artifact", "actions/deploy-pages"}
    assert all(re.fullmatch(r"v\d+\.\d+\.\d+", version) for _, version in uses), uses  # pinned, not @v4
