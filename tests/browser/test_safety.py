"""Safe to read on a shared phone: quick exit, no trace, no third parties, a strict CSP.

Each test is something a person at risk would notice: the exit works (click, keyboard, Shift×3,
without JavaScript), Back does not return to the site, nothing is stored in the browser, search
terms never reach the address bar or history, and no other site learns about the visit.
The neutral site is never reached: its request is answered here with a stub.
"""
from __future__ import annotations

import base64
import hashlib
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from browser_support import site_pages
from support import ROOT

SAFETY = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["extra"]["safety"]
EXIT_URL = SAFETY["quick_exit_url"]
ELSEWHERE = "https://elsewhere.example/start"  # where the visit came from (a stub)
STAGE = "stages/investigation/"


class NeutralSite:
    """Answers the quick exit's request with a stub, remembering when it came (ms since epoch)."""

    def __init__(self, page):
        self.page = page
        self.requests: list[float] = []
        page.route(lambda url: url.startswith(EXIT_URL), self._handle)

    def _handle(self, route):
        self.requests.append(time.time() * 1000)
        route.fulfill(status=200, content_type="text/html", body="<title>Weather</title><p>Sunny")


# Reports what the page being left shows at the moment its navigation starts (beforeunload), and
# when each Shift key went down, in the page's own clock, before any of the site's scripts run.
WATCH_EXIT = """
addEventListener('keydown', e => { if (e.key === 'Shift') __report({shift: Date.now()}) }, true);
addEventListener('beforeunload', () => {
  const h1 = document.querySelector('h1'), middle = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
  __report({leaving: {
    h1Visible: !!h1 && h1.checkVisibility({visibilityProperty: true}),
    articleVisible: !!document.querySelector('article') &&
                    document.querySelector('article').checkVisibility({visibilityProperty: true}),
    cover: middle && !document.body.contains(middle) && middle !== document.documentElement
           ? getComputedStyle(middle).backgroundColor : null,
    title: document.title, url: location.href}});
});
"""


def watch_exit(page):
    """Reports from the page: {"shift": time} and {"leaving": what the site's page showed as it was left}."""
    reports = []
    page.expose_binding("__report", lambda source, data: reports.append(data))
    page.add_init_script(WATCH_EXIT)
    return reports


def left_site(reports, base_url):
    [leaving] = [r["leaving"] for r in reports if "leaving" in r and r["leaving"]["url"].startswith(base_url)]
    return leaving


def start_visit(page, base_url, path):
    """Arrive at `path` from another site, as a person following a link would."""
    page.goto(ELSEWHERE)
    page.goto(base_url + path)


def assert_landed_and_back_leaves_site(page, base_url):
    page.wait_for_url(EXIT_URL + "*")
    assert page.url.startswith(EXIT_URL)
    page.go_back()
    assert not page.url.startswith(base_url), f"Back returned to the site: {page.url}"


def shift_three_times(page):
    for _ in range(3):
        page.keyboard.press("Shift")


def open_search(page, query):
    button = page.locator("button.wt-header-button[aria-controls=__search]")  # accessibility.js's button
    # Small screens have a search button; wide screens show the box itself.
    (button if button.is_visible() else page.locator("input.md-search__input")).click()
    box = page.locator("input.md-search__input")
    if query:
        box.fill("")
        box.press_sequentially(query)  # Material searches on key presses, not on fill()
        page.wait_for_function(
            "() => document.querySelector('.md-search-result__meta') && !/Type to start searching|Initializing/i"
            ".test(document.querySelector('.md-search-result__meta').textContent)")
    return box


# --- Quick exit -----------------------------------------------------------------------------

def test_quick_exit_by_click_on_a_stage_page(page, base_url):
    NeutralSite(page)
    start_visit(page, base_url, STAGE)
    page.locator("#qe-link").click()
    assert_landed_and_back_leaves_site(page, base_url)
    assert page.url == ELSEWHERE


def test_quick_exit_is_first_after_skip_link_and_works_from_the_keyboard(page, base_url):
    NeutralSite(page)
    start_visit(page, base_url, STAGE)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main-content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "qe-link"
    page.keyboard.press("Enter")
    assert_landed_and_back_leaves_site(page, base_url)


