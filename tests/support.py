"""Paths and dates shared by the tests (importable: pytest puts tests/ on sys.path)."""
import datetime
from pathlib import Path

TESTS = Path(__file__).parent
ROOT = TESTS.parent
GOOD = TESTS / "fixtures" / "good"
TODAY = datetime.date(2026, 11, 29)


# Test-only key facts (never published): one rule starting within 6 months of PENDING_DAY, shown
# next to how_long, and one proposal, shown next to the key facts. The wording is test text.
PENDING_STAGE = "sentencing"
PENDING_DAY = "2026-12-02"
PENDING_FACTS = """\
  - text: TEST ONLY. You have 56 days to ask for a review.
    source: https://www.example.org/test-only-rule
    law:
      title: Test Act 2026, section 1
      url: https://www.legislation.gov.uk/ukpga/2026/99/section/1
    in_force_from: 2027-03-01
    affects: how_long
  - text: TEST ONLY. A judge may hear some cases alone.
    source: https://www.example.org/test-only-bill
    status: proposed
    proposal:
      name: Test Bill
      progress: Committee stage, House of Commons
      last_checked: 2026-11-30
"""
