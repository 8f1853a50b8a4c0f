"""How well the site search answers people's own questions: top-1 and top-3 hit rates.

One job: run every question in tests/search/phrasings.yml through the search and print how often
a section that answers it comes first, and in the first three, for the part of the set used while
tuning search_answers.yml and for any part marked held out (its row is printed only if there is one).

Two ways to run it:
  .venv/bin/python bench/search_eval.py            the "Best answers" ranking alone, in Node
                                                    (the component's own script; a second or so)
  .venv/bin/python bench/search_eval.py --browser  what a person sees: the built site's search box
                                                    in Chromium, Best answers then Material's results
                                                    (builds the site into a temporary folder first)
  ... --browser --material-only                     Material's results alone, for comparison
  --misses prints each question that missed (tuned part only, unless --show-held-out).
  --phrasings PATH measures another set in the same format (a blind set) instead.
It prints figures; the floor that must hold is tests/unit/test_search_answers.py.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests/browser"))

COMPONENT = ROOT / "overrides/components/search-answers/search-answers.js"
PHRASINGS = ROOT / "tests/search/phrasings.yml"

_NODE = """
const {rank, prepare} = require(process.argv[1]);
let input = ""; process.stdin.on("data", d => input += d);
process.stdin.on("end", () => {
  const {data, queries} = JSON.parse(input);
  const index = prepare(data);
  console.log(JSON.stringify(queries.map(q => rank(q, index).map(r => r.url))));
});
"""


def load_phrasings(path: Path = PHRASINGS) -> list[dict]:
    import yaml
    return yaml.safe_load(Path(path).read_text("utf-8"))["phrasings"]


def expected_urls(item: dict) -> set[str]:
    from walkthrough.sections import STAGE_SECTIONS
    anchors = {s.anchor for s in STAGE_SECTIONS}
    out = set()
    for target in item["expect"]:
        stage, _, anchor = target.partition("#")
        assert anchor in anchors, f"{target}: no such section anchor"
        out.add(f"stages/{stage}/#{anchor}")
    return out


def answers_data(root: Path = ROOT) -> dict:
    from walkthrough.content import check_content
    from walkthrough.search_answers import data_file
    return json.loads(data_file(check_content(root).content))


def rank_in_node(data: dict, queries: list[str]) -> list[list[str]]:
    out = subprocess.run(["node", "-e", _NODE, str(COMPONENT)], input=json.dumps({"data": data, "queries": queries}),
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def rank_in_browser(queries: list[str], material_only: bool = False) -> list[list[str]]:
    from playwright.sync_api import sync_playwright, expect
    from find_chromium import LAUNCH_ARGS, find
    from browser_support import search_results_in_order  # noqa: the same reading as the browser test
    sys.path.insert(0, str(ROOT / "bench"))
    from serve import SiteServer
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "walkthrough", "build", "--site-dir", str(site)], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)
        with SiteServer(site) as base_url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=find(), args=LAUNCH_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(base_url)
            results = [[u.replace(base_url, "") for u in search_results_in_order(page, q, material_only)]
                       for q in queries]
            browser.close()
    return results


def _pages(links: list[str]) -> list[str]:
    out = []
    for link in links:
        page = link.split("#")[0]
        if page not in out:
            out.append(page)
    return out


def page_score(items: list[dict], results: list[list[str]]) -> tuple[int, int]:
    """Looser: is the right stage among the first three distinct pages linked?"""
    hits = sum(1 for i, r in zip(items, results) if {u.split("#")[0] for u in expected_urls(i)} & set(_pages(r)[:3]))
    return len(items), hits


def score(items: list[dict], results: list[list[str]]) -> dict:
    out = {}
    for part, held in (("tuned", False), ("held out", True), ("all", None)):
        rows = [(i, r) for i, r in zip(items, results) if held is None or bool(i.get("held_out")) == held]
        top1 = sum(1 for i, r in rows if r[:1] and r[0] in expected_urls(i))
        top3 = sum(1 for i, r in rows if expected_urls(i) & set(r[:3]))
        out[part] = (len(rows), top1, top3)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", action="store_true")
    parser.add_argument("--material-only", action="store_true",
                        help="with --browser: Material's own results alone, without the Best answers")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--show-held-out", action="store_true")
    parser.add_argument("--phrasings", type=Path, default=PHRASINGS,
                        help="another set in the same format (a blind set kept apart from tuning)")
    args = parser.parse_args(argv)
    items = load_phrasings(args.phrasings)
    queries = [i["q"] for i in items]
    results = (rank_in_browser(queries, args.material_only) if args.browser
               else rank_in_node(answers_data(), queries))
    how = ("Material's results alone, in Chromium" if args.material_only else
           "the built site's search in Chromium" if args.browser else "Best answers alone (Node)")
    print(f"Search evaluation: {len(items)} questions, {how}")
    print(f"  {'part':<9} {'questions':>9} {'top-1':>12} {'top-3':>12}")
    for part, (n, t1, t3) in score(items, results).items():
        if not n:
            continue  # no held-out part (the set is all used for tuning): no row to print
        print(f"  {part:<9} {n:>9} {t1:>4} ({t1 / n:4.0%}) {t3:>4} ({t3 / n:4.0%})")
    n, hits = page_score(items, results)
    print(f"  (the right stage page among the first three pages linked: {hits} of {n}, {hits / n:.0%})")
    if args.misses:
        for i, r in zip(items, results):
            if i.get("held_out") and not args.show_held_out:
                continue
            if not expected_urls(i) & set(r[:3]):
                print(f"  miss: {i['q']!r}: expected {sorted(expected_urls(i))}, got {r[:3]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
