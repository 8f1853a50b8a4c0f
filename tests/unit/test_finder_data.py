"""The service finder's data: options a person can pick never lead nowhere on their own, and
hours reach the browser in a form it can read."""
from __future__ import annotations

import datetime as dt

from support import ROOT, TODAY
from walkthrough import finder
from walkthrough.content import check_content
from walkthrough.model import Hours, Times


def test_every_option_offered_matches_at_least_one_service(content_root):
    content = check_content(content_root, TODAY).content
    groups = finder.option_groups(content)
    assert groups and groups[0]["key"] == "need"
    for group in groups:
        for option in group["options"]:
            if option["value"]:
                chosen = {group["key"]: {option["value"]}}
                london = dt.datetime(2026, 11, 30, 12, 0)  # Monday midday
                assert any(finder.matches(s, chosen, london) for s in content.services), option


def test_hours_are_coded_for_the_script_and_unknown_hours_are_never_open():
    assert finder.hours_code(None) == ""
    assert finder.hours_code(Hours(True, (), None)) == "always"
    hours = Hours(False, (Times(("monday", "tuesday"), "08:00", "22:00"), Times(("saturday",), "09:00", "18:00")), None)
    assert finder.hours_code(hours) == "mon,tue 08:00-22:00;sat 09:00-18:00"
    monday = dt.datetime(2026, 11, 30, 21, 59)
    assert finder.is_open(hours, monday) and not finder.is_open(hours, monday.replace(hour=22, minute=0))
    assert not finder.is_open(None, monday)


def test_national_services_match_every_place(content_root):
    content = check_content(content_root, TODAY).content
    national = [s for s in content.services if "national" in s.area]
    for place in ("wales", "england", "national"):
        assert all(finder.matches(s, {"where": {place}}) for s in national)


def test_a_stage_links_to_the_finder_with_its_needs_only(content_root):
    content = check_content(content_root, TODAY).content
    assert finder.stage_filter(content, ("talk-now", "men", "isva")) == "need=talk-now,isva"
    assert finder.stage_filter(content, ("men",)) == ""