def test_shift_three_times_hides_the_page_then_exits(page, base_url):
    reports = watch_exit(page)
    neutral = NeutralSite(page)
    start_visit(page, base_url, STAGE)
    assert page.locator("h1").is_visible()
    shift_three_times(page)
    assert_landed_and_back_leaves_site(page, base_url)
    pressed = [r["shift"] for r in reports if "shift" in r]
    assert len(pressed) == 3 and len(neutral.requests) == 1
    print(f"\nShift×3: {neutral.requests[0] - pressed[-1]:.1f} ms from the third Shift press "
          f"to the request for the neutral site")
    # When the navigation started, the page text was already hidden behind a blank overlay.
    leaving = left_site(reports, base_url)
    assert leaving["title"].strip() == "", "the tab still shows the page's title"
    assert leaving == {"h1Visible": False, "articleVisible": False, "cover": "rgb(255, 255, 255)",
                       "title": leaving["title"], "url": base_url + STAGE}


def test_click_also_hides_the_page_before_navigating(page, base_url):
    reports = watch_exit(page)
    NeutralSite(page)
    start_visit(page, base_url, STAGE)
    page.locator("#qe-link").click()
    assert_landed_and_back_leaves_site(page, base_url)
    leaving = left_site(reports, base_url)
    assert not leaving["articleVisible"] and leaving["cover"] == "rgb(255, 255, 255)"


def test_quick_exit_with_search_open(page, base_url):
    NeutralSite(page)
    start_visit(page, base_url, STAGE)
    open_search(page, "court")
    page.locator("#qe-link").click()
    assert_landed_and_back_leaves_site(page, base_url)


def test_shift_three_times_while_typing_in_search(page, base_url):
    NeutralSite(page)
    start_visit(page, base_url, STAGE)
    open_search(page, "court")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    shift_three_times(page)
    assert_landed_and_back_leaves_site(page, base_url)


def test_typing_capitals_in_search_does_not_exit(page, base_url):
    neutral = NeutralSite(page)
    start_visit(page, base_url, STAGE)
    box = open_search(page, "")
    box.focus()
    for letter in "CAN I SEE THE CPS":  # every capital is typed with Shift held as a modifier
        page.keyboard.press(f"Shift+{letter}" if letter != " " else "Space")
    # Shift twice, a letter, Shift once more: the letter starts the count again.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    page.wait_for_timeout(500)
    assert neutral.requests == []
    assert page.url == base_url + STAGE
    assert box.input_value() == "CAN I SEE THE CPSa"


def test_quick_exit_without_javascript_is_a_plain_link(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url)
                      else route.fulfill(status=200, content_type="text/html", body="<title>Weather</title>"))
        page.goto(base_url + STAGE)
        link = page.locator("#qe-link")
        assert link.get_attribute("href") == EXIT_URL
        assert set(link.get_attribute("rel").split()) >= {"nofollow", "noreferrer"}
        # No shortcut without JavaScript, so the description does not promise one.
        assert link.get_attribute("aria-describedby") is None
        link.click()
        page.wait_for_url(EXIT_URL + "*")
    finally:
        context.close()


def test_quick_exit_describes_its_shortcut(page, base_url):
    page.goto(base_url + STAGE)
    description = page.evaluate("""() => { const l = document.getElementById('qe-link');
        return (l.getAttribute('aria-describedby') || '').split(' ').map(id =>
            document.getElementById(id).textContent).join(' ') }""")
    assert "Shift" in description and "3 times" in description


@pytest.mark.parametrize("path", ["", STAGE, "staying-safe-online/", "404.html"])
def test_skip_link_then_quick_exit_on_every_kind_of_page(page, base_url, path):
    page.goto(base_url + path)
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.getAttribute('href')")
    assert skip == "#main-content" and page.locator("#main-content").count() == 1
    assert page.locator("[data-md-component=skip] a:visible, a.md-skip:visible").count() <= 1
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "qe-link"


