"""Issue 15: the guide looks and works like a public service (GOV.UK Design System patterns), on a
phone and on a desktop. Each test is something a person would notice."""
from __future__ import annotations

import re

import pytest

from browser_support import open_search_with_results
from walkthrough.content import check_content

STAGE = "stages/charging-decision/"


@pytest.fixture(scope="module")
def content(built_root):
    return check_content(built_root).content


def _in_view(page, locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"] and box["x"] + box["width"] <= size["width"]


def test_the_first_screen_on_a_phone_says_what_this_is_how_to_get_help_and_how_to_start(page, base_url, content):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url)
    assert _in_view(page, page.locator("h1"))
    danger = page.locator(".wt-help-now__danger")
    assert danger.inner_text().strip() == "If you are in danger now, call 999"
    assert _in_view(page, danger.locator("a[href='tel:999']"))
    service = next(s for s in content.services if s.id == "rape-crisis")
    if service.contact.phone:  # the number comes from support_services.yml, never from a template
        line = page.locator(f".wt-help-now a[href='tel:{service.contact.phone[0].dial}']")
        assert line.inner_text() == service.contact.phone[0].number
    else:
        line = page.locator(".wt-help-now a", has_text="24/7 Support Line")
        assert line.get_attribute("href").endswith("support-services/#service-rape-crisis")
    assert _in_view(page, line)
    start = page.get_by_role("link", name="See the steps")
    assert _in_view(page, start)
    # The site name is shown whole in the header, never cut off.
    name = page.locator(".md-header__topic").first
    assert name.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    assert name.inner_text().strip() == "Justice process guide"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_header_keeps_its_colours_in_both_schemes(browser, base_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url)
    colours = page.locator(".md-header").evaluate("el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]")
    assert colours == ["rgb(11, 12, 12)", "rgb(255, 255, 255)"]
    context.close()


@pytest.mark.parametrize("width,body", [(360, "16px"), (1280, "19px")])
def test_type_scale_and_black_headings(page, base_url, width, body):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + STAGE)
    assert page.locator("#what-happens + .wt-copy-link + ol > li").first.evaluate("el => getComputedStyle(el).fontSize") == body
    h1 = page.locator("h1").evaluate("el => [getComputedStyle(el).color, getComputedStyle(el).fontWeight]")
    assert h1 == ["rgb(11, 12, 12)", "700"]


def test_checkboxes_are_40px_and_the_whole_label_ticks_them(page, base_url):
    page.goto(base_url + "support-services/")
    option = page.locator(".wt-finder__option").first
    box = option.locator("label").evaluate("el => { const s = getComputedStyle(el, '::before'); return [s.width, s.height] }")
    assert box == ["40px", "40px"]
    option.locator("label").click()
    assert option.locator("input").is_checked()


def test_step_by_step_names_each_step_with_its_number_and_shows_the_branch_as_or(page, base_url, content):
    page.goto(base_url + "stages/")
    steps = page.locator("ol.wt-steps > li")
    assert steps.count() == len(content.stages)
    for i, stage in enumerate(content.stages):
        assert steps.nth(i).get_by_role("heading", level=2, name=f"Step {stage.order}: {stage.title}", exact=True).count() == 1
    nfa = page.locator("ol.wt-steps > li:has(h2#no-further-action)")
    assert "wt-steps__step--or" in nfa.get_attribute("class")
    marker = nfa.locator(".wt-steps__or")
    assert marker.inner_text() == "or" and marker.evaluate("el => el.tagName") == "P"  # never a heading
    assert page.locator("ol.wt-steps .wt-steps__or").count() == 1  # the main line has no "or"


def test_each_stage_ends_with_previous_and_next_named_in_full(page, base_url, content):
    page.goto(base_url + STAGE)
    stage = next(s for s in content.stages if s.path == STAGE)
    before, after = (content.stages[content.stages.index(stage) + d] for d in (-1, 1))
    nav = page.get_by_role("navigation", name="Previous and next step", exact=True)
    assert nav.get_by_role("link", name=f"Previous step: Step {before.order}: {before.short_title}", exact=True).count() == 1
    assert nav.get_by_role("link", name=f"Next step: Step {after.order}: {after.short_title}", exact=True).count() == 1


