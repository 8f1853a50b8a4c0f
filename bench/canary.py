"""`make canary`: how far the site is from building with Zensical, Material for MkDocs' successor.

One job: try, and print a table. It never changes the project and never fails a release (it is not
part of `make test` and exits 0 whatever it finds). Steps:
  1. install the newest Zensical that installs into .venv-canary/ (newer releases may need a
     package that is not published: it says which, and takes the next older one);
  2. copy the project into a scratch folder, with the overrides Zensical needs (no copied Material
     search partial, no lazy search: both are written for Material's search, which Zensical replaces);
  3. compile with links for Zensical (`python -m walkthrough compile --builder zensical`: Zensical
     runs no hooks), build, run the post-build steps and the internal-link check;
  4. a short browser check in Debian's Chromium: no request to another host, nothing stored,
     quick exit by click and by Shift pressed 3 times, the search acceptance queries, CSP
     violations, and the bytes of a stage page's first visit.
README ("Builders") says which rows must pass before switching.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))
VENV = ROOT / ".venv-canary"
# The content files at the top (*.yml) and the folders a build reads.
COPY = ["stages", "overrides", "docs", "schemas"] + sorted(p.name for p in ROOT.glob("*.yml"))
STAGE = "stages/reporting/"
BUDGET_KB = 85  # everything fetched before a stage page is idle, gzipped (README, Performance)
# How long any one browser wait may take: generous, the machine is shared (waits end on a state).
WAIT_MS = 60_000


def _pip(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", *args],
                          capture_output=True, text=True)


def install() -> tuple[str | None, str]:
    """(installed version or None, what happened to the newer ones)."""
    if not (VENV / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    listed = _pip("index", "versions", "zensical")
    versions = re.findall(r"Available versions: (.*)", listed.stdout)
    available = [v.strip() for v in versions[0].split(",")] if versions else []
    notes = []
    for version in (available or [None])[:8]:  # newest first; a few tries at most
        spec = f"zensical=={version}" if version else "zensical"
        done = _pip("install", "--quiet", spec)
        if done.returncode == 0:
            break
        missing = re.search(r"No matching distribution found for (\S+)", done.stderr)
        notes.append(f"{version}: needs {missing.group(1)}, not published" if missing else f"{version}: does not install")
    installed = _pip("show", "zensical")
    found = re.search(r"^Version: (\S+)", installed.stdout, re.M)
    if not notes:
        note = "the newest release"
    else:
        failed = [n.split(":")[0] for n in notes]
        span = failed[0] if len(failed) == 1 else f"{failed[-1]} to {failed[0]}"
        note = f"{span} do not install: {notes[0].split(': ', 1)[1]}"
    return (found.group(1) if found else None), note


def scratch_copy(target: Path) -> None:
    from walkthrough.compile import GENERATED_DIRS
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", *GENERATED_DIRS)
                            if name == "docs" else shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / name)
    if (ROOT / ".leaflet-cache").is_dir():  # the PDFs are the same whatever builds the pages
        shutil.copytree(ROOT / ".leaflet-cache", target / ".leaflet-cache")
    # The overrides Zensical needs: its own search instead of Material's copied partial, and no
    # lazy search (it waits for Material's search button, which Zensical does not have).
    (target / "overrides" / "partials" / "search.html").unlink(missing_ok=True)
    main = target / "overrides" / "main.html"
    main.write_text(re.sub(r".*components/lazy-search/lazy-search\.js.*\n", "", main.read_text("utf-8")), "utf-8")


def runs_hook(project: Path) -> str:
    """Build mkdocs.yml as it is, hook listed, before anything is compiled: did the hook write pages?"""
    done = subprocess.run([os.environ["ZENSICAL"], "build", "-f", "mkdocs.yml"], cwd=project, capture_output=True, text=True)
    shutil.rmtree(project / "site", ignore_errors=True)
    if (project / "docs" / "stages" / "index.md").exists():
        return "yes: the hook compiled the content"
    said = "said nothing" if "hook" not in (done.stdout + done.stderr).lower() else "warned"
    return f"no: hooks ignored ({said}; the build {'passed' if done.returncode == 0 else 'failed'} with no pages written)"


def build(project: Path, rows: list) -> Path | None:
    from walkthrough import builders, postbuild
    from walkthrough.compile import compile_site
    from walkthrough.problems import ContentError
    from walkthrough.sitecheck import broken_links

    try:
        compiled = compile_site(project, links=builders.get("zensical").links)
    except ContentError as exc:
        rows.append(("Compile (pre-build step)", f"content mistakes: {len(exc.problems)}", "no mistakes"))
        return None
    site = project / "site"
    started = time.perf_counter()
    cmd = builders.command(builders.get("zensical"), project, site, journey_nav=compiled.nav)
    done = subprocess.run(cmd, cwd=project, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    rows.append(("Build", f"{'ok' if done.returncode == 0 else 'failed'} in {seconds:.1f} s"
                 + ("" if done.returncode == 0 else f": {(done.stderr or done.stdout).strip()[-120:]}"), "builds, --strict"))
    if done.returncode != 0:
        return None
    readmes = len([p for p in site.rglob("*") if p.name.lower().startswith("readme")])
    try:
        postbuild.finish(site, project, compiled.checked.content)
        rows.append(("Post-build steps (stylesheets, CSP, leaflet)", "ok", "ok"))
    except Exception as exc:  # a canary reports, it does not stop
        rows.append(("Post-build steps (stylesheets, CSP, leaflet)", f"failed: {str(exc)[:100]}", "ok"))
    left = len([p for p in site.rglob("*") if p.name.lower().startswith("readme")])
    rows.append(("Component README files published", f"{readmes} before post-build, {left} after", "0"))
    problems = broken_links(site)
    kinds: dict[str, int] = {}
    for line in problems:
        key = "skip link #__skip" if "#__skip" in line else line.split(":")[0]
        kinds[key] = kinds.get(key, 0) + 1
    worst = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])[:3])
    rows.append(("Internal links broken", f"{len(problems)}" + (f" ({worst})" if worst else ""), "0"))
    tagged = [p for p in (site / "stages").rglob("index.html") if 'class="md-tag' in p.read_text("utf-8")]
    index = json.loads((site / "search.json").read_text("utf-8")) if (site / "search.json").exists() else {}
    filters = sum(1 for item in index.get("items", ()) if item.get("tags"))
    rows.append(("Search phrases shown as tags", f"{len(tagged)} pages, {filters} search entries with tag filters", "0"))
    return site


def until(ready, limit: float = WAIT_MS / 1000) -> None:
    """Wait for a state, read every 0.1 s, for at most `limit` seconds."""
    deadline = time.monotonic() + limit
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"still not ready after {limit:.0f} s")
        time.sleep(0.1)


def settled(read, limit: float = WAIT_MS / 1000):
    """`read()` once two readings 0.3 s apart agree (search results follow the typing)."""
    deadline, previous, current = time.monotonic() + limit, None, read()
    while current != previous and time.monotonic() < deadline:
        time.sleep(0.3)
        previous, current = current, read()
    return current


def browser_checks(site: Path, project: Path, rows: list) -> None:
    import yaml
    from find_chromium import LAUNCH_ARGS, find
    from playwright.sync_api import sync_playwright
    from serve import SiteServer
    from test_search import QUERIES
    from weight import measure

    exit_url = yaml.safe_load((project / "mkdocs.yml").read_text())["extra"]["safety"]["quick_exit_url"]
    executable = find()
    if not executable:
        rows.append(("Browser checks", "no Chromium (make chromium)", "run"))
        return
    with SiteServer(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        offsite, csp = [], []

        def route(r):
            url = r.request.url
            if url.startswith(base):
                return r.continue_()
            if url.startswith(exit_url):  # the quick exit's own navigation: answered here, never sent
                return r.fulfill(status=200, content_type="text/html", body="<title>Weather</title>")
            offsite.append(url)
            return r.abort()
        context.route("**/*", route)
        context.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)

        def exits(how) -> str:
            page.goto(base + STAGE)
            how()
            try:
                page.wait_for_url(exit_url + "*", timeout=WAIT_MS)
                return "yes"
            except Exception:
                return "no"
        rows.append(("Quick exit by click", exits(lambda: page.locator("#qe-link").click()), "yes"))
        rows.append(("Quick exit by Shift x3", exits(lambda: [page.keyboard.press("Shift") for _ in range(3)]), "yes"))

        page.goto(base + STAGE)
        found, searched = 0, True
        try:
            page.locator("button.md-search__button").first.click()
            box = page.locator("dialog[aria-label=Search] input[role=combobox]")
            status = page.locator("dialog[aria-label=Search] [role=status]")
            results = page.locator("dialog[aria-label=Search] ol[role=listbox] a")
            read = lambda: results.evaluate_all("links => links.map(a => a.getAttribute('href') || '')")  # noqa: E731
            # Polled from here (the CSP forbids the eval that wait_for_function needs): until the
            # index has loaded, then per query until the results stop changing.
            box.wait_for(timeout=WAIT_MS)
            for query, stage in QUERIES:
                box.fill(query)
                until(lambda: (status.text_content() or "loading").strip().lower() not in ("", "loading search…"))
                hrefs = settled(read)
                top = []
                for href in hrefs:
                    path = href.split("#")[0]
                    if path not in top:
                        top.append(path)
                found += any(f"stages/{stage}/" in h for h in top[:3])
        except Exception as exc:
            searched = False
            rows.append(("Search acceptance queries (first three)", f"search did not run: {exc}", f"{len(QUERIES)} of {len(QUERIES)}"))
        if searched:
            rows.append(("Search acceptance queries (first three)", f"{found} of {len(QUERIES)}", f"{len(QUERIES)} of {len(QUERIES)}"))
        stored = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie.length]")
        cookies = context.cookies()
        rows.append(("Nothing stored (localStorage, sessionStorage, cookies)",
                     "yes" if stored == [0, 0, 0] and not cookies else
                     f"no: {stored[0]} localStorage, {stored[1]} sessionStorage, {len(cookies)} cookies", "yes"))
        rows.append(("Requests to other hosts", str(len(offsite)), "0"))
        rows.append(("CSP violations (style-src 'self')", str(len(csp)), "0"))
        context.close()
        browser.close()
    with SiteServer(site) as base:
        [weight] = measure([base + STAGE])
    biggest = ", ".join(f"{Path(path).name} {gz / 1024:.0f}" for path, gz in weight.by_file()[:3])
    rows.append(("First visit of a stage page, gzipped", f"{weight.total_gz / 1024:.1f} KB ({biggest})", f"<= {BUDGET_KB} KB"))


def main() -> int:
    import http.server
    http.server.ThreadingHTTPServer.handle_error = lambda *a: None  # a page left mid-download: not news
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    rows: list[tuple[str, str, str]] = []
    version, note = install()
    rows.append(("Zensical release that installs", f"{version or 'none'} ({note})", "the current release"))
    if version:
        os.environ["ZENSICAL"] = str(VENV / "bin" / "zensical")
        with tempfile.TemporaryDirectory(prefix="walkthrough-canary-") as scratch:
            project = Path(scratch)
            scratch_copy(project)
            rows.append(("Runs project code during a build", runs_hook(project),
                         "a hook or plugin API, or the pre-build step accepted"))
            site = build(project, rows)
            if site:
                try:
                    browser_checks(site, project, rows)
                except Exception as exc:
                    rows.append(("Browser checks", f"stopped: {str(exc)[:100]}", "run"))
    rows = [tuple(" ".join(str(c).split())[:110] for c in row) for row in rows]
    widths = [max(len(r[i]) for r in rows + [("Check", "Zensical", "Needed before switching")]) for i in range(3)]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    print(line(("Check", f"Zensical {version or ''}".strip(), "Needed before switching")))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print(line(row))
    print("The canary never fails a release; README, 'Builders', says when a switch would make sense.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
