"""Printing HTML to PDF with Chromium's page.pdf through Playwright.

One job: one browser and one reused page for a whole build, started only when a PDF actually
has to be printed (a build whose PDFs are all cached never starts Chromium). PDFs are tagged
(structure for screen readers) with an outline (bookmarks from the headings); the title and
language come from the HTML. Every request the page would make is refused: the documents are
self-contained (QR codes are data: URIs, fonts are the system's), and nothing may leave the
machine.

Playwright's sync API cannot run inside another running Playwright or asyncio loop in the same
thread (the browser tests hold one open while the site is built), so printing runs in a
thread of its own.
"""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

from .chromium import LAUNCH_ARGS


class Printer:
    def __init__(self, executable: str):
        self.executable = executable
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="leaflet-printer")
        self._playwright = self._browser = self._page = None
        self.printed = 0

    def __enter__(self) -> "Printer":
        return self

    def __exit__(self, *exc) -> None:
        self._thread.submit(self._close).result()
        self._thread.shutdown()

    def pdf(self, html: str, css: str, paper: str, margin: dict, footer: str) -> bytes:
        return self._thread.submit(self._pdf, html, css, paper, margin, footer).result()

    # --- in the printer's own thread ------------------------------------------------------
    def _start(self):
        from playwright.sync_api import sync_playwright
        self._playwright = sync_playwright().start()
        env = dict(os.environ, TZ="UTC")  # dates Chromium writes are then in UTC (see stamp.py)
        self._browser = self._playwright.chromium.launch(executable_path=self.executable,
                                                         args=LAUNCH_ARGS, env=env)
        context = self._browser.new_context(java_script_enabled=False, offline=True)
        context.route("**/*", lambda route: route.abort())
        self._page = context.new_page()

    def _pdf(self, html, css, paper, margin, footer) -> bytes:
        if self._page is None:
            self._start()
        page = self._page
        # The stylesheet goes in as text, not through the template: autoescaping would turn its
        # quotes into entities, which CSS does not read. It is our own file plus rules made from
        # stage ids and numbers, so it cannot contain "</style>".
        page.set_content(html.replace("</head>", f"<style>\n{css}</style>\n</head>", 1), wait_until="load")
        self.printed += 1
        return page.pdf(format=paper, margin=margin, print_background=True, prefer_css_page_size=False,
                        display_header_footer=True, header_template="<span></span>",
                        footer_template=footer, tagged=True, outline=True)

    def _close(self):
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()
