"""Printing a page of the site (Ctrl+P) gives the content only: docs/assets/print.css."""
from __future__ import annotations

HIDDEN_IN_PRINT = (".md-header", ".md-sidebar", ".md-search", ".md-footer",
                   ".qe, .wt-quick-exit, [data-module=quick-exit]")


def _visible(page, selector: str) -> bool:
    found = page.locator(selector)
    return any(found.nth(i).is_visible() for i in range(found.count()))


def test_printing_hides_navigation_search_and_the_quick_exit(page, base_url):
    page.goto(base_url + "support-services/")
    page.emulate_media(media="screen")
    assert _visible(page, HIDDEN_IN_PRINT[-1]), "the quick exit should be on screen"
    assert _visible(page, ".md-header")
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert not _visible(page, selector), f"{selector} is printed"
    assert page.locator("h1").is_visible()


def test_printing_writes_web_addresses_after_their_link_words(page, base_url, site_dir):
    page.goto(base_url + "support-services/")
    after = """a => getComputedStyle(a, '::after').content"""
    page.emulate_media(media="screen")
    link = page.locator(".md-content .wt-service__checked a[href^='https:']").first
    assert link.evaluate(after) in ("none", "normal")
    page.emulate_media(media="print")
    assert link.get_attribute("href") in link.evaluate(after)
    # A source's address is cut short on screen; on paper it is printed whole.
    stage = sorted(p.parent.name for p in (site_dir / "stages").glob("*/index.html"))[0]
    page.goto(f"{base_url}stages/{stage}/")
    page.emulate_media(media="print")
    source = page.locator("a.wt-source").first
    assert source.get_attribute("href") in source.evaluate(after)