def test_quick_exit_size_and_place_on_a_small_screen(page, base_url):
    page.set_viewport_size({"width": 320, "height": 256})
    page.goto(base_url + STAGE)
    box = page.locator("#qe-link").bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    assert box["y"] >= 0 and box["y"] + box["height"] <= 256, "not visible without scrolling"
    page.mouse.wheel(0, 2000)
    deadline = time.monotonic() + 60  # the wheel scrolls asynchronously: read until it has
    while page.evaluate("scrollY") <= 500 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert page.evaluate("scrollY") > 500
    box = page.locator("#qe-link").bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 256, "not sticky on a small screen"


def test_sticky_bar_never_fully_covers_the_focused_element(page, base_url):
    """WCAG 2.4.11: tab through a long page at 320×256; each focused element stays partly in view."""
    page.set_viewport_size({"width": 320, "height": 256})
    page.goto(base_url + STAGE)
    covered = []
    for _ in range(60):
        page.keyboard.press("Tab")
        found = page.evaluate("""() => {
            const el = document.activeElement, r = el.getBoundingClientRect();
            if (el.closest('.qe, .md-header, .md-skip, .md-sidebar') || r.width === 0) return null;
            const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
            return r.bottom <= top || r.top >= innerHeight ? el.outerHTML.slice(0, 80) : null }""")
        if found:
            covered.append(found)
    assert covered == []


# --- No-trace browsing ----------------------------------------------------------------------

def test_no_trace_browsing_then_quick_exit_back_never_reaches_the_site(page, base_url):
    assert SAFETY["no_trace_browsing"] is True
    NeutralSite(page)
    start_visit(page, base_url, "")
    length = page.evaluate("history.length")
    page.locator("article a[href*='stages/getting-support']").first.click()
    page.wait_for_url("**/stages/getting-support/")
    for _ in range(3):
        before = page.url
        page.locator("a[rel=next].wt-next__link").first.click()
        page.wait_for_function("u => location.href !== u", arg=before)
        page.wait_for_load_state()
    assert page.evaluate("history.length") == length, "following links added history entries"
    page.locator("#qe-link").click()
    page.wait_for_url(EXIT_URL + "*")
    # Back from the neutral site goes straight to where the visit came from, then further back.
    page.go_back()
    assert page.url == ELSEWHERE, f"Back reached {page.url}"
    page.go_back()
    assert not page.url.startswith(base_url), f"Back reached {page.url}"


# --- Nothing stored -------------------------------------------------------------------------

def storage_report(page):
    return page.evaluate("""async () => ({
        cookie: document.cookie,
        localStorage: Object.keys(localStorage),
        sessionStorage: Object.keys(sessionStorage),
        indexedDB: (await indexedDB.databases()).map(d => d.name),
        caches: await caches.keys(),
        serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length })""")


def test_a_full_visit_leaves_nothing_stored(page, context, base_url):
    for path in ["", STAGE, "support-services/", "glossary/"]:
        page.goto(base_url + path)
        open_search(page, "police")
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.keyboard.press("Escape")  # close search, which covers the toggle on wide screens
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("s => document.body.dataset.mdColorScheme !== s", arg=scheme)
    # Material did save the choice, in memory only (so the test would see a write to storage).
    assert page.evaluate("__md_get('__palette')") is not None
    page.goto(base_url + "rights/")
    assert context.cookies() == []
    assert storage_report(page) == {"cookie": "", "localStorage": [], "sessionStorage": [],
                                    "indexedDB": [], "caches": [], "serviceWorkers": 0}


# --- No third parties, strict CSP -----------------------------------------------------------

def _page_policy(html: str) -> str:
    match = re.search(r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert match, "the CSP is not straight after <meta charset>"
    return match.group(1)


def test_every_inline_script_hash_is_in_its_pages_policy(site_dir):
    for html_file in sorted(site_dir.rglob("*.html")):
        html = html_file.read_text("utf-8")
        policy = _page_policy(html)
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
        assert '<meta name="referrer" content="no-referrer">' in html, html_file
        for attrs, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S):
            if "src=" in attrs or "application/json" in attrs:
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in script_src.split(), f"{html_file}: inline script not in the policy"
    headers = (site_dir / "_headers").read_text("utf-8")
    for line in ("frame-ancestors 'none'", "X-Content-Type-Options: nosniff", "Referrer-Policy: no-referrer",
                 "Permissions-Policy:"):
        assert line in headers


