"""Print the path of a Chromium for the browser tests, or exit 1 if there is none.

Order: $CHROMIUM, then the system's Chromium (Debian's package: Playwright cannot download its
own browser on machines without access to its servers), then Playwright's own download.
Used by the Makefile (to decide whether to install one) and by tests/browser/conftest.py.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

# Flags for a headless Chromium on a locked-down machine: no sandbox as root, and no background
# connections to Google's services (which would fail, or be third-party traffic).
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync"]


def find() -> str | None:
    candidates = [os.environ.get("CHROMIUM")]
    candidates += [shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    try:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as p:
            bundled = p.chromium.executable_path
        if bundled and Path(bundled).exists():
            return bundled
    except Exception:  # Playwright missing or no browser downloaded: the Makefile installs one
        pass
    return None


if __name__ == "__main__":
    path = find()
    if not path:
        print("No Chromium found: install Debian's chromium package, or run .venv/bin/playwright install chromium",
              file=sys.stderr)
        sys.exit(1)
    print(path)
