"""Paths and dates shared by the tests (importable: pytest puts tests/ on sys.path)."""
import datetime
from pathlib import Path

TESTS = Path(__file__).parent
ROOT = TESTS.parent
GOOD = TESTS / "fixtures" / "good"
TODAY = datetime.date(2026, 11, 29)
