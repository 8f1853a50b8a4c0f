"""The service finder's data: options a person can pick never lead nowhere on their own, places
are the police force areas of England and Wales, and hours reach the browser in a form it can read."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from support import ROOT, TODAY
from walkthrough import finder
from walkthrough.content import check_content
from walkthrough.model import Hours, SupportItem, Times
from walkthrough.schemas import schema


def _values(group) -> list[str]:
    """The values a person can pick in a group: checkboxes, or places in the select."""
    if "places" in group:
        return [v for item in group["places"] for v, _ in (item[2] if len(item) == 3 else [item])]
    return [o["value"] for o in group["options"]]


def test_every_option_offered_matches_at_least_one_service(content_root):
    content = check_content(content_root, TODAY).content
    groups = finder.option_groups(content)
    assert groups and groups[0]["key"] == "need"
    assert "where" in [g["key"] for g in groups]
    for group in groups:
        for value in _values(group):
            if value:
                chosen = {group["key"]: {value}}
                london = dt.datetime(2026, 11, 30, 12, 0)  # Monday midday
                assert any(finder.matches(s, chosen, london, content.force_country) for s in content.services), value


def test_hours_are_coded_for_the_script_and_unknown_hours_are_never_open():
    assert finder.hours_code(None) == ""
    assert finder.hours_code(Hours(True, (), None)) == "always"
    hours = Hours(False, (Times(("monday", "tuesday"), "08:00", "22:00"), Times(("saturday",), "09:00", "18:00")), None)
    assert finder.hours_code(hours) == "mon,tue 08:00-22:00;sat 09:00-18:00"
    monday = dt.datetime(2026, 11, 30, 21, 59)
    assert finder.is_open(hours, monday) and not finder.is_open(hours, monday.replace(hour=22, minute=0))
    assert not finder.is_open(None, monday)


def test_the_places_are_the_43_police_force_areas_of_england_and_wales():
    """The schema's area vocabulary: national, the two countries, and each territorial police force
    area with its country (x-country), 39 in England and 4 in Wales."""
    options = schema("services")["$defs"]["area"]["oneOf"]
    assert [o["const"] for o in options[:3]] == ["national", "england", "wales"]
    forces = options[3:]
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", o["const"]) and o["title"] for o in forces)
    assert len({o["const"] for o in forces}) == len({o["title"] for o in forces}) == 43
    by_country = {c: [o["const"] for o in forces if o.get("x-country") == c] for c in ("england", "wales")}
    assert len(by_country["england"]) == 39
    assert by_country["wales"] == ["dyfed-powys", "gwent", "north-wales", "south-wales"]


def test_a_place_matches_national_its_own_and_its_countrys_services(content_root):
    content = check_content(content_root, TODAY).content
    countries = content.force_country
    assert countries["south-wales"] == "wales" and countries["kent"] == "england"
    national = [s for s in content.services if "national" in s.area]
    assert national
    for place in ("wales", "england", "national", *countries):
        assert all(finder.matches(s, {"where": {place}}, countries=countries) for s in national), place
    serves = finder.serves
    assert serves(("wales",), "south-wales", countries) and serves(("wales",), "wales", countries)
    assert not serves(("wales",), "kent", countries) and not serves(("wales",), "england", countries)
    assert serves(("england",), "kent", countries) and not serves(("england",), "gwent", countries)
    # A police force area's own service is for that area only, not for its whole country.
    assert serves(("south-wales",), "south-wales", countries)
    assert not any(serves(("south-wales",), p, countries) for p in ("wales", "gwent", "national", "kent"))
    assert serves(("kent", "gwent"), "gwent", countries) and not serves(("kent", "gwent"), "sussex", countries)


def _with_areas(root, areas: dict[str, str]):
    """The fixture's services with other areas (area line -> replacement), checked and typed."""
    path = root / "support_services.yml"
    text = path.read_text("utf-8")
    for old, new in areas.items():
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, "utf-8")
    # The fixture's second stage names helpline-one; a local service needs a why-now line saying where.
    stage = root / "stages" / "second-step.yml"
    stage.write_text(stage.read_text("utf-8").replace("  - service: helpline-one\n    why_now: A test reason.",
                                                      "  - need: talk-now"), "utf-8")
    return check_content(root, TODAY).content


