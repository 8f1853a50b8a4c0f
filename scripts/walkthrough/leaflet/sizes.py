"""Showing each PDF's size and length next to the site's download links.

One job. Pages are built before the PDFs exist, so a page marks the place with an element like
<span data-leaflet-size="leaflet/stages/trial.pdf">(PDF)</span> (the path is from the site's
root) and this step, run after the PDFs are made, sets its words to "(PDF, 85 KB, 2 pages)",
in the style GOV.UK uses for attachments. A marker for a file that was not made is an error.
"""
from __future__ import annotations

import re
from pathlib import Path

MARKER = re.compile(r'(<(?P<tag>[a-z]+)\b[^>]*\bdata-leaflet-size="(?P<path>[^"]+)"[^>]*>)(?P<text>.*?)(</(?P=tag)>)',
                    re.S)


def size_words(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def describe(size: int, pages: int) -> str:
    return f"(PDF, {size_words(size)}, {pages} page{'s' if pages != 1 else ''})"


def fill(site: Path, made: dict[str, tuple[int, int]]) -> int:
    """Fill every marker under `site`. `made`: site path -> (bytes, pages). Returns how many."""
    filled, missing = 0, []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text("utf-8")
        if "data-leaflet-size" not in text:
            continue

        def replace(match: re.Match) -> str:
            nonlocal filled
            path = match.group("path")
            if path not in made:
                missing.append(f"{page.relative_to(site).as_posix()}: no leaflet file {path} to describe")
                return match.group(0)
            filled += 1
            return match.group(1) + describe(*made[path]) + match.group(5)

        new = MARKER.sub(replace, text)
        if new != text:
            page.write_text(new, "utf-8")
    if missing:
        raise ValueError("\n".join(missing))
    return filled
