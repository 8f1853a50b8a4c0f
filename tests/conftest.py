"""Shared test set-up: a fresh copy of the smallest valid content, and the site built once per
session (post-build steps and leaflet included) for tests/browser/ and tests/leaflet/."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from support import GOOD, ROOT


@pytest.fixture(scope="session")
def built_root() -> Path:
    """The project the session's site is built from. WALKTHROUGH_TEST_ROOT: build a copy of the
    project instead (e.g. while content is being written)."""
    return Path(os.environ.get("WALKTHROUGH_TEST_ROOT") or ROOT)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, built_root) -> Path:
    from walkthrough.compile import compile_site
    from walkthrough.sitebuild import build_site
    compile_site(built_root)
    site = tmp_path_factory.mktemp("built") / "site"
    build_site(built_root, site)
    return site


@pytest.fixture
def content_root(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(GOOD, root)
    return root
