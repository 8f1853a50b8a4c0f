"""`make build` behaviour: a failed build, for any reason, leaves the published site/ untouched."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

# Every content file at the top (*.yml: a new content type needs no change here), and the folders.
COPY = ["stages", "overrides", "hooks"] + sorted(p.name for p in ROOT.glob("*.yml"))
LINK = ["schemas", "scripts"]


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def build(root: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "walkthrough", "build", "--root", str(root)],
                          capture_output=True, text=True, env=env, cwd=root)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with a successfully built site/."""
    root = tmp_path_factory.mktemp("project")
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        elif source.exists():
            shutil.copy2(source, root / name)
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns(
        "stages", "rights", "support-services", "glossary", "content-reference"))
    for name in LINK:
        (root / name).symlink_to(ROOT / name)
    result = build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (root / "site" / "index.html").exists()
    return root


def test_a_content_mistake_stops_the_build_and_leaves_site_untouched(project):
    before = tree_digest(project / "site")
    stage = project / "stages" / "reporting.yml"
    original = stage.read_text()
    try:
        stage.write_text(original.replace("\nsummary:", "\nsumary:", 1))
        result = build(project)
    finally:
        stage.write_text(original)
    assert result.returncode == 1
    assert "stages/reporting.yml:" in result.stderr and "did you mean 'summary'?" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert tree_digest(project / "site") == before


def test_a_failure_after_mkdocs_starts_also_leaves_site_untouched(project):
    """A broken link in a hand-written page fails MkDocs' strict checks mid-build."""
    before = tree_digest(project / "site")
    page = project / "docs" / "about.md"
    original = page.read_text()
    try:
        page.write_text(original + "\n[A page that does not exist](no-such-page.md)\n")
        result = build(project)
    finally:
        page.write_text(original)
    assert result.returncode == 1
    assert "no-such-page.md" in result.stdout + result.stderr
    assert tree_digest(project / "site") == before
    assert not list(project.glob(".site-building-*"))
