"""Every internal link and anchor in the built site leads somewhere, including links that macros
write as raw HTML (MkDocs validates only the links it renders from Markdown)."""
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlparse


from conftest import ROOT
from macros.course import config_value


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag in ("a", "link") and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def parse(path, cache={}):
    if path not in cache:
        links = Links()
        links.feed(path.read_text(encoding="utf-8"))
        cache[path] = links
    return cache[path]


def target_file(site, url):
    path = site / unquote(url.path).lstrip("/")
    return path / "index.html" if url.path.endswith("/") or path.is_dir() else path


def test_every_internal_link_and_anchor_resolves(site):
    # Absolute links (the 404 page has them) start at the path of site_url in mkdocs.yml.
    prefix = urlparse(config_value(ROOT / "mkdocs.yml", "site_url")).path
    base = "http://site.invalid" + prefix
    broken = []
    for page in sorted(site.rglob("*.html")):
        page_url = base + page.relative_to(site).as_posix()
        for href in parse(page).hrefs:
            if re.match(r"^(https?:|mailto:|data:)", href) and not href.startswith(base):
                continue
            url = urlparse(urljoin(page_url, href))
            url = url._replace(path="/" + url.path[len(prefix):] if url.path.startswith(prefix) else url.path)
            target = target_file(site, url)
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href} (no {target.relative_to(site)})")
            elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in parse(target).ids:
                broken.append(f"{page.relative_to(site)}: {href} (no id {url.fragment})")
    assert not broken, "\n".join(broken)


def test_external_links_use_https(site):
    plain = set()
    for page in sorted(site.rglob("*.html")):
        for href in parse(page).hrefs:
            if href.startswith("http://"):
                plain.add(f"{page.relative_to(site)}: {href}")
    assert not plain, "\n".join(sorted(plain))
