"""Load, validate and cross-check all content, and return the typed model.

One job: read every content file under a content root, run the schema checks, the cross-file
checks (ids, orders, references, branches, dated facts, changes) and the readability limits, and
either return a `Content` or raise one `ContentError` listing every problem, sorted by file and
line. Nothing is written anywhere: rendering happens only after this has succeeded.
Called by `compile.compile_site` and the CLI's `check`. Each cross-file check is one function,
listed in CHECKS in the order they run.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import lawdates, model, published, readability, search_answers, support_check, timelimits
from .markup import to_text
from .problems import ContentError, Problem, format_path
from .schemas import Reference, schema, validate
from .strict_yaml import Loaded, load_file

STAGES_DIR = "stages"
SERVICES_FILE = "support_services.yml"
GLOSSARY_FILE = "glossary.yml"
CODE_FILE = "victims_code.yml"
CHANGES_FILE = "changes.yml"
STALE_AFTER_DAYS = 365  # a service's details
REVIEW_MONTHS_WITH_LAW = 6  # a stage whose key facts name a law, unless it sets review_interval_months
REVIEW_MONTHS = 12  # any other stage
PROPOSAL_CHECK_MONTHS = 3  # a proposal's progress

# The prose blocks of a stage that the readability limits apply to.
PROSE_BLOCKS = ("summary", "what_happens", "your_rights", "your_choices", "how_long",
                "who_you_will_deal_with", "if_you_are_unhappy", "questions_to_ask", "key_facts")


@dataclass(frozen=True)
class Checked:
    content: model.Content
    warnings: tuple[Problem, ...]
    readability: dict  # stage id -> readability.Report
    today: _dt.date = field(default_factory=lawdates.build_date)  # the day the law is shown for


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


class Files:
    """Every content file after its schema check, with the ids the checks look up, and the
    problems and warnings found so far. A file with schema mistakes is left out (None)."""

    def __init__(self, root: Path, today: _dt.date):
        self.root, self.today = root, today
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.references: list[Reference] = []
        folder = root / STAGES_DIR
        self.stage_files = sorted(folder.glob("*.yml")) if folder.is_dir() else []
        for other in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
            self.problems.append(Problem(f"{STAGES_DIR}/{other.name}", 0, "", "stage files must end in .yml: rename it"))
        if not self.stage_files:
            self.problems.append(Problem(STAGES_DIR, 0, "", "there are no stage files (stages/<id>.yml)"))
        self.stages = [loaded for f in self.stage_files
                       if (loaded := self._load(f"{STAGES_DIR}/{f.name}", "stage"))]
        self.services = self._load(SERVICES_FILE, "services")
        self.glossary = self._load(GLOSSARY_FILE, "glossary")
        self.code = self._load(CODE_FILE, "victims_code")
        self.changes = self._load(CHANGES_FILE, "changes")
        self.answers = self._load(search_answers.ANSWERS_FILE, "search_answers")
        self.answers_model = None  # search_answers.SearchAnswers, once checked
        self.locals = support_check.load_local(root, self._load)  # local/<area>.yml
        self.published = published.Published()
        self.reports: dict = {}  # stage id -> readability.Report

    def _load(self, relative: str, kind: str) -> tuple[Loaded, dict] | None:
        return _load(self.root, relative, kind, self.today, self.problems, self.references)

    def at(self, loaded: Loaded, path: tuple, message: str, warning=False) -> None:
        (self.warnings if warning else self.problems).append(
            Problem(loaded.name, loaded.line_of(path), format_path(path), message, warning=warning))

    @cached_property
    def stage_ids(self) -> dict[str, tuple[Loaded, dict]]:
        return {data["id"]: (loaded, data) for loaded, data in self.stages}

    @cached_property
    def all_stage_ids(self) -> set[str]:
        # A stage file with mistakes of its own still exists: its id is its file name, so links to
        # it are not reported a second time.
        return set(self.stage_ids) | {f.stem for f in self.stage_files}

    @cached_property
    def service_ids(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for i, s in enumerate(self.services[1]["services"] if self.services else ()):
            found.setdefault(s["id"], i)
        return found

    @cached_property
    def term_ids(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for i, t in enumerate(self.glossary[1]["terms"] if self.glossary else ()):
            found.setdefault(t["id"], i)
        return found

    @cached_property
    def right_numbers(self) -> set[int]:
        return {r["number"] for r in self.code[1]["rights"]} if self.code else set()


# --- ids and orders ---------------------------------------------------------------------------
def stage_ids_match_file_names(f: Files) -> None:
    for loaded, data in f.stages:
        expected = Path(loaded.name).stem
        if data["id"] != expected:
            f.at(loaded, ("id",), f"must match the file name: the file is {loaded.name}, so the id must be "
                                  f"\"{expected}\" (or rename the file to {STAGES_DIR}/{data['id']}.yml)")


def stage_orders_are_unique_and_complete(f: Files) -> None:
    orders: dict[int, list] = {}
    for loaded, data in f.stages:
        orders.setdefault(data["order"], []).append((loaded, data))
    for number, group in sorted(orders.items()):
        for loaded, data in group[1:]:
            f.at(loaded, ("order",), f"{number} is also the order of {group[0][0].name}: each stage needs its own number")
    if f.stages and len(f.stages) == len(f.stage_files) and sorted(orders) != list(range(1, len(orders) + 1)):
        expected_orders = set(range(1, len(orders) + 1))
        missing = sorted(expected_orders - set(orders))
        for loaded, data in f.stages:
            if data["order"] not in expected_orders:
                f.at(loaded, ("order",), f"is {data['order']}, which leaves a gap: the stages should be numbered "
                                         f"1 to {len(orders)} (missing: {', '.join(map(str, missing))})")


def service_ids_are_unique(f: Files) -> None:
    if f.services:
        loaded, data = f.services
        for i, s in enumerate(data["services"]):
            first = f.service_ids[s["id"]]
            if first != i:
                f.at(loaded, ("services", i, "id"), f"\"{s['id']}\" is already the id of services[{first}]: ids must be unique")


def service_hours_make_sense(f: Files) -> None:
    if f.services:
        loaded, data = f.services
        for i, s in enumerate(data["services"]):
            hours = s.get("hours") or {}  # no hours: the service does not publish them
            if hours.get("always_open") and "times" in hours:
                f.at(loaded, ("services", i, "hours"), "has both always_open and times: keep one")
            if hours and not hours.get("always_open") and "times" not in hours:
                f.at(loaded, ("services", i, "hours"), "needs always_open: true or a list of times")
            for j, t in enumerate(hours.get("times", ())):
                if t["closes"] <= t["opens"]:
                    f.at(loaded, ("services", i, "hours", "times", j, "closes"),
                         f"must be later than opens ({t['opens']}); for a service open past midnight, split the times at \"24:00\"")


def service_ages_make_sense(f: Files) -> None:
    if f.services:
        support_check.check_ages(f.at, f.services[0], f.services[1]["services"])


def local_services_make_sense(f: Files) -> None:
    support_check.check_local(f.at, f.locals, f.service_ids, f.today)


def glossary_ids_and_names_are_unique(f: Files) -> None:
    if f.glossary:
        loaded, data = f.glossary
        names: dict[str, str] = {}
        for i, t in enumerate(data["terms"]):
            first = f.term_ids[t["id"]]
            if first != i:
                f.at(loaded, ("terms", i, "id"), f"\"{t['id']}\" is already the id of terms[{first}]: ids must be unique")
            for j, name in enumerate([t["term"], *t.get("aliases", ())]):
                key = name.casefold()
                if key in names and names[key] != t["id"]:
                    f.at(loaded, ("terms", i) + (("term",) if j == 0 else ("aliases", j - 1)),
                         f"\"{name}\" is already used by the term \"{names[key]}\": one name can explain only one term")
                names.setdefault(key, t["id"])


def rights_are_numbered_in_order(f: Files) -> None:
    if f.code:
        loaded, data = f.code
        numbers = [r["number"] for r in data["rights"]]
        for i, number in enumerate(numbers):
            if number in numbers[:i]:
                f.at(loaded, ("rights", i, "number"), f"right {number} is written twice")
        if sorted(set(numbers)) != list(range(1, len(set(numbers)) + 1)):
            f.at(loaded, ("rights",), "the rights must be numbered 1, 2, 3… with no gaps")


def change_ids_are_unique(f: Files) -> None:
    if f.changes:
        loaded, data = f.changes
        seen: dict[str, int] = {}
        for i, c in enumerate(data["changes"]):
            if c["id"] in seen:
                f.at(loaded, ("changes", i, "id"), f"\"{c['id']}\" is already the id of changes[{seen[c['id']]}]: "
                                                   "each change needs its own id (it is the change's permanent anchor)")
            seen.setdefault(c["id"], i)


# --- references between files -----------------------------------------------------------------
def published_ids_are_kept(f: Files) -> None:
    """Published addresses stay permanent: a published id must be a stage or renamed to one."""
    if f.stage_files:
        f.published, found = published.check(f.root, f.all_stage_ids)
        f.problems.extend(found)


def next_stages_exist(f: Files) -> None:
    for loaded, data in f.stages:
        for i, step in enumerate(data["next"]):
            if step["stage"] not in f.all_stage_ids:
                f.at(loaded, ("next", i, "stage"), f"there is no stage \"{step['stage']}\"{_near(step['stage'], f.stage_ids)}")
            elif step["stage"] == data["id"]:
                f.at(loaded, ("next", i, "stage"), "a stage cannot lead to itself")
            if len(data["next"]) > 1 and not step.get("condition"):
                f.at(loaded, ("next", i), "needs a condition, because this stage has more than one next stage (like \"If the suspect is charged\")")


def support_items_exist(f: Files) -> None:
    """Each stage's support list names services and tags that exist, and a service for a narrower
    group says so in its why-now line (support_check.check_support)."""
    for loaded, data in f.stages:
        support_check.check_support(f.at, loaded, data["support"], f.services, f.service_ids)


def rights_exist(f: Files) -> None:
    if not f.code:
        return
    for loaded, data in f.stages:
        for i, r in enumerate(data["your_rights"]):
            if r["right"] not in f.right_numbers:
                f.at(loaded, ("your_rights", i, "right"), f"there is no right {r['right']} in {CODE_FILE} (rights 1 to {max(f.right_numbers)})")


def links_resolve(f: Files) -> None:
    for ref in f.references:
        known = f.all_stage_ids if ref.kind == "stage" else f.term_ids
        ready = bool(f.stage_files) if ref.kind == "stage" else bool(f.glossary)
        if ready and ref.target not in known:
            what = "stage" if ref.kind == "stage" else "glossary term"
            f.problems.append(Problem(ref.file, ref.line, ref.field,
                                      f"links to {ref.kind}:{ref.target}, but there is no {what} \"{ref.target}\"{_near(ref.target, known)}"))


def time_limits_make_sense(f: Files) -> None:
    """victims_code.yml time_limits: real dates, Enhanced Rights only shorter, and the stages and
    rights they name exist (timelimits.check)."""
    if f.code:
        timelimits.check(f.code[1], lambda path, message: f.at(f.code[0], path, message),
                         f.all_stage_ids if f.stage_files else None, f.right_numbers)


def changed_stages_exist(f: Files) -> None:
    if not (f.changes and f.stage_files):
        return
    loaded, data = f.changes
    renamed = set(f.published.renamed)  # an old id still leads to its stage (published.py)
    for i, c in enumerate(data["changes"]):
        for j, a in enumerate(c.get("affects", ())):
            if a["stage"] not in f.all_stage_ids | renamed:
                f.at(loaded, ("changes", i, "affects", j, "stage"),
                     f"there is no stage \"{a['stage']}\"{_near(a['stage'], f.all_stage_ids)}")


def search_answers_point_to_stages(f: Files) -> None:
    """search_answers.yml: each answer names a stage and section that exist (search_answers.check)."""
    if f.answers:
        f.answers_model = search_answers.check(*f.answers, f.all_stage_ids, f.problems)


# --- dated and proposed facts -------------------------------------------------------------------
def dated_facts_make_sense(f: Files) -> None:
    """The combinations of dates and status that cannot be true."""
    for loaded, data in f.stages:
        for i, fact in enumerate(data["key_facts"]):
            start, end, status = fact.get("in_force_from"), fact.get("in_force_until"), fact.get("status", model.IN_FORCE)
            if start and end and _real_date(start) and _real_date(end) and end < start:
                f.at(loaded, ("key_facts", i, "in_force_until"),
                     f"is {end}, before in_force_from ({start}): a rule cannot end before it starts. "
                     "For a rule that is replaced, keep the old rule with in_force_until and write the new one as a second fact with in_force_from")
            if status == model.PROPOSED and "proposal" not in fact:
                f.at(loaded, ("key_facts", i, "status"),
                     "is proposed, so the fact needs a proposal: add proposal with name, progress and last_checked "
                     "(the Bill or consultation, where it has got to, and the day you checked)")
            if status != model.PROPOSED and "proposal" in fact:
                f.at(loaded, ("key_facts", i, "proposal"),
                     f"only a proposed rule has a proposal, and this one is {status}: "
                     "remove proposal, or add status: proposed if the rule is not law yet")


def proposals_were_checked_recently(f: Files) -> None:
    limit = lawdates.add_months(f.today, -PROPOSAL_CHECK_MONTHS)
    for loaded, data in f.stages:
        for i, fact in enumerate(data["key_facts"]):
            checked = (fact.get("proposal") or {}).get("last_checked")
            if checked and _real_date(checked) and _dt.date.fromisoformat(checked) < limit:
                f.at(loaded, ("key_facts", i, "proposal", "last_checked"),
                     f"the proposal ({fact['proposal']['name']}) behind {_quote(fact['text'])} was last checked on {checked}, "
                     f"more than {PROPOSAL_CHECK_MONTHS} months ago: check where it has got to, and update progress and last_checked",
                     warning=True)


WILL = re.compile(r"\bwill\b|\bwon't\b", re.I)


def started_rules_were_updated(f: Files) -> None:
    """A rule whose start date has passed should no longer read as a change to come."""
    for loaded, data in f.stages:
        for i, fact in enumerate(data["key_facts"]):
            start = fact.get("in_force_from")
            if not (start and _real_date(start) and _dt.date.fromisoformat(start) <= f.today):
                continue
            status = fact.get("status", model.IN_FORCE)
            if status == model.AWAITING:
                f.at(loaded, ("key_facts", i, "status"),
                     f"is still awaiting_commencement, but in_force_from ({start}) has passed: if {_quote(fact['text'])} "
                     "has started, remove status; if not, correct in_force_from", warning=True)
            elif status == model.IN_FORCE and WILL.search(fact["text"]):
                f.at(loaded, ("key_facts", i, "text"),
                     f"this rule has applied since {start}, but the text still says \"will\" ({_quote(fact['text'])}): "
                     "write it as the rule in force now", warning=True)


def review_interval(data: dict) -> int:
    """A stage's review interval in months: its own, or the default for what its facts hold."""
    if "review_interval_months" in data:
        return data["review_interval_months"]
    return REVIEW_MONTHS_WITH_LAW if any("law" in fact for fact in data["key_facts"]) else REVIEW_MONTHS


