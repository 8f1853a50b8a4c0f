"""Page weight on a first visit: what a phone downloads before it can show the page, and in all.

One job: open a page in a fresh headless Chromium (no cache), record every response, the page's
and its workers', until the network has been quiet for a while, and gzip each body ourselves at
level 9, so the figures compare across servers. "Critical" bytes are the HTML plus the
stylesheets and head scripts that block the first paint (the text cannot be shown before them).
"""
from __future__ import annotations

import gzip
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from find_chromium import LAUNCH_ARGS, find  # noqa: E402  (the browser tests' lookup and flags)

# How long the network must stay quiet before the page counts as idle (Playwright's networkidle
# waits 500 ms); then a further settle time for requests a worker makes after it starts.
SETTLE_MS = 1500

# Render-blocking resources, as the browser decides: stylesheets whose media matches now, and
# scripts in <head> without async, defer or type=module.
_BLOCKING = """() => {
  const links = [...document.querySelectorAll('link[rel~="stylesheet"]')]
    .filter(l => !l.disabled && matchMedia(l.media || 'all').matches).map(l => l.href);
  const scripts = [...document.head.querySelectorAll('script[src]')]
    .filter(s => !s.async && !s.defer && s.type !== 'module').map(s => s.src);
  return links.concat(scripts);
}"""


@dataclass
class Resource:
    url: str
    kind: str  # the browser's resource type: document, stylesheet, script, fetch…
    raw: int
    gz: int


@dataclass
class Weight:
    url: str
    resources: list[Resource] = field(default_factory=list)
    critical_urls: set[str] = field(default_factory=set)

    @property
    def critical_gz(self) -> int:
        return sum(r.gz for r in self.resources if r.kind == "document" or r.url in self.critical_urls)

    @property
    def total_gz(self) -> int:
        return sum(r.gz for r in self.resources)

    def by_file(self) -> list[tuple[str, int]]:
        return [(urlsplit(r.url).path, r.gz) for r in sorted(self.resources, key=lambda r: -r.gz)]


def measure(urls: list[str]) -> list[Weight]:
    from playwright.sync_api import sync_playwright

    chromium = find()
    if not chromium:
        raise RuntimeError("no Chromium found (see tests/browser/find_chromium.py)")
    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
        try:
            for url in urls:
                results.append(_measure_one(browser, url))
        finally:
            browser.close()
    return results


def _measure_one(browser, url: str) -> Weight:
    # A new context per page: an empty cache, as on a first visit.
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    weight = Weight(url)
    responses = []
    context.on("response", lambda response: responses.append(response))  # workers' requests too
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(SETTLE_MS)
        weight.critical_urls = set(page.evaluate(_BLOCKING))
        seen = set()
        for response in responses:
            if response.url in seen or not response.url.startswith(("http://", "https://")):
                continue
            seen.add(response.url)
            try:
                body = response.body()
            except Exception:  # a redirect or an aborted request has no body
                continue
            weight.resources.append(Resource(response.url, response.request.resource_type,
                                             len(body), len(gzip.compress(body, 9))))
    finally:
        context.close()
    return weight
