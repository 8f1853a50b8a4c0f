"""How much of the local layer is sourced: for each of the 43 police force areas, whether its
local/<area>.yml lists a SARC, an ISVA or Rape Crisis service, and the victim service its Police and
Crime Commissioner funds. Computed from the typed model only; printed by
`python -m walkthrough.local_coverage` (after checking all content) and checked by
tests/unit/test_local_services.py. Kept out of cli.py on purpose: another branch reworks it."""
from __future__ import annotations

import sys
from pathlib import Path

from .model import Content

COLUMNS = (("sarc", ("sarc",)), ("isva-or-rape-crisis", ("isva", "rape-crisis")), ("victim-service", ("victim-service",)))


def coverage(content: Content) -> list[dict]:
    """One row per area in the schema's order: {"area", "title", "file", "sarc", "isva-or-rape-crisis",
    "victim-service"}; `file` is False when the area has no local file at all."""
    rows = []
    for area in content.areas:
        kinds = {s.kind for s in content.local_services(area)}
        row = {"area": area, "title": content.tag_titles[area], "file": area in content.local}
        row.update({name: bool(kinds & set(wanted)) for name, wanted in COLUMNS})
        rows.append(row)
    return rows


def table(content: Content) -> str:
    """The coverage as a Markdown table, with totals."""
    rows = coverage(content)
    lines = ["| Area | SARC | ISVA or Rape Crisis | Victim service (PCC) |", "| --- | --- | --- | --- |"]
    for r in sorted(rows, key=lambda r: r["title"]):
        lines.append(f"| {r['title']}{'' if r['file'] else ' (no file)'} | "
                     + " | ".join("yes" if r[name] else "–" for name, _ in COLUMNS) + " |")
    lines.append(f"| **{len(rows)} areas** | " + " | ".join(str(sum(r[name] for r in rows)) for name, _ in COLUMNS) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Check the content under the project folder (or argv[0]) and print the coverage table."""
    from .content import check_content
    from .problems import ContentError
    argv = sys.argv[1:] if argv is None else argv
    try:
        checked = check_content(Path(argv[0]) if argv else Path(__file__).resolve().parents[2])
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(table(checked.content))
    return 0


if __name__ == "__main__":
    sys.exit(main())
