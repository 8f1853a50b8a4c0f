"""Paths and dates shared by the tests (importable: pytest puts tests/ on sys.path)."""
import datetime
from pathlib import Path

TESTS = Path(__file__).parent
ROOT = TESTS.parent
GOOD = TESTS / "fixtures" / "good"
TODAY = datetime.date(2026, 11, 29)


# Test-only key facts (never published): one rule starting within 6 months of PENDING_DAY, shown
# next to how_long, and one proposal, shown next to the key facts. The wording is test text.
# PENDING_DAY is the day the tests run: the pending site is built from the real content, whose
# dates (changes, last checked) may be as late as today, so a fixed day would soon be "before"
# them and the build would rightly refuse. The rule starts on the 1st of the month 3 months on.
PENDING_STAGE = "sentencing"
_today = datetime.date.today()
_month = _today.month + 3
PENDING_RULE_FROM = datetime.date(_today.year + (_month - 1) // 12, (_month - 1) % 12 + 1, 1)
PENDING_RULE_FROM_TEXT = f"{PENDING_RULE_FROM.day} {PENDING_RULE_FROM:%B %Y}"  # as the pages write it
PENDING_DAY = _today.isoformat()
PENDING_CHECKED = _today - datetime.timedelta(days=2)  # when the test proposal was "last checked"
PENDING_CHECKED_TEXT = f"{PENDING_CHECKED.day} {PENDING_CHECKED:%B %Y}"
PENDING_FACTS = f"""\
  - text: TEST ONLY. You have 56 days to ask for a review.
    source: https://www.example.org/test-only-rule
    law:
      title: Test Act 2026, section 1
      url: https://www.legislation.gov.uk/ukpga/2026/99/section/1
    in_force_from: {PENDING_RULE_FROM.isoformat()}
    affects: how_long
  - text: TEST ONLY. A judge may hear some cases alone.
    source: https://www.example.org/test-only-bill
    status: proposed
    proposal:
      name: Test Bill
      progress: Committee stage, House of Commons
      last_checked: {PENDING_CHECKED.isoformat()}
"""
