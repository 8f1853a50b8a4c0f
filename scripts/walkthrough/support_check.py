"""Checks and model parts for support: stages' support lists, local services, audiences.

One job: the content rules issue 14 added, in one place, called from `content.check_content` with
plain arguments (a reporting function `at(loaded, path, message, warning=False)`, loaded files and
their data), so that the checks do not depend on how content.py is organised:
- a stage's `support` list: each item a known service with a why-now line, or a need tag; no
  service twice; a service narrower than the stage's readers (every victim in England and Wales,
  of any age) says so in its why-now line;
- local/<area>.yml: one file per police force area, the area matching the file name, ids starting
  with the area id and unique across every file, hours and check dates that make sense;
- the vocabularies the model needs from the schemas (audience phrases, kinds of local service,
  what a source is).
It reads no files itself except through the `load` function it is given.
"""
from __future__ import annotations

import datetime as _dt
import difflib
from pathlib import Path

from . import model
from .schemas import schema

LOCAL_DIR = "local"
SERVICES_FILE = "support_services.yml"
STALE_AFTER_DAYS = 365


def _titles() -> dict:
    defs = schema("services")["$defs"]
    return {o["const"]: o["title"] for d in ("need", "audience", "area") for o in defs[d]["oneOf"]}


def _force_country() -> dict:
    return {o["const"]: o["x-country"] for o in schema("services")["$defs"]["area"]["oneOf"] if "x-country" in o}


def audience_words() -> tuple[dict, dict]:
    """Each audience's words on a card (x-phrase, "Deaf people") and the words a why-now line must
    use when a stage lists a service for that group (x-words), from the schema."""
    options = schema("services")["$defs"]["audience"]["oneOf"]
    return ({o["const"]: o["x-phrase"] for o in options},
            {o["const"]: tuple(o["x-words"]) for o in options if "x-words" in o})


def local_kinds() -> tuple:
    return tuple((o["const"], o["title"]) for o in schema("local")["$defs"]["kind"]["oneOf"])


def load_local(root: Path, load) -> list:
    """Every local/<area>.yml, checked against its schema: [(Loaded, data)] for the files without
    mistakes. `load(relative path, kind)` is content.py's loader (it records the problems)."""
    folder = root / LOCAL_DIR
    files = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    return [loaded for f in files if (loaded := load(f"{LOCAL_DIR}/{f.name}", "local"))]


def check_entry(at, loaded, path: tuple, s: dict, today) -> None:
    """Opening hours, age limits and the check date of one local service entry."""
    hours = s.get("hours") or {}  # no hours: the service does not publish them
    if hours.get("always_open") and "times" in hours:
        at(loaded, path + ("hours",), "has both always_open and times: keep one")
    # A note on its own is allowed (hours the service describes in words, such as its chat's).
    if hours and not hours.get("always_open") and "times" not in hours and "note" not in hours:
        at(loaded, path + ("hours",), "needs always_open: true, a list of times, or a note")
    for j, t in enumerate(hours.get("times", ())):
        if t["closes"] <= t["opens"]:
            at(loaded, path + ("hours", "times", j, "closes"),
               f"must be later than opens ({t['opens']}); for a service open past midnight, split the times at \"24:00\"")
    if "min_age" in s and "max_age" in s and s["max_age"] < s["min_age"]:
        at(loaded, path + ("max_age",), f"is younger than min_age ({s['min_age']}): check both")
    age = (today - _dt.date.fromisoformat(s["last_verified"])).days
    if age > STALE_AFTER_DAYS:
        at(loaded, path + ("last_verified",), f"these details were last checked {age} days ago: check them again", warning=True)


def check_ages(at, loaded, services: list) -> None:
    """A national service's age limits make sense (support_services.yml)."""
    for i, s in enumerate(services):
        if "min_age" in s and "max_age" in s and s["max_age"] < s["min_age"]:
            at(loaded, ("services", i, "max_age"), f"is younger than min_age ({s['min_age']}): check both")


