"""The real content: complete, consistent and readable. These fail when a content edit breaks a rule."""
from __future__ import annotations

import re

import pytest

from support import ROOT
from walkthrough import readability
from walkthrough.content import check_content
from walkthrough.render import render_pages

EXPECTED_STAGES = ["getting-support", "reporting", "interview", "investigation", "charging-decision",
                   "no-further-action", "charge-and-first-hearing", "preparing-for-trial", "trial",
                   "verdict", "sentencing", "after-the-case"]


@pytest.fixture(scope="module")
def checked():
    return check_content(ROOT)


def test_the_whole_journey_is_there_in_order(checked):
    assert [s.id for s in checked.content.stages] == EXPECTED_STAGES


def test_enough_services_terms_and_all_twelve_rights(checked):
    c = checked.content
    assert len(c.services) >= 20
    assert len(c.glossary) >= 40
    assert [r.number for r in c.code.rights] == list(range(1, 13))


def test_readability_limits_hold_for_every_stage(checked):
    for stage_id, report in checked.readability.items():
        assert report.grade <= readability.MAX_GRADE, stage_id
        assert not report.long_sentences, stage_id


def test_every_stage_and_branch_is_reachable_from_the_overview(checked):
    pages = render_pages(checked.content)
    overview = pages["stages/index.md"]
    for stage in checked.content.stages:
        assert f'href="{stage.id}/"' in overview, stage.id
        for step in stage.next:
            assert f'href="{step.stage}/"' in overview
    rights = pages["rights/index.md"]
    for right in checked.content.code.rights:
        assert f"{{ #right-{right.number} }}" in rights


def test_every_stage_has_sources_and_facts(checked):
    for stage in checked.content.stages:
        assert stage.key_facts and stage.sources and stage.how_long.source.startswith("https://")


def test_no_placeholder_text_reaches_the_site(checked):
    pages = render_pages(checked.content)
    for path, text in pages.items():
        if path.startswith("content-reference/"):
            continue  # the field reference for content designers shows example values on purpose
        assert not re.search(r"lorem ipsum|\bTODO\b|\bTBC\b|example\.org|XXX", text, re.I), path
