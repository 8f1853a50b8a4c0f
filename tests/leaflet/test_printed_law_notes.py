"""The printed stage carries the same notes about law to come as its web page."""
from __future__ import annotations

from pypdf import PdfReader

from support import PENDING_CHECKED_TEXT, PENDING_RULE_FROM_TEXT, PENDING_STAGE


def _text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_the_printed_stage_has_the_coming_rule_and_the_proposal(pending_site):
    text = _text(pending_site / "leaflet" / "stages" / f"{PENDING_STAGE}.pdf")
    assert "The law is changing" in text
    assert f"From {PENDING_RULE_FROM_TEXT}: TEST ONLY. You have 56 days to ask for a review." in text
    assert "Proposed, not yet law" in text
    assert "TEST ONLY. A judge may hear some cases alone." in text
    assert "proposed in the Test Bill. It is not law yet" in text
    assert f"last checked on {PENDING_CHECKED_TEXT}" in text
    assert "Test Act 2026, section 1" in text


def test_the_whole_guide_has_them_too(pending_site):
    text = _text(pending_site / "leaflet" / "walkthrough-a4.pdf")
    assert "The law is changing" in text and "Proposed, not yet law" in text
