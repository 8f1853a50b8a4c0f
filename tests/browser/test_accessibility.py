"""WCAG 2.2 AA on the built site: axe-core on every page and state, and what axe cannot see.

axe runs on every page in the light and dark scheme at 320 and 1280 CSS px, and again with the
search showing results, the menu open on a small screen and the service finder's filters in use:
no violations, and no axe rule is switched off. Then keyboard order, visible focus, focus not
hidden by the sticky bars, reflow and zoom, text spacing, target size, reduced motion, forced
colours, page structure and what a screen reader reads on a step page (a reviewed fixture).
Each check prints one summary line. The statement describing these checks is docs/accessibility.md.

To accept an intended change to the screen-reader fixture, run with UPDATE_ARIA_SNAPSHOT=1 and
review the diff of tests/browser/fixtures/ like any other change.
"""
from __future__ import annotations

import os
import re
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from a11y_support import (CLIPPED_JS, FOCUS_STATE_JS, SCHEMES, SMALL_TARGETS_JS, TEXT_SPACING_CSS, WIDTHS,
                          contrast, describe, finish_axe, parse_colour, start_axe)
from browser_support import open_search_with_results, site_pages
from support import ROOT
from walkthrough.content import check_content
from walkthrough.sections import STAGE_SECTIONS

STAGES = check_content(ROOT).content.stages
SITE_NAME = "Justice process guide"  # mkdocs.yml extra.safety.tab_title
FIXTURE = Path(__file__).parent / "fixtures" / "stage-aria-snapshot.yml"
SNAPSHOT_STAGE = next(s for s in STAGES if s.order == 4)
TABS = 3  # parallel tabs: each has its own renderer, so axe uses both cores


def summary(check: str, text: str) -> None:
    print(f"\n[a11y] {check}: {text}")


@contextmanager
def tabs(browser, base_url, n=TABS, **options):
    """A context of its own (viewport, media) whose every off-site request gets a stub."""
    context = browser.new_context(**options)
    context.set_default_timeout(60_000)  # waits end on their state; generous for a busy machine
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url)
                  else route.fulfill(status=200, body=""))
    try:
        yield [context.new_page() for _ in range(n)]
    finally:
        context.close()


def stage_url(base_url, stage=SNAPSHOT_STAGE):
    return f"{base_url}stages/{stage.id}/"


# --- axe-core ----------------------------------------------------------------------------------


def test_axe_every_page_both_schemes_both_widths(browser, base_url, site_dir):
    paths = site_pages(site_dir)
    started, checked, failures = time.monotonic(), 0, []
    for width in WIDTHS:
        for scheme in SCHEMES:
            # A fresh load per scheme: switching an open page makes Material's colour transitions
            # run, and axe would measure colours halfway between the two schemes.
            with tabs(browser, base_url, viewport={"width": width, "height": 900}, color_scheme=scheme) as pages:
                for i in range(0, len(paths), len(pages)):
                    batch = list(zip(pages, paths[i:i + len(pages)]))
                    for page, path in batch:
                        page.goto(base_url + path)
                        start_axe(page)
                    for page, path in batch:
                        violations = finish_axe(page)
                        checked += 1
                        if violations:
                            failures.append(f"/{path} {scheme} {width}px:\n{describe(violations)}")
    summary("axe every page", f"{len(paths)} pages × {len(SCHEMES)} schemes × {len(WIDTHS)} widths = {checked} checks, "
            f"{len(failures)} with violations ({time.monotonic() - started:.0f} s)")
    assert not failures, "\n".join(failures)


def use_filters(page) -> list[str]:
    """Tick the first option of each filter group the service finder has; say what was used."""
    used = []
    for group in page.locator(".wt-finder fieldset").all():
        option = group.locator("input").first
        if option.count() and option.is_visible():
            option.check()
            used.append(group.locator("legend").inner_text().strip() if group.locator("legend").count() else "filter")
    return used


def test_axe_with_search_menu_and_filters_in_use(browser, base_url):
    checked, failures, filters = 0, [], []
    for width in WIDTHS:
        with tabs(browser, base_url, n=1, viewport={"width": width, "height": 900}) as (page,):
            states = [("search results", stage_url(base_url), lambda p: open_search_with_results(p, width))]
            if width < 960:
                states.append(("menu open", stage_url(base_url), lambda p: (
                    p.locator("button.md-header__button[aria-controls=__drawer]").click(),
                    p.locator(".md-sidebar--primary .md-nav--primary").wait_for(state="visible"))))
            states.append(("service filters", f"{base_url}support-services/", lambda p: filters.append(use_filters(p))))
            for name, url, act in states:
                for scheme in SCHEMES:
                    page.emulate_media(color_scheme=scheme)  # before loading: see the test above
                    page.goto(url)
                    act(page)
                    start_axe(page)
                    violations = finish_axe(page)
                    checked += 1
                    if violations:
                        failures.append(f"{name} {scheme} {width}px:\n{describe(violations)}")
    used = sorted({f for run in filters for f in run})
    summary("axe states", f"search results, menu open (320 px), service filters in use ({', '.join(used) or 'no filters found'}) "
            f"× schemes × widths = {checked} checks, {len(failures)} with violations")
    assert used, "the service finder on /support-services/ shows no filters to use"
    assert not failures, "\n".join(failures)


