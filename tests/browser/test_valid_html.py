"""The built pages' markup: valid HTML by the Nu Html Checker (vnu.jar, installed by `make test`
into tests/tools/), and the markup faults other checkers found (issue 15), one test each. These
read the built files; they need no browser, but they need the built site, like the browser tests."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from browser_support import site_pages

VNU = Path(__file__).resolve().parents[1] / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _pages(site_dir: Path) -> dict[str, str]:
    return {p: (site_dir / p / "index.html").read_text("utf-8") for p in site_pages(site_dir)}


def test_every_page_is_valid_html_by_the_nu_html_checker(site_dir):
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("The Nu Html Checker is not installed: run `make vnu` (needs npm and Java)")
    pages = [str(site_dir / p / "index.html") for p in site_pages(site_dir)] + [str(site_dir / "404.html")]
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=600)
    assert result.stderr.lstrip().startswith("{"), result.stderr[-2000:]  # the checker ran and reported
    messages = json.loads(result.stderr)["messages"]
    errors = [f"{Path(m.get('url', '')).parent.name or 'home'}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m.get("type") == "error"]
    assert len(pages) >= 23
    assert errors == []


def test_no_aria_expanded_on_nav_and_no_empty_tabindex(site_dir):
    for path, html in _pages(site_dir).items():
        assert not re.search(r"<nav\b[^>]*\baria-expanded=", html), path
        assert 'tabindex=""' not in html, path


def test_every_label_names_a_control_on_its_page(site_dir):
    for path, html in _pages(site_dir).items():
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        missing = [f for f in re.findall(r'<label\b[^>]*\bfor="([^"]+)"', html) if f not in ids]
        assert missing == [], path


def test_no_second_column_of_headings(site_dir):
    for path, html in _pages(site_dir).items():
        assert "md-sidebar--secondary" not in html and 'id="__toc"' not in html, path


def test_content_reference_tables_have_captions(site_dir):
    html = (site_dir / "content-reference" / "index.html").read_text("utf-8")
    tables = re.findall(r"<table>(.*?)</table>", html, re.S)
    assert len(tables) >= 5
    assert all(re.match(r"\s*<caption>[^<]+</caption>", t) for t in tables)


def test_the_accessibility_statement_prints_its_contact_and_review_date(site_dir, built_root):
    from walkthrough.settings import read_config
    extra, _ = read_config(built_root / "mkdocs.yml")
    html = (site_dir / "accessibility" / "index.html").read_text("utf-8")
    assert "<!-- wt:" not in html
    reviewed = extra["accessibility"]["reviewed"]
    assert f"last reviewed on {reviewed.day} {reviewed:%B %Y}" in html
    contact = extra["accessibility"]["contact"]
    assert (contact in html) if contact else ("A direct contact for accessibility problems is not named yet" in html)


def test_every_page_names_its_publisher(site_dir, built_root):
    from walkthrough.settings import read_config
    extra, _ = read_config(built_root / "mkdocs.yml")
    line = f"Published by {extra['publisher']}" if extra.get("publisher") else "Draft: the organisation that publishes this guide is not named yet"
    for path, html in _pages(site_dir).items():
        assert f'<p class="wt-publisher">{line}</p>' in html, path
