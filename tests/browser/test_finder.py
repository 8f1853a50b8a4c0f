"""The service finder: the filters show exactly the services the data says, "Where are you?" gives
each place its own, its country's and the national services, "open now" is right in UK time across
the clocks changing, and without JavaScript the page is the whole grouped list.

Expected results come from the typed model and walkthrough/finder.py (the rules in Python), never
from the page, so a wrong filter in the script fails here.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import re
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from browser_support import LAYOUT_SHIFT_JS
from walkthrough import finder
from walkthrough.content import check_content

PAGE = "support-services/"
UTC, LONDON = dt.timezone.utc, ZoneInfo("Europe/London")


@pytest.fixture(scope="module")
def content(built_root):
    return check_content(built_root).content


def _visible_local(page) -> list[str]:
    return page.eval_on_selector_all(
        ".wt-finder__local .wt-service",
        "cards => cards.filter(c => c.offsetParent !== null).map(c => c.dataset.service)")


def _visible_services(page) -> list[str]:
    return page.eval_on_selector_all(
        '.wt-service[id^="service-"]',
        "cards => cards.filter(c => c.offsetParent !== null).map(c => c.dataset.service)")


def _expected(content, chosen, london=None, services=None) -> list[str]:
    return sorted(s.id for s in (services or content.services)
                  if finder.matches(s, chosen, london, content.force_country))


def _local(content, chosen, london=None) -> list[str]:
    """The chosen police force area's local services that pass the other choices: the finder
    shows these first, above the national list (taken from the area's page)."""
    places = chosen.get("where") or set()
    area = next(iter(places)) if len(places) == 1 else None
    if area not in content.force_country:
        return []
    return [s.id for s in content.local_services(area) if finder.matches(s, chosen, london, content.force_country)]


def _count_text(n: int, local: int = 0) -> str:
    if not n:
        return "No services match your choices. Remove a choice to see more, or clear them all."
    return (f"{n} service{'s match' if n > 1 else ' matches'} your choices"
            + (f", {local} of them local" if local else "") + ".")


def _chosen(fragment: str) -> dict[str, set[str]]:
    return {k: set(v.split(",")) for k, v in (p.split("=") for p in fragment.split("&"))}


COMBINATIONS = [
    "need=talk-now",
    "need=talk-now&contact=phone",
    "need=talk-now,domestic-abuse&contact=text",
    "need=medical&where=wales",
    "need=medical&where=england",
    "need=medical&where=north-wales",
    "where=south-wales",
    "where=kent&need=isva",
    "for=men",
    "for=lgbt,deaf&contact=email",
    "for=under-18&when=24-7",
    "need=legal-advice,compensation,court",
    "contact=in-person&where=kent",
    "need=isva",
    "need=domestic-abuse&for=women&contact=phone&when=24-7",
    "where=wales&contact=text,phone",
    "need=reporting&contact=email",
]


def test_ten_or_more_filter_combinations_show_exactly_the_matching_services(page, base_url, content, offsite_requests):
    assert len(COMBINATIONS) >= 10
    nonempty = 0
    for fragment in COMBINATIONS:
        page.goto(f"{base_url}{PAGE}#{fragment}")
        expected = _expected(content, _chosen(fragment))
        local = _local(content, _chosen(fragment))
        # The count includes the area's local services, which arrive from its page.
        expect(page.locator("#finder-count")).to_have_text(_count_text(len(expected) + len(local), len(local)))
        assert sorted(_visible_services(page)) == expected, fragment
        assert sorted(_visible_local(page)) == sorted(local), fragment
        nonempty += bool(expected)
    assert nonempty >= 10  # the combinations really test narrowing, not empty lists
    assert offsite_requests == []


def test_choosing_filters_updates_the_list_the_count_and_the_address(page, base_url, content):
    page.goto(base_url + PAGE)
    assert page.locator("#finder-count").get_attribute("role") == "status"
    assert page.locator("#finder-count").inner_text() == f"Showing all {len(content.services)} services."
    page.get_by_label("Talk to someone now").check()
    page.locator("summary.wt-finder__summary").click()
    page.get_by_label("Phone", exact=True).check()
    assert urlsplit(page.url).fragment == "need=talk-now&contact=phone"
    expected = _expected(content, {"need": {"talk-now"}, "contact": {"phone"}})
    assert sorted(_visible_services(page)) == expected
    assert page.locator("#finder-count").inner_text() == f"{len(expected)} services match your choices."
    # The grouped browsing list steps aside while filtering, and comes back when cleared.
    assert not page.locator("#by-need").is_visible()
    page.get_by_role("button", name="Clear all choices").click()
    assert len(_visible_services(page)) == len(content.services)
    assert page.locator("#by-need").is_visible()
    assert urlsplit(page.url).fragment == ""
    # The address can be shared: opening it shows the same filtered view.
    page.goto(f"{base_url}{PAGE}#need=talk-now&contact=phone")
    assert page.get_by_label("Talk to someone now").is_checked()
    assert sorted(_visible_services(page)) == expected


def test_a_plain_anchor_is_not_a_filter(page, base_url, content):
    page.goto(f"{base_url}{PAGE}#for-men")
    assert len(_visible_services(page)) == len(content.services)
    assert page.locator("#for-men").is_visible()
    # Following a contents link after filtering clears the filters and shows that group.
    page.goto(f"{base_url}{PAGE}#need=court")
    page.evaluate("location.hash = 'for-lgbt'")
    expect(page.locator("#for-lgbt")).to_be_visible()
    assert len(_visible_services(page)) == len(content.services)


def test_nothing_is_stored(page, base_url):
    page.goto(f"{base_url}{PAGE}#need=talk-now&where=gwent")
    page.get_by_label("Help with going to court").check()
    page.get_by_label("Where are you?").select_option("dyfed-powys")
    stored = page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")
    assert stored == [0, 0, ""]


# --- "Where are you?" ---------------------------------------------------------------------------

def _only(content, country: str) -> list[str]:
    """Services for one country and not national (today's content: Wales-only and England-only)."""
    return sorted(s.id for s in content.services if country in s.area and "national" not in s.area)


def _count(n: int, local: int = 0) -> str:
    return _count_text(n + local, local)


def _place_values(page) -> list[str]:
    return page.eval_on_selector_all("#finder-where option", "options => options.map(o => o.value)")


def test_where_are_you_is_a_labelled_list_of_places_grouped_by_country(page, base_url, content):
    page.goto(base_url + PAGE)
    page.locator("summary.wt-finder__summary").click()
    place = page.get_by_label("Where are you?")
    assert place.evaluate("e => e.tagName") == "SELECT"
    assert place.get_attribute("aria-describedby") == "finder-where-hint"
    groups = page.eval_on_selector_all(
        "#finder-where > *", "nodes => nodes.map(n => n.tagName === 'OPTGROUP' ? "
        "[n.label, [...n.children].map(o => [o.value, o.textContent])] : [n.value, n.textContent])")
    titles, countries = content.tag_titles, content.force_country
    # Every place a service serves, from the schema: here all of them, as national services serve everyone.
    assert any("national" in s.area for s in content.services)
    expected = [["", "Anywhere in England and Wales"]] + [
        [titles[c], [[c, f"Anywhere in {titles[c]}"]] + sorted(([f, titles[f]] for f in countries if countries[f] == c),
                                                               key=lambda pair: pair[1])]
        for c in ("england", "wales")]
    assert groups == expected
    assert len(_place_values(page)) == 1 + 2 + 43


def test_a_welsh_place_shows_the_wales_services_and_an_english_place_the_england_ones(page, base_url, content):
    wales_only, england_only = _only(content, "wales"), _only(content, "england")
    assert wales_only and england_only, "the content has no service for Wales or England only to test with"
    page.goto(base_url + PAGE)
    page.locator("summary.wt-finder__summary").click()
    place = page.get_by_label("Where are you?")
    for chosen, shown, hidden in (("south-wales", wales_only, england_only), ("north-wales", wales_only, england_only),
                                  ("wales", wales_only, england_only), ("kent", england_only, wales_only),
                                  ("metropolitan-police", england_only, wales_only), ("england", england_only, wales_only)):
        place.select_option(chosen)
        visible = _visible_services(page)
        assert set(shown) <= set(visible) and not set(hidden) & set(visible), chosen
        assert sorted(visible) == _expected(content, {"where": {chosen}}), chosen
        assert urlsplit(page.url).fragment == f"where={chosen}"
        local = _local(content, {"where": {chosen}})
        expect(page.locator("#finder-count")).to_have_text(_count(len(visible), len(local)))
    place.select_option("")
    assert len(_visible_services(page)) == len(content.services)
    assert urlsplit(page.url).fragment == ""
    assert page.locator("#finder-count").inner_text() == f"Showing all {len(content.services)} services."
    # The address can be shared, with the other filters; a place the list does not have is anywhere.
    page.goto(f"{base_url}{PAGE}#need=talk-now&where=gwent")
    expect(page.get_by_label("Where are you?")).to_have_value("gwent")
    assert sorted(_visible_services(page)) == _expected(content, {"need": {"talk-now"}, "where": {"gwent"}})
    page.goto(f"{base_url}{PAGE}#where=atlantis")
    expect(page.get_by_label("Where are you?")).to_have_value("")
    assert len(_visible_services(page)) == len(content.services)


def test_every_place_shows_exactly_the_services_the_rule_gives(page, base_url, content):
    page.goto(base_url + PAGE)
    page.locator("summary.wt-finder__summary").click()
    place = page.get_by_label("Where are you?")
    values = _place_values(page)
    assert set(values) == {"", "england", "wales", *content.force_country}
    for value in values[1:]:
        place.select_option(value)
        assert sorted(_visible_services(page)) == _expected(content, {"where": {value}}), value


def test_local_services_match_their_own_place_only(page, base_url, content):
    """The real content has no local service yet (none is invented for a test), so the cards' areas
    are replaced in this page only, with police force areas, and the script's rule is compared with
    finder.matches on the same areas for every place in the list."""
    forces = list(content.force_country)
    patterns = [lambda i: ("national",), lambda i: ("wales",), lambda i: ("england",),
                lambda i: (forces[i % len(forces)],), lambda i: (forces[(3 * i) % len(forces)], "south-wales")]
    services = [dataclasses.replace(s, area=patterns[i % len(patterns)](i)) for i, s in enumerate(content.services)]
    used = {a for s in services for a in s.area} & set(forces)
    assert "south-wales" in used and len(used) > 4
    page.goto(base_url + PAGE)
    page.locator("summary.wt-finder__summary").click()
    page.evaluate("areas => Object.entries(areas).forEach(([id, area]) => "
                  "document.getElementById('service-' + id).setAttribute('data-area', area))",
                  {s.id: " ".join(s.area) for s in services})
    place = page.get_by_label("Where are you?")
    with_local = set()
    for value in _place_values(page)[1:]:
        place.select_option(value)
        visible = sorted(_visible_services(page))
        assert visible == _expected(content, {"where": {value}}, services=services), value
        if any(set(s.area) & used for s in services if s.id in visible):
            with_local.add(value)
    assert with_local == used  # a local service shows for its own police force area only, not its country


# Fixed clock times around the clocks changing in the UK (28 March and 31 October 2027). The
# browser runs in New York time, so only a script that really uses Europe/London passes.
CLOCK_TIMES = [
    dt.datetime(2027, 3, 26, 21, 30, tzinfo=UTC),  # Friday 21:30 GMT
    dt.datetime(2027, 3, 27, 8, 30, tzinfo=UTC),   # Saturday 08:30 GMT
    dt.datetime(2027, 3, 28, 8, 30, tzinfo=UTC),   # Sunday 09:30 BST (clocks went forward at 01:00)
    dt.datetime(2027, 3, 29, 7, 30, tzinfo=UTC),   # Monday 08:30 BST
    dt.datetime(2027, 3, 29, 21, 30, tzinfo=UTC),  # Monday 22:30 BST
    dt.datetime(2027, 10, 29, 21, 30, tzinfo=UTC),  # Friday 22:30 BST
    dt.datetime(2027, 11, 1, 21, 30, tzinfo=UTC),   # Monday 21:30 GMT
    dt.datetime(2027, 11, 1, 7, 30, tzinfo=UTC),    # Monday 07:30 GMT
]


@pytest.fixture
def new_york_context(browser, base_url, offsite_requests):
    context = browser.new_context(timezone_id="America/New_York")
    host = urlsplit(base_url).netloc

    def route(route):
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:
            offsite_requests.append(route.request.url)
            route.fulfill(status=200, body="Mock response")

    context.route("**/*", route)
    yield context
    context.close()


def _words(service, london: dt.datetime) -> str | None:
    """The words the card should show, worked out independently of the script."""
    hours = service.hours
    if hours is None:
        return None
    if hours.always_open:
        return "Open 24 hours"
    from walkthrough.model import WEEKDAYS
    from walkthrough.words import time_words
    now = f"{london.hour:02d}:{london.minute:02d}"
    today = WEEKDAYS[london.weekday()]
    for t in hours.times:
        if today in t.days and t.opens <= now < t.closes:
            return f"Open now until {time_words(t.closes)}"
    for ahead in range(8):
        day = WEEKDAYS[(london.weekday() + ahead) % 7]
        opens = sorted(t.opens for t in hours.times if day in t.days and (ahead or t.opens > now))
        if opens:
            when = "today" if ahead == 0 else "tomorrow" if ahead == 1 else "on " + day.capitalize()
            return f"Closed now. Opens {when} at {time_words(opens[0])}"
    return None


def test_open_now_is_right_in_uk_time_across_the_clocks_changing(new_york_context, base_url, content, offsite_requests):
    timed = [s for s in content.services if s.hours and not s.hours.always_open]
    assert timed, "the content has no service with opening times to test"
    page = new_york_context.new_page()
    for when in CLOCK_TIMES:
        page.clock.set_fixed_time(when)
        page.goto(f"{base_url}{PAGE}#when=open-now")
        london = when.astimezone(LONDON)
        expected = _expected(content, {"when": {"open-now"}}, london)
        assert sorted(_visible_services(page)) == expected, london.isoformat()
        assert not any(s.hours is None for s in content.services if s.id in expected)  # unknown hours: never open now
        page.goto(f"{base_url}{PAGE}")
        for service in content.services:
            line = page.locator(f"#service-{service.id} .wt-service__now")
            words = _words(service, london)
            if words is None:
                assert line.count() == 0, service.id
            else:
                assert line.inner_text() == words, (service.id, london.isoformat())
    # The same wall-clock instant on either side of the change: 21:30 UTC is open (21:30 GMT) on
    # Friday 26 March, and closed (22:30 BST) on Monday 29 March, for a service open until 10pm.
    nspcc = next((s for s in timed if s.id == "nspcc-helpline"), None)
    if nspcc:
        page.clock.set_fixed_time(CLOCK_TIMES[0])
        page.goto(base_url + PAGE)
        assert page.locator("#service-nspcc-helpline .wt-service__now").inner_text() == "Open now until 10pm"
        page.clock.set_fixed_time(CLOCK_TIMES[4])
        page.goto(base_url + PAGE)
        assert page.locator("#service-nspcc-helpline .wt-service__now").inner_text() == "Closed now. Opens tomorrow at 8am"
    page.close()
    assert offsite_requests == []


def test_without_javascript_every_service_is_listed_and_every_need_anchor_works(browser, base_url, content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    assert sorted(_visible_services(page)) == sorted(s.id for s in content.services)
    # No controls that cannot work: the form is in the HTML, but shown only when JavaScript runs.
    assert page.locator("#finder input:visible, #finder select:visible, #finder button:visible").count() == 0
    assert page.get_by_role("checkbox").count() == 0 and page.get_by_role("combobox").count() == 0
    anchors = page.eval_on_selector_all(".wt-need-list a", "links => links.map(a => a.getAttribute('href'))")
    assert "#for-men" in anchors and "#talk-now" in anchors
    for href in anchors:
        page.goto(f"{base_url}{PAGE}{href}")
        heading = page.locator(href)
        assert heading.count() == 1 and heading.is_visible(), href
        tag = href[1:]
        titles = content.tag_titles
        assert heading.inner_text().strip() == titles[tag if tag in titles else tag.removeprefix("for-")]
        listed = page.eval_on_selector_all(f"{href} + ul.wt-service-group a[href^='#service-']",
                                           "links => links.map(a => a.getAttribute('href').slice(9))")
        tag = tag if tag in content.need_tags else tag.removeprefix("for-")
        assert listed == [s.id for s in content.services_tagged(tag)], href
    context.close()


def _form_controls(page) -> list:
    """The finder's controls in the page: [key, value, label] for each checkbox, and for the
    place list [key, [option values]]."""
    return page.eval_on_selector_all("#finder [data-finder-key]", """nodes => nodes.map(n => n.tagName === 'SELECT'
        ? [n.dataset.finderKey, [...n.options].map(o => o.value)]
        : [n.dataset.finderKey, n.value, document.querySelector(`label[for="${n.id}"]`).textContent])""")


def _expected_controls(content) -> list:
    found = []
    for group in finder.option_groups(content):
        if "places" in group:
            found.append([group["key"], [v for item in group["places"]
                                         for v, _ in (item[2] if len(item) == 3 else [item])]])
        else:
            found += [[group["key"], o["value"], o["label"]] for o in group["options"]]
    return found


def test_the_form_is_in_the_served_html_and_hidden_without_javascript(browser, base_url, content):
    """The build writes the finder's form (so it is in place from the first paint); the script only
    wires it up. Without JavaScript it is not shown: no control that does nothing."""
    expected = _expected_controls(content)
    # The script never arrives: the form is there all the same, shown (JavaScript runs) and complete.
    context = browser.new_context()
    page = context.new_page()
    page.route("**/service-finder.js", lambda route: route.abort())
    html = page.goto(base_url + PAGE).text()
    assert '<section class="wt-finder__panel"' in html and 'id="finder-count"' in html
    assert _form_controls(page) == expected
    expect(page.locator("#finder")).to_be_visible()
    expect(page.get_by_role("region", name="Find the right service")).to_be_visible()
    assert page.locator("#finder-count").inner_text() == f"Showing all {len(content.services)} services."
    context.close()
    # No JavaScript: in the HTML, but nothing of it shows or can be reached.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGE)
    assert _form_controls(page) == expected
    expect(page.locator("#finder")).to_be_hidden()
    assert page.locator("#finder *:visible").count() == 0
    assert page.get_by_role("checkbox").count() == 0 and page.get_by_role("combobox").count() == 0
    assert page.get_by_role("button", name="Clear all choices").count() == 0
    assert page.get_by_role("region", name="Find the right service").count() == 0
    assert page.locator(".wt-finder__empty:visible").count() == 0
    assert page.locator(".wt-service__now:visible").count() == 0  # "open now" needs the script
    context.close()




@pytest.mark.parametrize("anchor", ["", "#all-services"])
def test_opening_the_page_shifts_nothing_when_the_script_arrives(browser, base_url, anchor):
    """On a phone-sized screen, the text drawn before the script runs does not move when it runs
    (Cumulative Layout Shift; Lighthouse counted 0.42 when the script built the form). Opened at
    the A to Z list, the cards are on screen: their "open now" lines have their place already."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    # The script arrives late, as on a slow connection: the page is drawn before it runs.
    page.route("**/service-finder.js", lambda route: (page.wait_for_timeout(300), route.continue_()))
    page.goto(base_url + PAGE + anchor)
    page.wait_for_load_state("load")
    # The script has run: the "open now" words are its work.
    expect(page.locator(".wt-service__now").first).to_have_text(re.compile(r"^(Open|Closed) "))
    expect(page.get_by_label("Talk to someone now")).to_be_attached()
    shift = page.evaluate(LAYOUT_SHIFT_JS)
    print(f"\n[finder] layout shift opening the services page{anchor}: {shift:.4f}")
    assert shift < 0.01
    context.close()


def test_the_form_is_left_out_of_site_search(site_dir, content):
    """The form's words would match searches for "phone", "court"… and lead to a form, not an
    answer: the build marks it data-search-exclude. The page's services stay searchable."""
    import html
    import json
    docs = json.loads((site_dir / "search/search_index.json").read_text("utf-8"))["docs"]
    page = [d for d in docs if d["location"].startswith(PAGE)]
    text = " ".join(d["title"] + " " + d["text"] for d in page)
    for words in ("Find the right service", "Choose what you are looking for", "More choices",
                  "Clear all choices", "Go to the list", "Showing all", "No service matches",
                  "Anywhere in England", "Bank holidays may be different"):
        assert words not in text, words
    assert not [d["location"] for d in page if "finder" in d["location"]]
    assert all(html.escape(s.name, quote=False) in text for s in content.services)


def test_each_stage_links_to_the_finder_filtered_for_its_needs(page, base_url, content):
    for stage in content.stages:
        page.goto(f"{base_url}stages/{stage.id}/")
        link = page.get_by_role("link", name="Find more services that help at this step")
        fragment = finder.stage_filter(content, stage.support)
        if not fragment:
            assert link.count() == 0
            continue
        link.click()
        page.wait_for_url(re.compile(r"support-services/#need="))
        assert sorted(_visible_services(page)) == _expected(content, _chosen(fragment)), stage.id


# What this feature adds to a page: the finder, the service cards and lists, copy-link buttons.
OURS = "#finder, .wt-service, .wt-service-group, .wt-need-list, .wt-finder__empty, .wt-copy-link"


def axe_violations_in(page, selector: str) -> list[str]:
    """axe violations on nodes inside `selector`; others are printed (they belong to the theme or
    to other components, and are reported there)."""
    from axe_playwright_python.sync_playwright import Axe
    results = Axe().run(page)
    ours, elsewhere = [], []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            target = node["target"][0] if node["target"] else ""
            inside = page.evaluate("([t, s]) => { const e = document.querySelector(t); return !!(e && e.closest(s)); }",
                                   [target, selector])
            (ours if inside else elsewhere).append(f"{violation['id']}: {target}")
    if elsewhere:
        print(f"\n{page.url}: axe, outside this feature: " + "; ".join(sorted(set(v.split(':')[0] for v in elsewhere))))
    return ours


def test_no_accessibility_violations_on_the_finder(page, base_url):
    for url in (PAGE, f"{PAGE}#need=talk-now&contact=phone", f"{PAGE}#need=stalking&for=deaf", f"{PAGE}#where=south-wales"):
        page.goto(base_url + url)
        if page.locator("details.wt-finder__more").get_attribute("open") is None:  # opens by itself for a chosen filter in it
            page.locator("summary.wt-finder__summary").click()
        assert axe_violations_in(page, OURS) == [], url


def test_benchmark_finder_size_and_time_to_filter_on_a_slow_cpu(page, base_url, site_dir):
    """Prints figures (a benchmark, not a timed test): gzipped script + data (the form the build
    writes, and the cards' data-* values), and filtering time with the CPU slowed 4× through the
    Chrome DevTools Protocol."""
    script = (site_dir / "components/service-finder/service-finder.js").read_bytes()
    html = (site_dir / PAGE / "index.html").read_text("utf-8")
    form = re.findall(r'<div class="wt-finder" id="finder".*?</section>\s*</div>', html, re.S)
    assert len(form) == 1
    data = "".join(form + re.findall(r'data-(?:needs|for|area|contact|languages|hours)="[^"]*"', html)).encode()
    print(f"\nservice finder: script {len(script)} B ({len(gzip.compress(script, 9))} B gzipped), "
          f"form and data {len(data)} B ({len(gzip.compress(data, 9))} B gzipped), "
          f"together {len(gzip.compress(script, 9)) + len(gzip.compress(data, 9))} B gzipped")
    page.goto(base_url + PAGE)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    timings = page.evaluate("""() => {
        const boxes = Array.from(document.querySelectorAll('#finder input[type=checkbox]'));
        const times = [];
        for (let round = 0; round < 5; round++) {
            for (const box of boxes) {
                const start = performance.now();
                box.click();   // the change handler filters synchronously
                times.push(performance.now() - start);
            }
        }
        times.sort((a, b) => a - b);
        return {n: times.length, median: times[Math.floor(times.length / 2)], worst: times[times.length - 1]};
    }""")
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    print(f"time to filter, CPU 4× slower: median {timings['median']:.2f} ms, worst {timings['worst']:.2f} ms "
          f"over {timings['n']} clicks")
    assert timings["n"] > 0
