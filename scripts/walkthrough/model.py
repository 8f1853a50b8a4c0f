"""The typed content model that templates and the leaflet read.

One job: frozen dataclasses and the functions that build them from data that `schemas.validate`
has already passed. Templates never see raw YAML, so the web pages and the leaflet read the same
objects and cannot disagree. Nothing here checks content; building assumes it was checked.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from functools import cached_property

import phonenumbers

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Law:
    title: str  # the Act (or Bill) and section
    url: str


@dataclass(frozen=True)
class Proposal:
    name: str       # the Bill or consultation
    progress: str   # where it has got to
    last_checked: _dt.date


# A fact's `status`: law (from in_force_from, if given), in an Act but not started, or not law.
IN_FORCE, AWAITING, PROPOSED = "in_force", "awaiting_commencement", "proposed"


@dataclass(frozen=True)
class Fact:
    """A fact with its source. A dated or proposed one also says which law, from and until when,
    and whether it is law yet; `lawdates.status_on` decides what that means on a given day."""
    text: str
    source: str
    law: Law | None = None
    in_force_from: _dt.date | None = None
    in_force_until: _dt.date | None = None  # the last day it applies
    status: str = IN_FORCE
    proposal: Proposal | None = None  # only when status is PROPOSED
    affects: str = "key_facts"  # the section a note about a coming change sits next to

    @property
    def is_dated(self) -> bool:
        """Dated or proposed: one of the facts the law-status table lists."""
        return bool(self.in_force_from or self.in_force_until or self.status != IN_FORCE)


@dataclass(frozen=True)
class RightHere:
    number: int
    meaning: str


@dataclass(frozen=True)
class Person:
    who: str
    what_they_do: str


@dataclass(frozen=True)
class NextStep:
    stage: str
    condition: str | None


@dataclass(frozen=True)
class SupportItem:
    """One item of a stage's `support` list: a chosen service with its why-now line, or a need tag
    that adds services after the chosen ones."""
    service: str | None = None
    why_now: str | None = None
    need: str | None = None


@dataclass(frozen=True)
class Card:
    """A service as a stage shows it: the service, and why it helps now (None for one a tag added)."""
    service: "Service"
    why_now: str | None


@dataclass(frozen=True)
class Stage:
    id: str
    order: int
    title: str
    short_title: str
    summary: str
    what_happens: tuple[str, ...]
    your_rights: tuple[RightHere, ...]
    your_choices: tuple[str, ...]
    how_long: Fact
    who_you_will_deal_with: tuple[Person, ...]
    if_you_are_unhappy: tuple[str, ...]
    questions_to_ask: tuple[str, ...]
    support: tuple[SupportItem, ...]
    key_facts: tuple[Fact, ...]
    next: tuple[NextStep, ...]
    search_terms: tuple[str, ...]
    last_reviewed: _dt.date
    sources: tuple[Source, ...]
    file: str
    review_interval_months: int | None = None  # None: the default (content.review_interval)

    @property
    def path(self) -> str:
        """Site-relative URL path, permanent: people share it."""
        return f"stages/{self.id}/"


@dataclass(frozen=True)
class Phone:
    number: str  # as the service writes it, shown to people
    dial: str    # for tel: links: E.164 for full numbers, digits for short numbers
    label: str | None


@dataclass(frozen=True)
class Times:
    days: tuple[str, ...]
    opens: str
    closes: str


@dataclass(frozen=True)
class Hours:
    always_open: bool
    times: tuple[Times, ...]
    note: str | None


@dataclass(frozen=True)
class Contact:
    phone: tuple[Phone, ...]
    text: tuple[Phone, ...]
    email: tuple[str, ...]
    website: str | None
    live_chat: str | None
    in_person: str | None


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    what_they_do: str
    who_for: tuple[str, ...]
    helps_with: tuple[str, ...]
    area: tuple[str, ...]
    contact: Contact
    hours: Hours | None  # None: the service does not publish its hours
    languages: tuple[str, ...]
    cost: str | None
    last_verified: _dt.date
    source: str
    source_kind: str = "own-site"
    min_age: int | None = None
    max_age: int | None = None
    kind: str | None = None  # a local service's kind (sarc, isva, rape-crisis, victim-service, other)

    @property
    def is_local(self) -> bool:
        return self.kind is not None

    @property
    def tags(self) -> frozenset[str]:
        return frozenset(self.who_for) | frozenset(self.helps_with)


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    aliases: tuple[str, ...]
    plain_meaning: str
    source: str | None


@dataclass(frozen=True)
class Right:
    number: int
    title: str
    plain_meaning: str


@dataclass(frozen=True)
class VictimsCode:
    title: str
    source: str
    last_reviewed: _dt.date
    rights: tuple[Right, ...]
    time_limits: tuple = ()  # timelimits.TimeLimit, built by content from the same file

    def right(self, number: int) -> Right:
        return next(r for r in self.rights if r.number == number)


@dataclass(frozen=True)
class ChangedStage:
    stage: str
    sections: tuple[str, ...]  # section keys (sections.py); empty: the stage as a whole


@dataclass(frozen=True)
class Change:
    """One entry of changes.yml: a change to the guide that a supporter should know about."""
    id: str  # permanent: the anchor on the What's changed page and the feed entry's id
    date: _dt.date
    title: str
    summary: str
    affects: tuple[ChangedStage, ...]  # empty: the whole guide


@dataclass(frozen=True)
class Content:
    stages: tuple[Stage, ...]  # in journey order
    services: tuple[Service, ...]
    glossary: tuple[Term, ...]
    code: VictimsCode
    tag_titles: dict = field(hash=False, compare=False)  # tag -> title, from the schema
    need_tags: tuple[str, ...] = ()
    audience_tags: tuple[str, ...] = ()
    force_country: dict = field(default_factory=dict, hash=False, compare=False)  # police force area -> england/wales, from the schema
    redirects: dict = field(default_factory=dict, hash=False, compare=False)  # old stage id -> current id
    changes: tuple[Change, ...] = ()  # changes.yml, newest first
    search_answers: object = None  # search_answers.SearchAnswers: the site search's best answers
    # Local services by police force area (local/<area>.yml), most useful first. An area with no
    # file is missing here; one with `services: []` maps to ().
    local: dict = field(default_factory=dict, hash=False, compare=False)
    phrases: dict = field(default_factory=dict, hash=False, compare=False)  # audience -> "Deaf people", from the schema
    local_kinds: tuple = ()  # (kind, title) in the schema's order
    source_kinds: dict = field(default_factory=dict, hash=False, compare=False)  # own-site -> "the service's own website"

    @property
    def areas(self) -> tuple[str, ...]:
        """The 43 police force areas, in the schema's order."""
        return tuple(self.force_country)

    # Lookups by id, built once: stage(), previous() and services_for() are called for every
    # stage, so scanning all stages or services on each call would make a build grow as n².
    # (cached_property writes to the instance's __dict__, which a frozen dataclass allows.)
    @cached_property
    def _stages_by_id(self) -> dict[str, Stage]:
        return {s.id: s for s in self.stages}

    @cached_property
    def _services_by_id(self) -> dict[str, Service]:
        return {s.id: s for s in self.services}

    @cached_property
    def _previous_by_id(self) -> dict[str, tuple[Stage, ...]]:
        found: dict[str, dict[str, Stage]] = {}
        for s in self.stages:  # journey order, as before
            for n in s.next:
                found.setdefault(n.stage, {})[s.id] = s
        return {target: tuple(by_id.values()) for target, by_id in found.items()}

    @cached_property
    def _changes_by_stage(self) -> dict[str, tuple[Change, ...]]:
        found: dict[str, list[Change]] = {}
        for c in self.changes:  # newest first, as in self.changes
            for a in c.affects:
                found.setdefault(a.stage, []).append(c)
        return {sid: tuple(dict.fromkeys(cs)) for sid, cs in found.items()}

    def changes_to(self, stage: Stage) -> tuple[Change, ...]:
        """The changes.yml entries that changed this stage, newest first."""
        return self._changes_by_stage.get(stage.id, ())

    def stage(self, stage_id: str) -> Stage:
        return self._stages_by_id[stage_id]

    def previous(self, stage: Stage) -> tuple[Stage, ...]:
        """The stages whose `next` leads here (a stage can be reached by more than one branch)."""
        return self._previous_by_id.get(stage.id, ())

    def services_tagged(self, tag: str) -> tuple[Service, ...]:
        return tuple(s for s in self.services if tag in s.tags)

    def stages_with_right(self, number: int) -> tuple[Stage, ...]:
        return tuple(s for s in self.stages if any(r.number == number for r in s.your_rights))

    def support_cards(self, stage: Stage, limit: int = 4) -> tuple[Card, ...]:
        """A stage's support box, in the order a content designer chose: every named service with
        its why-now line, then, up to `limit` cards in all, services for everyone that help with the
        stage's need tags (most needs matched first; file order breaks ties). A narrower service is
        shown only when a designer names it, with a why-now line that says who it is for."""
        named = [i.service for i in stage.support if i.service in self._services_by_id]
        cards = [Card(self._services_by_id[i.service], i.why_now) for i in stage.support if i.service in named]
        needs = {i.need for i in stage.support if i.need}
        ranked = sorted((s for s in self.services if s.id not in named and needs & set(s.helps_with)
                         and s.who_for == ("anyone",) and s.min_age is None and s.max_age is None
                         and "national" in s.area),
                        key=lambda s: -len(needs & set(s.helps_with)))  # sorted() is stable
        room = max(0, limit - len(cards))
        return tuple(cards + [Card(s, None) for s in ranked[:room]])

    def services_for(self, stage: Stage, limit: int = 4) -> tuple[Service, ...]:
        """The services of a stage's support box, in order (the leaflet lists these)."""
        return tuple(c.service for c in self.support_cards(stage, limit))

    def local_services(self, area: str) -> tuple[Service, ...]:
        return self.local.get(area, ())


