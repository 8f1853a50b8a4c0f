"""The post-build step that adds the leaflet PDFs to a freshly built site.

One job: make every leaflet PDF from the content (reusing cached ones whose input did not
change), write them under <site>/leaflet/, fill in the sizes shown next to the download links,
and print what it made and how long it took. Listed in `walkthrough.postbuild.STEPS`, so it runs
on the temporary build folder before the link check and the swap: if it fails, the published
site/ is left as it was, and the link check then proves every link to a PDF resolves.

  leaflet/walkthrough-a4.pdf            the whole walkthrough, A4
  leaflet/walkthrough-large-print.pdf   the same at 16 pt and over, A4
  leaflet/walkthrough-a5-booklet.pdf    the same on A5, imposed two to a side of A4
  leaflet/stages/<id>.pdf               one stage, one or two A4 pages
"""
from __future__ import annotations

import json
import time
from dataclasses import asdict
from pathlib import Path

from .. import lawdates
from ..content import check_content
from ..problems import BuildFailed
from . import booklet, chromium, stamp
from .cache import Cache
from .pdfpages import heading_pages, page_count, squeeze
from .printer import Printer
from .render import LAYOUTS, STAGE_LAYOUT, Layout, Leaflet
from .sizes import fill
from .urls import site_from_config

FOLDER = "leaflet"
WHOLE = {"a4": "leaflet/walkthrough-a4.pdf", "large": "leaflet/walkthrough-large-print.pdf"}
BOOKLET = "leaflet/walkthrough-a5-booklet.pdf"
LANG = "en-GB"
# Not under .cache/: `zensical build --clean` deletes that folder (git-ignored; `make clean` empties it).
CACHE_DIR = ".leaflet-cache"


class LeafletFailed(Exception):
    pass


def stage_file(stage_id: str) -> str:
    return f"{FOLDER}/stages/{stage_id}.pdf"


class Maker:
    """Makes each PDF once per build, from the cache when its input is unchanged."""

    def __init__(self, root: Path, cache_dir: Path | None, content=None, today=None):
        if content is None:  # not compiled in this process (the hook's build): check it here
            checked = check_content(root)
            content, today = checked.content, checked.today
        self.content = content
        self.site = site_from_config(root / "mkdocs.yml")
        self.when = stamp.build_time(self.content)
        # The law printed is the law the site shows: the same build day (lawdates.build_date).
        self.leaflet = Leaflet(self.content, self.site, self.when.date(), today or lawdates.build_date())
        self.executable = chromium.find()
        self.cache = Cache(cache_dir or root / CACHE_DIR,
                           chromium.identity(self.executable) if self.executable else "no browser")
        self.printer: Printer | None = None

    def _print(self, html: str, css: str, layout: Layout, footer: str) -> bytes:
        if not self.executable:
            raise LeafletFailed("No Chromium to print the leaflet with: run 'make chromium' (installs Debian's "
                                "chromium), or set CHROMIUM to a Chromium or Chrome executable.")
        pdf = self.printer.pdf(html, css, layout.paper, layout.margin, footer)
        return stamp.fix_dates(pdf, self.when)

    def _cached(self, kind: str, html: str, css: str, layout: Layout, make) -> bytes:
        key = self.cache.key(kind, json.dumps(asdict(layout), sort_keys=True), stamp.pdf_date(self.when), css, html)
        pdf = self.cache.get(key)
        if pdf is None:
            pdf = make()
            self.cache.put(key, pdf)
        return pdf

    def stage(self, stage) -> bytes:
        html = self.leaflet.stage(stage)
        css = self.leaflet.stylesheet(internal_links=False)
        footer = self.leaflet.footer(STAGE_LAYOUT, f"{self.leaflet.title} · Step {stage.order}: {stage.short_title}")
        return self._cached("stage", html, css, STAGE_LAYOUT, lambda: self._print(html, css, STAGE_LAYOUT, footer))

    def whole(self, layout: Layout) -> bytes:
        css = self.leaflet.stylesheet(internal_links=True)
        first = self.leaflet.whole(layout)  # the contents says "–" until the pages are known
        return self._cached("whole", first, css, layout, lambda: self._paginate(layout, css))

    def _paginate(self, layout: Layout, css: str) -> bytes:
        """Print, read where each part starts, print again with those numbers in the contents;
        repeat until they stop changing (numbers the same width as "–" settle at once)."""
        footer = self.leaflet.footer(layout, self.leaflet.title)
        pages = None
        for _ in range(4):
            pdf = self._print(self.leaflet.whole(layout, pages), css, layout, footer)
            found = self._start_pages(pdf)
            if found == pages:
                return pdf
            pages = found
        raise LeafletFailed(f"the {layout.name} leaflet's contents page numbers did not settle")

    def _start_pages(self, pdf: bytes) -> dict[str, int]:
        headings = heading_pages(pdf, depth=1)
        missing = [p.heading for p in self.leaflet.parts() if squeeze(p.heading) not in headings]
        if missing:
            raise LeafletFailed(f"no bookmark for {', '.join(missing)} in the printed leaflet")
        return {p.id: headings[squeeze(p.heading)] for p in self.leaflet.parts()}

    def booklet(self) -> bytes:
        layout = LAYOUTS["a5"]
        css = self.leaflet.stylesheet(internal_links=True)
        first = self.leaflet.whole(layout)

        def make() -> bytes:
            metadata = {"/Title": f"{self.leaflet.title} (A5 booklet)",
                        "/Subject": "Print double-sided on A4, flip on the short edge, then fold in half.",
                        "/CreationDate": stamp.pdf_date(self.when), "/ModDate": stamp.pdf_date(self.when)}
            return booklet.impose(self._paginate(layout, css), metadata, LANG)
        return self._cached("booklet", first, css, layout, make)

    def all(self) -> dict[str, bytes]:
        made: dict[str, bytes] = {}
        with Printer(self.executable or "") as self.printer:
            for stage in self.content.stages:
                made[stage_file(stage.id)] = self.stage(stage)
            for name, path in WHOLE.items():
                made[path] = self.whole(LAYOUTS[name])
            made[BOOKLET] = self.booklet()
        self.cache.prune()
        return made


