"""Shared test set-up: a fresh copy of the smallest valid content."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import GOOD


@pytest.fixture
def content_root(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(GOOD, root)
    return root
