"""The command line: `python -m walkthrough check | compile | build [--strict] [--date YYYY-MM-DD]`.

One job: turn commands into calls to the compiler and print results for people. Content
mistakes are printed as `file:line: field: message` lines with exit status 1, never a traceback.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
import time
from pathlib import Path

from . import builders, lawdates, words
from .markup import to_text
from .problems import ContentError


def _print_readability(checked) -> None:
    print("Readability (Flesch–Kincaid grade; limit 9 per stage, 30 words per sentence):")
    print(f"  {'stage':<28} {'grade':>5} {'words':>6}  hardest blocks")
    for stage in checked.content.stages:
        report = checked.readability[stage.id]
        hardest = ", ".join(f"{k} {v}" for k, v in sorted(report.blocks.items(), key=lambda kv: -kv[1])[:3])
        print(f"  {stage.id:<28} {report.grade:>5} {report.words:>6}  {hardest}")


def _law_status_rows(content, today) -> list[tuple[str, ...]]:
    """Every dated or proposed fact: stage, fact, status on `today`, dates, law, last checked."""
    rows = []
    for stage in content.stages:
        for i, fact in enumerate(stage.key_facts):
            if not fact.is_dated:
                continue
            text = to_text(fact.text)
            start, end = fact.in_force_from, fact.in_force_until
            dates = (f"{start} to {end}" if start and end else f"from {start}" if start
                     else f"until {end}" if end else "-")
            checked = f"{fact.proposal.last_checked} (proposal)" if fact.proposal else f"{stage.last_reviewed} (stage)"
            rows.append((f"{stage.id} key_facts[{i}]", text if len(text) <= 44 else text[:43] + "…",
                         lawdates.status_on(fact, today), dates,
                         (fact.law.title if fact.law else (fact.proposal.name if fact.proposal else "-")), checked))
    return rows


def _print_law_status(checked) -> None:
    rows = _law_status_rows(checked.content, checked.today)
    print(f"Law status on {checked.today} (every dated or proposed key fact):")
    if not rows:
        print("  (no key fact has a date or a status)")
        return
    head = ("fact", "text", "status", "dates", "law", "last checked")
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    for row in [head] + rows:
        print("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())


def _print_next_change(checked) -> None:
    facts = [f for s in checked.content.stages for f in s.key_facts]
    day = lawdates.next_change(facts, checked.today)
    if day:
        print(f"The law shown changes next on {day} ({words.date_words(day)}): a fact starts, ends or comes "
              "within 6 months then. Build the site again on that day (or rebuild at least weekly).")
    else:
        print("No key fact changes status after today: no rebuild is due for a change in the law.")


def _day(value: str) -> str:
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"write the date as year-month-day, like 2027-01-04 (got {value!r})") from None
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m walkthrough", description="Check and build the RASSO walkthrough.")
    parser.add_argument("command", choices=["check", "compile", "build"],
                        help="check: check the content only; compile: also write the generated pages into docs/; "
                             "build: compile, then build the whole site into site/")
    # The current folder, as for mkdocs: a second checkout sharing this virtual environment builds
    # its own content, not the content next to the installed package.
    parser.add_argument("--root", type=Path, default=None, help="the project folder (default: the current folder)")
    parser.add_argument("--site-dir", type=Path, default=None, help="where build puts the site (default: the project folder's site/)")
    parser.add_argument("--builder", choices=sorted(builders.BUILDERS), default=None,
                        help="what builds the site from docs/ (default: extra.builder in mkdocs.yml, else properdocs)")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings (stale reviews and proposals, passed start dates) as mistakes: for a release build")
    parser.add_argument("--date", type=_day, default=None,
                        help="show the law in force on this day (YYYY-MM-DD) instead of the build day "
                             f"(default: ${lawdates.DATE_VARIABLE}, else $SOURCE_DATE_EPOCH, else today in UTC)")
    args = parser.parse_args(argv)
    if args.date:  # in the environment, so MkDocs' hook and the leaflet step use the same day
        os.environ[lawdates.DATE_VARIABLE] = args.date
    root = (args.root or Path.cwd()).resolve()
    if not (root / "stages").is_dir():
        print(f"{root} has no stages/ folder: run this in the project folder, or give it with --root", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        if args.command == "check":
            from .content import check_content
            checked = check_content(root)
        else:
            from .compile import compile_site
            builder = builders.get(args.builder or builders.configured(root))
            compiled = compile_site(root, links=builder.links)
            checked = compiled.checked
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for warning in checked.warnings:
        print(warning, file=sys.stderr)
    if args.strict and checked.warnings:
        count = len(checked.warnings)
        print(f"Found {count} warning{'s' if count != 1 else ''} and --strict treats them as mistakes. "
              "Nothing was built: fix them and build again.", file=sys.stderr)
        return 1
    c = checked.content
    print(f"Content checked: {len(c.stages)} stages, {len(c.services)} services, {len(c.glossary)} glossary terms, "
          f"{len(c.code.rights)} rights ({time.perf_counter() - started:.2f}s).")
    if args.command == "check":
        _print_readability(checked)
        _print_law_status(checked)
        _print_next_change(checked)
        return 0
    _print_next_change(checked)
    print(f"Pages written: {len(compiled.written)}, removed: {len(compiled.removed)}, unchanged: "
          f"{compiled.total - len(compiled.written)}.")
    if args.command == "build":
        from .problems import BuildFailed
        from .sitebuild import build_site
        step = time.perf_counter()
        try:
            build_site(root, args.site_dir or root / "site", builder=builder.name, compiled=compiled)
        except BuildFailed as exc:
            print(exc, file=sys.stderr)
            return 1
        print(f"Site built by {builder.name} into {(args.site_dir or root / 'site')} in {time.perf_counter() - step:.1f}s "
              f"(total {time.perf_counter() - started:.1f}s).")
    return 0
