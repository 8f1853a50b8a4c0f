"""Writing generated pages into docs/ without upsetting `mkdocs serve`.

One job: write each generated file only when its bytes change (so the file watcher does not
rebuild forever: mkdocs#1933, #3433) and remove stale generated files, but only files that carry
the "Generated from" banner, so a hand-written page is never deleted.
"""
from __future__ import annotations

from pathlib import Path

# Generated Markdown pages start with front matter whose first line is this comment
# (partials/banner.md.j2); generated HTML pages (redirects) start with an HTML comment; generated
# JSON data (search_answers.py) starts with a "_generated_from" key.
MARKERS = ("---\n# Generated from ", "<!-- Generated from ", '{"_generated_from":')


def is_generated(text: str) -> bool:
    return text.startswith(MARKERS)


def write_pages(docs_dir: Path, pages: dict[str, str], generated_dirs: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Returns (written, removed) docs-relative paths."""
    written, removed = [], []
    for rel, text in sorted(pages.items()):
        path = docs_dir / rel
        data = text.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        if path.exists() and not is_generated(path.read_text("utf-8", errors="replace")):
            raise FileExistsError(f"{path} is a hand-written page: the compiler will not overwrite it")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        written.append(rel)
    for folder in generated_dirs:
        # .html too: redirect pages for renamed stages (render.py, published.py).
        for path in sorted(p for p in (docs_dir / folder).glob("**/*") if p.suffix in (".md", ".html")):
            rel = path.relative_to(docs_dir).as_posix()
            if rel not in pages and is_generated(path.read_text("utf-8", errors="replace")):
                path.unlink()
                removed.append(rel)
    return written, removed