def stages_were_reviewed_recently(f: Files) -> None:
    for loaded, data in f.stages:
        months = review_interval(data)
        reviewed = _dt.date.fromisoformat(data["last_reviewed"])
        if reviewed < lawdates.add_months(f.today, -months):
            age = (f.today - reviewed).days
            f.at(loaded, ("last_reviewed",), f"this stage was last reviewed {age} days ago, more than its review interval "
                                             f"of {months} months: check its facts again", warning=True)


def services_were_checked_recently(f: Files) -> None:
    if f.services:
        loaded, data = f.services
        for i, s in enumerate(data["services"]):
            age = (f.today - _dt.date.fromisoformat(s["last_verified"])).days
            if age > STALE_AFTER_DAYS:
                f.at(loaded, ("services", i, "last_verified"), f"these details were last checked {age} days ago: check them again", warning=True)


# --- the journey and plain English ------------------------------------------------------------
def every_stage_is_reachable(f: Files) -> None:
    """Every stage can be reached from the first. Only when all else is right: the walk needs
    every id and next stage to exist."""
    if not f.stages or f.problems:
        return
    first = min(f.stages, key=lambda pair: pair[1]["order"])[1]["id"]
    reached, todo = {first}, [first]
    while todo:
        for step in f.stage_ids[todo.pop()][1]["next"]:
            if step["stage"] not in reached:
                reached.add(step["stage"])
                todo.append(step["stage"])
    for sid, (loaded, data) in f.stage_ids.items():
        if sid not in reached:
            f.at(loaded, ("id",), f"no stage leads to \"{sid}\": add it to the next list of the stage before it")