def _date(value: str) -> _dt.date:
    return _dt.date.fromisoformat(value)


def _phone(item: dict) -> Phone:
    number = item["number"]
    parsed = phonenumbers.parse(number, "GB")
    if phonenumbers.is_valid_number(parsed):
        dial = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    else:  # a short number such as 116 123 is dialled as it is
        dial = "".join(ch for ch in number if ch.isdigit())
    return Phone(number, dial, item.get("label"))


def build_stage(data: dict, file: str) -> Stage:
    return Stage(
        id=data["id"], order=data["order"], title=data["title"], short_title=data["short_title"],
        summary=data["summary"], what_happens=tuple(data["what_happens"]),
        your_rights=tuple(RightHere(r["right"], r["meaning"]) for r in data["your_rights"]),
        your_choices=tuple(data["your_choices"]),
        how_long=Fact(data["how_long"]["text"], data["how_long"]["source"]),
        who_you_will_deal_with=tuple(Person(p["who"], p["what_they_do"]) for p in data["who_you_will_deal_with"]),
        if_you_are_unhappy=tuple(data["if_you_are_unhappy"]),
        questions_to_ask=tuple(data["questions_to_ask"]),
        support=tuple(SupportItem(i.get("service"), i.get("why_now"), i.get("need")) for i in data["support"]),
        key_facts=tuple(build_fact(f) for f in data["key_facts"]),
        next=tuple(NextStep(n["stage"], n.get("condition")) for n in data["next"]),
        search_terms=tuple(data["search_terms"]), last_reviewed=_date(data["last_reviewed"]),
        sources=tuple(Source(s["title"], s["url"]) for s in data["sources"]), file=file,
        review_interval_months=data.get("review_interval_months"),
    )


