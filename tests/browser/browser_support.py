"""Helpers for browser tests."""
from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a site-relative URL path."""
    paths = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
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
    page.wait_for_function("() => !/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=60_000)  # generous: the machine is shared, and the wait ends on the state
    page.locator(".md-search__input").press_sequentially(query)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=60_000)


def search_results_in_order(page, query: str, material_only: bool = False) -> list[str]:
    """Type `query` into the site search (opening it first if needed) and return the links a person
    sees, in order: the Best answers (components/search-answers), then Material's results. Links
    folded away in a closed "more" list are left out (material_only: Material's results alone, as
    they were before the Best answers). Waits for states, never for fixed times."""
    box = page.locator("input[data-md-component=search-query]")
    if not box.is_visible():
        open_search_with_results(page, page.viewport_size["width"], query="court")
    box.fill("")
    box.press_sequentially(query)  # Material searches on key events, not on a programmatic fill
    results = page.locator("[data-md-component=search-result]")
    expect(results).to_have_attribute("data-answers-for", query, timeout=60_000)
    expect(page.locator(".md-search-result__meta")).not_to_contain_text("Initializing", timeout=60_000)
    read = ("els => els.filter(e => !e.closest('details:not([open])') && !e.closest('[hidden]'))"
            ".map(e => e.href)")
    links = page.locator(".md-search-result__link" if material_only else ".wt-answers__link, .md-search-result__link")
    # Material redraws its list on every key press: read it until two readings agree.
    previous, current = None, links.evaluate_all(read)
    for _ in range(40):
        if current == previous:
            break
        page.wait_for_timeout(250)
        previous, current = current, links.evaluate_all(read)
    return current
