"""What the service finder on the Support services page needs from the typed model.

One job: turn `Service` objects into the small, flat values the finder's script reads from each
card's data-* attributes (tags, contact ways, hours as a compact code), list the filter options
that the services template writes as the finder's form (only options that at least one service
matches, so no single choice leads to an empty list),
and state the matching rules in Python (`matches`, `is_open`), which the browser tests compare
the script against. Used by `render` and the services templates; it reads no files.

The rules, shared with overrides/components/service-finder/service-finder.js:
- groups combine with AND; the choices inside one group combine with OR;
- a need or audience choice matches services tagged with it (a service "for anyone" is not
  listed under "Men": the page says everyone can use those);
- "where" is the place a person is in: England, Wales, or one of the 43 police force areas (each
  in one country, from the schema's x-country). A service matches if its area includes national,
  the chosen place, or the chosen police force area's country. So someone in South Wales sees
  services for national, wales and south-wales; someone who chooses "Anywhere in Wales" sees
  national and wales, not the services of one police force area;
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


def for_words(content: Content, service: Service) -> str:
    """Who a service is for, in words read at a glance: "For anyone", "For men", "For people aged
    16 and over", "For Deaf people in BSL". Made from the same values the audience filter uses."""
    groups = [content.phrases.get(t, t) for t in service.who_for if t != "anyone"]
    if "deaf" in service.who_for and "BSL" in service.languages:
        groups[service.who_for.index("deaf") - ("anyone" in service.who_for[:service.who_for.index("deaf")])] += " in BSL"
    ages = []
    if service.min_age:
        ages.append(f"aged {service.min_age} and over")
    if service.max_age:
        ages.append(f"aged {service.max_age} or under")
    if not groups:
        return f"For people {' and '.join(ages)}" if ages else "For anyone"
    return "For " + " and ".join(groups) + (f" {' and '.join(ages)}" if ages else "")


def checked_against(content: Content, service: Service) -> str:
    """What the service's details were checked against, truthfully: "the service's own website"
    only when the source is its own site (source_kind)."""
    return content.source_kinds.get(service.source_kind, "the page named as its source")


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
    """The finder's fieldsets of checkboxes, each with the options at least one service matches,
    then "Where are you?" (a list of places, see `places`)."""
    services, titles = content.services, content.tag_titles

    def keep(options):
        return [{"value": v, "label": label} for v, label, count in options if count]

    groups = [
        {"key": "need", "legend": "What do you need?",
         "options": keep((t, titles[t], sum(t in s.helps_with for s in services)) for t in content.need_tags)},
        {"key": "for", "legend": "Services for a group of people",
         "hint": "Services for anyone are open to everyone, so they are not listed under a group.",
         "options": keep((t, titles[t], sum(t in s.who_for for s in services))
                         for t in content.audience_tags if t != "anyone")},
        {"key": "lang", "legend": "Language",
         "options": keep([("welsh", "In Welsh (Cymraeg)", sum(in_welsh(s) for s in services))])},
        {"key": "contact", "legend": "How do you want to get in touch?",
         "options": keep((k, label, sum(k in contact_ways(s) for s in services)) for k, label in CONTACT_WAYS)},
        {"key": "when", "legend": "When?",
         "hint": "In UK time. Bank holidays may be different.",
         "options": keep([("open-now", "Open now", sum(s.hours is not None for s in services)),
                          ("24-7", "Open 24 hours, every day",
                           sum(bool(s.hours and s.hours.always_open) for s in services))])},
    ]
    groups = [g for g in groups if g["options"]]
    # A place changes the list only if some service does not work everywhere.
    if any("national" not in s.area for s in services):
        groups.append({"key": "where", "legend": "Where are you?",
                       "hint": "The list is by police force area. If you are not sure which is yours, "
                               "choose Anywhere in England or Anywhere in Wales.",
                       "places": places(content)})
    return groups