def _maybe_date(value: str | None) -> _dt.date | None:
    return _date(value) if value else None


def build_fact(data: dict) -> Fact:
    law, proposal = data.get("law"), data.get("proposal")
    return Fact(
        text=data["text"], source=data["source"],
        law=Law(law["title"], law["url"]) if law else None,
        in_force_from=_maybe_date(data.get("in_force_from")),
        in_force_until=_maybe_date(data.get("in_force_until")),
        status=data.get("status", IN_FORCE),
        proposal=Proposal(proposal["name"], proposal["progress"], _date(proposal["last_checked"])) if proposal else None,
        affects=data.get("affects", "key_facts"),
    )


def build_changes(data: dict, renamed: dict | None = None) -> tuple[Change, ...]:
    """Newest first; entries of the same day keep their order in the file. A stage named by an id
    it had before a rename (`renamed`: old id -> current id) is the stage it is now."""
    renamed = renamed or {}
    changes = [Change(c["id"], _date(c["date"]), c["title"], c["summary"],
                      tuple(ChangedStage(renamed.get(a["stage"], a["stage"]), tuple(a.get("sections", ())))
                            for a in c.get("affects", ())))
               for c in data["changes"]]
    return tuple(sorted(changes, key=lambda c: c.date, reverse=True))


def build_service(data: dict) -> Service:
    contact, hours = data["contact"], data.get("hours")
    return Service(
        id=data["id"], name=data["name"], what_they_do=data["what_they_do"],
        who_for=tuple(data["who_for"]), helps_with=tuple(data["helps_with"]), area=tuple(data["area"]),
        contact=Contact(
            phone=tuple(_phone(p) for p in contact.get("phone", ())),
            text=tuple(_phone(p) for p in contact.get("text", ())),
            email=tuple(contact.get("email", ())), website=contact.get("website"),
            live_chat=contact.get("live_chat"), in_person=contact.get("in_person"),
        ),
        hours=Hours(bool(hours.get("always_open")),
                    tuple(Times(tuple(t["days"]), t["opens"], t["closes"]) for t in hours.get("times", ())),
                    hours.get("note")) if hours else None,
        languages=tuple(data["languages"]), cost=data.get("cost"),
        last_verified=_date(data["last_verified"]), source=data["source"],
        source_kind=data.get("source_kind", "own-site"), min_age=data.get("min_age"),
        max_age=data.get("max_age"), kind=data.get("kind"),
    )


def build_term(data: dict) -> Term:
    return Term(data["id"], data["term"], tuple(data.get("aliases", ())), data["plain_meaning"], data.get("source"))


def build_code(data: dict) -> VictimsCode:
    return VictimsCode(data["title"], data["source"], _date(data["last_reviewed"]),
                       tuple(Right(r["number"], r["title"], r["plain_meaning"]) for r in data["rights"]))
