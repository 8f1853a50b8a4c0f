"""Building the publishable site/ so that a failed build never leaves a half-built site.

One job: compile the content once (unless the caller already did), run the builder (`builders`:
ProperDocs by default) into a temporary folder beside site/, finish it (`postbuild`), check every
internal link (`sitecheck`), and only then swap it into place. A builder empties its output folder
early in a build, so building straight into site/ would leave it half-empty when a later step
fails. The builder is run as a command, not imported: the compiler stays free of MkDocs. Its hook
is told that the content is already compiled (compile.mark_compiled), so it does not check again.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from . import builders, postbuild
from .compile import Compiled, compile_site, mark_compiled
from .problems import BuildFailed  # noqa: F401  (callers import it from here too)
from .sitecheck import broken_links


def build_site(root: Path, site_dir: Path, config: str = "mkdocs.yml", builder: str | None = None,
               compiled: Compiled | None = None) -> None:
    """Build into a temporary folder; on success replace `site_dir`, otherwise leave it alone.

    `compiled`: the result of compile_site for this root and builder, if the caller has it (else
    the content is compiled here; a content mistake raises problems.ContentError). After the
    builder, `postbuild.finish` completes the folder (stylesheets, security headers, leaflet…),
    then every internal link is checked, and only then is the folder swapped into place.
    """
    chosen = builders.get(builder or builders.configured(root, config))
    root = root.resolve()
    site_dir = site_dir.resolve()
    docs = root / "docs"
    if compiled is None:
        compiled = compile_site(root, docs, links=chosen.links)
    tmp = Path(tempfile.mkdtemp(prefix=".site-building-", dir=site_dir.parent))
    try:
        env = mark_compiled(dict(os.environ, DISABLE_MKDOCS_2_WARNING="true"), root, docs, compiled)
        try:
            cmd = builders.command(chosen, root, tmp, config, compiled.nav)
        except (FileNotFoundError, ValueError) as exc:
            raise BuildFailed(f"{exc}. site/ was not changed.") from None
        result = subprocess.run(cmd, cwd=root, env=env)
        if result.returncode != 0:
            raise BuildFailed(f"{chosen.name} could not build the site (see the messages above). site/ was not changed.")
        postbuild.finish(tmp, root, compiled.checked.content)
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
        (root / builders.ZENSICAL_CONFIG).unlink(missing_ok=True)