# --- keyboard ------------------------------------------------------------------------------------


def test_tab_order_skip_link_then_quick_exit_then_navigation(page, base_url):
    checked = 0
    for url in (stage_url(base_url), base_url + "glossary/"):  # a page with and one without many headings
        page.goto(url)
        page.keyboard.press("Tab")
        first = page.evaluate("() => [document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]")
        assert first == ["Skip to main content", "#main-content"], url
        page.keyboard.press("Tab")
        second = page.evaluate("() => document.activeElement.textContent.trim()")
        assert second == "Exit this page", f"{url}: the second Tab stop is {second!r}, not the quick exit"
        page.keyboard.press("Tab")
        assert page.evaluate("() => !!document.activeElement.closest('nav, [role=navigation]')"), url
        checked += 1
    summary("tab order", f"{checked} pages: skip link → Exit this page → navigation")


def tab_through(page, limit=400):
    """Focus states of every Tab stop, in order, until focus comes back round or leaves the page."""
    seen, states = set(), []
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE_JS)
        if state is None:
            break
        key = (state["tag"], state["cls"], state["name"], state["href"], tuple(round(v) for v in state["rect"]))
        if key in seen:
            break
        seen.add(key)
        states.append(state)
    return states


def indicator_contrast(state) -> float:
    """The best contrast of the focus indicator's colours against what they are drawn on."""
    best = 0.0
    if state["outlineStyle"] != "none" and state["outlineWidth"] >= 1:
        colour = parse_colour(state["outlineColour"])
        behind = state["ownBg"] if state["outlineOffset"] < 0 else state["parentBg"]
        if colour and colour[3] > 0.5:
            best = max(best, contrast(colour, parse_colour(behind)))
    for shadow in state["shadows"]:
        colour = parse_colour(shadow["colour"])
        if colour and colour[3] > 0.5 and any(abs(v) >= 1 for v in shadow["spread"]):
            best = max(best, contrast(colour, parse_colour(state["ownBg"])),
                       contrast(colour, parse_colour(state["parentBg"])))
    return best


def focus_state_settled(page, state):
    """The focus state once transitions have finished: a menu or the search may still be opening
    or closing (Material fades its search overlay out over 250 ms), so a stop that looks hidden
    is looked at again, every 125 ms for up to ten seconds (a busy machine draws late), before it counts."""
    for _ in range(80):
        if state["onScreen"] and not (state["uncovered"] == 0 and state["coverers"]):
            break
        page.wait_for_timeout(125)
        state = page.evaluate(FOCUS_STATE_JS) or state
    return state


def test_every_tab_stop_shows_focus_and_is_not_hidden(browser, base_url, site_dir):
    """WCAG 2.4.7/2.4.13 (visible focus, 3:1) and 2.4.11 (not entirely hidden by the sticky bars),
    tabbing through every page in both schemes at both widths."""
    paths = site_pages(site_dir)
    stops, failures = 0, []
    for width in WIDTHS:
        for scheme in SCHEMES:
            with tabs(browser, base_url, n=1, viewport={"width": width, "height": 800}, color_scheme=scheme) as (page,):
                for path in paths:
                    page.goto(base_url + path)
                    for state in tab_through(page):
                        stops += 1
                        where = f"/{path} {scheme} {width}px {state['tag'].lower()} {state['name']!r}"
                        if indicator_contrast(state) < 3:
                            failures.append(f"{where}: no focus indicator with 3:1 contrast "
                                            f"(outline {state['outlineStyle']} {state['outlineWidth']}px {state['outlineColour']}, "
                                            f"shadow {state['shadows']}, on {state['parentBg']})")
                        state = focus_state_settled(page, state)
                        if not state["onScreen"]:
                            failures.append(f"{where}: focused but off screen or invisible")
                        elif state["uncovered"] == 0 and state["coverers"]:
                            failures.append(f"{where}: hidden behind {state['coverers']}")
    kinds = {k: sum(k in f for f in failures) for k in ("no focus indicator", "hidden behind", "off screen")}
    summary("focus visible and not obscured", f"{stops} Tab stops on {len(paths)} pages × {len(SCHEMES)} schemes × "
            f"{len(WIDTHS)} widths, {len(failures)} problems {kinds}")
    assert not failures, "\n".join(failures[:50])


