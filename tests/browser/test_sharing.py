"""Links made for sharing: "Copy link to this section" copies the section's permanent address and
says so, and every link on the page for ISVAs and supporters leads to a real page and anchor."""
from __future__ import annotations

import re

from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from browser_support import LAYOUT_SHIFT_JS
from test_finder import axe_violations_in
from walkthrough.content import check_content
from walkthrough.sitecheck import anchors
from walkthrough.sections import STAGE_SECTIONS

SUPPORTERS = "for-supporters/"


@pytest.fixture(scope="module")
def stages(built_root):
    return check_content(built_root).content.stages


@pytest.fixture
def clipboard_page(context, base_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    yield page
    page.close()


def _clipboard(page, expected: str, tries: int = 600) -> str:
    """The clipboard's text, read every 0.1 s until the asynchronous copy has finished (at most 60 s)."""
    text = ""
    for _ in range(tries):
        text = page.evaluate("navigator.clipboard.readText()")
        if text == expected:
            break
        page.wait_for_timeout(100)
    return text


def test_every_section_heading_on_a_stage_has_a_copy_link_button(page, base_url, stages):
    for stage in stages:
        page.goto(f"{base_url}stages/{stage.id}/")
        # The date tool's own heading (components/case-dates) is not a section of the stage.
        ids = page.eval_on_selector_all("article h2[id]:not(#your-dates-title)", "hs => hs.map(h => h.id)")
        assert {s.anchor for s in STAGE_SECTIONS} <= set(ids)
        for anchor in ids:
            # Issue 15: one link icon beside each heading, named "Copy link to <section>", not a
            # "Copy link to this section" button on a line of its own under every heading.
            heading = page.locator(f"h2#{anchor}")
            button = page.locator(f"h2#{anchor} + .wt-copy-link button")
            assert button.count() == 1, (stage.id, anchor)
            assert button.get_attribute("aria-label") == f"Copy link to {heading.inner_text().strip()}"
            h, b = heading.bounding_box(), button.bounding_box()
            assert b["y"] < h["y"] + h["height"] and b["y"] + b["height"] > h["y"], (stage.id, anchor, "not beside its heading")
            assert b["width"] >= 24 and b["height"] >= 24  # WCAG 2.5.8


def test_copy_link_puts_the_sections_address_on_the_clipboard_and_says_so(clipboard_page, base_url, stages):
    page = clipboard_page
    stage = stages[1]
    page.goto(f"{base_url}stages/{stage.id}/?from=somewhere")
    page.get_by_role("button", name="Copy link to Your rights").click()
    assert _clipboard(page, f"{base_url}stages/{stage.id}/#your-rights") == f"{base_url}stages/{stage.id}/#your-rights"
    expect(page.locator("[role=status][aria-live=polite]").filter(has_text="Link copied")).to_have_count(1)
    # With the keyboard only: Tab to a button and press Enter.
    button = page.get_by_role("button", name="Copy link to Questions you could ask")
    button.focus()
    page.keyboard.press("Enter")
    expected = f"{base_url}stages/{stage.id}/#questions-to-ask"
    assert _clipboard(page, expected) == expected
    assert page.url.endswith("?from=somewhere")  # copying does not change the address or history


def test_without_javascript_there_is_no_copy_button(browser, base_url, stages):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}stages/{stages[0].id}/")
    assert page.get_by_role("button", name=re.compile("Copy link")).count() == 0
    assert page.locator(".wt-copy-link button:visible").count() == 0
    context.close()




