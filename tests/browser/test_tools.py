"""The two tools for a person's own case, in Chromium: the date tool ("What should have happened by
now?", /your-case/ and stage pages) and "Explain my letter" (/explain-my-letter/).

What a person would notice: the right dates (the hand-worked cases again, in the browser), the
words of a letter explained, nothing sent, stored or put in the address, the text gone after the
quick exit and after Back, the page usable with a keyboard, zero axe violations, one printed page,
and a working page without JavaScript. The letters here are written for these tests: never a
real person's letter.
"""
from __future__ import annotations

import datetime as dt
import io
import json
from urllib.parse import urlsplit

import pytest

from a11y_support import describe, finish_axe, start_axe
from support import ROOT, TESTS
from walkthrough.content import check_content

CASES = json.loads((TESTS / "fixtures" / "dates" / "cases.json").read_text("utf-8"))
LIMITS = check_content(ROOT).content.code.time_limits
EXIT_URL = "https://www.bbc.co.uk/weather"

# Letters written for these tests (no real person's letter).
NFA_LETTER = """Dear Ms Example,
Crime reference: 12/34567/26
I am writing to let you know that on 3 March 2026 a decision was made to take no further action against the suspect. This is known as NFA, and the case has been recorded as outcome 16.
If you disagree with this decision you can ask for a review under the Victims’ Right to Review (VRR) scheme.
Yours sincerely, DC Sample, Officer in the Case"""

COURT_LETTER = """Witness Care Unit
The defendant has been charged. At the first hearing at the magistrates' court on 14/04/2026 the defendant was granted bail with conditions. At the Plea and Trial Preparation Hearing (PTPH) the defendant entered a not guilty plea. Your evidence will be given by s.28 pre-recorded cross-examination, and special measures have been granted. The trial has been listed for 2027."""

SENTENCE_LETTER = """We are writing to tell you that the defendant was sentenced on Friday 20th November 2026 at the Crown Court. You may be able to ask for the sentence to be reviewed under the Unduly Lenient Sentence scheme. Please contact us if you would like to make a Victim Personal Statement in future proceedings."""


@pytest.fixture
def uk_page(browser, base_url, offsite_requests):
    """A tab with a UK locale (so the date field reads day/month/year) and the device's date fixed
    at 20 December 2026, so 'has passed' is predictable."""
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    host = urlsplit(base_url).netloc

    def route(route):
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:
            offsite_requests.append(route.request.url)
            route.fulfill(status=200, body="Mock response")

    context.route("**/*", route)
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime(2026, 12, 20, 10, 0))
    yield page
    context.close()


def show_dates(page, prefix, event, date, enhanced=True):
    page.select_option(f"#{prefix}-event", event)
    page.fill(f"#{prefix}-date", date)
    page.locator(f"#{prefix}-enhanced").set_checked(enhanced)
    page.locator(f"#{prefix} form button[type=submit]").click()
    page.locator(f"#{prefix}-result li").first.wait_for()
    return page.locator(f"#{prefix}-result").inner_text()


def explain(page, text):
    page.fill("#letter-text", text)
    page.locator("#letter form button[type=submit]").click()
    page.locator("#letter .wt-letter__term").first.wait_for()


def storage_report(page):
    return page.evaluate("""async () => ({
        cookie: document.cookie,
        localStorage: Object.keys(localStorage),
        sessionStorage: Object.keys(sessionStorage),
        indexedDB: (await indexedDB.databases()).map(d => d.name),
        caches: await caches.keys(),
        serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length })""")


# --- the date arithmetic, in the browser ----------------------------------------------------

def test_hand_worked_cases_in_chromium(uk_page, base_url):
    uk_page.goto(base_url + "your-case/")
    got = uk_page.evaluate("""cases => {
      const t = window.wtCaseDates;
      const data = JSON.parse(document.querySelector("[data-case-dates-data]").textContent);
      const holidays = t.holidaySet(data);
      return {
        periods: cases.periods.map(c => t.iso(t.addPeriod(t.fromIso(c.start), {amount: c.amount, unit: c.unit}, holidays, !!c.lastWorkingDay))),
        limits: cases.limits.map(c => Object.fromEntries(t.limitsFor(data, c.event, t.fromIso(c.date), c.enhanced, holidays)
                                     .map(r => [r.limit.id, r.applies ? t.iso(r.due) : null]))),
      };
    }""", CASES)
    assert got["periods"] == [c["end"] for c in CASES["periods"]]
    for case, limits in zip(CASES["limits"], got["limits"]):
        assert {k: limits.get(k, "missing") for k in case["due"]} == case["due"], case["why"]


