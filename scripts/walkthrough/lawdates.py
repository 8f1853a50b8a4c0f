"""Which rule is in force on a given day.

One job: given a key fact (`model.Fact`) and a day passed in, say what the fact is on that day:
current, ended, upcoming (starts within 6 months), later, awaiting commencement or proposed; and
the next day on which any of that changes. Nothing here reads the clock, except `build_date`,
which says which day a build is for; everything else takes the day as an argument, so that the
tests can choose it. Used by `content` (the checks and the law-status table), `render` and the
leaflet, so that the web pages and the paper always agree on what is law.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import os
from dataclasses import dataclass
from typing import Iterable, Mapping

from .model import AWAITING as _AWAITING_STATUS, PROPOSED as _PROPOSED_STATUS, Fact
from .words import date_words

CURRENT = "current"              # law today: shown as a key fact
ENDED = "ended"                  # its last day (in_force_until) has passed: not shown
UPCOMING = "upcoming"            # starts within UPCOMING_MONTHS: shown as "The law is changing"
LATER = "later"                  # starts later than that: not shown yet
AWAITING = "awaiting commencement"  # in an Act, no start date yet: shown as "The law is changing"
PROPOSED = "proposed"            # not law: shown as "Proposed, not yet law"

UPCOMING_MONTHS = 6
SHOWN_AS_FACT = (CURRENT,)
SHOWN_AS_NOTE = (UPCOMING, AWAITING, PROPOSED)

DATE_VARIABLE = "WALKTHROUGH_DATE"  # YYYY-MM-DD: build as if it were that day (`--date`)


def add_months(day: _dt.date, months: int) -> _dt.date:
    """The same day `months` later (or earlier, if negative); the 31st becomes the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return _dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def status_on(fact: Fact, day: _dt.date) -> str:
    """What `fact` is on `day`. A rule applies on its in_force_from day and on its in_force_until day."""
    if fact.in_force_until and fact.in_force_until < day:
        return ENDED
    if fact.status == _PROPOSED_STATUS:
        return PROPOSED
    if fact.status == _AWAITING_STATUS:
        return AWAITING
    if fact.in_force_from and fact.in_force_from > day:
        return UPCOMING if fact.in_force_from <= add_months(day, UPCOMING_MONTHS) else LATER
    return CURRENT


def change_days(fact: Fact) -> tuple[_dt.date, ...]:
    """The days on which `status_on(fact, …)` can change: it becomes upcoming, starts, or ends."""
    days = []
    if fact.in_force_from and fact.status not in (_PROPOSED_STATUS, _AWAITING_STATUS):
        days.append(fact.in_force_from)
        # The first day on which the start is within UPCOMING_MONTHS.
        day = add_months(fact.in_force_from, -UPCOMING_MONTHS)
        while add_months(day, UPCOMING_MONTHS) < fact.in_force_from:
            day += _dt.timedelta(days=1)
        days.append(day)
    if fact.in_force_until:
        days.append(fact.in_force_until + _dt.timedelta(days=1))
    return tuple(sorted(days))


def next_change(facts: Iterable[Fact], day: _dt.date) -> _dt.date | None:
    """The first day after `day` on which any of `facts` changes status: the day to rebuild by."""
    later = [d for fact in facts for d in change_days(fact) if d > day and status_on(fact, d) != status_on(fact, d - _dt.timedelta(days=1))]
    return min(later, default=None)


@dataclass(frozen=True)
class Note:
    """A change to come, shown next to the section it affects: "The law is changing" or
    "Proposed, not yet law"."""
    fact: Fact
    index: int    # the fact's place in key_facts: makes the note's id (law-note-<index>)
    status: str   # UPCOMING, AWAITING or PROPOSED

    @property
    def heading(self) -> str:
        return "Proposed, not yet law" if self.status == PROPOSED else "The law is changing"

    # The wording, shared by the web page and the leaflet so that they cannot drift apart.
    @property
    def lead(self) -> str | None:
        """The words before the rule, such as "From 29 June 2026:" (None: the rule alone)."""
        start = self.fact.in_force_from
        if not start:
            return None
        word = {UPCOMING: "From", AWAITING: "Expected from", PROPOSED: "Proposed from"}[self.status]
        return f"{word} {date_words(start)}:"

    @property
    def explanation(self) -> str | None:
        """What the note is: not started yet, or not law yet and where it has got to."""
        if self.status == AWAITING:
            no_date = "" if self.fact.in_force_from else " When this step was last reviewed, no start date had been set."
            return f"This is in an Act of Parliament, but it has not started yet.{no_date} Until it starts, the law stays as it is now."
        if self.status == PROPOSED:
            p = self.fact.proposal
            return (f"This is proposed in the {p.name}. It is not law yet, and it may change before it becomes law. "
                    f"Where it has got to: {p.progress} (last checked on {date_words(p.last_checked)}).")
        return None


@dataclass(frozen=True)
class Shown:
    """What a page shows of a stage's key facts on one day."""
    facts: tuple[Fact, ...]   # current rules, as key facts
    notes: tuple[Note, ...]   # changes to come, in key_facts order

    def notes_for(self, section: str) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if n.fact.affects == section)


def shown_on(facts: Iterable[Fact], day: _dt.date) -> Shown:
    """The current rules and the notes a page (web or paper) shows on `day`; ended rules and rules
    starting more than UPCOMING_MONTHS away are left out."""
    facts = tuple(facts)
    statuses = [status_on(f, day) for f in facts]
    return Shown(tuple(f for f, s in zip(facts, statuses) if s in SHOWN_AS_FACT),
                 tuple(Note(f, i, s) for i, (f, s) in enumerate(zip(facts, statuses)) if s in SHOWN_AS_NOTE))


def build_date(environ: Mapping[str, str] | None = None) -> _dt.date:
    """The day a build shows the law for: $WALKTHROUGH_DATE (YYYY-MM-DD, set by `--date`) if set,
    else the UTC day of $SOURCE_DATE_EPOCH (the reproducible-builds convention) if set, else today
    in UTC. The only place in the compiler that reads the clock."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(DATE_VARIABLE, "").strip()
    if chosen:
        return _dt.date.fromisoformat(chosen)
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date()
    return _dt.datetime.now(_dt.timezone.utc).date()
