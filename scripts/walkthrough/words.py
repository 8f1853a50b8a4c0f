"""Turning typed values into the words a reader sees: dates, opening hours, tag names.

One job; pure functions, used as template filters by `render` and by the leaflet.
"""
from __future__ import annotations

import datetime as _dt

from .model import WEEKDAYS, Hours

_DAY_NAMES = {d: d.capitalize() for d in WEEKDAYS}


def date_words(date: _dt.date) -> str:
    """GOV.UK style: 29 November 2026."""
    return f"{date.day} {date.strftime('%B')} {date.year}"


def time_words(hhmm: str) -> str:
    """"08:00" -> "8am", "21:30" -> "9:30pm", "12:00" -> "midday", "24:00"/"00:00" -> "midnight"."""
    hours, minutes = int(hhmm[:2]), int(hhmm[3:])
    if minutes == 0 and hours in (0, 24):
        return "midnight"
    if minutes == 0 and hours == 12:
        return "midday"
    suffix = "am" if hours < 12 or hours == 24 else "pm"
    h12 = hours % 12 or 12
    return f"{h12}{suffix}" if minutes == 0 else f"{h12}:{minutes:02d}{suffix}"


def _day_range(days: tuple[str, ...]) -> str:
    indexes = sorted(WEEKDAYS.index(d) for d in days)
    if indexes == list(range(7)):
        return "Every day"
    if len(indexes) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{_DAY_NAMES[WEEKDAYS[indexes[0]]]} to {_DAY_NAMES[WEEKDAYS[indexes[-1]]]}"
    names = [_DAY_NAMES[WEEKDAYS[i]] for i in indexes]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def hours_words(hours: Hours | None) -> list[str]:
    """One line per set of days, e.g. ["Monday to Friday, 8am to 8pm"]."""
    if hours is None:
        return ["Check their website for opening times"]
    if hours.always_open:
        lines = ["Open 24 hours a day, every day"]
    else:
        lines = [f"{_day_range(t.days)}, {time_words(t.opens)} to {time_words(t.closes)}" for t in hours.times]
    if hours.note:
        lines.append(hours.note)
    return lines
