"""Helpers for browser tests."""
from __future__ import annotations

import re
from pathlib import Path


def site_pages(site: Path, areas: bool = False) -> list[str]:
    """Every page of the built site as a site-relative URL path. The 43 area pages
    (support-services/<area>/, one template) are left out unless `areas`: they are checked once
    each, at one width and one scheme, in tests/browser/test_area_pages.py, to keep CI time down."""
    paths = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        if not areas and re.fullmatch(r"support-services/[^/]+", rel):
            continue
        paths.append("" if rel == "." else rel + "/")
    return paths


# The Cumulative Layout Shift of the page so far (every layout-shift entry not caused by input).
LAYOUT_SHIFT_JS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 500);
})"""


def open_search_with_results(page, width: int, query: str = "police") -> None:
    """Open the site search the way a person would at this width, and wait for its results."""
    if width < 960:  # Material shows a search button in the header on small screens
        page.locator("button.md-header__button[aria-controls=__search]").click()
    else:
        page.locator(".md-search__input").click()
    # The search worker starts on first use (components/lazy-search); Material ignores what is
    # typed before it is ready, so type once it is.
    page.wait_for_function("() => !/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)")
    page.locator(".md-search__input").press_sequentially(query)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
