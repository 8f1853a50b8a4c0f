"""Stage addresses that have been published stay working: published_ids.yml.

One job: read published_ids.yml (the stage ids used by earlier releases, and a `renamed:` map
from an old id to its new one), report a Problem for every published id that is neither a current
stage nor renamed to one, and give `render` the renamed ids so it can write a redirect page for
each. People share /stages/<id>/ in texts, letters and leaflets, so an id that disappears without
a redirect breaks links we can no longer reach; the build refuses it.

Called by `content.check_content` (the check) and `render.render_pages` (the redirects). It reads
no other content file. A content folder without published_ids.yml has published nothing yet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import ContentError, Problem, describe
from .strict_yaml import load_file

FILE = "published_ids.yml"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Published:
    ids: tuple[str, ...] = ()
    renamed: dict = field(default_factory=dict, hash=False, compare=False)  # old id -> new id


def load(root: Path, problems: list[Problem]) -> tuple[Published, object | None]:
    """published_ids.yml under `root` (empty if there is none), and its Loaded for line numbers."""
    path = root / FILE
    if not path.exists():
        return Published(), None
    try:
        loaded = load_file(path, FILE)
    except ContentError as exc:
        problems.extend(exc.problems)
        return Published(), None
    data = loaded.data if isinstance(loaded.data, dict) else {}
    if not isinstance(loaded.data, dict):
        problems.append(Problem(FILE, 1, "", "needs two fields: published (a list of stage ids) and renamed"))
        return Published(), None
    for key in data:
        if key not in ("published", "renamed"):
            problems.append(Problem(FILE, loaded.line_of((key,)), key,
                                    "there is no field with this name here: the fields are published and renamed"))
    ids = data.get("published") or []
    renamed = data.get("renamed") or {}
    if not isinstance(ids, list):
        problems.append(Problem(FILE, loaded.line_of(("published",)), "published", "must be a list of stage ids, one per line starting with \"- \""))
        ids = []
    if not isinstance(renamed, dict):
        problems.append(Problem(FILE, loaded.line_of(("renamed",)), "renamed", "must be a list of old-id: new-id lines"))
        renamed = {}
    for i, sid in enumerate(ids):
        if not isinstance(sid, str) or not _SLUG.match(sid):
            problems.append(Problem(FILE, loaded.line_of(("published", i)), f"published[{i}]",
                                    f"must be a stage id such as \"reporting\" (got {describe(sid)})"))
    for old, new in renamed.items():
        if not isinstance(new, str) or not _SLUG.match(new):
            problems.append(Problem(FILE, loaded.line_of(("renamed", old)), f"renamed.{old}",
                                    f"must be the new stage id, such as \"reporting\" (got {describe(new)})"))
    clean_ids = tuple(s for s in ids if isinstance(s, str))
    clean_renamed = {o: n for o, n in renamed.items() if isinstance(n, str)}
    return Published(clean_ids, clean_renamed), loaded


def final_id(old: str, renamed: dict) -> str:
    """Follow renames (a -> b -> c) to the id in use now; a loop stops where it started."""
    seen, current = {old}, renamed[old]
    while current in renamed and current not in seen:
        seen.add(current)
        current = renamed[current]
    return current


def check(root: Path, stage_ids: set[str]) -> tuple[Published, list[Problem]]:
    """Every published or renamed id must still lead to a current stage."""
    problems: list[Problem] = []
    published, loaded = load(root, problems)
    if loaded is None:
        return published, problems
    renamed = published.renamed
    for i, sid in enumerate(published.ids):
        if sid in stage_ids or sid in renamed:
            continue
        problems.append(Problem(FILE, loaded.line_of(("published", i)), f"published[{i}]",
                                f"the stage \"{sid}\" was published, but there is no stages/{sid}.yml any more: "
                                f"put it back, or add \"{sid}: <new-id>\" under renamed so its address "
                                f"/stages/{sid}/ redirects"))
    for old in renamed:
        target = final_id(old, renamed)
        where = (FILE, loaded.line_of(("renamed", old)), f"renamed.{old}")
        if old in stage_ids:
            problems.append(Problem(*where, f"\"{old}\" is still a stage: a redirect would hide its page. "
                                            "Remove this line, or rename the stage file"))
        elif target not in stage_ids:
            problems.append(Problem(*where, f"leads to \"{target}\", which is not a stage: "
                                            f"name a stage in {Path('stages').as_posix()}/"))
    return published, problems


def redirects(published: Published, stage_ids: set[str]) -> dict[str, str]:
    """{old id: current id} for every renamed id that leads to a current stage."""
    result = {}
    for old in published.renamed:
        target = final_id(old, published.renamed)
        if target in stage_ids and old not in stage_ids:
            result[old] = target
    return result
