"""The course's own stylesheets and scripts, served as one file of each kind.

Authors keep one small file per feature in docs/assets/; a page then makes two requests for them
instead of one per file, which is what a phone on a slow network notices first.
"""
import re
from pathlib import Path

BUNDLES = {".css": "assets/course.bundle.css", ".js": "assets/course.bundle.js"}


def is_own(path):
    """A file of this site's docs folder, not an address on another host."""
    return "://" not in path and not path.startswith("//")


def split(paths, suffix):
    """(the project's own files ending in suffix, every other entry), each in the order given."""
    own = [p for p in paths if is_own(str(p)) and str(p).endswith(suffix)]
    return own, [p for p in paths if p not in own]


def bundle(docs_dir, paths):
    """The files' text joined in order, each headed by its name; scripts are each a closed function,
    so joining them with `;` keeps them apart."""
    parts = [f"/* {path} */\n" + (Path(docs_dir) / str(path)).read_text(encoding="utf-8").strip() for path in paths]
    return "\n;\n".join(parts) + "\n" if str(paths[0]).endswith(".js") else "\n".join(parts) + "\n"


def bundled_sources(site_dir):
    """The files of a built site that its bundles already hold (named in each bundle's `/* path */` headings):
    pages never load them, so a published or offline copy can leave them out."""
    found = []
    for target in BUNDLES.values():
        bundle_path = Path(site_dir) / target
        if bundle_path.is_file():
            headings = re.findall(r"^/\* (assets/[\w./-]+) \*/$", bundle_path.read_text(encoding="utf-8"), re.MULTILINE)
            found += [name for name in headings if (Path(site_dir) / name).is_file()]
    return found
