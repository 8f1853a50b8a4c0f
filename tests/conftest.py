"""Shared test set-up: a fresh copy of the smallest valid content, and the site built once per
session (post-build steps and leaflet included) for tests/browser/ and tests/leaflet/; and, for
the tests of notes about law to come, a copy of the project with such facts added (`pending_site`)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import GOOD, PENDING_DAY, PENDING_FACTS, PENDING_STAGE, ROOT


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


@pytest.fixture(scope="session")
def pending_site(tmp_path_factory, built_root) -> Path:
    """A copy of the project whose stage PENDING_STAGE has a coming rule and a proposal, built
    (leaflet included) as on PENDING_DAY into <copy>/site. Leaflet PDFs are reused from the
    project's cache where their input is unchanged."""
    root = tmp_path_factory.mktemp("pending") / "project"
    root.mkdir()
    for name in ("stages", "overrides", "hooks"):
        shutil.copytree(built_root / name, root / name)
    for name in ("support_services.yml", "glossary.yml", "victims_code.yml", "changes.yml", "search_answers.yml",
                 "mkdocs.yml", "published_ids.yml"):
        if (built_root / name).exists():
            shutil.copy2(built_root / name, root / name)
    shutil.copytree(built_root / "docs", root / "docs", ignore=shutil.ignore_patterns(
        "stages", "rights", "support-services", "glossary", "content-reference", "whats-changed", "search-answers"))
    for name in ("schemas", "scripts"):
        (root / name).symlink_to(built_root / name)
    if (built_root / ".cache" / "leaflet").is_dir():
        shutil.copytree(built_root / ".cache" / "leaflet", root / ".cache" / "leaflet")
    stage = root / "stages" / f"{PENDING_STAGE}.yml"
    text = stage.read_text("utf-8")
    assert "\nkey_facts:\n" in text
    stage.write_text(text.replace("\nkey_facts:\n", "\nkey_facts:\n" + PENDING_FACTS, 1), "utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "walkthrough", "build", "--root", str(root), "--date", PENDING_DAY],
                            capture_output=True, text=True, env=env, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"
