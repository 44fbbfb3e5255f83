"""Page weight (HTML + CSS + JS, gzipped) and the third-party check, over HTTP from gunicorn.

Every URL a page makes the browser fetch (stylesheets, scripts, icons, images, frames, and
url()/@import inside the stylesheets) must be on 127.0.0.1: anything else is a third-party
request. Links a visitor may follow (<a href>, <link rel=canonical|alternate>) and sharing
metadata (<meta>) are not fetches.
Weight counts the HTML, the stylesheets (print.css included) and scripts; images are excluded.
Sizes are gzipped at level 6, what a proxy typically sends; WhiteNoise's pre-compressed
files are about the same.
"""

import gzip
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from bench.load import HOST, fetch

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
# Attributes that make the browser fetch something, per tag.
FETCHED = {
    "link": ["href"],
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "embed": ["src"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "track": ["src"],
    "object": ["data"],
}
NOT_FETCHED_RELS = {"canonical", "alternate"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
FONT = re.compile(r"\.(woff2?|ttf|otf)(\?|#|$)")


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fetched = []  # every URL the page makes the browser fetch
        self.stylesheets = []
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").lower().split()
        if tag == "link" and NOT_FETCHED_RELS.intersection(rel):
            return
        for name in FETCHED.get(tag, []):
            value = attrs.get(name)
            if not value:
                continue
            if name == "srcset":
                self.fetched += [part.split()[0] for part in value.split(",") if part.strip()]
            else:
                self.fetched.append(value)
        if tag == "link" and "stylesheet" in rel and attrs.get("href"):
            self.stylesheets.append(attrs["href"])
        if tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])


def is_third_party(url: str) -> bool:
    """True for a URL on another host; relative and data: URLs stay on this one."""
    parts = urlsplit(url)
    return parts.scheme != "data" and bool(parts.netloc) and parts.hostname not in LOCAL_HOSTS


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def _get(port, url):
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    status, body, _ = fetch(port, path)
    assert status == 200, f"{path}: HTTP {status}"
    return body


def measure(port: int, path: str, expect: int = 200) -> dict:
    """Weight of one page and every URL it makes the browser fetch."""
    status, html, _ = fetch(port, path)
    assert status == expect, f"{path}: HTTP {status}, not {expect}"
    page = _Resources()
    page.feed(html.decode())
    base = f"http://{HOST}{path}"
    files = {"html": [(path, html)], "css": [], "js": [], "fonts": []}
    fetched = list(page.fetched)
    for href in page.stylesheets:
        css = _get(port, urljoin(base, href))
        files["css"].append((href, css))
        found = [a or b for a, b in CSS_URL.findall(css.decode())]
        fetched += [urljoin(urljoin(base, href), url) for url in found]
        for url in found:
            if FONT.search(url):
                font = urljoin(urljoin(base, href), url)
                files["fonts"].append((url, _get(port, font)))
    for src in page.scripts:
        files["js"].append((src, _get(port, urljoin(base, src))))

    kinds = {
        kind: {
            "files": [name for name, _ in items],
            "bytes": sum(len(data) for _, data in items),
            "gzip_bytes": sum(_gz(data) for _, data in items),
        }
        for kind, items in files.items()
    }
    total_gzip = sum(kind["gzip_bytes"] for kind in kinds.values())
    return {
        "path": path,
        "kinds": kinds,
        "total_bytes": sum(kind["bytes"] for kind in kinds.values()),
        "total_gzip_kb": round(total_gzip / 1024, 1),
        "fetched_urls": sorted(set(fetched)),
        "third_party": sorted({url for url in fetched if is_third_party(url)}),
    }
