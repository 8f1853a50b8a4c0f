"""What each builder is given: Zensical's own config, the builder setting, and the canary's copy."""
from __future__ import annotations

import sys

import pytest
import yaml

from support import ROOT
from walkthrough import builders

sys.path.insert(0, str(ROOT / "bench"))
import canary  # noqa: E402


def test_the_default_builder_is_properdocs_and_mkdocs_yml_says_so():
    assert builders.DEFAULT == "properdocs"
    assert builders.configured(ROOT) == "properdocs"


def test_an_unknown_builder_is_named_in_the_error():
    with pytest.raises(ValueError, match="there is no builder called 'hugo': use one of properdocs, mkdocs, zensical"):
        builders.get("hugo")


def test_zensical_gets_the_expanded_navigation_and_no_hooks(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "x", "hooks": ["hooks/compile_content.py"], "watch": ["stages"],
        "nav": [{"Home": "index.md"}, {"The steps": "stages/index.md"}]}))
    path = builders.zensical_config(tmp_path, tmp_path / ".site-building-1", ["stages/index.md", {"A": "stages/a.md"}])
    settings = yaml.safe_load(path.read_text())
    assert "hooks" not in settings and "watch" not in settings
    assert settings["nav"] == [{"Home": "index.md"}, {"The steps": [{"The steps": "stages/index.md"}, {"A": "stages/a.md"}]}]
    assert settings["site_dir"] == ".site-building-1"


def test_zensical_cannot_build_outside_its_project_folder(tmp_path):
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "mkdocs.yml").write_text("site_name: x\n")
    with pytest.raises(ValueError, match="Zensical builds only inside its project folder"):
        builders.zensical_config(tmp_path / "project", tmp_path / "elsewhere", [])


def test_the_canary_copy_has_zensicals_search_and_leaves_the_project_alone(tmp_path):
    canary.scratch_copy(tmp_path)
    assert not (tmp_path / "overrides" / "partials" / "search.html").exists()
    assert "lazy-search.js" not in (tmp_path / "overrides" / "main.html").read_text()
    assert (ROOT / "overrides" / "partials" / "search.html").exists()
    assert "lazy-search.js" in (ROOT / "overrides" / "main.html").read_text()
    assert (tmp_path / "stages").is_dir() and not (tmp_path / "docs" / "stages").exists()
