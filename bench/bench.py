"""`make bench`: page weight, Lighthouse scores, build time and scaling, checked against budgets.

One job: run every measurement on a fresh build of the content (in a temporary folder: site/ is
never touched), print the figures as tables, and exit 1 when a budget is exceeded or a figure
could not be measured (the reason is printed). Budgets come from issue 8; see README.md,
"Performance". Figures, not timed tests: nothing here is part of `make test`.

Usage: .venv/bin/python bench/bench.py [--root DIR] [--no-lighthouse] [--no-scaling] [--quick]
"""
from __future__ import annotations

import argparse
import gzip
import os
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import buildtime  # noqa: E402
import lighthouse  # noqa: E402
import scaling  # noqa: E402
import weight  # noqa: E402
from serve import SiteServer  # noqa: E402

KB = 1024
BUDGETS = {  # name: (limit, unit); a figure above its limit fails
    "critical bytes, stage page (gz)": (30 * KB, "bytes"),
    "all bytes before idle, stage page (gz)": (85 * KB, "bytes"),
    "search index (gz)": (40 * KB, "bytes"),
}
LIGHTHOUSE_MIN = 100
# Scaling sizes: (stage copies, service copies). 1×1 is the real content.
SIZES = [(1, 1), (10, 1), (100, 1), (1, 50), (1, 500)]
QUICK_SIZES = [(1, 1), (10, 1), (1, 50)]
# Growth counts as roughly linear while the ratio of our build time to the plain MkDocs build
# (which grows linearly, or faster: every page lists the whole navigation) stays within this
# factor of the ratio on the real content. Anything quadratic in the compiler would push it up.
LINEAR_FACTOR = 2.0


def kb(n: float) -> str:
    return f"{n / KB:.1f} KB"


