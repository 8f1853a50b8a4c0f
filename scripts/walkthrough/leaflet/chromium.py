"""Finding a Chromium to print the leaflet with.

One job: return the path of a Chromium executable and the flags to launch it with: $CHROMIUM,
then the system's Chromium (Debian's package: Playwright cannot download its own browser on
machines without access to its servers), then Playwright's own download. The browser tests and
the Makefile use it too, through tests/browser/find_chromium.py.
"""
from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# Headless on a locked-down machine: no sandbox as root, no background connections to Google's
# services (they would fail, or be third-party traffic).
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync"]


def find() -> str | None:
    candidates = [os.environ.get("CHROMIUM")]
    candidates += [shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    # In a thread of its own: Playwright's sync API refuses to start in a thread where another
    # one is running (the browser tests hold one open while the site is built).
    with ThreadPoolExecutor(max_workers=1) as thread:
        bundled = thread.submit(_playwright_chromium).result()
    return bundled if bundled and Path(bundled).exists() else None


def _playwright_chromium() -> str | None:
    try:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as p:
            return p.chromium.executable_path
    except Exception:  # Playwright missing or no browser downloaded: the caller says what to do
        return None


def identity(executable: str) -> str:
    """Something that changes when the browser is upgraded (a new Chromium may lay pages out
    differently), cheap enough to compute before deciding whether to launch it at all."""
    path = Path(executable).resolve()
    stat = path.stat()
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"
