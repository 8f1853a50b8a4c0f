"""Leaflet test set-up: the PDFs of the site built once per session (tests/conftest.py's
`site_dir`, post-build steps included), read with pypdf.

These tests need Chromium (the leaflet is printed with it), so they are marked as browser tests.
The QR tests also need pdftoppm and zbarimg (`make leaflet-tools` installs them).
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/leaflet/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


class Pdf:
    """A PDF and the text of each of its pages (1-based, like the printed page numbers)."""

    def __init__(self, path: Path):
        self.path = path
        self.bytes = path.read_bytes()
        self.reader = PdfReader(io.BytesIO(self.bytes))
        self.texts = [page.extract_text() for page in self.reader.pages]

    def page(self, number: int) -> str:
        return self.texts[number - 1]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


@pytest.fixture(scope="session")
def content(built_root):
    from walkthrough.content import check_content
    return check_content(built_root).content


@pytest.fixture(scope="session")
def online(built_root):
    from walkthrough.leaflet.urls import site_from_config
    return site_from_config(built_root / "mkdocs.yml")


@pytest.fixture(scope="session")
def leaflet(site_dir) -> Path:
    return site_dir / "leaflet"


@pytest.fixture(scope="session")
def pdf(leaflet):
    """pdf("walkthrough-a4.pdf") -> Pdf, each read once per session."""
    cache: dict[str, Pdf] = {}

    def read(name: str) -> Pdf:
        if name not in cache:
            cache[name] = Pdf(leaflet / name)
        return cache[name]
    return read