def table(title: str, header: list[str], rows: list[list]) -> None:
    cells = [header] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    print(f"\n{title}")
    for n, row in enumerate(cells):
        print("  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        if n == 0:
            print("  " + "  ".join("-" * w for w in widths))


def heaviest_stage(site: Path) -> str:
    """The stage page with the most HTML (gzipped): the budget must hold for every stage."""
    pages = [p for p in (site / "stages").glob("*/index.html")]
    page = max(pages, key=lambda p: len(gzip.compress(p.read_bytes(), 9)))
    return page.parent.relative_to(site).as_posix() + "/"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=HERE.parent, help="the project folder with the content")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse runs (then exit 1)")
    parser.add_argument("--no-scaling", action="store_true", help="skip the synthetic content sets")
    parser.add_argument("--quick", action="store_true", help="scaling at 10× stages and 50× services only")
    parser.add_argument("--sizes", help="scaling sizes as STAGESxSERVICES copies, e.g. 1x1,1x50 "
                                        "(default: 1x1,10x1,100x1,1x50,1x500)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    sys.stdout.reconfigure(line_buffering=True)  # progress lines appear as they happen under make
    failures: list[str] = []
    print(f"Benchmark of {root} on {os.cpu_count()} cores (figures gzipped at level 9; 1 KB = 1024 bytes)")

    with tempfile.TemporaryDirectory(prefix="wt-bench-") as work:
        work = Path(work)
        site = work / "site"
        # --- make build: the real command, then each step on its own -------------------------
        # On copies of the project, as a fresh checkout: no leaflet cache, and docs/ untouched.
        print("Building the site (python -m walkthrough build) from a copy of the project…")
        scaling.make_project(root, work / "project")
        built = buildtime.timed([sys.executable, "-m", "walkthrough", "build", "--root", str(work / "project"),
                                 "--site-dir", str(site)], cwd=work / "project")
        if not built.ok:
            print(f"\nThe content does not build, so nothing can be measured:\n{built.tail}", file=sys.stderr)
            return 1
        print("Timing each step of the build on another copy…")
        scaling.make_project(root, work / "project-steps")
        steps = buildtime.split(work / "project-steps")
        rows = [[name, f"{s:.2f} s"] for name, s in steps.items()]
        rows.append(["sum of the steps", f"{sum(steps.values()):.2f} s"])
        rows.append(["make build (python -m walkthrough build), wall time", f"{built.seconds:.2f} s"])
        rows.append(["make build, peak memory (largest process)", f"{built.peak_mb:.0f} MB"])
        table("Build time of the real content, fresh checkout, no leaflet cache (the CLI also checks and renders "
              "once before MkDocs)",
              ["step", "time"], rows)

        # --- page weight ------------------------------------------------------------------------
        stage = heaviest_stage(site)
        index_gz = len(gzip.compress((site / "search" / "search_index.json").read_bytes(), 9))
        pages = {"home": "", f"stage ({stage})": stage, "services": "support-services/"}
        with SiteServer(site) as base:
            weights = dict(zip(pages, weight.measure([urljoin(base, p) for p in pages.values()])))
            rows = []
            for name, w in weights.items():
                rows.append([name, kb(w.critical_gz), kb(w.total_gz), len(w.resources)])
            table("First visit, empty cache (gzipped bodies): critical = HTML + render-blocking CSS/JS; "
                  "total = everything fetched before the page is idle", ["page", "critical", "total", "requests"], rows)
            stage_weight = weights[f"stage ({stage})"]
            table(f"What the stage page ({stage}) fetched before it was idle",
                  ["file", "gz"], [[path, kb(size)] for path, size in stage_weight.by_file()])
            figures = {
                "critical bytes, stage page (gz)": stage_weight.critical_gz,
                "all bytes before idle, stage page (gz)": stage_weight.total_gz,
                "search index (gz)": index_gz,
            }

            # --- Lighthouse ---------------------------------------------------------------------
            lh_rows = []
            if args.no_lighthouse:
                failures.append("Lighthouse was skipped (--no-lighthouse): its budgets were not checked")
            else:
                for name, path in pages.items():
                    print(f"  Lighthouse: {name}…")
                    result = lighthouse.run(urljoin(base, path))
                    if result.error:
                        lh_rows.append([name, "-", "-", "-", "-", "-"])
                        failures.append(f"Lighthouse, {name}: not measured: {result.error}")
                        continue
                    s = result.scores
                    lh_rows.append([name, s["performance"], s["accessibility"], s["best-practices"],
                                    f"{result.lcp_ms / 1000:.2f} s", f"{result.tbt_ms:.0f} ms"])
                    for category, score in s.items():
                        if score < LIGHTHOUSE_MIN:
                            failures.append(f"Lighthouse {category} on {name} is {score} (budget {LIGHTHOUSE_MIN})")
                    if result.failing:
                        print(f"  Lighthouse, {name}: audits that cost points: {'; '.join(result.failing)}")
                table("Lighthouse (mobile: simulated slow 4G, 4× CPU slowdown)",
                      ["page", "performance", "accessibility", "best practices", "LCP", "TBT"], lh_rows)

        rows = []
        for name, value in figures.items():
            limit, _ = BUDGETS[name]
            ok = value <= limit
            rows.append([name, kb(value), kb(limit), "ok" if ok else "OVER BUDGET"])
            if not ok:
                failures.append(f"{name} is {kb(value)}, over the budget of {kb(limit)}")
        table("Page-weight budgets", ["figure", "measured", "budget", ""], rows)

        # --- scaling ------------------------------------------------------------------------------
        if not args.no_scaling:
            sizes = QUICK_SIZES if args.quick else SIZES
            if args.sizes:
                sizes = [tuple(int(n) for n in size.split("x")) for size in args.sizes.split(",")]
            failures += run_scaling(root, work, sizes)

    print()
    if failures:
        print(f"{len(failures)} budget(s) not met:")
        for failure in failures:
            print(f"  - {failure}")
        return 1
    print("Every budget is met.")
    return 0


def run_scaling(root: Path, work: Path, sizes) -> list[str]:
    failures, rows, ratios = [], [], {}
    for stage_factor, service_factor in sizes:
        folder = work / f"scale-{stage_factor}x{service_factor}"
        stages = scaling.make_project(root, folder / "project", stage_factor, service_factor)
        label = f"{stage_factor}× stages, {service_factor}× services"
        print(f"  scaling: building {label} ({stages} stages)…")
        # compile, then mkdocs build (whose hook checks and renders again, as in make build);
        # not the leaflet PDFs or the link check, which are timed on the real content above.
        project = folder / "project"
        ours = buildtime.timed(["sh", "-c", f'"$0" -m walkthrough compile --root "$1" && '
                                f'"$0" -m mkdocs build --strict --quiet -f "$1/mkdocs.yml" -d "$1/../site"',
                                sys.executable, str(project)], cwd=project)
        if not ours.ok:
            failures.append(f"scaling, {label}: the build failed:\n{ours.tail}")
            rows.append([label, stages, "-", "failed", "-", "-", "-", "-"])
            continue
        n = scaling.make_plain_project(folder / "project" / "docs", folder / "plain")
        plain = buildtime.timed([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(folder / "plain" / "mkdocs.yml"),
                                 "-d", str(folder / "plain-site")], cwd=folder / "plain")
        if not plain.ok:
            failures.append(f"scaling, {label}: the plain MkDocs build failed:\n{plain.tail}")
            continue
        ratios[(stage_factor, service_factor)] = ours.seconds / plain.seconds
        rows.append([label, stages, n, f"{ours.seconds:.1f} s", f"{ours.peak_mb:.0f} MB",
                     f"{plain.seconds:.1f} s", f"{plain.peak_mb:.0f} MB", f"{ours.seconds / plain.seconds:.2f}"])
        print(f"    {n} pages: {ours.seconds:.1f} s, {ours.peak_mb:.0f} MB; plain MkDocs {plain.seconds:.1f} s, "
              f"{plain.peak_mb:.0f} MB; ratio {ours.seconds / plain.seconds:.2f}")
        shutil.rmtree(folder, ignore_errors=True)  # the big sets take room: free it as we go
    table("Scaling: synthetic content (walkthrough compile + mkdocs build) against a plain "
          "`mkdocs build` of as many plain Markdown pages of the same sizes",
          ["content", "stages", "pages", "build", "peak mem", "plain build", "plain mem", "ratio"], rows)
    base = ratios.get((1, 1))
    if base:
        for size, value in ratios.items():
            if value > LINEAR_FACTOR * base:
                failures.append(f"scaling: at {size[0]}× stages and {size[1]}× services our build takes {value:.2f}× "
                                f"as long as plain MkDocs, against {base:.2f}× on the real content (limit: "
                                f"{LINEAR_FACTOR}× that): something grows faster than linearly")
    return failures


if __name__ == "__main__":
    sys.exit(main())