def test_a_sentence_date_gives_real_dates_and_says_which_have_passed(uk_page, base_url):
    uk_page.goto(base_url + "your-case/")
    text = show_dates(uk_page, "case-dates", "sentenced", "2026-12-04")
    # Told the sentence: 6 working days (Mon 14 Dec), passed by 20 December. Review: GOV.UK's own
    # example, day 28 is 1 January (a bank holiday), so Thursday 31 December, still to come.
    assert "By Monday 14 December 2026" in text
    assert "Up to Thursday 31 December 2026" in text
    items = uk_page.locator("#case-dates-result li")
    assert "This date has passed." in items.nth(0).inner_text()
    assert "If this has not happened, ask: Your Witness Care Unit" in items.nth(0).inner_text()
    assert "You could ask:" in items.nth(0).inner_text()
    assert "11 days from today" in items.nth(1).inner_text()
    assert urlsplit(uk_page.url).query == "" and urlsplit(uk_page.url).fragment == ""


def test_enhanced_rights_shorten_the_limit_and_an_old_date_gets_no_limit(uk_page, base_url):
    uk_page.goto(base_url + "your-case/")
    assert "By Tuesday 7 April 2026" in show_dates(uk_page, "case-dates", "charged", "2026-04-02", enhanced=True)
    assert "By Monday 13 April 2026" in show_dates(uk_page, "case-dates", "charged", "2026-04-02", enhanced=False)
    old = show_dates(uk_page, "case-dates", "charged", "2021-03-31")
    assert "applies only to something that happened on or after Thursday 1 April 2021" in old
    assert "By " not in old


def test_a_typed_uk_date_and_mistakes_are_explained(uk_page, base_url):
    uk_page.goto(base_url + "your-case/")
    uk_page.locator("#case-dates form button[type=submit]").click()
    assert uk_page.locator("#case-dates-result").inner_text() == "Choose what happened."
    assert uk_page.evaluate("document.activeElement.id") == "case-dates-event"
    uk_page.select_option("#case-dates-event", "nfa")
    uk_page.fill("#case-dates-date", "2027-01-05")
    uk_page.locator("#case-dates form button[type=submit]").click()
    assert "in the future" in uk_page.locator("#case-dates-result").inner_text()


def test_the_date_tool_works_from_the_keyboard(uk_page, base_url):
    uk_page.goto(base_url + "your-case/")
    uk_page.locator("#case-dates-event").focus()
    uk_page.keyboard.press("End")  # the last event: "The sentence was given"
    assert uk_page.locator("#case-dates-event").input_value() == "sentenced"
    uk_page.keyboard.press("Tab")
    assert uk_page.evaluate("document.activeElement.id") == "case-dates-date"
    # 12 December: the same whichever order the browser's date field puts day and month in.
    uk_page.keyboard.type("12122026")
    for _ in range(4):  # the date field's picker button may take a Tab stop; go to the submit button
        uk_page.keyboard.press("Tab")
        if uk_page.evaluate("document.activeElement.type") == "submit":
            break
    uk_page.keyboard.press("Enter")
    status = uk_page.locator("#case-dates-result[role=status][aria-live=polite]")
    status.locator("li").first.wait_for()
    assert "Saturday 12 December 2026" in status.inner_text()


# --- Explain my letter -----------------------------------------------------------------------

def marked_and_explained(page):
    marks = page.eval_on_selector_all("#letter .wt-letter__mark", "els => els.map(e => e.firstChild.textContent)")
    terms = page.eval_on_selector_all("#letter .wt-letter__name strong", "els => els.map(e => e.textContent)")
    return marks, terms


