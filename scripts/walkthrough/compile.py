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
from .output import write_pages

GENERATED_DIRS = tuple(sorted({p.split("/")[0] for p, _ in render.PAGES.values()}
                              | {search_answers.OUTPUT.split("/")[0]}))


@dataclass(frozen=True)
class Compiled:
    checked: Checked
    nav: list
    written: list
    removed: list


def compile_site(root: Path, docs_dir: Path | None = None, today: _dt.date | None = None) -> Compiled:
    """Raises problems.ContentError (and writes nothing) if any content is wrong."""
    checked = check_content(root, today)
    pages = render.render_pages(checked.content)
    pages[search_answers.OUTPUT] = search_answers.data_file(checked.content)
    written, removed = write_pages(docs_dir or root / "docs", pages, GENERATED_DIRS)
    return Compiled(checked, render.nav(checked.content), written, removed)


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
