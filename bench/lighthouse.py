"""Lighthouse mobile scores for a few pages of the built site.

One job: run the pinned Lighthouse (bench/node_modules, installed by `make bench`) with Debian's
Chromium against a page served on 127.0.0.1, and return its performance, accessibility and
best-practices scores with Largest Contentful Paint and Total Blocking Time. When Lighthouse
cannot run, the reason is returned instead of figures, so the table says why.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices")
sys.path.insert(0, str(HERE.parent / "tests" / "browser"))
from find_chromium import LAUNCH_ARGS, find  # noqa: E402


@dataclass
class Scores:
    url: str
    scores: dict | None = None  # category -> 0..100
    lcp_ms: float | None = None
    tbt_ms: float | None = None
    failing: tuple[str, ...] = ()  # titles of the audits that cost points
    error: str | None = None


def run(url: str) -> Scores:
    chrome = os.environ.get("CHROME_PATH") or find()
    if not LIGHTHOUSE.exists():
        return Scores(url, error=f"Lighthouse is not installed ({LIGHTHOUSE} missing): run `make bench`, "
                                 "which runs npm ci in bench/")
    if not chrome:
        return Scores(url, error="no Chromium found: set CHROME_PATH or install Debian's chromium")
    flags = " ".join(["--headless=new", *LAUNCH_ARGS, "--disable-dev-shm-usage"])
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        report = Path(tmp) / "report.json"
        # Lighthouse's defaults are the mobile run: a Moto G Power-sized screen, 4× CPU slowdown
        # and a simulated slow 4G connection.
        cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
        env = dict(os.environ, CHROME_PATH=chrome)
        try:
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return Scores(url, error=f"Lighthouse could not run: {exc}")
        if done.returncode != 0 or not report.exists():
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            return Scores(url, error=f"Lighthouse exited with {done.returncode}: {last}")
        data = json.loads(report.read_text("utf-8"))
    if data.get("runtimeError", {}).get("code") not in (None, "NO_ERROR"):
        return Scores(url, error=f"Lighthouse: {data['runtimeError'].get('message')}")
    audits = data["audits"]
    scored = {ref["id"] for c in CATEGORIES for ref in data["categories"][c]["auditRefs"] if ref.get("weight")}
    failing = tuple(sorted(a["title"] for key, a in audits.items()
                           if key in scored and a.get("score") is not None and a["score"] < 1))
    return Scores(
        url,
        scores={c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES},
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        failing=failing,
    )
