"""The one place MkDocs (or ProperDocs, which runs the same hooks) meets the walkthrough compiler.

At the start of a build it compiles the content into docs/ and puts the stages into the
navigation; when `python -m walkthrough build` has already compiled (compile.precompiled), it only
does the navigation. `mkdocs serve` has no CLI in front of it, so there it compiles on every rebuild.
Content mistakes become a PluginError, which MkDocs prints without a traceback. It also hands each
stage's search phrases to Material's search as `tags`, which only this builder's search reads:
written as `tags:` in the page, other builders (Zensical) showed them on the page. Everything else
lives in scripts/walkthrough, which does not import MkDocs.
"""
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# Imported at module top: the hook's folder is on sys.path only while this module loads.
from walkthrough.compile import compile_site, expand_nav, precompiled
from walkthrough.problems import ContentError

log = logging.getLogger("mkdocs.hooks.walkthrough")


def on_config(config):
    root, docs = Path(config.config_file_path).parent, Path(config.docs_dir)
    journey = precompiled(root, docs)
    if journey is None:
        try:
            compiled = compile_site(root, docs)
        except ContentError as exc:
            raise PluginError("\n" + exc.report()) from None
        for warning in compiled.checked.warnings:
            print(warning, file=sys.stderr)  # stale review dates: shown, but they do not stop a --strict build
        if compiled.written or compiled.removed:
            log.info("walkthrough: %d pages written, %d removed", len(compiled.written), len(compiled.removed))
        journey = compiled.nav
    config.nav = expand_nav(config.nav, journey)
    return config


def on_page_markdown(markdown, page, **_):
    terms = page.meta.get("search_terms")
    if isinstance(terms, list):
        page.meta["tags"] = terms  # Material's search indexes tags with a very high boost; never shown
    return markdown
