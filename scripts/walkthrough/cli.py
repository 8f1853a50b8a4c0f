"""The command line: `python -m walkthrough check | compile | build`.

One job: turn commands into calls to the compiler and print results for people. Content
mistakes are printed as `file:line: field: message` lines with exit status 1, never a traceback.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .problems import ContentError

ROOT = Path(__file__).resolve().parents[2]


def _print_readability(checked) -> None:
    print("Readability (Flesch–Kincaid grade; limit 9 per stage, 30 words per sentence):")
    print(f"  {'stage':<28} {'grade':>5} {'words':>6}  hardest blocks")
    for stage in checked.content.stages:
        report = checked.readability[stage.id]
        hardest = ", ".join(f"{k} {v}" for k, v in sorted(report.blocks.items(), key=lambda kv: -kv[1])[:3])
        print(f"  {stage.id:<28} {report.grade:>5} {report.words:>6}  {hardest}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m walkthrough", description="Check and build the RASSO walkthrough.")
    parser.add_argument("command", choices=["check", "compile", "build"],
                        help="check: check the content only; compile: also write the generated pages into docs/; "
                             "build: compile, then build the whole site into site/")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this project)")
    parser.add_argument("--site-dir", type=Path, default=None, help="where build puts the site (default: ROOT/site)")
    parser.add_argument("--release", action="store_true",
                        help="build: refuse to build until site_url, extra.publisher and "
                             "extra.accessibility.contact in mkdocs.yml are real (not the stand-in or empty)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    started = time.perf_counter()
    if args.release:
        from .settings import problems, read_config
        found = problems(*read_config(root / "mkdocs.yml"), release=True)
        if found:
            print("A release build needs these settings first; nothing was built:", *found, sep="\n", file=sys.stderr)
            return 1
    try:
        if args.command == "check":
            from .content import check_content
            checked = check_content(root)
        else:
            from .compile import compile_site
            compiled = compile_site(root)
            checked = compiled.checked
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for warning in checked.warnings:
        print(warning, file=sys.stderr)
    c = checked.content
    print(f"Content checked: {len(c.stages)} stages, {len(c.services)} services, {len(c.glossary)} glossary terms, "
          f"{len(c.code.rights)} rights ({time.perf_counter() - started:.2f}s).")
    if args.command == "check":
        _print_readability(checked)
        return 0
    print(f"Pages written: {len(compiled.written)}, removed: {len(compiled.removed)}, unchanged: "
          f"{len(compiled.checked.content.stages) + 5 - len(compiled.written)}.")
    if args.command == "build":
        from .sitebuild import BuildFailed, build_site
        step = time.perf_counter()
        try:
            build_site(root, args.site_dir or root / "site")
        except BuildFailed as exc:
            print(exc, file=sys.stderr)
            return 1
        print(f"Site built into {(args.site_dir or root / 'site')} in {time.perf_counter() - step:.1f}s "
              f"(total {time.perf_counter() - started:.1f}s).")
    return 0
