"""Writing generated pages into docs/ without upsetting `mkdocs serve`.

One job: write each generated file only when its bytes change (so the file watcher does not
rebuild forever: mkdocs#1933, #3433) and remove stale generated files, but only files that carry
the "Generated from" banner, so a hand-written page is never deleted.
"""
from __future__ import annotations

from pathlib import Path

MARKER = "<!-- Generated from "


def write_pages(docs_dir: Path, pages: dict[str, str], generated_dirs: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Returns (written, removed) docs-relative paths."""
    written, removed = [], []
    for rel, text in sorted(pages.items()):
        path = docs_dir / rel
        data = text.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        if path.exists() and not path.read_text("utf-8", errors="replace").startswith(MARKER):
            raise FileExistsError(f"{path} is a hand-written page: the compiler will not overwrite it")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        written.append(rel)
    for folder in generated_dirs:
        for path in sorted((docs_dir / folder).glob("**/*.md")):
            rel = path.relative_to(docs_dir).as_posix()
            if rel not in pages and path.read_text("utf-8", errors="replace").startswith(MARKER):
                path.unlink()
                removed.append(rel)
    return written, removed
