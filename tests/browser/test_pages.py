"""Every page opens in a real browser; stage pages have their title, step and working links."""
from __future__ import annotations

from browser_support import site_pages
from support import ROOT
from walkthrough.content import check_content

STAGES = check_content(ROOT).content.stages


def test_every_page_opens_without_console_errors_or_offsite_requests(page, base_url, site_dir, offsite_requests):
    errors = []
    page.on("console", lambda msg: errors.append(f"{page.url}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))
    paths = site_pages(site_dir)
    assert len(paths) >= len(STAGES) + 7
    for path in paths:
        response = page.goto(base_url + path)
        assert response.ok, path
        assert page.locator("h1").count() == 1, path
    assert errors == []
    assert offsite_requests == []


def test_each_stage_page_has_title_step_and_working_branch_links(page, base_url):
    total = len(STAGES)
    for stage in STAGES:
        page.goto(f"{base_url}stages/{stage.id}/")
        assert page.locator("h1").inner_text() == stage.title
        assert page.locator("#step").inner_text().startswith(f"Step {stage.order} of {total}")
        next_links = page.locator("a[rel=next].wt-next__link")
        assert next_links.count() == len(stage.next)
        for i, step in enumerate(stage.next):
            assert next_links.nth(i).get_attribute("href") == f"../{step.stage}/"
        prev_links = page.locator("a[rel=prev].wt-previous__link")
        expected_prev = [s.id for s in STAGES if any(n.stage == stage.id for n in s.next)]
        assert [prev_links.nth(i).get_attribute("href") for i in range(prev_links.count())] == [f"../{p}/" for p in expected_prev]
    # Following the first branch from the first stage lands on the right page.
    first = STAGES[0]
    page.goto(f"{base_url}stages/{first.id}/")
    page.locator("a[rel=next].wt-next__link").first.click()
    page.wait_for_load_state()
    target = next(s for s in STAGES if s.id == first.next[0].stage)
    assert page.locator("h1").inner_text() == target.title
    assert page.url.endswith(f"/stages/{target.id}/")


def test_section_anchors_exist_for_sharing(page, base_url):
    from walkthrough.sections import STAGE_SECTIONS
    page.goto(f"{base_url}stages/{STAGES[0].id}/#your-rights")
    for section in STAGE_SECTIONS:
        assert page.locator(f"h2#{section.anchor}").count() == 1, section.anchor