def test_buttons_are_in_place_from_the_first_paint(browser, base_url, stages):
    """The copy-link and glossary "?" buttons are in each stage page's HTML, not inserted by the
    scripts after the text is drawn: opening any stage page on a phone-sized screen shifts nothing
    (Cumulative Layout Shift). With the scripts inserting them, Lighthouse measured 0.06 and 0.13."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    # The scripts arrive late, as on a slow connection: the text is drawn before they run.
    page.route(re.compile(r".*/(copy-link|glossary-term)\.js$"),
               lambda route: (page.wait_for_timeout(300), route.continue_()))
    shifts = {}
    for stage in stages:
        html = page.goto(f"{base_url}stages/{stage.id}/").text()
        assert html.count('class="wt-copy-link__button wt-copy-link__button--icon"') >= 10  # written by the build
        page.wait_for_load_state("load")
        shifts[stage.id] = page.evaluate(LAYOUT_SHIFT_JS)
    print(f"\n[sharing] layout shift opening each stage page: largest {max(shifts.values()):.4f}")
    assert all(v < 0.01 for v in shifts.values()), shifts
    context.close()


def test_without_javascript_there_is_no_glossary_button(browser, base_url, stages):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}stages/{stages[0].id}/")
    assert page.locator("a.wt-term").count() > 0
    assert page.get_by_role("button", name=re.compile("What does")).count() == 0
    context.close()


def test_the_supporters_page_links_all_resolve_to_real_anchors(page, base_url, site_dir):
    page.goto(base_url + SUPPORTERS)
    hrefs = page.eval_on_selector_all("article a[href]", "links => links.map(a => a.getAttribute('href'))")
    checked_anchors = pdfs = filters = 0
    for href in hrefs:
        absolute = urljoin(base_url + SUPPORTERS, href)
        parts = urlsplit(absolute)
        if parts.netloc != urlsplit(base_url).netloc:
            continue
        path = site_dir / parts.path.lstrip("/")
        path = path / "index.html" if path.is_dir() else path
        assert path.exists(), href
        if path.suffix == ".pdf":
            pdfs += 1
        elif parts.fragment and "=" in parts.fragment:
            filters += 1  # a finder filter: checked below by opening it
        elif parts.fragment:
            assert parts.fragment in anchors(path), href
            checked_anchors += 1
    assert checked_anchors >= 12 and pdfs >= 10 and filters >= 1
    # Each moment has a copy button for each of its links.
    assert page.locator("a[data-copy-link] + .wt-copy-link button").count() == page.locator("a[data-copy-link]").count()
    # A filter link opens the finder with those filters chosen.
    page.locator("a[href*='#need=']").first.click()
    page.wait_for_url("**/support-services/#need=*")
    assert page.locator("#finder input:checked").count() >= 1


def test_the_supporters_page_copies_the_full_address(clipboard_page, base_url):
    page = clipboard_page
    page.goto(base_url + SUPPORTERS)
    link = page.locator("a[data-copy-link][href*='no-further-action']").first
    page.locator("a[data-copy-link][href*='no-further-action'] + .wt-copy-link button").first.click()
    expected = urljoin(base_url + SUPPORTERS, link.get_attribute("href"))
    assert _clipboard(page, expected) == expected


def test_no_accessibility_violations_in_the_sharing_controls(page, base_url, stages):
    for url in (f"stages/{stages[0].id}/", SUPPORTERS):
        page.goto(base_url + url)
        assert axe_violations_in(page, ".wt-copy-link, .wt-service, article h2") == [], url


def test_an_old_address_of_a_renamed_stage_leads_to_the_same_section(page, base_url, stages):
    """The redirect page the build writes for a renamed id (published_ids.yml), with the CSP the
    build gives it: the section's anchor survives, and Back does not return to the old address."""
    from walkthrough.render import environment
    from walkthrough.security import secure_page
    stage = stages[2]
    html, _ = secure_page(environment().get_template("pages/redirect.html.j2").render(old="old-name", new=stage))
    old = f"{base_url}stages/old-name/"
    page.route(old, lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    page.goto(base_url)
    page.goto(old + "#your-rights")
    page.wait_for_url(f"{base_url}stages/{stage.id}/#your-rights")
    assert page.locator("h2#your-rights").is_visible()
    page.go_back()
    assert page.url == base_url  # location.replace: the old address is not in the history


def test_an_old_address_redirects_without_javascript(browser, base_url, stages):
    from walkthrough.render import environment
    from walkthrough.security import secure_page
    stage = stages[2]
    html, _ = secure_page(environment().get_template("pages/redirect.html.j2").render(old="old-name", new=stage))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route(f"{base_url}stages/old-name/", lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    page.goto(f"{base_url}stages/old-name/")
    page.wait_for_url(f"{base_url}stages/{stage.id}/")
    context.close()
