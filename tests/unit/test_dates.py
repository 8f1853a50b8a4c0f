"""The date arithmetic of the date tool, against hand-worked cases (tests/fixtures/dates/cases.json).

The same cases run against the Python mirror (walkthrough.timelimits) and against the browser
script itself (overrides/components/case-dates/case-dates.js) in Node, with the bank holidays and
limits the build puts into the page; tests/browser/test_tools.py runs them again in Chromium.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest

from support import ROOT, TESTS
from walkthrough import timelimits
from walkthrough.content import check_content
from walkthrough.timelimits import Period, add_period, limits_for

CASES = json.loads((TESTS / "fixtures" / "dates" / "cases.json").read_text("utf-8"))
SCRIPT = ROOT / "overrides" / "components" / "case-dates" / "case-dates.js"


@pytest.fixture(scope="module")
def real():
    content = check_content(ROOT).content
    data = timelimits.tool_data(content.code.time_limits, dt.date(2026, 12, 2), lambda l: "#" + l.anchor)
    holidays = frozenset(timelimits.bank_holidays(2013, 2030))
    return content, data, holidays


def _d(s):
    return dt.date.fromisoformat(s)


@pytest.mark.parametrize("case", CASES["periods"], ids=lambda c: c["why"][:50])
def test_python_period(case, real):
    _, _, holidays = real
    end = add_period(_d(case["start"]), Period(case["amount"], case["unit"]), holidays, case.get("lastWorkingDay", False))
    assert end.isoformat() == case["end"], case["why"]


@pytest.mark.parametrize("case", CASES["limits"], ids=lambda c: c["why"][:50])
def test_python_limits(case, real):
    content, _, holidays = real
    found = limits_for(content.code.time_limits, case["event"], _d(case["date"]), case["enhanced"], holidays)
    got = {k: (v.isoformat() if v else None) for k, v in found.items() if k in case["due"]}
    assert got == case["due"], case["why"]


def test_the_page_data_has_the_bank_holidays_of_england_and_wales(real):
    _, data, _ = real
    assert "0403" in data["holidays"]["2026"].split() and "1228" in data["holidays"]["2026"].split()
    assert data["holidaysUntil"] == "2030-12-31" and "2030" in data["holidays"]


NODE = r"""
const fs = require("fs");
global.window = {addEventListener() {}};
global.document = {querySelectorAll() { return []; }, addEventListener() {}};
eval(fs.readFileSync(process.argv[1], "utf8"));
const t = window.wtCaseDates, input = JSON.parse(fs.readFileSync(0, "utf8"));
const holidays = t.holidaySet(input.data);
const periods = input.cases.periods.map(c => t.iso(t.addPeriod(t.fromIso(c.start), {amount: c.amount, unit: c.unit}, holidays, !!c.lastWorkingDay)));
const limits = input.cases.limits.map(c => {
  const out = {};
  t.limitsFor(input.data, c.event, t.fromIso(c.date), c.enhanced, holidays).forEach(r => { out[r.limit.id] = r.applies ? t.iso(r.due) : null; });
  return out;
});
const parsed = ["27/02/2026", "27.2.2026", "27 February 2026", "Friday 27th Feb 2026", "2026-02-27", "31/02/2026", "02/27/2026"].map(s => { const n = t.parseUserDate(s); return n === null ? null : t.iso(n); });
process.stdout.write(JSON.stringify({periods, limits, parsed}));
"""


@pytest.fixture(scope="module")
def node_results(real):
    node = shutil.which("node") or shutil.which("nodejs")
    if not node:
        pytest.skip("Node is not installed: tests/browser/test_tools.py runs these cases in Chromium")
    _, data, _ = real
    done = subprocess.run([node, "-e", NODE, str(SCRIPT)], input=json.dumps({"data": data, "cases": CASES}),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_browser_script_periods_match_the_hand_worked_cases(node_results):
    assert node_results["periods"] == [c["end"] for c in CASES["periods"]]


def test_browser_script_limits_match_the_hand_worked_cases(node_results):
    for case, got in zip(CASES["limits"], node_results["limits"]):
        assert {k: got.get(k, "missing") for k in case["due"]} == case["due"], case["why"]


def test_browser_script_reads_dates_the_uk_way(node_results):
    assert node_results["parsed"] == ["2026-02-27"] * 5 + [None, None]  # no 31 February; day first, never US order
