"""Valid HTML in every built page, where Material's own base template is not: a post-build step.

One job: remove from the built pages the markup the Nu Html Checker reports as an error and that
no theme block can reach. Today that is `autocomplete="off"` on Material 9.8.1's two toggle
checkboxes (`__drawer`, `__search`, written by base.html outside any block): the attribute is not
allowed on a checkbox. Its use there was to stop Firefox restoring a toggle's state on reload;
without it, Firefox may show the menu or search still open after a reload (one tap closes it). Checked by tests/browser/test_valid_html.py (vnu.jar over every page).
Runs before security.py, which hashes the pages' inline scripts (this step does not touch them).
"""
from __future__ import annotations

import re
from pathlib import Path

_TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)") autocomplete="off">')


def fix_page(html: str) -> str:
    return _TOGGLE.sub(r"\1>", html)


def add_to_site(site: Path, root: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        fixed = fix_page(text)
        if fixed != text:
            page.write_text(fixed, "utf-8")
