"""Content in, page files out: the compiler's single entry point.

One job: check all content (`content.check_content`), render every page (`render`), and write
the pages that changed into docs/ (`output`). Nothing is written unless every check passed.
Used by `python -m walkthrough compile|build` and by the MkDocs hook (hooks/compile_content.py),
which MkDocs and ProperDocs both run; Zensical runs no hooks, so the CLI must compile first
(tests/unit/test_compile_and_output.py). It does not import MkDocs.

When the CLI has already compiled, it tells the builder's hook so through one environment
variable (`mark_compiled`, `precompiled`): the hook then only expands the navigation, and the
content is checked once per build instead of three times.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from . import render, search_answers
from .content import Checked, check_content
from .leaflet.urls import site_from_config  # the published address, read without MkDocs
from .output import write_pages

GENERATED_DIRS = tuple(sorted({p.split("/")[0] for p, _ in render.PAGES.values()}
                              | {search_answers.OUTPUT.split("/")[0]}))

# Set by the CLI for the builder it starts: {"root": ..., "docs": ..., "nav": [...]}.
COMPILED_ENV = "WALKTHROUGH_COMPILED"


@dataclass(frozen=True)
class Compiled:
    checked: Checked
    nav: list
    written: list
    removed: list
    total: int = 0  # generated files, written or not


def compile_site(root: Path, docs_dir: Path | None = None, today: _dt.date | None = None,
                 links: str = "page", site=None) -> Compiled:
    """Raises problems.ContentError (and writes nothing) if any content is wrong. `today`: the day
    whose law the pages show (default lawdates.build_date()). `links`: how relative links in raw
    HTML are written (render.LINK_MODES; "file" for Zensical). `site`: the published address for
    the feed's absolute links (default: site_url in ROOT/mkdocs.yml; no feed without one)."""
    checked = check_content(root, today)
    if site is None and (root / "mkdocs.yml").exists():
        site = site_from_config(root / "mkdocs.yml")
    pages = render.render_pages(checked.content, checked.today, site, links=links)
    pages[search_answers.OUTPUT] = search_answers.data_file(checked.content)
    written, removed = write_pages(docs_dir or root / "docs", pages, GENERATED_DIRS)
    return Compiled(checked, render.nav(checked.content), written, removed, len(pages))


def mark_compiled(env: dict, root: Path, docs_dir: Path, compiled: Compiled) -> dict:
    """A copy of `env` that tells the hook of a builder started with it that `root` is compiled."""
    record = {"root": str(Path(root).resolve()), "docs": str(Path(docs_dir).resolve()), "nav": compiled.nav}
    return dict(env, **{COMPILED_ENV: json.dumps(record)})


def precompiled(root: Path, docs_dir: Path, env: dict | None = None) -> list | None:
    """The journey's navigation if the CLI already compiled this very project and docs folder for
    this build, else None (the hook compiles, as under `mkdocs serve`)."""
    raw = (os.environ if env is None else env).get(COMPILED_ENV)
    if not raw:
        return None
    record = json.loads(raw)
    if record["root"] != str(Path(root).resolve()) or record["docs"] != str(Path(docs_dir).resolve()):
        return None
    return record["nav"]


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
