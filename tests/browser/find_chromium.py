"""Print the path of a Chromium for the browser tests, or exit 1 if there is none.

The lookup itself (order: $CHROMIUM, the system's Chromium, Playwright's own download) and the
launch flags live in walkthrough.leaflet.chromium, which the leaflet export uses too: one place
to change. Used by the Makefile (to decide whether to install one) and by tests/browser/conftest.py.
"""
from __future__ import annotations

import sys

from walkthrough.leaflet.chromium import LAUNCH_ARGS, find

__all__ = ["LAUNCH_ARGS", "find"]

if __name__ == "__main__":
    path = find()
    if not path:
        print("No Chromium found: install Debian's chromium package, or run .venv/bin/playwright install chromium",
              file=sys.stderr)
        sys.exit(1)
    print(path)