def stages_are_plain_english(f: Files) -> None:
    for loaded, data in f.stages:
        report = readability.measure(_stage_prose(data))
        f.reports[data["id"]] = report
        for path, n, sentence in report.long_sentences:
            short = sentence if len(sentence) <= 70 else sentence[:69] + "…"
            f.at(loaded, path, f"has a sentence of {n} words (limit {readability.MAX_SENTENCE_WORDS}): split it (\"{short}\")")
        if report.grade > readability.MAX_GRADE:
            hardest = sorted(report.blocks.items(), key=lambda kv: -kv[1])[:3]
            listing = ", ".join(f"{name} {g}" for name, g in hardest)
            f.at(loaded, (), f"readability: the stage reads at grade {report.grade} (limit {readability.MAX_GRADE}): "
                             f"use shorter sentences and words, starting with the hardest blocks ({listing})")


# Every cross-file check, in the order they run. Warnings never stop a build (except --strict).
CHECKS = (
    stage_ids_match_file_names,
    stage_orders_are_unique_and_complete,
    service_ids_are_unique,
    service_hours_make_sense,
    service_ages_make_sense,
    local_services_make_sense,
    glossary_ids_and_names_are_unique,
    rights_are_numbered_in_order,
    change_ids_are_unique,
    published_ids_are_kept,
    next_stages_exist,
    support_items_exist,
    rights_exist,
    links_resolve,
    time_limits_make_sense,
    changed_stages_exist,
    dated_facts_make_sense,
    proposals_were_checked_recently,   # warning
    started_rules_were_updated,        # warning
    stages_were_reviewed_recently,     # warning
    services_were_checked_recently,    # warning
    every_stage_is_reachable,          # after the others: it needs them all to have passed
    stages_are_plain_english,
    search_answers_point_to_stages,
)