def test_the_place_list_is_grouped_by_country_and_offers_only_places_with_a_service(content_root):
    content = check_content(content_root, TODAY).content  # one national service, one for Wales
    where = finder.option_groups(content)[-1]
    assert where["key"] == "where" and where["legend"] == "Where are you?"
    anywhere, england, wales = where["places"]
    assert anywhere == ["", "Anywhere in England and Wales"]
    assert england[:2] == ["England", "england"] and wales[:2] == ["Wales", "wales"]
    assert england[2][0] == ["england", "Anywhere in England"] and wales[2][0] == ["wales", "Anywhere in Wales"]
    titles = [label for _, label in england[2][1:]]
    assert len(titles) == 39 and titles == sorted(titles) and "London (Metropolitan Police)" in titles
    assert [v for v, _ in wales[2][1:]] == ["dyfed-powys", "gwent", "north-wales", "south-wales"]
    # Only local services: a place no service serves is not offered, nor a country on its own.
    local = _with_areas(content_root, {"area: [national]": "area: [kent]", "area: [wales]": "area: [south-wales, gwent]"})
    assert finder.option_groups(local)[-1]["places"] == [
        ["", "Anywhere in England and Wales"],
        ["England", "england", [["kent", "Kent"]]],
        ["Wales", "wales", [["gwent", "Gwent"], ["south-wales", "South Wales"]]]]


def test_no_place_list_when_every_service_works_everywhere(content_root):
    content = _with_areas(content_root, {"area: [wales]": "area: [national]"})
    assert "where" not in [g["key"] for g in finder.option_groups(content)]


def test_a_stage_links_to_the_finder_with_its_needs_only(content_root):
    """Its own need tags; without any, the needs of the services it names. Without JavaScript the
    link lands on the grouped list of the first need (stage_anchor), which answers it."""
    content = check_content(content_root, TODAY).content
    need, named = SupportItem(need="talk-now"), SupportItem(service="helpline-two", why_now="For men in Wales.")
    assert finder.stage_filter(content, (named, need, SupportItem(need="isva"))) == "need=talk-now,isva"
    assert finder.stage_anchor(content, (named, need)) == "talk-now"
    assert finder.stage_filter(content, (named,)) == "need=emotional-support"
    assert finder.stage_filter(content, ()) == "" and finder.stage_anchor(content, ()) == "by-need"


def test_cards_say_who_a_service_is_for_in_words(content_root):
    content = check_content(content_root, TODAY).content
    one, two = content.services
    words = finder.for_words
    assert words(content, one) == "For anyone"
    assert words(content, two) == "For men"
    assert words(content, dataclasses.replace(one, min_age=16)) == "For people aged 16 and over"
    assert words(content, dataclasses.replace(two, min_age=18)) == "For men aged 18 and over"
    assert words(content, dataclasses.replace(two, who_for=("deaf",), languages=("BSL",))) == "For Deaf people in BSL"
    assert words(content, dataclasses.replace(one, who_for=("under-18",), max_age=18)) == "For children and young people aged 18 or under"
    # What the details were checked against is said truthfully, from source_kind.
    assert finder.checked_against(content, one) == "the service's own website"
    assert finder.checked_against(content, dataclasses.replace(one, source_kind="nhs")) == "an NHS page"


def test_the_script_knows_the_43_areas_by_the_schemas_names():
    """service-finder.js keeps the areas' names (to keep them out of every stage page's HTML):
    they must be the schema's."""
    import json
    script = (ROOT / "overrides/components/service-finder/service-finder.js").read_text("utf-8")
    areas = json.loads(re.search(r"var AREAS = (\{.*?\});", script).group(1))
    options = schema("services")["$defs"]["area"]["oneOf"][3:]
    assert areas == {o["const"]: o["title"] for o in options}