def focus_inside(page, selector) -> bool:
    return page.evaluate("s => !!document.activeElement.closest(s)", selector)


def test_no_keyboard_trap_and_escape_closes(browser, base_url):
    with tabs(browser, base_url, n=1, viewport={"width": 320, "height": 800}) as (page,):
        # Search: type, Tab through the results and out again; Escape closes it.
        page.goto(stage_url(base_url))
        open_search_with_results(page, 320)
        assert focus_inside(page, ".md-search")
        for _ in range(60):
            page.keyboard.press("Tab")
            if not focus_inside(page, ".md-search"):
                break
        escaped_search = not focus_inside(page, ".md-search")
        page.goto(stage_url(base_url))
        open_search_with_results(page, 320)
        page.keyboard.press("Escape")
        assert not page.locator("#__search").is_checked(), "Escape does not close the search"

        # Menu: open it from the keyboard, Tab out of it, and Escape closes it.
        page.goto(stage_url(base_url))
        page.locator("button.md-header__button[aria-controls=__drawer]").focus()
        page.keyboard.press("Enter")
        assert page.locator("#__drawer").is_checked(), "Enter on the menu button does not open the menu"
        for _ in range(80):
            page.keyboard.press("Tab")
            if not focus_inside(page, ".md-sidebar--primary, label[for=__drawer]"):
                break
        escaped_menu = not focus_inside(page, ".md-sidebar--primary")
        page.locator("button.md-header__button[aria-controls=__drawer]").focus()
        if not page.locator("#__drawer").is_checked():
            page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        assert not page.locator("#__drawer").is_checked(), "Escape does not close the menu"

        # Glossary explanations: open one, Tab past it, Escape closes it and returns focus.
        term_stage = next((s for s in STAGES if page.goto(stage_url(base_url, s)) and page.locator(".wt-term__button").count()), None)
        assert term_stage, "no page has a glossary explanation button"
        button = page.locator(".wt-term__button").first
        button.focus()
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        escaped_term = not page.evaluate("() => document.activeElement.classList.contains('wt-term__button')")
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
        button.focus()
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false", "Escape does not close the explanation"
    assert escaped_search, "Tab never leaves the search"
    assert escaped_menu, "Tab never leaves the menu"
    assert escaped_term, "Tab stays on the glossary explanation"
    summary("keyboard traps and Escape", "search, menu, glossary explanation: Tab leaves each, Escape closes each")


# --- reflow, zoom, text spacing -------------------------------------------------------------------


def reflow_problems(page) -> list[str]:
    problems = []
    sizes = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    if sizes[0] > sizes[1]:
        problems.append(f"scrolls sideways: {sizes[0]} px wide in a {sizes[1]} px window")
    return problems + page.evaluate(CLIPPED_JS)


@pytest.mark.parametrize("mode", ["320 px", "400% zoom of 1280 px", "text spacing 320 px", "text spacing 1280 px"])
def test_reflow_zoom_and_text_spacing(browser, base_url, site_dir, mode):
    """WCAG 1.4.10 (no sideways scrolling, nothing cut off) and 1.4.12 (text spacing)."""
    # 400% zoom of a 1280 × 800 window is a 320 × 200 CSS px viewport at 4 device pixels per px.
    options = ({"viewport": {"width": 320, "height": 200}, "device_scale_factor": 4} if "zoom" in mode
               else {"viewport": {"width": 1280 if "1280" in mode else 320, "height": 800}})
    options["bypass_csp"] = True  # the test stylesheet is inline; the site's CSP rightly refuses it
    paths, failures = site_pages(site_dir), []
    with tabs(browser, base_url, n=1, **options) as (page,):
        for path in paths:
            page.goto(base_url + path)
            if "spacing" in mode:
                page.add_style_tag(content=TEXT_SPACING_CSS)
            failures += [f"/{path}: {p}" for p in reflow_problems(page)]
    summary(f"reflow {mode}", f"{len(paths)} pages, {len(failures)} problems")
    assert not failures, "\n".join(failures[:200])


