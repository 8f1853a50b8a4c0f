"""Helpers for browser tests."""
from __future__ import annotations

from pathlib import Path


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a site-relative URL path."""
    paths = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        paths.append("" if rel == "." else rel + "/")
    return paths
