"""Steps that finish a freshly built site before it is published, in order.

One job: list them. `sitebuild.build_site` runs `finish(site, root)` on the temporary folder after
MkDocs and before the internal-link check and the swap into site/, so a step that fails leaves
the published site/ untouched. Each step is a function (site: Path, root: Path) -> None in its own
module; add a step by adding a line to STEPS.
"""
from __future__ import annotations

from pathlib import Path

from . import markupfix, security, stylesheets
from .leaflet import step as leaflet

STEPS: list = [
    markupfix.add_to_site,  # valid HTML where Material's base template is not (Nu Html Checker)
    stylesheets.add_to_site,  # one screen and one print stylesheet per page, unused rules left out
    security.add_security_headers,
    leaflet.add_to_site,  # site/leaflet/*.pdf, and their sizes next to the download links
]


def finish(site: Path, root: Path) -> None:
    for step in STEPS:
        step(site, root)
