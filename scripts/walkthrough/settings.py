"""The publishing settings in mkdocs.yml that a public service must have, checked before building.

One job: given mkdocs.yml's `extra` and `site_url`, say what is missing, as `mkdocs.yml: key:
message` lines. Called by the MkDocs hook on every build (the keys must be there; a value may be
left empty while the guide is a draft) and by `walkthrough build --release`, which also refuses
empty values and the stand-in address. It does not import MkDocs.

- `extra.publisher`: who publishes the guide, shown in every page's footer and on the leaflet.
- `extra.accessibility.contact`: where to report an accessibility problem (an email address or an
  https address), printed on the accessibility statement.
- `extra.accessibility.reviewed`: when the accessibility statement was last reviewed (YYYY-MM-DD).
"""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml


class SettingsError(Exception):
    """A list of missing or wrong settings; str() is the lines to print."""


def is_stand_in(site_url: str | None) -> bool:
    """True for the placeholder address (an example.* host): QR codes made with it point nowhere."""
    host = urlsplit(site_url or "").hostname or ""
    return not host or "example" in host.split(".")


def _reviewed(value) -> _dt.date | None:
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def problems(extra: dict, site_url: str | None, release: bool = False) -> list[str]:
    extra = extra or {}
    found = []
    if "publisher" not in extra:
        found.append("mkdocs.yml: extra.publisher: this setting is missing; add the name of the "
                     "organisation that publishes the guide (or leave it empty while it is a draft)")
    a11y = extra.get("accessibility")
    if not isinstance(a11y, dict):
        found.append("mkdocs.yml: extra.accessibility: this setting is missing; add `contact` and "
                     "`reviewed` for the accessibility statement")
        a11y = None
    else:
        contact = a11y.get("contact")
        if "contact" not in a11y:
            found.append("mkdocs.yml: extra.accessibility.contact: this setting is missing; add the email "
                         "or https address where people report an accessibility problem (or leave it "
                         "empty while the guide is a draft)")
        elif contact and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+|https://\S+", str(contact)):
            found.append(f"mkdocs.yml: extra.accessibility.contact: must be an email address or an https "
                         f'address, like "accessibility@example.org" (got "{contact}")')
        if _reviewed(a11y.get("reviewed")) is None:
            found.append("mkdocs.yml: extra.accessibility.reviewed: must be the date the accessibility "
                         f'statement was last reviewed, like 2026-12-02 (got "{a11y.get("reviewed", "")}")')
    if release:
        if is_stand_in(site_url):
            found.append(f"mkdocs.yml: site_url: a release needs the real published address; "
                         f'"{site_url}" is the stand-in, and printed QR codes would point nowhere')
        if "publisher" in extra and not extra.get("publisher"):
            found.append("mkdocs.yml: extra.publisher: a release needs the name of the publishing organisation")
        if a11y is not None and "contact" in a11y and not a11y.get("contact"):
            found.append("mkdocs.yml: extra.accessibility.contact: a release needs a real contact for "
                         "accessibility problems")
    return found


def check_settings(extra: dict, site_url: str | None, release: bool = False) -> None:
    """Raises SettingsError listing every problem at once."""
    found = problems(extra, site_url, release)
    if found:
        raise SettingsError("\n".join(found))


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold MkDocs' own tags (!ENV, !!python/name:…): read them as plain values."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(config: Path) -> tuple[dict, str | None]:
    """(extra, site_url) from mkdocs.yml, read without MkDocs."""
    data = yaml.load(config.read_text("utf-8"), Loader=_Loader) or {}
    return data.get("extra") or {}, data.get("site_url")