def make_leaflet(root: Path, cache_dir: Path | None = None, content=None) -> tuple[dict[str, bytes], dict]:
    """Every leaflet PDF for the content under `root` (or the already checked `content` of it):
    ({site path: bytes}, figures)."""
    started = time.perf_counter()
    maker = Maker(root, cache_dir, content)
    made = maker.all()
    figures = {"seconds": time.perf_counter() - started, "printed": maker.printer.printed,
               "from_cache": maker.cache.hits}
    return made, figures


def add_to_site(site: Path, root: Path, content=None) -> None:
    """The post-build step: (site folder, project root) -> PDFs in site/leaflet/, sizes filled.
    `content`: the build's checked content, so that it is not checked again."""
    try:
        made, figures = make_leaflet(root, content=content)
    except LeafletFailed as exc:
        raise BuildFailed(f"The leaflet could not be made: {exc}. site/ was not changed.") from exc
    described = {}
    for path, pdf in made.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf)
        described[path] = (len(pdf), page_count(pdf))
    try:
        filled = fill(site, described)
    except ValueError as exc:
        raise BuildFailed(f"{exc}\nsite/ was not changed.") from exc
    total = sum(size for size, _ in described.values())
    print(f"Leaflet: {len(made)} PDFs ({total / 1024 / 1024:.1f} MB) in {figures['seconds']:.1f}s: "
          f"{figures['from_cache']} unchanged (from {CACHE_DIR}/), {figures['printed']} Chromium printings; "
          f"{filled} download links given sizes.")
    for path in (*WHOLE.values(), BOOKLET):
        size, pages = described[path]
        print(f"  {path:<40} {pages:>3} pages {size / 1024:>7.0f} KB")
    stage_pages = sorted({pages for p, (_, pages) in described.items() if p.startswith(f"{FOLDER}/stages/")})
    print(f"  {FOLDER}/stages/<id>.pdf ×{len(made) - 3}: {'–'.join(map(str, stage_pages))} pages each")
