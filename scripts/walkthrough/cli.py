"""The command line: `python -m walkthrough check | compile | build`.

One job: turn commands into calls to the compiler and print results for people. Content
mistakes are printed as `file:line: field: message` lines with exit status 1, never a traceback.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import builders
from .problems import ContentError


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
    # The current folder, as for mkdocs: a second checkout sharing this virtual environment builds
    # its own content, not the content next to the installed package.
    parser.add_argument("--root", type=Path, default=None, help="the project folder (default: the current folder)")
    parser.add_argument("--site-dir", type=Path, default=None, help="where build puts the site (default: ROOT/site)")
    parser.add_argument("--builder", choices=sorted(builders.BUILDERS), default=None,
                        help="what builds the site from docs/ (default: extra.builder in mkdocs.yml, else properdocs)")
    args = parser.parse_args(argv)
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
    c = checked.content
    print(f"Content checked: {len(c.stages)} stages, {len(c.services)} services, {len(c.glossary)} glossary terms, "
          f"{len(c.code.rights)} rights ({time.perf_counter() - started:.2f}s).")
    if args.command == "check":
        _print_readability(checked)
        return 0
    print(f"Pages written: {len(compiled.written)}, removed: {len(compiled.removed)}, unchanged: "
          f"{len(compiled.checked.content.stages) + 5 - len(compiled.written)}.")
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
