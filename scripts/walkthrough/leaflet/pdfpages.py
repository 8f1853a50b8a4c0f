"""Reading a printed PDF back: how many pages, and where each part starts.

One job. Chromium cannot fill in page numbers itself (no CSS target-counter), but with
outline=True it writes a bookmark for every heading, pointing at the page where the heading
is. The contents page is filled from those bookmarks.
"""
from __future__ import annotations

import io

from pypdf import PdfReader


def _flatten(reader: PdfReader, outline, depth: int, found: dict[str, int]) -> None:
    for item in outline:
        if isinstance(item, list):  # the children of the item before it
            if depth > 0:
                _flatten(reader, item, depth - 1, found)
        elif depth == 0:
            found.setdefault(squeeze(str(item.title)), reader.get_destination_page_number(item) + 1)


def squeeze(text: str) -> str:
    """Chromium drops the space where a long heading wraps ("charging decision" becomes
    "chargingdecision" in the bookmark), so headings are compared without any spaces."""
    return "".join(text.split())


def heading_pages(pdf: bytes, depth: int) -> dict[str, int]:
    """{heading without spaces: 1-based page number} of the bookmarks `depth` levels down (0: the
    top level). Levels follow the headings: in the whole leaflet, the cover's <h1> is the top and
    its parts (<h2>) are one level down, so a part is not confused with a stage's sub-heading
    that has the same words ("Your rights")."""
    reader = PdfReader(io.BytesIO(pdf))
    found: dict[str, int] = {}
    _flatten(reader, reader.outline, depth, found)
    return found


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)
