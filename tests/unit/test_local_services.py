"""The support layer on the real content: each stage leads with the card a designer chose, every
card with a phone number shows it as a tel: link, Welsh areas show Welsh services and SARCs, every
local entry has a source and a check date, the leaflet lists the 24/7 line with its number, and the
coverage table is computed from the data."""
from __future__ import annotations

import datetime as dt
from markupsafe import escape
import re

import pytest

from support import GOOD, ROOT
from walkthrough import finder, local_coverage
from walkthrough.content import check_content
from walkthrough.render import render_pages

# The first card on each stage: the most useful one there (issue 14).
FIRST_CARD = {
    "getting-support": "rape-crisis", "reporting": "rape-crisis", "interview": "rape-crisis",
    "investigation": "rape-crisis", "charging-decision": "rape-crisis", "no-further-action": "rape-crisis",
    "charge-and-first-hearing": "rape-crisis", "preparing-for-trial": "witness-service", "trial": "witness-service",
    "verdict": "rape-crisis", "sentencing": "victim-contact-scheme", "after-the-case": "victim-contact-scheme",
}
# Services that must appear on a stage because their deadline or moment is there.
MUST_APPEAR = {"preparing-for-trial": {"witness-service", "cica"}, "trial": {"witness-service"},
               "after-the-case": {"cica", "victim-contact-scheme", "unwanted-prisoner-contact"},
               "sentencing": {"attorney-generals-office"}, "investigation": {"cica"}}


@pytest.fixture(scope="module")
def content():
    return check_content(ROOT).content


@pytest.fixture(scope="module")
def pages(content):
    return render_pages(content)


def _cards(page: str) -> list[str]:
    support = page[page.index("{ #support }"):]
    support = support[:support.index('class="wt-near"')]
    return re.findall(r'<div class="wt-service" data-service="([^"]+)"', support)


def test_each_stage_leads_with_the_card_chosen_for_it(content, pages):
    assert set(FIRST_CARD) == {s.id for s in content.stages}
    for stage in content.stages:
        cards = _cards(pages[f"stages/{stage.id}.md"])
        assert cards[0] == FIRST_CARD[stage.id], stage.id
        assert MUST_APPEAR.get(stage.id, set()) <= set(cards), stage.id
        first = content.support_cards(stage)[0]
        assert first.why_now and str(escape(first.why_now)) in pages[f"stages/{stage.id}.md"]


def test_every_card_with_a_phone_number_shows_it_as_a_working_tel_link(content, pages):
    services_page = pages["support-services/index.md"]
    phoned = [s for s in content.services if s.contact.phone]
    assert len(phoned) >= 15
    for service in phoned:
        card = re.search(rf'<div class="wt-service" data-service="{service.id}" id="service-{service.id}".*?\n</div>',
                         services_page, re.S).group(0)
        for phone in service.contact.phone:
            assert f'<a href="tel:{phone.dial}">{phone.number}</a>' in card, service.id
            assert re.fullmatch(r"\+44[0-9]{7,10}|[0-9]{3,6}", phone.dial), phone.dial
    # The 24/7 line, the first number a rape victim needs, has its number.
    assert '<a href="tel:+448085002222">0808 500 2222</a>' in services_page
    for area in content.areas:  # and every local card on the area pages
        for service in content.local_services(area):
            for phone in service.contact.phone:
                assert f'<a href="tel:{phone.dial}">{phone.number}</a>' in pages[f"support-services/{area}.md"]


def test_cards_say_who_they_are_for_and_what_they_were_checked_against(content, pages):
    page = pages["support-services/index.md"]
    by_id = {s.id: s for s in content.services}
    assert finder.for_words(content, by_id["rape-crisis"]) == "For people aged 16 and over"
    assert finder.for_words(content, by_id["signhealth"]) == "For Deaf people in BSL"
    assert finder.for_words(content, by_id["mens-advice-line"]) == "For men"
    assert finder.for_words(content, by_id["revenge-porn-helpline"]) == "For people aged 18 and over"
    for s in content.services:
        assert s.source_kind in content.source_kinds
        assert f'against <a href="{s.source}" rel="noopener noreferrer">{escape(content.source_kinds[s.source_kind])}</a>' in page
    # Only a service's own site is called its own website.
    assert page.count("the service&#39;s own website</a>") == sum(s.source_kind == "own-site" for s in content.services)


@pytest.mark.parametrize("area", ["gwent", "south-wales", "north-wales", "dyfed-powys"])
def test_a_welsh_area_shows_welsh_services_and_sarcs(content, pages, area):
    page = pages[f"support-services/{area}.md"]
    for sid in ("live-fear-free", "new-pathways", "nhs-111-wales", "rape-crisis"):
        assert f"#service-{sid}" in page, sid
    assert "#service-nhs-sarc" not in page and "#service-nhs-111\"" not in page  # England's
    local = content.local_services(area)
    if any(s.kind == "sarc" for s in local):
        sarc = next(s for s in local if s.kind == "sarc")
        assert f'id="local-{sarc.id}"' in page
    else:
        assert "No sexual assault referral centre (SARC) for" in page and "New Pathways" in page


def test_every_local_entry_has_a_source_and_a_check_date(content):
    today = dt.date.today()
    entries = [s for area in content.areas for s in content.local_services(area)]
    for s in entries:
        assert s.source.startswith("https://") and s.source_kind in content.source_kinds, s.id
        assert isinstance(s.last_verified, dt.date) and s.last_verified <= today, s.id
        assert s.kind in dict(content.local_kinds), s.id
        assert s.id.startswith(s.area[0] + "-"), s.id
    print(f"\n{len(entries)} local entries in {sum(bool(content.local_services(a)) for a in content.areas)} areas")


def test_an_area_without_a_sourced_entry_says_so_and_points_to_national_help(pages):
    content = check_content(GOOD).content  # the fixture: Kent has a SARC, Gwent an empty file, the rest no file
    fixture_pages = render_pages(content)
    gwent = fixture_pages["support-services/gwent.md"]
    for words in ("No sexual assault referral centre (SARC) for Gwent is listed here yet",
                  "No ISVA service for Gwent is listed here yet", "Victim Support"):
        assert words in gwent, words
    kent = fixture_pages["support-services/kent.md"]
    assert 'id="local-kent-test-centre"' in kent and "No sexual assault referral centre" not in kent


def test_the_leaflet_directory_lists_the_24_7_line_with_its_number(content):
    from walkthrough.leaflet.render import LAYOUTS, Leaflet
    from walkthrough.leaflet.urls import Site
    whole = Leaflet(content, Site("https://guide.example.gov.uk/", "Guide"), dt.date(2026, 12, 2)).whole(LAYOUTS["a4"])
    services = whole[whole.index('id="services"'):]
    block = services[services.index("Rape Crisis England &amp; Wales"):][:1500]
    assert "0808 500 2222" in block and "24/7 Support Line" in block
    assert "checked against its own website" not in whole


def test_coverage_is_computed_from_the_data(content, capsys):
    rows = local_coverage.coverage(content)
    assert len(rows) == 43 and {r["area"] for r in rows} == set(content.areas)
    for r in rows:
        kinds = {s.kind for s in content.local_services(r["area"])}
        assert r["sarc"] == ("sarc" in kinds)
        assert r["isva-or-rape-crisis"] == bool(kinds & {"isva", "rape-crisis"})
        assert r["victim-service"] == ("victim-service" in kinds)
    assert local_coverage.main([]) == 0
    printed = capsys.readouterr().out
    assert printed.count("\n| ") >= 44 and "| **43 areas** |" in printed
    print(printed)