def test_text_spacing_check_can_fail(browser, base_url):
    """The clipping check finds text cut off by a fixed-height box (so a pass means something)."""
    with tabs(browser, base_url, n=1, viewport={"width": 320, "height": 800}, bypass_csp=True) as (page,):
        page.goto(stage_url(base_url))
        page.add_style_tag(content="h1 { height: 10px; overflow: hidden; }")
        assert any("cut off" in p for p in page.evaluate(CLIPPED_JS))


# --- target size, motion, forced colours -----------------------------------------------------------

NAV_TARGETS = ("header a, header button, header label[for], .md-nav a, .md-nav label[tabindex='0'], "
               ".md-footer a, .md-footer button, .wt-next a, .wt-previous a")


def test_target_sizes(browser, base_url, site_dir):
    """WCAG 2.5.8: navigation links and buttons at least 24 × 24; the quick exit at least 44 × 44."""
    paths, failures, counted = site_pages(site_dir), [], 0
    for width in WIDTHS:
        with tabs(browser, base_url, n=1, viewport={"width": width, "height": 800}) as (page,):
            for path in paths:
                page.goto(base_url + path)
                if width < 960:  # the navigation is in the drawer on small screens
                    page.locator("button.md-header__button[aria-controls=__drawer]").click()
                    # A state, not a pause: sizes do not change while the drawer slides in.
                    page.locator("input#__drawer:checked").wait_for(state="attached", timeout=60_000)
                counted += page.locator(NAV_TARGETS).count()
                failures += [f"/{path} {width}px: {t}" for t in page.evaluate(SMALL_TARGETS_JS, [NAV_TARGETS, 24])]
                failures += [f"/{path} {width}px quick exit: {t}" for t in page.evaluate(SMALL_TARGETS_JS, ["#qe-link", 44])]
    summary("target size", f"{counted} navigation targets on {len(paths)} pages × {len(WIDTHS)} widths, {len(failures)} too small")
    assert not failures, "\n".join(failures[:200])


MOTION_JS = r"""
() => {
  const slow = [];
  for (const el of [document.documentElement, ...document.querySelectorAll('body, body *')]) {
    const cs = getComputedStyle(el);
    const longest = s => Math.max(...s.split(',').map(t => parseFloat(t) * (t.trim().endsWith('ms') ? 1 : 1000)));
    const moving = longest(cs.transitionDuration) > 1 || (cs.animationName !== 'none' && longest(cs.animationDuration) > 1);
    if (moving) slow.push(el.tagName.toLowerCase() + '.' + String(el.className).split(' ')[0]);
  }
  return {slow, smooth: getComputedStyle(document.documentElement).scrollBehavior === 'smooth'};
}
"""


def test_reduced_motion_stops_animation_and_smooth_scrolling(browser, base_url):
    with tabs(browser, base_url, n=1, viewport={"width": 1280, "height": 800}) as (page,):
        page.goto(stage_url(base_url))
        page.emulate_media(reduced_motion="no-preference")
        normal = page.evaluate(MOTION_JS)
        page.emulate_media(reduced_motion="reduce")
        reduced = page.evaluate(MOTION_JS)
    summary("reduced motion", f"{len(normal['slow'])} moving elements normally, {len(reduced['slow'])} with reduce; "
            f"smooth scrolling {normal['smooth']} → {reduced['smooth']}")
    assert normal["slow"], "the check found no transition at all without the preference (it could not fail)"
    assert reduced["slow"] == [] and not reduced["smooth"], reduced


# Checkboxes and radio buttons are drawn by the system in forced colours and keep their outline.
FORCED_JS = r"""
() => [...document.querySelectorAll(
  '#qe-link, button, input:not([type=hidden]):not(.md-toggle):not([type=checkbox]):not([type=radio]), select, textarea, summary, '
  + '.md-header__button:not(.md-logo), .md-search__icon')]
  .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; })
  .filter(el => {
    const cs = getComputedStyle(el);
    const border = ['Top', 'Right', 'Bottom', 'Left'].some(s => cs['border' + s + 'Style'] !== 'none' && parseFloat(cs['border' + s + 'Width']) > 0);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    return !border && !outline;
  }).map(el => el.tagName.toLowerCase() + '.' + String(el.className).split(' ')[0] + ' ' + (el.getAttribute('aria-label') || el.textContent).trim().slice(0, 40))
"""


def test_forced_colours_keep_control_borders(browser, base_url):
    failures, pages = [], [stage_url(base_url), f"{base_url}support-services/"]
    for width in WIDTHS:
        with tabs(browser, base_url, n=1, viewport={"width": width, "height": 800}, forced_colors="active") as (page,):
            for url in pages:
                page.goto(url)
                failures += [f"{url} {width}px: {c}" for c in page.evaluate(FORCED_JS)]
    summary("forced colours", f"{len(pages)} pages × {len(WIDTHS)} widths, {len(failures)} controls without a border")
    assert not failures, "\n".join(failures)


