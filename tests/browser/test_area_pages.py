"""Help near you: a page per police force area that works without JavaScript and has no axe
violations; the finder puts an area's local services first and keeps the choices after "Go to the
list"; a stage keeps the chosen area in its address (never in storage) and its links without
JavaScript land on a section that answers the need.

The 43 area pages share one template, so they are axed at one width (1280) and one scheme (light),
and left out of the exhaustive tab walk (browser_support.site_pages), to keep CI time down."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from a11y_support import describe, finish_axe, start_axe
from browser_support import site_pages
from walkthrough import finder
from walkthrough.content import check_content


@pytest.fixture(scope="module")
def content(built_root):
    return check_content(built_root).content


def test_an_area_page_exists_for_all_43_areas_and_none_has_axe_violations(browser, base_url, site_dir, content, offsite_requests):
    areas = [p for p in site_pages(site_dir, areas=True) if re.fullmatch(r"support-services/[^/]+/", p)]
    assert sorted(a.split("/")[1] for a in areas) == sorted(content.areas)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    errors, failures = [], []
    page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))
    for area in content.areas:
        response = page.goto(f"{base_url}support-services/{area}/")
        assert response.ok, area
        expect(page.locator("h1")).to_have_text(f"Support services in {content.tag_titles[area]}")
        start_axe(page)
        violations = finish_axe(page)
        if violations:
            failures.append(f"{area}:\n{describe(violations)}")
    context.close()
    assert failures == [], "\n".join(failures)
    assert errors == [] and offsite_requests == []


def test_an_area_page_works_without_javascript(browser, base_url, content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for area in ("gwent", "cumbria"):
        page.goto(f"{base_url}support-services/{area}/")
        for kind, _ in content.local_kinds[:4]:
            expect(page.locator(f"#{kind}")).to_be_visible()
        local = content.local_services(area)
        for service in local:
            expect(page.locator(f"#local-{service.id}")).to_be_visible()
        missing = {k for k, _ in content.local_kinds[:4]} - {s.kind for s in local}
        assert page.locator(".wt-local-none").count() == len(missing), area
        for phone in content.services[0].contact.phone:  # the 24/7 line, with its number
            expect(page.locator(f'#national + ul a[href="tel:{phone.dial}"]')).to_have_text(phone.number)
        # Each step's link keeps the area for that step's support box.
        first = content.stages[0]
        assert page.locator(f'a[href$="stages/{first.id}/#where={area}"]').count() == 1
    # The services page lists every area's page, without JavaScript.
    page.goto(f"{base_url}support-services/#near-you")
    expect(page.locator("#near-you")).to_be_visible()
    assert page.locator(".wt-area-list a").count() == 43
    context.close()


def test_choosing_a_welsh_area_in_the_finder_shows_its_local_services_first(page, base_url, content):
    area = "gwent"
    # In the area page's order: by kind (SARC, ISVA, Rape Crisis, victim service, other).
    local = [s.id for k, _ in content.local_kinds for s in content.local_services(area) if s.kind == k]
    assert local, "the content has no local service for Gwent to test with"
    page.goto(f"{base_url}support-services/")
    page.locator("summary.wt-finder__summary").click()
    page.get_by_label("Where are you?").select_option(area)
    box = page.locator(".wt-finder__local")
    expect(box.locator("h2")).to_have_text("Local services in Gwent")
    expect(box.locator(".wt-service")).to_have_count(len(local))
    assert box.locator(".wt-service").evaluate_all("cs => cs.map(c => c.dataset.service)") == local
    # Local cards come before the national list, and the Welsh national services are there too.
    assert page.evaluate("""() => { const l = document.querySelector('.wt-finder__local');
        const a = document.getElementById('all-services'); return !!(l.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING); }""")
    for sid in ("live-fear-free", "new-pathways", "nhs-111-wales"):
        expect(page.locator(f"#service-{sid}")).to_be_visible()
    expect(page.locator("#service-nhs-sarc")).to_be_hidden()
    assert box.locator('a[href="gwent/"]').count() == 1


def test_go_to_the_list_keeps_the_choices(page, base_url, content):
    page.goto(f"{base_url}support-services/")
    page.get_by_label("Help with going to court").check()
    page.get_by_label("Compensation", exact=True).check()
    fragment = urlsplit(page.url).fragment
    assert fragment == "need=court,compensation"
    expected = sorted(s.id for s in content.services if finder.matches(s, {"need": {"court", "compensation"}}))
    page.get_by_role("link", name="Go to the list").click()
    expect(page.locator("#all-services")).to_be_focused()
    assert urlsplit(page.url).fragment == fragment
    assert page.get_by_label("Help with going to court").is_checked()
    visible = page.eval_on_selector_all('.wt-service[id^="service-"]', "cs => cs.filter(c => c.offsetParent).map(c => c.dataset.service)")
    assert sorted(visible) == expected
    expect(page.locator("#finder-count")).to_have_text(f"{len(expected)} services match your choices.")


def test_when_nothing_matches_the_page_says_what_to_do(page, base_url):
    page.goto(f"{base_url}support-services/#need=forced-marriage-honour&for=deaf")
    expect(page.locator("#finder-count")).to_have_text(
        "No services match your choices. Remove a choice to see more, or clear them all.")
    expect(page.locator(".wt-finder__empty")).to_be_visible()
    expect(page.locator(".wt-finder__empty")).to_contain_text("Victim Support and Samaritans")


def test_a_stage_keeps_the_chosen_area_in_its_address_and_never_in_storage(page, base_url, content):
    stage = next(s for s in content.stages if s.next)
    page.goto(f"{base_url}stages/{stage.id}/#where=north-wales")
    link = page.locator(".wt-near__link")
    expect(link).to_have_text("Local services in North Wales")
    assert link.get_attribute("href") == "../../support-services/north-wales/"
    finder_link = page.locator(".wt-finder-link")
    assert finder_link.get_attribute("href").endswith("&where=north-wales")
    assert page.locator("a.wt-next__link").first.get_attribute("href").endswith("#where=north-wales")
    assert page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
    link.click()
    expect(page.locator("h1")).to_have_text("Support services in North Wales")
    # Without an area, the box asks for one; an unknown one is ignored.
    page.goto(f"{base_url}stages/{stage.id}/#where=atlantis")
    expect(page.locator(".wt-near__link")).to_have_text("Choose your area to find help near you")


def test_every_stage_says_find_help_near_you(page, base_url, content):
    for stage in content.stages:
        page.goto(f"{base_url}stages/{stage.id}/")
        expect(page.locator("#help-near-you")).to_have_text("Find help near you")
        assert page.locator(".wt-near__link").get_attribute("href") == "../../support-services/#near-you"


def test_without_javascript_a_stage_finder_link_lands_on_a_section_that_answers_it(browser, base_url, content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for stage in content.stages:
        page.goto(f"{base_url}stages/{stage.id}/")
        link = page.get_by_role("link", name="Find more services that help at this step")
        if not link.count():
            continue
        anchor = finder.stage_anchor(content, stage.support)
        assert link.get_attribute("href") == f"../../support-services/#{anchor}"
        link.click()
        page.wait_for_url(re.compile(rf"support-services/#{anchor}$"))
        heading = page.locator(f"#{anchor}")
        expect(heading).to_be_visible()
        assert page.locator(f"#{anchor} + ul.wt-service-group li").count() >= 1, stage.id
    context.close()
