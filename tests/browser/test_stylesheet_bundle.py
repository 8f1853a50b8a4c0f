"""The built pages' stylesheets (scripts/walkthrough/stylesheets.py): one screen file and one print
file per page, and nothing a page shows, even after scripts have run, lost its rules.

Material's unused rules are left out by looking for their classes in the built HTML and scripts.
That is only safe if every class the browser ends up with was there to be found: this opens the
pages in the states that make scripts add classes (search results, the menu, the finder's
filters, a glossary explanation, the dark scheme) and checks every class on every element.
"""
from __future__ import annotations

import re

from browser_support import open_search_with_results
from walkthrough.stylesheets import words_in_site

LIVE_CLASSES_JS = """() => {
  const out = new Set();
  for (const el of document.querySelectorAll('*')) for (const c of el.classList) out.add(c);
  return [...out];
}"""


def test_every_page_links_one_screen_and_one_print_stylesheet(site_dir):
    for html in site_dir.rglob("*.html"):
        text = html.read_text("utf-8")
        if "http-equiv=\"refresh\"" in text and "<link rel=\"stylesheet\"" not in text:
            continue  # a redirect page for a renamed stage has no styles
        links = re.findall(r'<link rel="stylesheet"[^>]*>', text)
        assert len(links) == 2, (html, links)
        assert re.search(r'href="[^"]*assets/stylesheets/site\.[0-9a-f]{8}\.css"', links[0]), links[0]
        assert re.search(r'assets/stylesheets/print\.[0-9a-f]{8}\.css" media="print"', links[1]), links[1]


def test_no_class_the_pages_end_up_with_lost_its_rules(browser, base_url, site_dir):
    words = words_in_site(site_dir)
    seen: set[str] = set()
    for width, scheme in ((320, "dark"), (1280, "light")):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        try:
            for path in ("", "stages/investigation/", "support-services/", "glossary/"):
                page.goto(base_url + path)
                seen.update(page.evaluate(LIVE_CLASSES_JS))
            # A glossary explanation, opened.
            page.goto(base_url + "stages/investigation/")
            page.locator(".wt-term__button").first.click()
            seen.update(page.evaluate(LIVE_CLASSES_JS))
            # The finder with a filter in use.
            page.goto(base_url + "support-services/")
            page.locator(".wt-finder fieldset input").first.check()
            seen.update(page.evaluate(LIVE_CLASSES_JS))
            # The menu on a small screen, and search with results.
            if width < 960:
                page.locator("button.md-header__button[aria-controls=__drawer]").click()
                seen.update(page.evaluate(LIVE_CLASSES_JS))
                page.keyboard.press("Escape")
            open_search_with_results(page, width)
            page.mouse.wheel(0, 400)
            seen.update(page.evaluate(LIVE_CLASSES_JS))
        finally:
            context.close()
    missing = sorted(c for c in seen if c not in words)
    print(f"\n[stylesheets] {len(seen)} classes seen in the pages' states, {len(missing)} not in the built files")
    assert len(seen) > 100  # the states above were really reached
    assert not missing, f"classes added at run time whose rules may have been left out: {missing}"
