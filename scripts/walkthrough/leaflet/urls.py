"""Where the leaflet's pages live online, for QR codes and printed addresses.

One job: read the published address (`site_url` in mkdocs.yml, read with PyYAML: the compiler
never imports MkDocs) and turn site paths into full and printed addresses.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..settings import is_stand_in


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold MkDocs' own tags (!ENV, !!python/name:…): read them as plain values."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Site:
    url: str   # ends with "/"
    name: str  # site_name: also the leaflet's title (kept neutral on purpose, like the site's)
    publisher: str | None = None  # extra.publisher: printed on the leaflet; None while not named

    def full(self, path: str = "") -> str:
        """Site path such as "stages/trial/" -> "https://example.gov.uk/stages/trial/"."""
        return self.url + path

    def printed(self, path: str = "") -> str:
        """The short address printed under a QR code: no https://, no trailing slash."""
        return self.full(path).removeprefix("https://").removeprefix("http://").rstrip("/")

    @property
    def draft(self) -> bool:
        """True while site_url is the stand-in: every printed page is then marked as a draft."""
        return is_stand_in(self.url)


def site_from_config(config: Path) -> Site:
    data = yaml.load(config.read_text("utf-8"), Loader=_Loader) or {}
    url = data.get("site_url")
    if not url:
        raise ValueError(f"{config.name}: site_url is not set; the leaflet needs it for its QR codes")
    return Site(url if url.endswith("/") else url + "/", data.get("site_name") or "",
                (data.get("extra") or {}).get("publisher") or None)