def test_a_no_further_action_letter_is_explained_and_its_date_offered(uk_page, base_url):
    uk_page.goto(base_url + "explain-my-letter/")
    explain(uk_page, NFA_LETTER)
    marks, _ = marked_and_explained(uk_page)
    for word in ("no further action", "suspect", "NFA", "outcome 16", "Victims’ Right to Review", "VRR", "Officer in the Case"):
        assert word in marks, f"{word!r} not marked: {marks}"
    first = uk_page.locator("#letter .wt-letter__term").first.inner_text()
    assert "A decision by the police or CPS not to charge" in first
    assert "Where it matters: Step 6" in first
    status = uk_page.locator("#letter-status").inner_text()
    assert status.startswith("Found ") and "1 date that starts a time limit" in status
    # The date goes to the date tool on the same page, never through the address.
    before = uk_page.url
    uk_page.get_by_role("button", name="Count the time limits from Tuesday 3 March 2026").click()
    result = uk_page.locator("#letter-dates-result")
    result.locator("li").first.wait_for()
    assert "Up to Wednesday 3 June 2026" in result.inner_text()  # 3 months to ask the police for a review
    assert uk_page.locator("#letter-dates-event").input_value() == "nfa"
    assert uk_page.url == before


def test_a_court_letter_and_a_sentence_letter(uk_page, base_url):
    uk_page.goto(base_url + "explain-my-letter/")
    explain(uk_page, COURT_LETTER)
    marks, _ = marked_and_explained(uk_page)
    for word in ("Witness Care Unit", "The defendant", "charged", "Plea and Trial Preparation Hearing", "PTPH", "s.28",
                 "pre-recorded cross-examination", "special measures", "not guilty plea", "magistrates' court"):
        assert word in marks, f"{word!r} not marked: {marks}"
    assert "PTPH" not in [m for m in marks if m.islower()]
    assert uk_page.get_by_role("button", name="Count the time limits from Tuesday 14 April 2026").count() == 1
    explain(uk_page, SENTENCE_LETTER)
    marks, _ = marked_and_explained(uk_page)
    assert "Unduly Lenient Sentence scheme" in marks and "Victim Personal Statement" in marks
    uk_page.get_by_role("button", name="Count the time limits from Friday 20 November 2026").click()
    result = uk_page.locator("#letter-dates-result")
    result.locator("li").first.wait_for()
    assert "Up to Friday 18 December 2026" in result.inner_text()


def test_pasted_text_is_never_treated_as_html(uk_page, base_url):
    uk_page.goto(base_url + "explain-my-letter/")
    explain(uk_page, 'The NFA <img src=x onerror="window.__pwned=1"> <b>bold</b>')
    assert uk_page.locator("#letter .wt-letter__text img, #letter .wt-letter__text b").count() == 0
    assert "<img src=x" in uk_page.locator("#letter .wt-letter__text").inner_text()
    assert uk_page.evaluate("window.__pwned") is None


# --- privacy ------------------------------------------------------------------------------------

def test_pasting_sends_nothing_stores_nothing_and_leaves_the_address_alone(uk_page, base_url, offsite_requests):
    page = uk_page
    page.goto(base_url + "explain-my-letter/")
    page.wait_for_load_state("networkidle")
    requests = []
    page.context.on("request", lambda r: requests.append(r.url))
    address, length = page.url, page.evaluate("history.length")
    page.locator("#letter-text").focus()
    page.keyboard.insert_text(NFA_LETTER)  # what a paste does: text arrives at once
    page.locator("#letter form button[type=submit]").click()
    page.locator("#letter .wt-letter__term").first.wait_for()
    page.get_by_role("button", name="Count the time limits from Tuesday 3 March 2026").click()
    page.locator("#letter-dates-result li").first.wait_for()
    show_dates(page, "letter-dates", "sentenced", "2026-11-20")
    page.wait_for_timeout(1500)  # long enough for any beacon or late request to show itself
    report = storage_report(page)
    print(f"\nprivacy: requests after pasting {len(requests)}, offsite {len(offsite_requests)}, "
          f"storage {report}, cookies {page.context.cookies()}")
    assert requests == []
    assert offsite_requests == []
    assert report == {"cookie": "", "localStorage": [], "sessionStorage": [], "indexedDB": [], "caches": [],
                      "serviceWorkers": 0}
    assert page.context.cookies() == []
    assert page.url == address and page.evaluate("history.length") == length
    assert page.evaluate("[...document.querySelectorAll('#letter input, #letter textarea, #letter select, "
                         "#letter-dates input, #letter-dates select')].filter(e => e.name).length") == 0


