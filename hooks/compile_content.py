"""The one place MkDocs meets the walkthrough compiler.

At the start of every build (and every `mkdocs serve` rebuild) it compiles the content into
docs/ and puts the stages into the navigation. Content mistakes become a PluginError, which
MkDocs prints without a traceback. Everything else lives in scripts/walkthrough, which does not
import MkDocs, so a later move to another builder costs little.
"""
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# Imported at module top: the hook's folder is on sys.path only while this module loads.
from walkthrough.compile import compile_site, expand_nav
from walkthrough.problems import ContentError
from walkthrough.settings import SettingsError, check_settings

log = logging.getLogger("mkdocs.hooks.walkthrough")


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        compiled = compile_site(root, Path(config.docs_dir))
    except ContentError as exc:
        raise PluginError("\n" + exc.report()) from None
    for warning in compiled.checked.warnings:
        print(warning, file=sys.stderr)  # stale review dates: shown, but they do not stop a --strict build
    if compiled.written or compiled.removed:
        log.info("walkthrough: %d pages written, %d removed", len(compiled.written), len(compiled.removed))
    config.nav = expand_nav(config.nav, compiled.nav)
    config.extra["walkthrough"] = compiled.theme  # facts the theme shows (the home page's help box)
    try:
        check_settings(config.extra, config.site_url)
    except SettingsError as exc:
        raise PluginError("\n" + str(exc)) from None
    return config
