"""The Victims' Code time limits: checked, typed, and turned into the date tools' data.

One job: for `victims_code.yml`'s `time_limits` (already passed by the schema), run the checks a
schema cannot (real dates, a shorter Enhanced Rights limit, stages and rights that exist, unique
ids), build the typed `TimeLimit`s, and give the data the two browser tools read: the limits and
the bank holidays of England and Wales (from the maintained `holidays` package, for the years the
tools need), as one JSON-ready dict. The date arithmetic itself runs in the visitor's browser
(overrides/components/case-dates/case-dates.js); `add_period` here mirrors it so that the same
hand-worked cases (tests/fixtures/dates/cases.json) check both.

It never reads YAML (see `content`) and never renders HTML (see `render`). Called by `content`
(check, build) and `render` (page data).
"""
from __future__ import annotations

import datetime as _dt
import difflib
from dataclasses import dataclass

from .markup import to_text
from .schemas import schema

UNITS = ("working_days", "calendar_days", "months")
# Bank holidays built into the pages: from the earliest in_force_from of the page's limits (never
# before 2013, the CPS scheme's start) or, for a limit with no start date, a few years back, to a
# few years after the build, so that a date counted today from an event this year is covered.
FIRST_HOLIDAY_YEAR = 2013
YEARS_AHEAD = 4
YEARS_BACK = 6
RECENT_YEARS = 2


@dataclass(frozen=True)
class Period:
    amount: int
    unit: str  # one of UNITS

    def words(self) -> str:
        unit = {"working_days": "working day", "calendar_days": "day", "months": "month"}[self.unit]
        if self.unit == "months" and self.amount % 12 == 0:
            years = self.amount // 12
            return f"{years} year" + ("s" if years != 1 else "")
        return f"{self.amount} {unit}" + ("s" if self.amount != 1 else "")


@dataclass(frozen=True)
class TimeLimit:
    id: str
    event: str
    event_title: str
    kind: str  # they_must | you_can
    who: str
    what: str
    limit: Period
    enhanced_rights: Period | None
    last_working_day: bool
    how_counted: str | None
    ask: str
    question: str
    complaint: str
    right: int | None
    stages: tuple[str, ...]
    in_force_from: _dt.date | None
    in_force_until: _dt.date | None
    in_force_source: str | None
    source: str
    source_kind: str

    @property
    def anchor(self) -> str:
        return f"limit-{self.id}"


def event_titles() -> dict[str, str]:
    """Event id -> the words the person picks, in the schema's order."""
    return {o["const"]: o["title"] for o in schema("victims_code")["$defs"]["event"]["oneOf"]}