def test_no_third_party_request_and_no_csp_violation_on_any_page(page, context, base_url, site_dir,
                                                                  offsite_requests):
    violations = []
    context.expose_binding("__reportViolation", lambda source, v: violations.append(v))
    context.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                            "__reportViolation(location.pathname + ': ' + e.violatedDirective + ' ' + e.blockedURI))")
    for path in site_pages(site_dir) + ["404.html"]:
        page.goto(base_url + path)
        assert page.locator("meta[http-equiv=Content-Security-Policy]").count() == 1
        # The policy is the second element of <head>, straight after <meta charset>.
        assert page.evaluate("document.head.children[1].httpEquiv") == "Content-Security-Policy"
    for path in ["", STAGE, "404.html"]:
        page.goto(base_url + path)
        open_search(page, "video interview")
        page.locator("li.md-search-result__item > a").first.click()
        page.wait_for_load_state()
    page.wait_for_timeout(300)
    assert violations == []
    assert offsite_requests == []


ASSET = re.compile(r"""<(?:img|script|iframe|source|audio|video|embed)\b[^>]*\bsrc=["']?(?:https?:)?//"""
                   r"""|<link\b(?![^>]*rel=["']?(?:canonical|alternate))[^>]*\bhref=["']?(?:https?:)?//""", re.I)
CSS_URL = re.compile(r"""url\(\s*["']?(?:https?:)?//""", re.I)


def test_no_built_file_asks_another_site_for_anything(site_dir):
    offenders = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix == ".html" and ASSET.search(path.read_text("utf-8")):
            offenders.append(str(path.relative_to(site_dir)))
        elif path.suffix == ".css" and CSS_URL.search(path.read_text("utf-8", errors="replace")):
            offenders.append(str(path.relative_to(site_dir)))
    assert offenders == []


def test_every_link_to_another_site_has_noreferrer(site_dir):
    missing = []
    for path in sorted(site_dir.rglob("*.html")):
        for tag in re.findall(r"<a\b[^>]*>", path.read_text("utf-8")):
            href = re.search(r'href="([^"]*)"', tag)
            if href and re.match(r"(https?:)?//", href.group(1)):
                rel = re.search(r'rel="([^"]*)"', tag)
                if not rel or "noreferrer" not in rel.group(1).split():
                    missing.append(f"{path.relative_to(site_dir)}: {tag}")
    assert missing == []


def test_link_previews_and_tab_title_are_neutral(site_dir):
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text("utf-8")
        assert f'<meta property="og:title" content="{SAFETY["preview_title"]}">' in html, path
        assert f'<meta property="og:description" content="{SAFETY["preview_description"]}">' in html, path
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert title.endswith(SAFETY["tab_title"]) and "rape" not in title.lower(), (path, title)


# --- Search terms stay out of URLs and history ----------------------------------------------

# Several words each, so a query cannot match a page's own address or section anchor by chance.
QUERIES = ["video interview", "can I have a screen in court", "when will he be released",
           "they said no further action"]


def test_search_terms_never_reach_any_url_or_history(page, base_url):
    start_visit(page, base_url, "")
    seen = []
    for query in QUERIES:
        open_search(page, query)
        hrefs = page.eval_on_selector_all("li.md-search-result__item a", "els => els.map(a => a.href)")
        assert hrefs, query
        seen += hrefs + [page.url]
        page.locator("li.md-search-result__item > a").first.click()
        page.wait_for_load_state()
        seen += [page.url] + page.evaluate("performance.getEntriesByType('navigation').map(e => e.name)")
    while page.go_back() is not None:  # every entry in the tab's history
        seen.append(page.url)
    seen.append(page.url)
    for url in seen:
        parts = urlsplit(url)
        assert parts.query == "", f"a query string in {url}"
        for query in QUERIES:
            for form in (query, query.replace(" ", "+"), query.replace(" ", "%20")):
                assert form.lower() not in url.lower(), f"{query!r} in {url}"
