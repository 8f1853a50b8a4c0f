"""The programs that can turn docs/ and mkdocs.yml into a site, and how each is run.

One job: for each builder name (`mkdocs`, `properdocs`, `zensical`) say how links must be written
for it (render.LINK_MODES), whether it runs hooks/compile_content.py, and the command that builds
into a given folder. `sitebuild` runs the command; nothing here builds or imports a builder.

- properdocs (the default, what CI tests): the maintained MkDocs 1.x fork. It reads mkdocs.yml,
  runs the same hook and Material theme, and gives the same site as MkDocs apart from the generator
  tag (tests/build/test_builders.py compares the two).
- mkdocs: MkDocs 1.6, installed because Material requires it.
- zensical: Material's successor; not publishable yet (README, "Builders"). It runs no hooks and
  cannot build outside its project folder, so it gets a config of its own (`zensical_config`)
  with the navigation already expanded, next to mkdocs.yml. `make canary` tries it.
"""
from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

DEFAULT = "properdocs"
# The Zensical config written for a build, next to mkdocs.yml (git-ignored; removed after the build).
ZENSICAL_CONFIG = ".zensical-build.yml"


@dataclass(frozen=True)
class Builder:
    name: str
    links: str  # render.LINK_MODES: how relative links in raw HTML are read
    runs_hooks: bool


BUILDERS = {
    "properdocs": Builder("properdocs", links="page", runs_hooks=True),
    "mkdocs": Builder("mkdocs", links="page", runs_hooks=True),
    "zensical": Builder("zensical", links="file", runs_hooks=False),
}


def get(name: str | None) -> Builder:
    if name is None:
        return BUILDERS[DEFAULT]
    if name not in BUILDERS:
        raise ValueError(f"there is no builder called {name!r}: use one of {', '.join(BUILDERS)}")
    return BUILDERS[name]


def configured(root: Path, config: str = "mkdocs.yml") -> str:
    """The builder named in mkdocs.yml (`extra.builder`), else the default."""
    if not (root / config).is_file():
        return DEFAULT
    settings = yaml.load((root / config).read_text("utf-8"), Loader=_Lenient) or {}
    return ((settings.get("extra") or {}).get("builder")) or DEFAULT


class _Lenient(yaml.SafeLoader):
    """Reads mkdocs.yml even where it uses MkDocs' own tags (!ENV, !relative): they become None."""


_Lenient.add_multi_constructor("!", lambda loader, suffix, node: None)


def zensical_executable() -> str:
    """ZENSICAL, else `zensical` next to this Python, else on PATH."""
    found = os.environ.get("ZENSICAL") or shutil.which("zensical", path=str(Path(sys.executable).parent)) \
        or shutil.which("zensical")
    if not found:
        raise FileNotFoundError("Zensical is not installed: 'make canary' installs it into .venv-canary/")
    return found


def zensical_config(root: Path, site: Path, journey_nav: list, config: str = "mkdocs.yml") -> Path:
    """Write the config Zensical builds from: mkdocs.yml with the journey in the navigation (the
    hook that adds it does not run), no hooks or watch list, and `site` as the output folder."""
    from .compile import expand_nav
    site = site.resolve()
    if not site.is_relative_to(root.resolve()):
        raise ValueError(f"Zensical builds only inside its project folder, and {site} is outside {root}")
    settings = yaml.safe_load((root / config).read_text("utf-8"))
    for key in ("hooks", "watch"):
        settings.pop(key, None)
    if journey_nav:
        settings["nav"] = expand_nav(settings.get("nav"), journey_nav)
    settings["site_dir"] = site.relative_to(root.resolve()).as_posix()
    path = root / ZENSICAL_CONFIG
    path.write_text("# Written by scripts/walkthrough/builders.py for one build: do not edit.\n"
                    + yaml.safe_dump(settings, sort_keys=False, allow_unicode=True), "utf-8")
    return path


def command(builder: Builder, root: Path, site: Path, config: str = "mkdocs.yml",
            journey_nav: list | None = None) -> list[str]:
    """The command that builds the project at `root` into `site`, run with cwd=root."""
    if builder.name == "zensical":
        return [zensical_executable(), "build", "--strict", "-f", str(zensical_config(root, site, journey_nav or [], config))]
    return [sys.executable, "-m", builder.name, "build", "--strict", "--clean", "-f", str(root / config), "-d", str(site)]
