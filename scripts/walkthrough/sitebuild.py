"""Building the publishable site/ so that a failed build never leaves a half-built site.

One job: run `mkdocs build --strict` into a temporary folder beside site/, check the result
(`sitecheck`), and only then swap it into place. MkDocs empties its output folder early in a
build, so building straight into site/ would leave it half-empty when a later step fails.
MkDocs is run as a command, not imported: the compiler stays free of MkDocs.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import postbuild
from .sitecheck import broken_links


class BuildFailed(Exception):
    pass


def build_site(root: Path, site_dir: Path, config: str = "mkdocs.yml") -> None:
    """Build into a temporary folder; on success replace `site_dir`, otherwise leave it alone.

    After MkDocs, `postbuild.finish` completes the folder (leaflet, security headers…), then every
    internal link is checked, and only then is the folder swapped into place.
    """
    site_dir = site_dir.resolve()
    tmp = Path(tempfile.mkdtemp(prefix=".site-building-", dir=site_dir.parent))
    try:
        env = dict(os.environ)
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                                 "-f", str(root / config), "-d", str(tmp)], cwd=root, env=env)
        if result.returncode != 0:
            raise BuildFailed("MkDocs could not build the site (see the messages above). site/ was not changed.")
        postbuild.finish(tmp, root)
        problems = broken_links(tmp)
        if problems:
            raise BuildFailed("\n".join(problems) + f"\nFound {len(problems)} broken links. site/ was not changed.")
        old = None
        if site_dir.exists():
            old = site_dir.with_name(f".site-old-{os.getpid()}")
            site_dir.rename(old)
        tmp.rename(site_dir)
        if old:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
