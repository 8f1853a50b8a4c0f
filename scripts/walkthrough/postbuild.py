"""Steps that finish a freshly built site before it is published, in order.

One job: list them. `sitebuild.build_site` runs `finish(site, root, content)` on the temporary
folder after the builder and before the internal-link check and the swap into site/, so a step
that fails leaves the published site/ untouched. Each step is a function (site: Path, root: Path)
-> None in its own module; a step that needs the checked content takes a `content` keyword too
and gets the build's own (the content is checked once per build). Add a step by adding a line to
STEPS.
"""
from __future__ import annotations

import inspect
from pathlib import Path

from . import security, stylesheets
from .leaflet import step as leaflet

# Notes for the people who work on the site, never for its visitors. MkDocs leaves README files out
# of a theme's files; Zensical published overrides/components/*/README.md.
NOT_PUBLISHED = ("README.md", "readme.md", "README")


def remove_notes(site: Path, root: Path) -> None:
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name in NOT_PUBLISHED:
            path.unlink()


STEPS: list = [
    remove_notes,  # component README files, whichever builder copied them
    stylesheets.add_to_site,  # one screen and one print stylesheet per page, unused rules left out
    security.add_security_headers,
    leaflet.add_to_site,  # site/leaflet/*.pdf, and their sizes next to the download links
]


def finish(site: Path, root: Path, content=None) -> None:
    """`content`: the build's checked content (model.Content), for the steps that take it."""
    for step in STEPS:
        if content is not None and "content" in inspect.signature(step).parameters:
            step(site, root, content=content)
        else:
            step(site, root)
