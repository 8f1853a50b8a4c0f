"""Content in, page files out: the compiler's single entry point.

One job: check all content (`content.check_content`), render every page (`render`), and write
the pages that changed into docs/ (`output`). Nothing is written unless every check passed.
Used by the MkDocs hook (hooks/compile_content.py) and by `python -m walkthrough compile`;
it does not import MkDocs, so another builder that reads mkdocs.yml can use its output.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from . import render, search_answers
from .content import Checked, check_content
from .leaflet.urls import site_from_config  # the published address, read without MkDocs
from .output import write_pages

GENERATED_DIRS = tuple(sorted({p.split("/")[0] for p, _ in render.PAGES.values()}
                              | {search_answers.OUTPUT.split("/")[0]}))


@dataclass(frozen=True)
class Compiled:
    checked: Checked
    nav: list
    written: list
    removed: list
    total: int = 0  # generated files, written or not


def compile_site(root: Path, docs_dir: Path | None = None, today: _dt.date | None = None, site=None) -> Compiled:
    """Raises problems.ContentError (and writes nothing) if any content is wrong. `today`: the day
    whose law the pages show (default lawdates.build_date()). `site`: the published address for
    the feed's absolute links (default: site_url in ROOT/mkdocs.yml; no feed without one)."""
    checked = check_content(root, today)
    if site is None and (root / "mkdocs.yml").exists():
        site = site_from_config(root / "mkdocs.yml")
    pages = render.render_pages(checked.content, checked.today, site)
    pages[search_answers.OUTPUT] = search_answers.data_file(checked.content)
    written, removed = write_pages(docs_dir or root / "docs", pages, GENERATED_DIRS)
    return Compiled(checked, render.nav(checked.content), written, removed, len(pages))


def expand_nav(nav: list, journey: list) -> list:
    """Replace the mkdocs.yml nav entry that points at the journey overview (stages/index.md)
    with a section holding the overview and every stage in order."""
    overview = journey[0]
    result = []
    for entry in nav or []:
        if isinstance(entry, dict) and len(entry) == 1 and next(iter(entry.values())) == overview:
            title = next(iter(entry))
            # The overview takes the section's title: untitled, MkDocs names the page "Index", and
            # that is what the browser tab and screen readers announced.
            result.append({title: [{title: overview}] + list(journey[1:])})
        else:
            result.append(entry)
    return result
