"""Law to come on a built stage page: a note a screen reader announces as a named region with its
own heading (never colour alone), next to the section it affects; and the What's changed page,
its feed and the footer link on the site built from the real content."""
from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import urlsplit

import feedparser
import pytest
from playwright.sync_api import expect

from support import PENDING_CHECKED_TEXT, PENDING_RULE_FROM_TEXT, PENDING_STAGE
from walkthrough.content import check_content
from walkthrough.leaflet.urls import site_from_config
from walkthrough.sitecheck import anchors

WAIT_MS = 30_000  # generous: the machine is shared; every wait below waits for a state


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def pending_url(pending_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(pending_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def pending_page(browser, pending_url):
    context = browser.new_context()
    offsite = []
    host = urlsplit(pending_url).netloc

    def route(route):
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:  # never reach the network
            offsite.append(route.request.url)
            route.fulfill(status=200, body="Mock response")
    context.route("**/*", route)
    page = context.new_page()
    page.goto(f"{pending_url}stages/{PENDING_STAGE}/")
    yield page
    context.close()
    assert offsite == []


# Where an element is relative to a section: after its h2 and before the next h2.
IN_SECTION_JS = """([el, anchor]) => {
  const start = document.getElementById(anchor);
  const headings = [...document.querySelectorAll('article h2')];
  const next = headings[headings.indexOf(start) + 1];
  const after = start.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING;
  const before = !next || (next.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
  return Boolean(after && before);
}"""


def test_a_coming_rule_is_a_named_region_with_a_heading_next_to_the_section_it_affects(pending_page):
    # The real stage may have notes of its own (awaiting commencement): take the test copy's.
    region = pending_page.get_by_role("region", name="The law is changing").filter(has_text="TEST ONLY")
    expect(region).to_be_visible(timeout=WAIT_MS)
    expect(region.get_by_role("heading", name="The law is changing", level=3)).to_be_visible()
    expect(region).to_contain_text(f"From {PENDING_RULE_FROM_TEXT}: TEST ONLY. You have 56 days to ask for a review.")
    expect(region.get_by_role("link", name="Test Act 2026, section 1")).to_have_attribute(
        "href", "https://www.legislation.gov.uk/ukpga/2026/99/section/1")
    assert region.evaluate(IN_SECTION_JS.replace("[el, anchor]", "el, anchor"), "how-long") is True
    # Not shown as a rule in force: the key facts list does not hold it.
    expect(pending_page.locator(".wt-list--facts")).not_to_contain_text("56 days")


def test_a_proposal_says_it_is_not_law_with_the_bill_its_progress_and_when_it_was_checked(pending_page):
    region = pending_page.get_by_role("region", name="Proposed, not yet law").filter(has_text="TEST ONLY")
    expect(region).to_be_visible(timeout=WAIT_MS)
    expect(region).to_contain_text("TEST ONLY. A judge may hear some cases alone.")
    expect(region).to_contain_text("proposed in the Test Bill. It is not law yet")
    expect(region).to_contain_text(f"Committee stage, House of Commons (last checked on {PENDING_CHECKED_TEXT})")
    assert region.evaluate(IN_SECTION_JS.replace("[el, anchor]", "el, anchor"), "key-facts") is True
    # A screen reader's list of headings includes it, under the page's own headings.
    names = pending_page.locator("article .wt-law-note", has_text="TEST ONLY").locator("h3.wt-law-note__title").all_inner_texts()
    assert names == ["The law is changing", "Proposed, not yet law"]


def test_the_notes_are_told_apart_by_words_and_a_border_not_colour_alone(pending_page):
    # With forced colours (Windows contrast themes) every colour is replaced: what tells a note
    # apart must still be there, its heading's words and its border.
    pending_page.emulate_media(forced_colors="active")
    for name in ("The law is changing", "Proposed, not yet law"):
        region = pending_page.get_by_role("region", name=name).filter(has_text="TEST ONLY")
        expect(region.get_by_role("heading", name=name)).to_be_visible(timeout=WAIT_MS)
        width = region.evaluate("el => parseFloat(getComputedStyle(el).borderLeftWidth)")
        assert width >= 3, (name, width)


# --- on the site built from the real content -----------------------------------------------------
def test_every_page_has_a_footer_link_to_whats_changed_and_it_opens_newest_first(page, base_url, built_root):
    for path in ("", "stages/reporting/", "for-supporters/", "glossary/"):
        page.goto(base_url + path)
        link = page.locator("footer").get_by_role("link", name="What's changed in this guide")
        expect(link).to_be_visible(timeout=WAIT_MS)
    link.click()
    expect(page.get_by_role("heading", name="What's changed in this guide", level=1)).to_be_visible(timeout=WAIT_MS)
    changes = check_content(built_root).content.changes
    titles = page.locator("article h2").all_inner_texts()
    assert [t.strip() for t in titles[: len(changes)]] == [c.title for c in changes]
    dates = [c.date for c in changes]
    assert dates == sorted(dates, reverse=True)


def test_each_change_has_a_permanent_anchor_that_opens_at_its_heading(page, base_url, built_root):
    for change in check_content(built_root).content.changes:
        page.goto(f"{base_url}whats-changed/#{change.id}")
        heading = page.locator(f"h2[id='{change.id}']")
        expect(heading).to_have_text(change.title, timeout=WAIT_MS)
        expect(heading).to_be_in_viewport(timeout=WAIT_MS)


def test_the_supporters_page_links_to_whats_changed(page, base_url):
    page.goto(base_url + "for-supporters/")
    page.get_by_role("link", name="What's changed in this guide").first.click()
    expect(page).to_have_url(f"{base_url}whats-changed/", timeout=WAIT_MS)


def test_every_feed_entry_links_to_an_anchor_that_exists_in_the_built_site(site_dir, built_root):
    parsed = feedparser.parse((site_dir / "whats-changed" / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    site = site_from_config(built_root / "mkdocs.yml")
    changes = check_content(built_root).content.changes
    assert len(parsed.entries) == len(changes) >= 1
    for entry in parsed.entries:
        assert entry.link.startswith(site.url), entry.link  # absolute, from site_url
        path, _, fragment = entry.link[len(site.url):].partition("#")
        target = site_dir / path / "index.html"
        assert target.exists(), entry.link
        assert fragment in anchors(target), entry.link
