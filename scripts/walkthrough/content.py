"""Load, validate and cross-check all content, and return the typed model.

One job: read every content file under a content root, run the schema checks, the cross-file
checks (ids, orders, references, branches) and the readability limits, and either return a
`Content` or raise one `ContentError` listing every problem, sorted by file and line.
Nothing is written anywhere: rendering happens only after this has succeeded.
Called by `compile.compile_site` and the CLI's `check`.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import difflib
from dataclasses import dataclass
from pathlib import Path

from . import model, published, readability, search_answers, timelimits
from .markup import to_text
from .problems import ContentError, Problem, format_path
from .schemas import Reference, schema, validate
from .strict_yaml import Loaded, load_file

STAGES_DIR = "stages"
SERVICES_FILE = "support_services.yml"
GLOSSARY_FILE = "glossary.yml"
CODE_FILE = "victims_code.yml"
STALE_AFTER_DAYS = 365

# The prose blocks of a stage that the readability limits apply to.
PROSE_BLOCKS = ("summary", "what_happens", "your_rights", "your_choices", "how_long",
                "who_you_will_deal_with", "if_you_are_unhappy", "questions_to_ask", "key_facts")


@dataclass(frozen=True)
class Checked:
    content: model.Content
    warnings: tuple[Problem, ...]
    readability: dict  # stage id -> readability.Report


def _tag_titles() -> tuple[dict, tuple, tuple, dict]:
    defs = schema("services")["$defs"]
    needs = tuple(o["const"] for o in defs["need"]["oneOf"])
    audiences = tuple(o["const"] for o in defs["audience"]["oneOf"])
    titles = {o["const"]: o["title"] for d in ("need", "audience", "area") for o in defs[d]["oneOf"]}
    # Each police force area's country ("england" or "wales"), in the schema's order.
    force_country = {o["const"]: o["x-country"] for o in defs["area"]["oneOf"] if "x-country" in o}
    return titles, needs, audiences, force_country


def _load(root: Path, relative: str, kind: str, today, problems, references) -> tuple[Loaded, object] | None:
    path = root / relative
    if not path.exists():
        problems.append(Problem(relative, 0, "", "this file is missing: the site needs it"))
        return None
    try:
        loaded = load_file(path, relative)
    except ContentError as exc:
        problems.extend(exc.problems)
        return None
    data, found, refs = validate(loaded, kind, today)
    problems.extend(found)
    references.extend(refs)
    return (loaded, data) if not found else None


def _stage_prose(data: dict) -> dict[str, list[tuple[tuple, str]]]:
    blocks: dict[str, list[tuple[tuple, str]]] = {}
    for key in PROSE_BLOCKS:
        value, items = data[key], []
        if isinstance(value, str):
            items.append(((key,), value))
        elif isinstance(value, dict):
            items.append(((key, "text"), value["text"]))
        else:
            for i, item in enumerate(value):
                if isinstance(item, str):
                    items.append(((key, i), item))
                else:
                    for field in ("meaning", "what_they_do", "text"):
                        if field in item:
                            items.append(((key, i, field), item[field]))
        blocks[key] = [(path, to_text(text)) for path, text in items]
    return blocks


def check_content(root: Path, today: _dt.date | None = None) -> Checked:
    """Everything under `root` checked and typed, or ContentError with every problem."""
    today = today or _dt.date.today()
    problems: list[Problem] = []
    warnings: list[Problem] = []
    references: list[Reference] = []

    stage_files = sorted((root / STAGES_DIR).glob("*.yml")) if (root / STAGES_DIR).is_dir() else []
    for other in sorted((root / STAGES_DIR).glob("*.yaml")) if (root / STAGES_DIR).is_dir() else []:
        problems.append(Problem(f"{STAGES_DIR}/{other.name}", 0, "", "stage files must end in .yml: rename it"))
    if not stage_files:
        problems.append(Problem(STAGES_DIR, 0, "", "there are no stage files (stages/<id>.yml)"))
    stages = [loaded for f in stage_files
              if (loaded := _load(root, f"{STAGES_DIR}/{f.name}", "stage", today, problems, references))]
    services = _load(root, SERVICES_FILE, "services", today, problems, references)
    glossary = _load(root, GLOSSARY_FILE, "glossary", today, problems, references)
    code = _load(root, CODE_FILE, "victims_code", today, problems, references)
    answers = _load(root, search_answers.ANSWERS_FILE, "search_answers", today, problems, references)
    titles, needs, audiences, force_country = _tag_titles()

    def at(loaded: Loaded, path: tuple, message: str, warning=False):
        (warnings if warning else problems).append(
            Problem(loaded.name, loaded.line_of(path), format_path(path), message, warning=warning))

    # --- ids and orders -------------------------------------------------------------------
    stage_ids = {}
    for loaded, data in stages:
        expected = Path(loaded.name).stem
        if data["id"] != expected:
            at(loaded, ("id",), f"must match the file name: the file is {loaded.name}, so the id must be "
                                f"\"{expected}\" (or rename the file to {STAGES_DIR}/{data['id']}.yml)")
        stage_ids[data["id"]] = (loaded, data)
    orders: dict[int, list] = {}
    for loaded, data in stages:
        orders.setdefault(data["order"], []).append((loaded, data))
    for number, group in sorted(orders.items()):
        for loaded, data in group[1:]:
            at(loaded, ("order",), f"{number} is also the order of {group[0][0].name}: each stage needs its own number")
    if stages and len(stages) == len(stage_files) and sorted(orders) != list(range(1, len(orders) + 1)):
        expected_orders = set(range(1, len(orders) + 1))
        missing = sorted(expected_orders - set(orders))
        for loaded, data in stages:
            if data["order"] not in expected_orders:
                at(loaded, ("order",), f"is {data['order']}, which leaves a gap: the stages should be numbered "
                                       f"1 to {len(orders)} (missing: {', '.join(map(str, missing))})")

    service_ids: dict[str, int] = {}
    if services:
        loaded, data = services
        for i, s in enumerate(data["services"]):
            if s["id"] in service_ids:
                at(loaded, ("services", i, "id"), f"\"{s['id']}\" is already the id of services[{service_ids[s['id']]}]: ids must be unique")
            service_ids.setdefault(s["id"], i)
            hours = s.get("hours") or {}  # no hours: the service does not publish them
            if hours.get("always_open") and "times" in hours:
                at(loaded, ("services", i, "hours"), "has both always_open and times: keep one")
            if hours and not hours.get("always_open") and "times" not in hours:
                at(loaded, ("services", i, "hours"), "needs always_open: true or a list of times")
            for j, t in enumerate(hours.get("times", ())):
                if t["closes"] <= t["opens"]:
                    at(loaded, ("services", i, "hours", "times", j, "closes"),
                       f"must be later than opens ({t['opens']}); for a service open past midnight, split the times at \"24:00\"")
            age = (today - _dt.date.fromisoformat(s["last_verified"])).days
            if age > STALE_AFTER_DAYS:
                at(loaded, ("services", i, "last_verified"), f"these details were last checked {age} days ago: check them again", warning=True)

    term_ids: dict[str, int] = {}
    if glossary:
        loaded, data = glossary
        names: dict[str, str] = {}
        for i, t in enumerate(data["terms"]):
            if t["id"] in term_ids:
                at(loaded, ("terms", i, "id"), f"\"{t['id']}\" is already the id of terms[{term_ids[t['id']]}]: ids must be unique")
            term_ids.setdefault(t["id"], i)
            for j, name in enumerate([t["term"], *t.get("aliases", ())]):
                key = name.casefold()
                if key in names and names[key] != t["id"]:
                    at(loaded, ("terms", i) + (("term",) if j == 0 else ("aliases", j - 1)),
                       f"\"{name}\" is already used by the term \"{names[key]}\": one name can explain only one term")
                names.setdefault(key, t["id"])

    right_numbers: set[int] = set()
    if code:
        loaded, data = code
        numbers = [r["number"] for r in data["rights"]]
        for i, number in enumerate(numbers):
            if number in numbers[:i]:
                at(loaded, ("rights", i, "number"), f"right {number} is written twice")
        if sorted(set(numbers)) != list(range(1, len(set(numbers)) + 1)):
            at(loaded, ("rights",), "the rights must be numbered 1, 2, 3… with no gaps")
        right_numbers = set(numbers)

    # --- references between files -----------------------------------------------------------
    # A stage file with mistakes of its own still exists: its id is its file name, so links to it
    # are not reported a second time.
    all_stage_ids = set(stage_ids) | {f.stem for f in stage_files}
    # Published addresses stay permanent: a published id must be a stage or renamed to one.
    published_ids, found = published.check(root, all_stage_ids) if stage_files else (published.Published(), [])
    problems.extend(found)
    tags = set(needs) | set(audiences)
    if code:  # time limits: dates, Enhanced Rights, and the stages and rights they name
        timelimits.check(code[1], lambda path, message: at(code[0], path, message),
                         all_stage_ids if stage_files else None, right_numbers)
    for loaded, data in stages:
        for i, step in enumerate(data["next"]):
            if step["stage"] not in all_stage_ids:
                at(loaded, ("next", i, "stage"), f"there is no stage \"{step['stage']}\"{_near(step['stage'], stage_ids)}")
            elif step["stage"] == data["id"]:
                at(loaded, ("next", i, "stage"), "a stage cannot lead to itself")
            if len(data["next"]) > 1 and not step.get("condition"):
                at(loaded, ("next", i), "needs a condition, because this stage has more than one next stage (like \"If the suspect is charged\")")
        for i, item in enumerate(data["support"]):
            if services and item not in service_ids and item not in tags:
                at(loaded, ("support", i), f"\"{item}\" is neither a service id in {SERVICES_FILE} nor a need or audience tag"
                                           f"{_near(item, list(service_ids) + sorted(tags))}")
        if code:
            for i, r in enumerate(data["your_rights"]):
                if r["right"] not in right_numbers:
                    at(loaded, ("your_rights", i, "right"), f"there is no right {r['right']} in {CODE_FILE} (rights 1 to {max(right_numbers)})")
        age = (today - _dt.date.fromisoformat(data["last_reviewed"])).days
        if age > STALE_AFTER_DAYS:
            at(loaded, ("last_reviewed",), f"this stage was last reviewed {age} days ago: check its facts again", warning=True)
    for ref in references:
        known = all_stage_ids if ref.kind == "stage" else term_ids
        ready = bool(stage_files) if ref.kind == "stage" else bool(glossary)
        if ready and ref.target not in known:
            what = "stage" if ref.kind == "stage" else "glossary term"
            problems.append(Problem(ref.file, ref.line, ref.field,
                                    f"links to {ref.kind}:{ref.target}, but there is no {what} \"{ref.target}\"{_near(ref.target, known)}"))

    # --- the journey: every stage reachable from the first -------------------------------
    if stages and not problems:
        first = min(stages, key=lambda pair: pair[1]["order"])[1]["id"]
        reached, todo = {first}, [first]
        while todo:
            for step in stage_ids[todo.pop()][1]["next"]:
                if step["stage"] not in reached:
                    reached.add(step["stage"])
                    todo.append(step["stage"])
        for sid, (loaded, data) in stage_ids.items():
            if sid not in reached:
                at(loaded, ("id",), f"no stage leads to \"{sid}\": add it to the next list of the stage before it")

    # --- plain English -------------------------------------------------------------------------
    reports = {}
    for loaded, data in stages:
        report = readability.measure(_stage_prose(data))
        reports[data["id"]] = report
        for path, n, sentence in report.long_sentences:
            short = sentence if len(sentence) <= 70 else sentence[:69] + "…"
            at(loaded, path, f"has a sentence of {n} words (limit {readability.MAX_SENTENCE_WORDS}): split it (\"{short}\")")
        if report.grade > readability.MAX_GRADE:
            hardest = sorted(report.blocks.items(), key=lambda kv: -kv[1])[:3]
            listing = ", ".join(f"{name} {g}" for name, g in hardest)
            at(loaded, (), f"readability: the stage reads at grade {report.grade} (limit {readability.MAX_GRADE}): "
                           f"use shorter sentences and words, starting with the hardest blocks ({listing})")

    answers_model = (search_answers.check(*answers, set(stage_ids) | {f.stem for f in stage_files}, problems)
                     if answers else None)

    if problems:
        raise ContentError(problems + warnings)
    content = model.Content(
        stages=tuple(sorted((model.build_stage(d, l.name) for l, d in stages), key=lambda s: s.order)),
        services=tuple(model.build_service(s) for s in services[1]["services"]),
        glossary=tuple(model.build_term(t) for t in glossary[1]["terms"]),
        code=dataclasses.replace(model.build_code(code[1]), time_limits=timelimits.build(code[1])),
        tag_titles=titles, need_tags=needs, audience_tags=audiences, force_country=force_country,
        redirects=published.redirects(published_ids, set(stage_ids)),
        search_answers=answers_model,
    )
    return Checked(content, tuple(sorted(warnings)), reports)


def _near(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f": did you mean \"{close[0]}\"?" if close else ""
