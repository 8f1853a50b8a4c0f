"""A5 booklet imposition: A5 pages placed two to a side of A4 in booklet order.

One job. Printing the result double-sided on A4 (flip on the short edge), stacking the sheets
in order and folding them in half gives an A5 booklet that reads 1, 2, 3… Blank pages are
added at the end to make the page count a multiple of 4 (each sheet carries four A5 pages).
Sheet k (from 0) of a booklet of n pages: front = [n-2k, 2k+1], back = [2k+2, n-2k-1], counting
pages from 1. Web links (and their positions) are carried over; the tagged structure is not, so
this file is for printing: the A4 and large-print PDFs are the ones to read on screen.
"""
from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import ArrayObject, NameObject, TextStringObject

A4_LONG, A4_SHORT = 841.89, 595.28  # points: 297 mm and 210 mm


def sides(pages: int) -> list[tuple[int | None, int | None]]:
    """(left, right) 1-based A5 page numbers for each printed side in order; None is blank."""
    total = -(-pages // 4) * 4
    order = []
    for k in range(total // 4):
        order += [(total - 2 * k, 2 * k + 1), (2 * k + 2, total - 2 * k - 1)]
    return [tuple(p if p <= pages else None for p in pair) for pair in order]


def _keep_web_links(page) -> None:
    """Links inside the document point at pages that are not in the imposed file: drop them."""
    annots = page.get("/Annots")
    if annots is None:
        return
    kept = ArrayObject(a for a in annots.get_object()
                       if a.get_object().get("/A", {}).get("/URI") is not None)
    page[NameObject("/Annots")] = kept


def impose(a5_pdf: bytes, metadata: dict[str, str], lang: str) -> bytes:
    reader = PdfReader(io.BytesIO(a5_pdf))
    first = reader.pages[0]
    width, height = float(first.mediabox.width), float(first.mediabox.height)
    # Chromium's A5 is a fraction of a point off true A5 (it works in whole CSS pixels): centre
    # each page in its half of a true A4 sheet, so a printer's "A4" matches exactly.
    dx, dy = (A4_LONG / 2 - width) / 2, (A4_SHORT - height) / 2
    for page in reader.pages:
        _keep_web_links(page)
    writer = PdfWriter()
    for left, right in sides(len(reader.pages)):
        sheet = writer.add_blank_page(width=A4_LONG, height=A4_SHORT)
        for slot, number in enumerate((left, right)):
            if number is not None:
                sheet.merge_transformed_page(reader.pages[number - 1],
                                             Transformation().translate(tx=slot * A4_LONG / 2 + dx, ty=dy))
        sheet.compress_content_streams()  # merging writes them out uncompressed
    # Each merged page brings its own copy of the fonts and images: keep one of each.
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    writer.add_metadata(metadata)
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