def test_quick_exit_empties_the_box_and_the_dates_before_leaving(uk_page, base_url):
    page = uk_page
    page.goto(base_url + "explain-my-letter/")
    explain(page, NFA_LETTER)
    show_dates(page, "letter-dates", "sentenced", "2026-11-20")
    # What the page holds at the moment the quick exit starts, before it navigates: a listener
    # added after the tools' own runs after theirs, inside the exit, before location.replace.
    seen = []
    page.expose_binding("__atExit", lambda source, state: seen.append(state))
    page.evaluate("""() => document.addEventListener("wt:quick-exit", () => __atExit({
        box: document.querySelector('#letter-text').value,
        marked: document.querySelector('[data-explain-letter-marked]').textContent,
        terms: document.querySelectorAll('.wt-letter__term').length,
        date: document.querySelector('#letter-dates-date').value,
        dates: document.querySelector('#letter-dates-result').textContent,
        hidden: document.body.style.visibility}))""")
    page.locator("#qe-link").click()
    page.wait_for_url(EXIT_URL + "*")
    assert seen == [{"box": "", "marked": "", "terms": 0, "date": "", "dates": "", "hidden": ""}]


def test_back_and_forward_never_bring_the_text_back(uk_page, base_url):
    page = uk_page
    page.goto(base_url + "explain-my-letter/")
    explain(page, NFA_LETTER)
    page.goto(base_url + "glossary/")  # another page, then Back
    page.go_back()
    page.wait_for_function("() => !!window.wtExplainLetter")
    assert page.locator("#letter-text").input_value() == ""
    assert page.locator("[data-explain-letter-result]").is_hidden()
    page.go_forward()
    page.go_back()
    assert page.locator("#letter-text").input_value() == ""


# --- accessibility, print, no JavaScript, loading --------------------------------------------

@pytest.mark.parametrize("width", [360, 1280])
def test_no_axe_violations_with_results_shown(uk_page, base_url, width):
    page = uk_page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + "your-case/")
    show_dates(page, "case-dates", "sentenced", "2026-12-04")
    start_axe(page)
    assert finish_axe(page) == [], describe(finish_axe(page))
    page.goto(base_url + "explain-my-letter/")
    explain(page, NFA_LETTER)
    page.get_by_role("button", name="Count the time limits from Tuesday 3 March 2026").click()
    page.locator("#letter-dates-result li").first.wait_for()
    start_axe(page)
    violations = finish_axe(page)
    assert violations == [], describe(violations)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_the_printed_answer_is_one_page(uk_page, base_url, tmp_path):
    from pypdf import PdfReader
    page = uk_page
    page.goto(base_url + "your-case/")
    page.evaluate("window.print = () => {}")  # the button's own dialog cannot open in a test
    show_dates(page, "case-dates", "sentenced", "2026-12-04")
    page.locator("[data-case-dates-print]").click()
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    (tmp_path / "your-dates.pdf").write_bytes(page.pdf(format="A4"))
    import shutil; shutil.copy(tmp_path / "your-dates.pdf", "/tmp/your-dates.pdf")
    text = "".join(p.extract_text() for p in pdf.pages)
    assert len(pdf.pages) == 1, f"{len(pdf.pages)} pages"
    assert "By Monday 14 December 2026" in text and "Thursday 31 December 2026" in text
    assert "Every time limit" not in text and "Exit this page" not in text


def test_without_javascript_every_limit_is_in_the_table(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path in ("your-case/", "rights/"):
        page.goto(base_url + path)
        rows = page.locator(".wt-limits__table tbody tr")
        assert rows.count() == len(LIMITS)
        assert "Within 5 working days, or 1 working day with Enhanced Rights" in page.locator("#limit-charged-told").inner_text()
    page.goto(base_url + "your-case/")
    assert page.locator(".wt-dates__nojs").is_visible() and page.locator(".wt-dates__form").is_hidden()
    page.goto(base_url + "explain-my-letter/")
    assert page.locator(".wt-letter__nojs").is_visible() and page.locator("#letter-text").is_hidden()
    context.close()


def test_a_tools_script_loads_only_where_it_is_used(site_dir):
    def scripts(path):
        html = (site_dir / path / "index.html").read_text("utf-8")
        return {name for name in ("case-dates.js", "explain-letter.js") if name in html}
    assert scripts(".") == set() and scripts("support-services") == set() and scripts("getting-support".join(["stages/", ""])) == set()
    assert scripts("your-case") == {"case-dates.js"}
    assert scripts("stages/sentencing") == {"case-dates.js"}
    assert scripts("explain-my-letter") == {"case-dates.js", "explain-letter.js"}