def test_on_a_phone_previous_and_next_are_also_near_the_top(page, base_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + STAGE)
    assert page.locator(".wt-pagination--top").is_visible()
    page.set_viewport_size({"width": 1280, "height": 800})
    assert not page.locator(".wt-pagination--top").is_visible()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_step_number_and_exit_stay_in_view_after_scrolling(page, base_url, width, content):
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(base_url + STAGE)
    stage = next(s for s in content.stages if s.path == STAGE)
    # Scroll the window itself: a wheel at the pointer's place could scroll the sidebar instead.
    page.evaluate("window.scrollTo(0, 3000)")
    page.wait_for_function("scrollY > 2000")
    # Material shows the header's second line once the title has scrolled away.
    topic = page.locator(".md-header__topic[data-md-component=header-topic]")
    page.wait_for_function("document.querySelector('.md-header__title').classList.contains('md-header__title--active')")
    assert topic.inner_text().strip().startswith(f"Step {stage.order} of {len(content.stages)}")
    assert _in_view(page, topic)
    assert _in_view(page, page.locator("#qe-link"))


def test_focus_on_home_in_the_menu_is_never_under_the_menu_title(page, base_url):
    """WCAG 2.4.11 at 1280 px: with the menu scrolled, Tab back to "Home" shows it uncovered."""
    page.set_viewport_size({"width": 1280, "height": 500})
    page.goto(base_url + "stages/after-the-case/")
    page.locator(".md-sidebar--primary .md-sidebar__scrollwrap").evaluate("el => el.scrollTop = el.scrollHeight")
    home = page.locator(".md-sidebar--primary a.md-nav__link", has_text="Home").first
    home.focus()
    covered = home.evaluate("""el => { const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + 2);
        return !(top === el || el.contains(top)) }""")
    assert not covered


def test_phone_numbers_never_break_across_lines(page, base_url):
    page.set_viewport_size({"width": 320, "height": 740})
    page.goto(base_url + "support-services/")
    broken = page.eval_on_selector_all("article a[href^='tel:']", "as => as.filter(a => a.getClientRects().length > 1).map(a => a.textContent)")
    assert page.locator("article a[href^='tel:']").count() >= 10
    assert broken == []


def test_search_results_in_peoples_words(page, base_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base_url)
    open_search_with_results(page, 1280, "court")
    assert re.fullmatch(r"\d+ results?", page.locator(".md-search-result__meta").inner_text().strip())
    assert page.locator(".md-search-result .md-tag:visible, .md-search-result__terms:visible").count() == 0
    # The first result is a stage page, with its title and no "Step 7 of 12 Last reviewed…" teaser;
    # under it ("13 more parts of this page"), each further link names the section it leads to.
    first = page.locator(".md-search-result__item").first
    assert first.locator("h1").count() == 1
    assert not re.search(r"Step \d+ of \d+", first.locator("article").first.inner_text())
    sections = first.locator("a[href*='#'] h2")
    assert sections.count() >= 1
    assert all(h.strip() for h in sections.all_text_contents())


def test_a_glossary_explanation_opens_below_its_paragraph(page, base_url):
    page.goto(base_url + STAGE)
    button = page.locator("p button.wt-term__button").first
    paragraph = button.locator("xpath=ancestor::p[1]")
    button.click()
    meaning = page.locator("#" + button.get_attribute("aria-controls"))
    assert meaning.is_visible()
    assert meaning.evaluate("(el) => el.parentElement.tagName") != "P"
    assert paragraph.evaluate("(p, m) => p.nextElementSibling === m", meaning.element_handle())


def test_without_javascript_the_colour_switch_is_no_tab_stop_and_the_exit_page_says_so(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url)
                  else route.fulfill(status=200, content_type="text/html", body="<title>Weather</title>"))
    page = context.new_page()
    page.goto(base_url + "staying-safe-online/")
    focused = []
    for _ in range(8):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.className + ' ' + document.activeElement.id"))
    assert not any("md-option" in f for f in focused), focused
    text = " ".join(page.locator("article").inner_text().split())
    assert "If JavaScript is turned off in your browser, Exit this page still takes you to the other website" in text
    assert "this page stays in the tab's history, so pressing Back once brings it back" in text
    # What that sentence says, measured: the exit link adds one entry, and Back returns here.
    before = page.evaluate("history.length")
    page.locator("#qe-link").click()
    page.wait_for_url(lambda url: not url.startswith(base_url))
    assert page.evaluate("history.length") == before + 1
    page.go_back()
    assert page.url == base_url + "staying-safe-online/"
    context.close()