# --- structure and screen reader ---------------------------------------------------------------------

STRUCTURE_JS = r"""
() => ({
  lang: document.documentElement.lang,
  title: document.title,
  h1: document.querySelectorAll('h1').length,
  h1s: [...document.querySelectorAll('h1')].map(h => h.outerHTML.slice(0, 120)),
  levels: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(h => h.offsetParent || h.getClientRects().length)
    .map(h => +h.tagName[1]),
  banner: document.querySelectorAll('header:not(article header):not(section header), [role=banner]').length,
  main: document.querySelectorAll('main, [role=main]').length,
  footer: document.querySelectorAll('footer:not(article footer):not(section footer), [role=contentinfo]').length,
  mainNav: document.querySelectorAll('nav[aria-label="Navigation"]').length,
})
"""


def test_structure_headings_landmarks_language_and_titles(page, base_url, site_dir):
    paths, failures, titles = site_pages(site_dir), [], {}
    for path in paths:
        page.goto(base_url + path)
        s = page.evaluate(STRUCTURE_JS)
        where = f"/{path}"
        if s["lang"] != "en-GB":
            failures.append(f"{where}: lang={s['lang']!r}")
        if s["h1"] != 1:
            failures.append(f"{where}: {s['h1']} h1 elements {s['h1s']}")
        skips = [(a, b) for a, b in zip(s["levels"], s["levels"][1:]) if b > a + 1]
        if skips:
            failures.append(f"{where}: heading levels skip {skips}")
        for landmark in ("banner", "main", "footer", "mainNav"):
            if s[landmark] != 1:
                failures.append(f"{where}: {s[landmark]} {landmark} landmarks")
        if path == "":
            if s["title"] != f"Home – {SITE_NAME}":  # its name in the menu, never its heading
                failures.append(f"{where}: title {s['title']!r}")
        else:  # "Page name – site name", with the page's name from the menu (a stage's short title)
            name = s["title"].removesuffix(f" – {SITE_NAME}")
            stage = next((st for st in STAGES if path == f"stages/{st.id}/"), None)
            if name == s["title"] or not name or name == "Index" or (stage and name != stage.short_title):
                failures.append(f"{where}: title {s['title']!r}")
        titles.setdefault(s["title"], []).append(where)
    failures += [f"title {t!r} used by {w}" for t, w in titles.items() if len(w) > 1]
    summary("structure", f"{len(paths)} pages: lang, one h1, heading order, landmarks, {len(titles)} unique titles; "
            f"{len(failures)} problems")
    assert not failures, "\n".join(failures)


def test_screen_reader_path_of_a_stage_page(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(stage_url(base_url))
    # The search status line depends on whether the search has started yet (components/lazy-search).
    snapshot = re.sub(r"- text: (Type to start searching|Initializing search)", "- text: <search status>",
                      page.locator("body").aria_snapshot())
    lines = [line.strip() for line in snapshot.splitlines() if line.strip()]
    # The first things announced: the skip link and the quick exit, before the site header.
    first_links = [line for line in lines if line.startswith("- link")][:2]
    assert first_links[0].startswith('- link "Skip to main content"'), first_links
    assert first_links[1].startswith('- link "Exit this page"'), first_links
    assert any(f"Step {SNAPSHOT_STAGE.order} of {len(STAGES)}" in line for line in lines)
    main = page.locator("main").aria_snapshot()
    headings = re.findall(r'- heading "([^"]+)" \[level=2\]', main)
    expected = [s.heading for s in STAGE_SECTIONS]
    assert [h for h in headings if h in expected] == [h for h in expected if h in headings] and headings, headings
    if os.environ.get("UPDATE_ARIA_SNAPSHOT"):
        FIXTURE.write_text(snapshot + "\n", encoding="utf-8")
    assert FIXTURE.exists(), f"no reviewed fixture: run with UPDATE_ARIA_SNAPSHOT=1 and review {FIXTURE.name}"
    reviewed = FIXTURE.read_text(encoding="utf-8").rstrip("\n")
    summary("screen reader path", f"/stages/{SNAPSHOT_STAGE.id}/: {len(lines)} lines, {len(headings)} section headings, "
            f"{'matches' if snapshot == reviewed else 'differs from'} the reviewed fixture")
    assert snapshot == reviewed, ("The accessibility tree of the stage page changed. If intended, rerun with "
                                  f"UPDATE_ARIA_SNAPSHOT=1 and review the diff of {FIXTURE.relative_to(ROOT)}.")
