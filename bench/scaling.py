"""Synthetic content sets, many times larger than the real one, for the scaling figures.

One job: write a complete project folder (content, mkdocs.yml, hooks, theme) into a temporary
folder with the stages cloned `stage_factor` times and the services `service_factor` times, and
a plain MkDocs project holding the same number of plain Markdown pages, so a build of each can be
timed against the other. Cloned stages get new ids and orders, and their `next` links stay within
their copy; each copy's last stage leads to the next copy's first, so every stage is reachable.
Cloned services get new ids. The text is the real text, so readability and links behave as real.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

# Top-level folders that are not part of a build, or that make_project writes itself. Other
# folders (code, theme, schemas) are linked, and top-level files (settings, content) copied, so
# a file added to the project later is picked up without a change here.
NOT_COPIED = {".git", ".venv", ".venv-canary", ".cache", ".leaflet-cache", ".pytest_cache", "site", "bench", "tests", "stages", "docs",
              "support_services.yml"}
GENERATED_DOCS = ("stages", "rights", "support-services", "glossary", "content-reference")


def _top_level(text: str, key: str) -> re.Match | None:
    return re.search(rf"^{key}:(.*)$", text, re.M)


def _stage_fields(text: str) -> tuple[str, int]:
    return _top_level(text, "id").group(1).strip(), int(_top_level(text, "order").group(1).strip())


def _clone_stage(text: str, copy: int, n: int, ids: set[str], first_of_next: str | None) -> str:
    """The stage text for copy `copy` (0 is the original): new id, order, and next links."""
    suffix = f"-c{copy}" if copy else ""
    sid, order = _stage_fields(text)
    text = re.sub(r"^id:.*$", f"id: {sid}{suffix}", text, count=1, flags=re.M)
    text = re.sub(r"^order:.*$", f"order: {order + copy * n}", text, count=1, flags=re.M)
    start = _top_level(text, "next")
    end = re.compile(r"^\S", re.M).search(text, start.end() + 1)
    block = text[start.start(): end.start() if end else len(text)]
    if start.group(1).strip() == "[]":
        new = f"next:\n  - stage: {first_of_next}\n" if first_of_next else block
    else:
        new = re.sub(r"^(\s*- stage:\s*)(\S+)", lambda m: m.group(1) + (m.group(2) + suffix if m.group(2) in ids else m.group(2)),
                     block, flags=re.M)
    return text[: start.start()] + new + text[start.start() + len(block):]


def _clone_services(text: str, factor: int) -> str:
    head, _, body = text.partition("\nservices:\n")
    blocks = re.split(r"(?m)^(?=  - id: )", body)
    preamble, services = blocks[0], [b.rstrip("\n") + "\n" for b in blocks[1:]]
    out = [head, "\nservices:\n", preamble]
    for copy in range(factor):
        for block in services:
            out.append(block if copy == 0 else re.sub(r"^(  - id: )(\S+)", rf"\g<1>\g<2>-c{copy}", block, count=1))
            out.append("\n")
    return "".join(out)


def make_project(root: Path, dest: Path, stage_factor: int = 1, service_factor: int = 1) -> int:
    """Write the synthetic project into `dest`; returns how many stages it has."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in root.iterdir():
        if path.name in NOT_COPIED or path.name.startswith((".site-", ".git")):
            continue
        if path.is_dir():
            (dest / path.name).symlink_to(path)
        else:
            shutil.copy2(path, dest / path.name)
    docs = dest / "docs"
    shutil.copytree(root / "docs", docs, ignore=lambda d, names: [n for n in names if Path(d) == root / "docs"
                                                                   and n in GENERATED_DOCS])
    (dest / "support_services.yml").write_text(
        _clone_services((root / "support_services.yml").read_text("utf-8"), service_factor), "utf-8")
    texts = [p.read_text("utf-8") for p in sorted((root / "stages").glob("*.yml"))]
    fields = [_stage_fields(t) for t in texts]
    ids = {sid for sid, _ in fields}
    n = len(texts)
    first = min(fields, key=lambda f: f[1])[0]
    (dest / "stages").mkdir()
    for copy in range(stage_factor):
        following = f"{first}-c{copy + 1}" if copy + 1 < stage_factor else None
        for text, (sid, _) in zip(texts, fields):
            suffix = f"-c{copy}" if copy else ""
            (dest / "stages" / f"{sid}{suffix}.yml").write_text(_clone_stage(text, copy, n, ids, following), "utf-8")
    return n * stage_factor


def make_plain_project(compiled_docs: Path, dest: Path) -> int:
    """A plain MkDocs + Material project with as many pages as `compiled_docs` (a compiled docs/
    folder), each a plain Markdown page of the same length, and the same theme, search and
    navigation settings but no hook; returns the number of pages."""
    pages = sorted(p for p in compiled_docs.rglob("*.md"))
    docs = dest / "docs"
    for i, page in enumerate(pages):
        target = docs / page.relative_to(compiled_docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        size = page.stat().st_size
        target.write_text(_plain_page(i, size), "utf-8")
    (dest / "mkdocs.yml").write_text(
        "site_name: Plain pages\ntheme:\n  name: material\n  font: false\n  features:\n"
        "    - navigation.indexes\n    - navigation.sections\n    - search.suggest\n"
        "plugins:\n  - search\n", "utf-8")
    return len(pages)


def _plain_page(i: int, size: int) -> str:
    paragraph = ("You can ask for support at any time. The people who help you will explain each step "
                 "and what you can choose. You do not have to decide anything today.\n\n")
    lines, total, section = [f"# Page {i}\n\n"], 0, 0
    while total < size:
        if total // 1500 >= section:
            section += 1
            lines.append(f"## Section {section}\n\n")
        lines.append(paragraph)
        total += len(paragraph)
    return "".join(lines)
