"""QR codes for the leaflet.

One job: turn an address into a QR code as an SVG data: URI, made at build time with segno (no
network, no JavaScript). SVG stays sharp at any print size; the data: URI keeps each HTML
document self-contained. Error correction M survives a crease or a smudge.
"""
from __future__ import annotations

import segno


def data_uri(url: str) -> str:
    code = segno.make(url, error="m", micro=False, boost_error=False)
    # omitsize: the SVG scales to the size the stylesheet gives it; border 4 is the quiet zone
    # the QR standard asks for, so scanners find the code on a busy page.
    return code.svg_data_uri(border=4, omitsize=True, dark="#000", light="#fff")
