"""Choosing the rule in force on a given day: the day is always passed in, never the clock."""
import datetime as dt

import pytest

from walkthrough import lawdates
from walkthrough.lawdates import AWAITING, CURRENT, ENDED, LATER, PROPOSED, UPCOMING, status_on
from walkthrough.model import Fact, Proposal

D = dt.date
DAY = dt.timedelta(days=1)


def fact(**kw) -> Fact:
    return Fact("You can ask for a review within 28 days.", "https://www.example.org/", **kw)


BOTH = fact(in_force_from=D(2026, 6, 29), in_force_until=D(2027, 3, 31))


@pytest.mark.parametrize("day, expected", [
    (D(2025, 12, 28), LATER),       # 6 months and a day before the start
    (D(2025, 12, 29), UPCOMING),    # exactly 6 months before: within 6 months
    (D(2026, 6, 28), UPCOMING),     # the day before it starts
    (D(2026, 6, 29), CURRENT),      # the day it starts
    (D(2026, 6, 30), CURRENT),
    (D(2027, 3, 31), CURRENT),      # its last day
    (D(2027, 4, 1), ENDED),         # the day after its last day
])
def test_a_rule_with_both_dates_before_on_and_after_each_boundary(day, expected):
    assert status_on(BOTH, day) == expected


@pytest.mark.parametrize("day, expected", [
    (D(2026, 6, 28), UPCOMING), (D(2026, 6, 29), CURRENT), (D(2040, 1, 1), CURRENT)])
def test_a_rule_with_only_a_start_date_applies_from_it_for_ever(day, expected):
    assert status_on(fact(in_force_from=D(2026, 6, 29)), day) == expected


@pytest.mark.parametrize("day, expected", [
    (D(2000, 1, 1), CURRENT), (D(2026, 6, 28), CURRENT), (D(2026, 6, 29), ENDED)])
def test_a_rule_with_only_an_end_date_applies_until_it(day, expected):
    assert status_on(fact(in_force_until=D(2026, 6, 28)), day) == expected


def test_a_rule_with_no_dates_is_current_on_any_day():
    assert status_on(fact(), D(1990, 1, 1)) == status_on(fact(), D(2090, 1, 1)) == CURRENT


def test_a_proposal_is_proposed_whatever_its_dates_until_it_ends():
    proposal = Proposal("An Example Bill", "Committee stage", D(2026, 11, 30))
    proposed = fact(status="proposed", proposal=proposal, in_force_from=D(2026, 1, 1))
    assert status_on(proposed, D(2025, 1, 1)) == status_on(proposed, D(2027, 1, 1)) == PROPOSED
    assert status_on(fact(status="proposed", proposal=proposal, in_force_until=D(2026, 12, 31)), D(2027, 1, 1)) == ENDED


def test_a_rule_awaiting_commencement_is_awaiting_even_after_a_start_date():
    # A passed start date on a pending rule is a content mistake: the checks warn about it, and
    # until it is fixed the page keeps saying that the law is changing rather than that it has.
    assert status_on(fact(status="awaiting_commencement"), D(2026, 12, 2)) == AWAITING
    assert status_on(fact(status="awaiting_commencement", in_force_from=D(2026, 1, 1)), D(2026, 12, 2)) == AWAITING


@pytest.mark.parametrize("day, months, expected", [
    (D(2026, 8, 31), -6, D(2026, 2, 28)), (D(2024, 8, 31), -6, D(2024, 2, 29)),
    (D(2026, 12, 2), 1, D(2027, 1, 2)), (D(2026, 1, 31), -3, D(2025, 10, 31))])
def test_months_are_calendar_months_and_the_31st_becomes_the_months_last_day(day, months, expected):
    assert lawdates.add_months(day, months) == expected


@pytest.mark.parametrize("start", [D(2026, 6, 29), D(2026, 8, 31), D(2027, 2, 28), D(2027, 3, 1)])
def test_change_days_are_exactly_the_days_a_status_changes(start):
    rule = fact(in_force_from=start, in_force_until=start + 40 * DAY)
    day, found = start - 400 * DAY, []
    while day < start + 60 * DAY:
        if status_on(rule, day) != status_on(rule, day - DAY):
            found.append(day)
        day += DAY
    assert found == list(lawdates.change_days(rule))
    assert lawdates.next_change([rule, fact()], start - 400 * DAY) == found[0]
    assert lawdates.next_change([rule], found[-1]) is None


def test_the_build_date_is_chosen_then_source_date_epoch_then_today_in_utc():
    assert lawdates.build_date({"WALKTHROUGH_DATE": "2027-01-04", "SOURCE_DATE_EPOCH": "0"}) == D(2027, 1, 4)
    assert lawdates.build_date({"SOURCE_DATE_EPOCH": "1780000000"}) == D(2026, 5, 28)
    assert lawdates.build_date({}) == dt.datetime.now(dt.timezone.utc).date()
