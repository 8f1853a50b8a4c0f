"""Reusing PDFs whose input has not changed.

One job: a folder of finished PDFs (default .leaflet-cache/ under the project, git-ignored),
each named by a hash of everything that decides its bytes: the exact HTML and CSS it was
printed from (which is rendered from the content model and the templates), the paper options,
the leaflet code itself, and the Chromium that prints it. Same hash, same PDF: it is copied
instead of printed again. Entries a build did not use are removed at the end of that build.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

HERE = Path(__file__).parent


def _code_hash() -> str:
    """The leaflet package's own files: a change to how PDFs are made invalidates the cache."""
    digest = hashlib.sha256()
    for path in sorted(HERE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".css", ".j2"):
            digest.update(path.relative_to(HERE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _versions() -> str:
    """Playwright (its page.pdf options) and pypdf (the booklet) can change the bytes too."""
    from importlib.metadata import version
    return f"playwright {version('playwright')}, pypdf {version('pypdf')}"


class Cache:
    def __init__(self, folder: Path, browser: str):
        self.folder = folder
        self.salt = f"{_code_hash()}\0{browser}\0{_versions()}"
        self.used: set[str] = set()
        self.hits = 0

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256(self.salt.encode())
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8"))
        return digest.hexdigest()[:32]

    def get(self, key: str) -> bytes | None:
        path = self.folder / f"{key}.pdf"
        self.used.add(path.name)
        if path.is_file():
            self.hits += 1
            return path.read_bytes()
        return None

    def put(self, key: str, pdf: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f".{key}.{os.getpid()}.tmp"
        tmp.write_bytes(pdf)
        os.replace(tmp, self.folder / f"{key}.pdf")  # atomic: a parallel build never reads half a file
        self.used.add(f"{key}.pdf")

    def prune(self) -> None:
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*.pdf"):
            if path.name not in self.used:
                path.unlink(missing_ok=True)
