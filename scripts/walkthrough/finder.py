"""What the service finder on the Support services page needs from the typed model.

One job: turn `Service` objects into the small, flat values the finder's script reads from each
card's data-* attributes (tags, contact ways, hours as a compact code), list the filter options
(only options that at least one service matches, so no single choice leads to an empty list),
and state the matching rules in Python (`matches`, `is_open`), which the browser tests compare
the script against. Used by `render` and the services templates; it reads no files.

The rules, shared with overrides/components/service-finder/service-finder.js:
- groups combine with AND; the choices inside one group combine with OR;
- a need or audience choice matches services tagged with it (a service "for anyone" is not
  listed under "Men": the page says everyone can use those);
- "where": a service whose area is national matches every place;
- "open now": UK time (Europe/London); a service that does not publish hours is never open now.
"""
from __future__ import annotations

import datetime as _dt

from .model import WEEKDAYS, Content, Hours, Service

CONTACT_WAYS = (("phone", "Phone"), ("text", "Text message"), ("live-chat", "Live chat"),
                ("email", "Email"), ("in-person", "In person"))
WHEN = (("open-now", "Open now"), ("24-7", "Open 24 hours, every day"))
WELSH = ("welsh", "cymraeg")
_DAY_CODES = {d: d[:3] for d in WEEKDAYS}


def contact_ways(service: Service) -> tuple[str, ...]:
    c = service.contact
    have = {"phone": bool(c.phone), "text": bool(c.text), "live-chat": bool(c.live_chat),
            "email": bool(c.email), "in-person": bool(c.in_person)}
    return tuple(key for key, _ in CONTACT_WAYS if have[key])


def languages(service: Service) -> tuple[str, ...]:
    return tuple(lang.casefold() for lang in service.languages)


def in_welsh(service: Service) -> bool:
    return any(lang in WELSH for lang in languages(service))


def hours_code(hours: Hours | None) -> str:
    """"" (hours not published), "always", or "mon,tue,wed 08:00-22:00;sat,sun 09:00-18:00"."""
    if hours is None:
        return ""
    if hours.always_open:
        return "always"
    return ";".join(f"{','.join(_DAY_CODES[d] for d in t.days)} {t.opens}-{t.closes}" for t in hours.times)


def is_open(hours: Hours | None, london: _dt.datetime) -> bool:
    """Open at `london`, a wall-clock time in Europe/London."""
    if hours is None:
        return False
    if hours.always_open:
        return True
    day, now = WEEKDAYS[london.weekday()], f"{london.hour:02d}:{london.minute:02d}"
    return any(day in t.days and t.opens <= now < t.closes for t in hours.times)


def option_groups(content: Content) -> list[dict]:
    """The finder's fieldsets, each with the options at least one service matches."""
    services, titles = content.services, content.tag_titles

    def keep(options):
        return [{"value": v, "label": label} for v, label, count in options if count]

    groups = [
        {"key": "need", "legend": "What do you need?", "multiple": True,
         "options": keep((t, titles[t], sum(t in s.helps_with for s in services)) for t in content.need_tags)},
        {"key": "for", "legend": "Services for a group of people", "multiple": True,
         "hint": "Services for anyone are open to everyone, so they are not listed under a group.",
         "options": keep((t, titles[t], sum(t in s.who_for for s in services))
                         for t in content.audience_tags if t != "anyone")},
        {"key": "lang", "legend": "Language", "multiple": True,
         "options": keep([("welsh", "In Welsh (Cymraeg)", sum(in_welsh(s) for s in services))])},
        {"key": "contact", "legend": "How do you want to get in touch?", "multiple": True,
         "options": keep((k, label, sum(k in contact_ways(s) for s in services)) for k, label in CONTACT_WAYS)},
        {"key": "when", "legend": "When?", "multiple": True,
         "hint": "In UK time. Bank holidays may be different.",
         "options": keep([("open-now", "Open now", sum(s.hours is not None for s in services)),
                          ("24-7", "Open 24 hours, every day",
                           sum(bool(s.hours and s.hours.always_open) for s in services))])},
        {"key": "where", "legend": "Where?", "multiple": False,
         "options": [{"value": "", "label": "Anywhere"}] + keep(
             (a, "Services for all of England and Wales" if a == "national" else f"In {titles[a]}",
              sum(a in s.area or (a != "national" and "national" in s.area) for s in services))
             for a in ("national", "wales", "england"))},
    ]
    return [g for g in groups if any(o["value"] for o in g["options"])]


def matches(service: Service, chosen: dict[str, set[str]], london: _dt.datetime | None = None) -> bool:
    """Does `service` pass every chosen group? `chosen` maps a group key to the values picked."""
    tests = {
        "need": lambda v: v in service.helps_with,
        "for": lambda v: v in service.who_for,
        "lang": lambda v: v == "welsh" and in_welsh(service),
        "contact": lambda v: v in contact_ways(service),
        "when": lambda v: (v == "24-7" and bool(service.hours and service.hours.always_open))
                          or (v == "open-now" and london is not None and is_open(service.hours, london)),
        "where": lambda v: v in service.area or (v != "national" and "national" in service.area),
    }
    return all(any(tests[key](v) for v in values) for key, values in chosen.items() if values)


def stage_filter(content: Content, support: tuple[str, ...]) -> str:
    """The finder's fragment for a stage's support list, e.g. "need=isva,court": its need tags.

    Audience tags are left out: combined with the needs (AND) they would narrow the list to
    almost nothing, and a stage's audience tags are a hint, not a requirement."""
    needs = [t for t in support if t in content.need_tags]
    return f"need={','.join(needs)}" if needs else ""
