"""The course's own stylesheets and scripts, served in bundles: a core that every page loads, and one bundle
per feature that only the pages holding that feature load.

The core is what `extra_css` and `extra_javascript` list in mkdocs.yml: assets/course.bundle.css and
assets/course.bundle.js. A feature (`extra: features:` in mkdocs.yml) names the element a page holds it in,
`root`, and its files, which go into assets/<feature>.bundle.css and .js:

    features:
      plan:
        root: .nplan                     # `.class` or `[attribute]`, several separated by commas
        files: [assets/plan.css, assets/plan.js]

A page whose HTML holds the root gets the feature's bundles in its head and after the core script
(overrides/main.html); after an instant navigation, assets/features.js adds them. Authors keep one small
file per feature; a lesson page still makes two requests for the course's own files, and carries none of
the plan's, the worksheets' or the timers' code.
"""
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .problems import CourseError, Problem

CORE = "course"
SUFFIXES = (".css", ".js")
CONFIGS = ("mkdocs.yml", "mkdocs.instructor.yml")  # where features are declared; the instructor file adds its own
_NAME = re.compile(r"[a-z][a-z0-9-]*")
_CLASS = re.compile(r"\.([A-Za-z_][\w-]*)")
_ATTRIBUTE = re.compile(r"\[([a-z][\w-]*)\]")


def target(name, suffix):
    """Where the bundle of `name` ("course" for the core) and of kind `suffix` is written in the site."""
    return f"assets/{name}.bundle{suffix}"


@dataclass(frozen=True)
class Feature:
    name: str
    root: str
    files: tuple

    def bundles(self):
        """{suffix: the site path of this feature's bundle of that kind}, for the kinds it has files of."""
        return {suffix: target(self.name, suffix) for suffix in SUFFIXES if any(f.endswith(suffix) for f in self.files)}


def is_own(path):
    """A file of this site's docs folder, not an address on another host."""
    return "://" not in path and not path.startswith("//")


def split(paths, suffix):
    """(the project's own files ending in suffix, every other entry), each in the order given."""
    own = [p for p in paths if is_own(str(p)) and str(p).endswith(suffix)]
    return own, [p for p in paths if p not in own]


def _where(texts, name, key=None):
    """(file, line) of feature `name` (or of its `key`) under `features:` in the first config text that declares
    it; texts maps file names to their text. Line 1 of the first file if none does."""
    for file, text in texts.items():
        lines = text.splitlines()
        start = next((i for i, line in enumerate(lines) if line.strip() == "features:"), None)
        for i in range(len(lines) if start is None else start, len(lines)):
            if re.match(rf"\s+{re.escape(name)}:", lines[i]):
                if key is None:
                    return file, i + 1
                return file, next((j + 1 for j in range(i + 1, len(lines)) if re.match(rf"\s+{key}:", lines[j])), i + 1)
    return next(iter(texts), CONFIGS[0]), 1


def _selectors(root):
    """The patterns that find `root` in HTML: one per `.class` or `[attribute]`; None if root has another form."""
    patterns = []
    for selector in str(root).split(","):
        selector = selector.strip()
        if _CLASS.fullmatch(selector):
            name = re.escape(selector[1:])
            patterns.append(re.compile(rf'\sclass="(?:[^"]*\s)?{name}(?:\s[^"]*)?"'))
        elif _ATTRIBUTE.fullmatch(selector):
            patterns.append(re.compile(rf"<[a-zA-Z][^<>]*\s{re.escape(selector[1:-1])}(?=[\s=/>])"))
        else:
            return None
    return patterns


def read_features(config, docs_dir, core, texts=None):
    """The features of `extra: features:` (config, a dict), checked: each file exists in docs_dir, is a
    stylesheet or a script, and belongs to one bundle only (core: the files every page loads). Raises
    CourseError with every problem, each naming its file and line (texts: {config file name: its text}) and
    the fix."""
    problems, features, seen, texts = [], [], {str(path): CORE for path in core}, texts or {}

    def problem(name, key, message):
        problems.append(Problem(*_where(texts, name, key), f"extra.features.{name}: {message}"))

    if not isinstance(config, dict):
        raise CourseError([Problem(*_where(texts, "features"), "extra.features must map each feature's "
                                   "name to its `root` and `files`")])
    for name, entry in config.items():
        name = str(name)
        if not _NAME.fullmatch(name) or name == CORE:
            problem(name, None, f"name a feature with lowercase letters, digits and hyphens, other than '{CORE}'")
            continue
        if not isinstance(entry, dict) or set(entry) != {"root", "files"}:
            problem(name, None, "give exactly `root:` (the element a page holds it in) and `files:` (a list)")
            continue
        if not _selectors(entry["root"]):
            problem(name, "root", f"root {entry['root']!r} is not `.class` or `[attribute]` (several separated "
                    "by commas), the forms the build can find in a page")
        files = entry["files"] if isinstance(entry["files"], list) else []
        if not files:
            problem(name, "files", "list the feature's files, such as [assets/plan.css, assets/plan.js]")
        for path in map(str, files):
            if not path.endswith(SUFFIXES) or not is_own(path):
                problem(name, "files", f"{path} is not a stylesheet (.css) or script (.js) of docs/")
            elif not (Path(docs_dir) / path).is_file():
                problem(name, "files", f"{path} is not in docs/; check its spelling")
            elif path in seen:
                owner = "extra_css or extra_javascript" if seen[path] == CORE else f"feature {seen[path]}"
                problem(name, "files", f"{path} is already in {owner}; a file belongs to one bundle only")
            seen[path] = name
        features.append(Feature(name, str(entry["root"]), tuple(map(str, files))))
    if problems:
        raise CourseError(problems)
    return features


def page_features(features, html):
    """The features whose root element is in `html` (a page's HTML), in the order they are declared."""
    return [feature for feature in features if any(p.search(html) for p in _selectors(feature.root))]


def browser_table(features):
    """What assets/features.js needs to load features after an instant navigation, as JSON: each feature's root
    and its bundles' file names (in the assets folder, beside the core script)."""
    return json.dumps({f.name: {"root": f.root, **{s[1:]: Path(t).name for s, t in f.bundles().items()}}
                       for f in features}, separators=(",", ":"))


def bundle(docs_dir, paths):
    """The files' text joined in order, each headed by its name; scripts are each a closed function,
    so joining them with `;` keeps them apart."""
    parts = [f"/* {path} */\n" + (Path(docs_dir) / str(path)).read_text(encoding="utf-8").strip() for path in paths]
    return "\n;\n".join(parts) + "\n" if str(paths[0]).endswith(".js") else "\n".join(parts) + "\n"


def bundled_sources(site_dir):
    """The files of a built site that its bundles already hold (named in each bundle's `/* path */` headings):
    pages never load them, so a published or offline copy can leave them out."""
    found = []
    for bundle_path in sorted(Path(site_dir).glob("assets/*.bundle.*")):
        if bundle_path.suffix in SUFFIXES:
            headings = re.findall(r"^/\* (assets/[\w./-]+) \*/$", bundle_path.read_text(encoding="utf-8"), re.MULTILINE)
            found += [name for name in headings if (Path(site_dir) / name).is_file()]
    return found
