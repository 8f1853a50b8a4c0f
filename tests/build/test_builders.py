"""ProperDocs (the default builder) gives the same site as MkDocs, and the content is checked once.

Both builders build one compiled copy of the project; the post-build steps that do not print
(notes removed, stylesheets, security headers) run on both trees, the leaflet PDFs are left out
to keep this quick (they are made from the content, not from the builder's output). Then the two
trees must be byte for byte the same once the generator tag, which names the builder, is taken out.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT
from walkthrough import builders, postbuild
from walkthrough.compile import compile_site, mark_compiled

COPY = ["stages", "overrides", "hooks", "schemas"] + sorted(p.name for p in ROOT.glob("*.yml"))
LINK = ["scripts"]  # only named in mkdocs.yml's watch list
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def copy_project(target: Path) -> Path:
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy2(source, target / name)
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns(
        "stages", "rights", "support-services", "glossary", "content-reference"))
    for name in LINK:
        (target / name).symlink_to(ROOT / name)
    return target


def run_builder(name: str, root: Path, site: Path, env: dict) -> subprocess.CompletedProcess:
    cmd = builders.command(builders.get(name), root, site)
    return subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): GENERATOR.sub(b"<meta generator>", p.read_bytes())
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("project"))
    compiled = compile_site(root)
    env = mark_compiled(dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true"),
                        root, root / "docs", compiled)
    # A content mistake after compiling: a builder whose hook checked the content again would stop.
    (root / "glossary.yml").write_text((root / "glossary.yml").read_text() + "\nnot_a_field: true\n")
    sites = {}
    for name in ("mkdocs", "properdocs"):
        site = root / f"site-{name}"
        result = run_builder(name, root, site, env)
        assert result.returncode == 0, result.stdout + result.stderr
        for step in postbuild.STEPS:
            if step.__module__ != "walkthrough.leaflet.step":
                step(site, root)
        sites[name] = site
    return root, sites, env


def test_properdocs_builds_the_same_site_as_mkdocs(built):
    _, sites, _ = built
    mkdocs, properdocs = tree(sites["mkdocs"]), tree(sites["properdocs"])
    assert len(mkdocs) > 50
    assert mkdocs.keys() == properdocs.keys()
    assert [p for p in mkdocs if mkdocs[p] != properdocs[p]] == []
    assert b"ProperDocs" in (sites["properdocs"] / "index.html").read_bytes()  # it really was ProperDocs


def test_the_hook_does_not_check_again_what_the_cli_compiled(built):
    """The fixture broke the content after compiling and both builds still succeeded. Without the
    note from the CLI (mkdocs serve), the hook checks and stops on the same mistake."""
    root, _, env = built
    env = {k: v for k, v in env.items() if k != "WALKTHROUGH_COMPILED"}
    result = run_builder("properdocs", root, root / "site-unchecked", env)
    assert result.returncode != 0
    assert "glossary.yml:" in result.stderr and "not_a_field" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["mkdocs", "properdocs"])
def test_component_notes_are_not_published(built, name):
    _, sites, _ = built
    assert (sites[name] / "components" / "quick-exit" / "quick-exit.js").exists()
    assert [p for p in sites[name].rglob("*") if p.name.lower().startswith("readme")] == []


def test_search_phrases_are_searched_but_never_shown(built):
    _, sites, _ = built
    index = json.loads((sites["properdocs"] / "search" / "search_index.json").read_text())
    tagged = {d["location"].split("#")[0] for d in index["docs"] if d.get("tags")}
    assert "stages/reporting/" in tagged
    for page in sites["properdocs"].rglob("*.html"):
        assert 'class="md-tag' not in page.read_text("utf-8"), page