def places(content: Content) -> list:
    """The "Where are you?" choices: ["", "Anywhere in England and Wales"], then one
    [country title, country, [[value, label], …]] per country (a <select>'s optgroup): the country
    itself ("Anywhere in Wales"), then its police force areas A to Z. The template
    (templates/partials/finder.md.j2) writes each optgroup with data-country, from which the script
    takes each police force area's country. A place is offered only if a service matches it."""
    titles, countries = content.tag_titles, content.force_country

    def offered(place):
        return any(serves(s.area, place, countries) for s in content.services)

    found = [["", f"Anywhere in {titles['national']}"]]
    for country in ("england", "wales"):
        forces = sorted((f for f, c in countries.items() if c == country), key=lambda f: titles[f])
        options = [[p, f"Anywhere in {titles[p]}" if p == country else titles[p]]
                   for p in (country, *forces) if offered(p)]
        if options:
            found.append([titles[country], country, options])
    return found


def serves(area: tuple[str, ...], place: str, countries: dict[str, str]) -> bool:
    """Does a service working in `area` serve someone in `place` (a country or a police force area)?"""
    return not {"national", place, countries.get(place)}.isdisjoint(area)


def matches(service: Service, chosen: dict[str, set[str]], london: _dt.datetime | None = None,
            countries: dict[str, str] | None = None) -> bool:
    """Does `service` pass every chosen group? `chosen` maps a group key to the values picked;
    `countries` is `Content.force_country`, needed when a police force area is chosen."""
    tests = {
        "need": lambda v: v in service.helps_with,
        "for": lambda v: v in service.who_for,
        "lang": lambda v: v == "welsh" and in_welsh(service),
        "contact": lambda v: v in contact_ways(service),
        "when": lambda v: (v == "24-7" and bool(service.hours and service.hours.always_open))
                          or (v == "open-now" and london is not None and is_open(service.hours, london)),
        "where": lambda v: serves(service.area, v, countries or {}),
    }
    return all(any(tests[key](v) for v in values) for key, values in chosen.items() if values)


def stage_needs(content: Content, support) -> list[str]:
    """A stage's need tags, in its order: from `need:` items, and the needs of the services it names."""
    by_id = {s.id: s for s in content.services}
    found: list[str] = []
    for item in support:
        tags = [item.need] if item.need else list(by_id[item.service].helps_with) if item.service in by_id else []
        found += [t for t in tags if t in content.need_tags and t not in found]
    return found


def stage_filter(content: Content, support) -> str:
    """The finder's fragment for a stage's support list, e.g. "need=court,compensation": its need
    tags only (its own `need:` items, else the needs of the services it names).

    Audience tags are left out: combined with the needs (AND) they would narrow the list to
    almost nothing."""
    explicit = [i.need for i in support if i.need and i.need in content.need_tags]
    needs = explicit or stage_needs(content, support)
    return f"need={','.join(needs)}" if needs else ""


def stage_anchor(content: Content, support) -> str:
    """Where a stage's "Find more services" link lands without JavaScript: the grouped list of the
    first of its needs on the services page (#court), which answers it."""
    explicit = [i.need for i in support if i.need and i.need in content.need_tags]
    needs = explicit or stage_needs(content, support)
    return needs[0] if needs else "by-need"


def area_context(content: Content, area: str) -> dict:
    """What an area's page shows: its local services, the national ones that serve it (for
    everyone first), and where to turn for a kind of local service with no sourced entry."""
    country = content.force_country[area]
    titles = content.tag_titles
    national = [s for s in content.services if serves(s.area, area, content.force_country)]
    national.sort(key=lambda s: (s.who_for != ("anyone",) or bool(s.min_age or s.max_age)))  # stable
    sarc = "New Pathways" if country == "wales" else "the NHS SARC finder (nhs.uk/sarcs)"
    routes = {
        "sarc": f"For a SARC near you, see {sarc} below, or call NHS 111. You can go to a SARC without reporting to the police.",
        "isva": "The Rape Crisis 24/7 Support Line (for people aged 16 and over) and the police can refer you to an ISVA service.",
        "rape-crisis": "The Rape Crisis 24/7 Support Line (for people aged 16 and over) can tell you about the nearest centre.",
        "victim-service": "Victim Support, below, helps anyone affected by crime, wherever you live.",
        "other": "",
    }
    missing = {"sarc": "sexual assault referral centre (SARC)", "isva": "ISVA service",
               "rape-crisis": "Rape Crisis or specialist sexual violence centre",
               "victim-service": "victim service funded by the Police and Crime Commissioner", "other": ""}
    return {"area": area, "title": titles[area], "local": content.local_services(area),
            "national": national, "routes": routes, "missing": missing}