def check_local(at, locals_: list, service_ids, today: _dt.date) -> None:
    """Local files: the area is a police force area and the file's name; ids start with the area
    id and are unique across every local file and support_services.yml."""
    force_country = _force_country()
    local_ids: dict[str, str] = {}
    for loaded, data in locals_:
        area, expected = data["area"], Path(loaded.name).stem
        if area not in force_country:
            at(loaded, ("area",), f"must be one of the 43 police force areas, not \"{area}\": "
                                  f"national, England-wide and Wales-wide services go in {SERVICES_FILE}")
        elif area != expected:
            at(loaded, ("area",), f"must match the file name: the file is {loaded.name}, so the area must be "
                                  f"\"{expected}\" (or rename the file to {LOCAL_DIR}/{area}.yml)")
        for i, s in enumerate(data["services"]):
            if not s["id"].startswith(f"{area}-"):
                at(loaded, ("services", i, "id"), f"must start with the area id, like \"{area}-{s['id']}\"")
            if s["id"] in local_ids or s["id"] in service_ids:
                where = local_ids.get(s["id"]) or SERVICES_FILE
                at(loaded, ("services", i, "id"), f"\"{s['id']}\" is already used in {where}: ids must be unique")
            local_ids.setdefault(s["id"], loaded.name)
            check_entry(at, loaded, ("services", i), s, today)


def _narrower(s: dict, words: dict, titles: dict) -> list[tuple[str, tuple[str, ...]]]:
    """How a service is narrower than a stage's readers (every victim of any age in England and
    Wales): [(what, words any one of which a why-now line must use)]."""
    found = []
    for tag in s["who_for"]:
        if tag in words:
            found.append((titles[tag].lower() if tag != "deaf" else "Deaf people", words[tag]))
    if "min_age" in s:
        found.append((f"people aged {s['min_age']} and over", (str(s["min_age"]),) + (("adult",) if s["min_age"] == 18 else ())))
    if "max_age" in s:
        found.append((f"people aged {s['max_age']} or under", (str(s["max_age"]), str(s["max_age"] + 1), "child", "young")))
    if "national" not in s["area"]:
        found.append(("people in " + " or ".join(titles[a] for a in s["area"]), tuple(titles[a].lower() for a in s["area"])))
    return found


def check_support(at, loaded, support: list, services, service_ids) -> None:
    """A stage's support list: each item a known service with a why-now line, or a need tag; no
    service twice; a service narrower than everyone says who it is for in its why-now line."""
    words, titles = audience_words()[1], _titles()
    seen: dict[str, int] = {}
    for i, item in enumerate(support):
        sid = item.get("service")
        if sid is None:
            if "why_now" in item and "need" not in item:
                at(loaded, ("support", i), "has a why_now line but no service: add service: <id> from " + SERVICES_FILE)
            elif "why_now" in item:
                at(loaded, ("support", i, "why_now"), "belongs with a service, not a need tag: remove it, or name the service")
            continue
        if "need" in item:
            at(loaded, ("support", i, "need"), "write a need tag as its own item (- need: …), not with a service")
        if "why_now" not in item:
            at(loaded, ("support", i), f"needs a why_now line: say in one short sentence why {sid} helps at this stage")
        if not services:
            continue
        if sid not in service_ids:
            at(loaded, ("support", i, "service"), f"there is no service \"{sid}\" in {SERVICES_FILE}{_near(sid, service_ids)}")
            continue
        if sid in seen:
            at(loaded, ("support", i, "service"), f"\"{sid}\" is already listed as support[{seen[sid]}]: list each service once")
        seen.setdefault(sid, i)
        why = item.get("why_now", "").casefold()
        if not why:
            continue
        for what, words in _narrower(services[1]["services"][service_ids[sid]], words, titles):
            if not any(w.casefold() in why for w in words):
                at(loaded, ("support", i, "why_now"), f"{sid} is only for {what}: say so in this line, "
                                                      f"so nobody else is sent there (use the word \"{words[0]}\")")


def model_parts(locals_: list) -> dict:
    """The parts of `model.Content` this module supplies: local services by area, audience
    phrases, kinds of local service and what a source is, from the schemas."""
    return {
        "local": {d["area"]: tuple(model.build_service({**s, "area": [d["area"]]}) for s in d["services"]) for _, d in locals_},
        "phrases": audience_words()[0],
        "local_kinds": local_kinds(),
        "source_kinds": {o["const"]: o["title"] for o in schema("services")["$defs"]["source_kind"]["oneOf"]},
    }


def _near(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f": did you mean \"{close[0]}\"?" if close else ""