def _date(value: str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(value) if value else None


def check(data: dict, at, stage_ids: set[str] | None, right_numbers: set[int]) -> None:
    """Report problems through at(path, message). `stage_ids` is None when the stages could not
    be read (their own errors are reported already)."""
    seen: dict[str, int] = {}
    for i, item in enumerate(data.get("time_limits", ())):
        here = ("time_limits", i)
        if item["id"] in seen:
            at(here + ("id",), f"\"{item['id']}\" is already the id of time_limits[{seen[item['id']]}]: ids must be unique")
        seen.setdefault(item["id"], i)
        dates = {}
        for key in ("in_force_from", "in_force_until"):
            if key in item:
                try:
                    dates[key] = _dt.date.fromisoformat(item[key])
                except ValueError:
                    at(here + (key,), f"is not a real date: write year-month-day, like \"2021-04-01\" (got \"{item[key]}\")")
        if len(dates) == 2 and dates["in_force_until"] < dates["in_force_from"]:
            at(here + ("in_force_until",), f"is before in_force_from ({item['in_force_from']}): a limit cannot end before it starts")
        if "in_force_source" in item and not dates:
            at(here + ("in_force_source",), "gives the source of in_force_from or in_force_until, but neither is set: remove it, or add the date")
        enhanced = item.get("enhanced_rights")
        if enhanced:
            if enhanced["unit"] != item["limit"]["unit"]:
                at(here + ("enhanced_rights", "unit"), f"must be the same unit as limit ({item['limit']['unit']}), so the two can be compared")
            elif enhanced["amount"] >= item["limit"]["amount"]:
                at(here + ("enhanced_rights", "amount"), f"must be shorter than limit ({item['limit']['amount']}): Enhanced Rights only ever shorten a limit; leave it out if they do not change it")
        if item.get("right") is not None and right_numbers and item["right"] not in right_numbers:
            at(here + ("right",), f"there is no right {item['right']} in the rights above (rights 1 to {max(right_numbers)})")
        if stage_ids is not None:
            for j, stage in enumerate(item["stages"]):
                if stage not in stage_ids:
                    close = difflib.get_close_matches(stage, sorted(stage_ids), n=1, cutoff=0.6)
                    hint = f": did you mean \"{close[0]}\"?" if close else ": use a stage id, the name of a file in stages/"
                    at(here + ("stages", j), f"there is no stage \"{stage}\"{hint}")


def _period(data: dict | None) -> Period | None:
    return Period(data["amount"], data["unit"]) if data else None


def build(data: dict) -> tuple[TimeLimit, ...]:
    titles = event_titles()
    return tuple(TimeLimit(
        id=d["id"], event=d["event"], event_title=titles[d["event"]], kind=d["kind"], who=d["who"],
        what=d["what"], limit=_period(d["limit"]), enhanced_rights=_period(d.get("enhanced_rights")),
        last_working_day=bool(d.get("last_working_day")), how_counted=d.get("how_counted"),
        ask=d["ask"], question=d["question"], complaint=d["complaint"], right=d.get("right"),
        stages=tuple(d["stages"]), in_force_from=_date(d.get("in_force_from")),
        in_force_until=_date(d.get("in_force_until")), in_force_source=d.get("in_force_source"),
        source=d["source"], source_kind=d["source_kind"],
    ) for d in data.get("time_limits", ()))


# --- bank holidays and the date arithmetic mirror -------------------------------------------

def bank_holidays(first_year: int, last_year: int) -> list[str]:
    """Bank holidays of England and Wales (the same days: the package's England list is checked
    against its Wales list), as ISO dates, sorted."""
    import holidays  # imported here: only page rendering needs it

    years = range(first_year, last_year + 1)
    england = holidays.UK(subdiv="ENG", years=years)
    wales = holidays.UK(subdiv="WLS", years=years)
    if set(england) != set(wales):  # they have always matched; say so loudly if that changes
        raise ValueError("the holidays package no longer gives England and Wales the same bank holidays: "
                         "the date tools assume one list")
    # Saturdays and Sundays are never working days anyway: leave them out (fewer bytes per page).
    return sorted(d.isoformat() for d in england if d.weekday() < 5)


def compact_holidays(days: list[str]) -> dict[str, str]:
    """{"2026": "0101 0403 …"}: a third of the bytes of a list of ISO dates (it is in every page
    that has the date tool). case-dates.js holidaySet() expands it."""
    years: dict[str, list[str]] = {}
    for day in days:
        years.setdefault(day[:4], []).append(day[5:7] + day[8:10])
    return {year: " ".join(v) for year, v in years.items()}


def is_working_day(day: _dt.date, holidays: frozenset[str]) -> bool:
    return day.weekday() < 5 and day.isoformat() not in holidays


def add_period(start: _dt.date, period: Period, holidays: frozenset[str], last_working_day: bool = False) -> _dt.date:
    """The date a limit ends. Mirrors `addPeriod` in case-dates.js exactly (same cases file).

    Working days: the n-th working day after the start day (the start day itself never counts).
    Calendar days: start + n. Months: the same day of the month n months on, or that month's last
    day when it is shorter. last_working_day: if the end is not a working day, the working day
    before it (the Unduly Lenient Sentence rule on GOV.UK).
    """
    if period.unit == "working_days":
        day, left = start, period.amount
        while left:
            day += _dt.timedelta(days=1)
            if is_working_day(day, holidays):
                left -= 1
        end = day
    elif period.unit == "calendar_days":
        end = start + _dt.timedelta(days=period.amount)
    else:
        month_index = start.month - 1 + period.amount
        year, month = start.year + month_index // 12, month_index % 12 + 1
        next_month = _dt.date(year + (month == 12), month % 12 + 1, 1)
        end = _dt.date(year, month, min(start.day, (next_month - _dt.timedelta(days=1)).day))
    if last_working_day:
        while not is_working_day(end, holidays):
            end -= _dt.timedelta(days=1)
    return end


def limits_for(limits: tuple[TimeLimit, ...], event: str, start: _dt.date, enhanced: bool,
               holidays: frozenset[str]) -> dict[str, _dt.date | None]:
    """Limit id -> its end date for this event and date, or None when the limit is not in force
    for that date. Mirrors `limitsFor` in case-dates.js."""
    found: dict[str, _dt.date | None] = {}
    for l in limits:
        if l.event != event:
            continue
        if (l.in_force_from and start < l.in_force_from) or (l.in_force_until and start > l.in_force_until):
            found[l.id] = None
            continue
        period = l.enhanced_rights if enhanced and l.enhanced_rights else l.limit
        found[l.id] = add_period(start, period, holidays, l.last_working_day)
    return found


# --- what the browser tools read -----------------------------------------------------------

def tool_data(limits: tuple[TimeLimit, ...], build_date: _dt.date, limit_url, recent_only: bool = False) -> dict:
    """JSON-ready data for case-dates.js: the limits (text as plain text: the script writes it
    with textContent, never as HTML), the events they start, and the bank holidays.

    The bank holidays start at the earliest date a limit on the page can apply to (a limit with no
    start date: YEARS_BACK before the build). recent_only (stage pages, which have a byte budget):
    RECENT_YEARS before the build at most; an older event gets a warning from the script to
    check the date with an ISVA, and /your-case/ has them all.
    """
    last_year = build_date.year + YEARS_AHEAD
    first_year = max(FIRST_HOLIDAY_YEAR, min([l.in_force_from.year if l.in_force_from else build_date.year - YEARS_BACK
                                               for l in limits] or [build_date.year]))
    if recent_only:
        first_year = max(first_year, build_date.year - RECENT_YEARS)
    order = list(event_titles())
    events = sorted({l.event: l.event_title for l in limits}.items(), key=lambda e: order.index(e[0]))

    def period(p: Period | None):
        return {"amount": p.amount, "unit": p.unit} if p else None

    def present(fields: dict) -> dict:  # absent, not null or false: fewer bytes in every page
        return {k: v for k, v in fields.items() if v not in (None, False)}

    return {
        "events": [{"id": e, "title": title} for e, title in events],
        "limits": [present({
            "id": l.id, "event": l.event, "kind": l.kind, "who": l.who, "what": to_text(l.what),
            "limit": period(l.limit), "enhanced": period(l.enhanced_rights),
            "lastWorkingDay": l.last_working_day,
            "howCounted": to_text(l.how_counted) if l.how_counted else None,
            "ask": to_text(l.ask), "question": l.question, "complaint": to_text(l.complaint),
            "from": l.in_force_from.isoformat() if l.in_force_from else None,
            "until": l.in_force_until.isoformat() if l.in_force_until else None,
            "url": limit_url(l),
        }) for l in limits],
        "holidays": compact_holidays(bank_holidays(first_year, last_year)),
        "holidaysFrom": f"{first_year}-01-01",
        "holidaysUntil": f"{last_year}-12-31",
    }