def check_content(root: Path, today: _dt.date | None = None) -> Checked:
    """Everything under `root` checked and typed, or ContentError with every problem.
    `today`: the day the law is shown for (default `lawdates.build_date()`)."""
    today = today or lawdates.build_date()
    f = Files(root, today)
    for check in CHECKS:
        check(f)
    if f.problems:
        raise ContentError(f.problems + f.warnings)
    titles, needs, audiences, force_country = _tag_titles()
    redirects = published.redirects(f.published, set(f.stage_ids))
    content = model.Content(
        stages=tuple(sorted((model.build_stage(d, l.name) for l, d in f.stages), key=lambda s: s.order)),
        services=tuple(model.build_service(s) for s in f.services[1]["services"]),
        glossary=tuple(model.build_term(t) for t in f.glossary[1]["terms"]),
        code=dataclasses.replace(model.build_code(f.code[1]), time_limits=timelimits.build(f.code[1])),
        changes=model.build_changes(f.changes[1], redirects),
        tag_titles=titles, need_tags=needs, audience_tags=audiences, force_country=force_country,
        redirects=redirects,
        search_answers=f.answers_model,
        **support_check.model_parts(f.locals),
    )
    return Checked(content, tuple(sorted(f.warnings)), f.reports, today)


def _real_date(value: str) -> bool:
    """A date the schema checks passed as real (a wrong one is reported there, not again here)."""
    try:
        _dt.date.fromisoformat(value)
        return True
    except ValueError:
        return False


def _quote(text: str, limit: int = 50) -> str:
    plain = to_text(text)
    return f"\"{plain if len(plain) <= limit else plain[:limit - 1] + '…'}\""


def _near(word: str, options) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f": did you mean \"{close[0]}\"?" if close else ""
