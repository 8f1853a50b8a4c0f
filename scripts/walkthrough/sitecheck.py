"""Checks on a built site that MkDocs cannot make.

One job: find every link and asset reference in the built HTML that points inside the site and
check that the file and the #fragment exist. MkDocs validates Markdown links, but not links
written in raw HTML blocks or theme templates, which is where most of ours are.
"""
from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for attr in ("href", "src"):
            if attrs.get(attr) is not None and tag in ("a", "link", "script", "img", "iframe", "source"):
                self.refs.append(attrs[attr])


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text("utf-8", errors="replace"))
    return collector


def anchors(page: Path) -> set[str]:
    """The ids (and old-style <a name>) a built page has, which a #fragment can point to."""
    return _parse(page).ids


def broken_links(site: Path) -> list[str]:
    """Every internal link in `site` whose file or #fragment does not exist, as readable lines."""
    pages = {p: _parse(p) for p in sorted(site.rglob("*.html"))}
    problems = []
    for page, collected in pages.items():
        rel_page = page.relative_to(site).as_posix()
        for ref in collected.refs:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or ref.startswith("//"):
                continue  # external, tel:, mailto:, sms: are not files of this site
            target_path = unquote(parts.path)
            if target_path:
                if target_path.startswith("/"):  # root-relative (404.html): the site is served at the root
                    joined = posixpath.normpath(target_path.lstrip("/") or ".")
                else:
                    joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel_page), target_path))
                target = site / joined
                if target.is_dir():
                    target = target / "index.html"
            else:
                target = page
            if not target.exists():
                problems.append(f"{rel_page}: the link {ref!r} points to a file that does not exist")
                continue
            fragment = unquote(parts.fragment)
            # A fragment with "=" (#need=isva) is the service finder's filter state, not an anchor.
            if fragment and target.suffix == ".html" and "=" not in fragment:
                ids = pages[target].ids if target in pages else anchors(target)
                if fragment not in ids:
                    problems.append(f"{rel_page}: the link {ref!r} points to #{fragment}, which is not on that page")
    return problems
