"""Dated and proposed facts on a stage page, the checks that keep them honest over time, the
What's changed page and its feed, and the command line's law-status table and --strict."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import feedparser
import pytest

from support import TODAY
from walkthrough import lawdates
from walkthrough.content import check_content
from walkthrough.leaflet.urls import Site
from walkthrough.render import render_pages

SITE = Site("https://guide.example.gov.uk/", "Test guide")
FACT = "key_facts:\n  - text: There is **no time limit** for this.\n    source: https://www.example.org/fact\n"

# Test text only (the fixture's wording is never published).
DATED = FACT + """\
  - text: You have 28 days to ask for a review.
    source: https://www.example.org/old-rule
    law:
      title: An Example Act 2020, section 3
      url: https://www.legislation.gov.uk/ukpga/2020/1/section/3
    in_force_until: 2027-01-31
  - text: You have 56 days to ask for a review.
    source: https://www.example.org/new-rule
    law:
      title: An Example Act 2026, section 12
      url: https://www.legislation.gov.uk/ukpga/2026/1/section/12
    in_force_from: 2027-02-01
    affects: how_long
  - text: A judge may hear some cases alone.
    source: https://www.example.org/bill
    law:
      title: An Example Bill, clause 3
      url: https://bills.parliament.uk/bills/1
    status: proposed
    proposal:
      name: An Example Bill
      progress: Committee stage, House of Commons
      last_checked: 2026-11-20
  - text: Victims can ask for a copy of what the judge said.
    source: https://www.example.org/act
    status: awaiting_commencement
  - text: This rule starts much later.
    source: https://www.example.org/later
    in_force_from: 2028-01-01
  - text: This rule has ended.
    source: https://www.example.org/ended
    in_force_until: 2026-01-01
"""


def _dated(root, facts=DATED):
    path = root / "stages/first-step.yml"
    path.write_text(path.read_text().replace(FACT, facts))
    return root


def _page(root, today=TODAY) -> str:
    checked = check_content(root, today)
    return render_pages(checked.content, today, SITE)["stages/first-step.md"]


def _section(page: str, anchor: str) -> str:
    """The text from a section's heading to the next section heading."""
    start = page.index(f"{{ #{anchor} }}")
    following = page.find("\n## ", start)
    return page[start: following if following != -1 else len(page)]


def test_key_facts_show_only_the_rules_in_force_on_the_day(content_root):
    facts = _section(_page(_dated(content_root)), "key-facts")
    listed = facts[: facts.index("</ul>")]
    assert "There is <strong>no time limit</strong>" in listed
    assert "<strong>Until 31 January 2027:</strong> You have 28 days" in listed
    assert 'The law: <a class="wt-source" href="https://www.legislation.gov.uk/ukpga/2020/1/section/3"' in listed
    for absent in ("56 days", "starts much later", "has ended", "judge may hear", "copy of what the judge said"):
        assert absent not in listed


def test_a_rule_starting_within_six_months_is_a_note_next_to_the_section_it_affects(content_root):
    how_long = _section(_page(_dated(content_root)), "how-long")
    note = re.search(r'<section class="wt-law-note wt-law-note--upcoming" aria-labelledby="(law-note-\d+) law-note-\d+-what">(.*?)</section>',
                     how_long, re.S)
    assert note, how_long
    assert f'<h3 class="wt-law-note__title" id="{note.group(1)}">The law is changing</h3>' in note.group(2)
    assert "<strong>From 1 February 2027:</strong> You have 56 days to ask for a review." in note.group(2)
    assert "An Example Act 2026, section 12" in note.group(2)
    # A rule starting more than 6 months away is not shown at all yet.
    assert "starts much later" not in _page(content_root)


def test_a_proposal_says_it_is_not_law_names_the_bill_its_progress_and_when_it_was_checked(content_root):
    facts = _section(_page(_dated(content_root)), "key-facts")
    note = re.search(r'<section class="wt-law-note wt-law-note--proposed".*?</section>', facts, re.S).group(0)
    assert ">Proposed, not yet law</h3>" in note
    assert "A judge may hear some cases alone." in note
    assert "This is proposed in the An Example Bill. It is not law yet" in note
    assert "Committee stage, House of Commons (last checked on 20 November 2026)" in note
    assert 'href="https://bills.parliament.uk/bills/1"' in note
    awaiting = re.search(r'<section class="wt-law-note wt-law-note--awaiting-commencement".*?</section>', facts, re.S).group(0)
    assert ">The law is changing</h3>" in awaiting and "has not started yet" in awaiting


def test_on_the_day_a_rule_starts_it_is_a_key_fact_and_the_old_one_is_gone(content_root):
    page = _page(_dated(content_root), dt.date(2027, 2, 1))
    facts = _section(page, "key-facts")
    assert "You have 56 days to ask for a review." in facts[: facts.index("</ul>")]
    assert "28 days" not in page and "wt-law-note--upcoming" not in page


def test_each_stage_says_when_it_was_last_reviewed_and_separately_when_it_last_changed(content_root):
    page = _page(content_root)
    assert '<span class="wt-step__reviewed">Last reviewed on 10 January 2026</span>' in page
    assert ('<span class="wt-step__changed">Last changed on <a href="../../whats-changed/#2026-11-first-step-facts">'
            '20 November 2026</a></span>') in page
    second = render_pages(check_content(content_root, TODAY).content, TODAY, SITE)["stages/second-step.md"]
    assert "Last reviewed on" in second and "Last changed" not in second  # no entry names it


def test_the_changes_page_lists_entries_newest_first_with_permanent_anchors_and_section_links(content_root):
    page = render_pages(check_content(content_root, TODAY).content, TODAY, SITE)["whats-changed/index.md"]
    headings = re.findall(r"^## (.+) \{ #([a-z0-9-]+) \}$", page, re.M)
    assert headings == [("New key facts at the first step", "2026-11-first-step-facts"),
                        ("More about your choices at the first step", "2026-10-first-step-choices")]
    newest = page[page.index("2026-11-first-step-facts"): page.index("## More about")]
    assert '<time datetime="2026-11-20">20 November 2026</time>' in newest
    assert '<a href="../stages/first-step/#in-short">Step 1, First step: In short</a>' in newest
    assert '<a href="../stages/first-step/#key-facts">Step 1, First step: Key facts and where they come from</a>' in newest
    assert '<a href="../stages/first-step/">the first step</a>' in newest  # the summary's stage: link


def test_the_feed_parses_with_a_real_feed_parser_with_absolute_links_and_dates_from_the_content(content_root):
    pages = render_pages(check_content(content_root, TODAY).content, TODAY, SITE)
    parsed = feedparser.parse(pages["whats-changed/feed.xml"])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == "Test guide: what's changed"
    assert parsed.feed.updated == "2026-11-20T00:00:00Z"
    assert [(e.title, e.link) for e in parsed.entries] == [
        ("New key facts at the first step", "https://guide.example.gov.uk/whats-changed/#2026-11-first-step-facts"),
        ("More about your choices at the first step", "https://guide.example.gov.uk/whats-changed/#2026-10-first-step-choices")]
    assert parsed.entries[0].summary == "The first step now has a new key fact. See the first step."
    assert pages["whats-changed/feed.xml"].startswith("<!-- Generated from changes.yml")
    # The same content, on another day, gives the same feed.
    assert render_pages(check_content(content_root, TODAY).content, dt.date(2026, 12, 25), SITE)["whats-changed/feed.xml"] \
        == pages["whats-changed/feed.xml"]


def test_the_content_reference_documents_the_new_fields_and_changes_yml_from_the_schemas(content_root):
    page = render_pages(check_content(content_root, TODAY).content, TODAY, SITE)["content-reference/index.md"]
    for field in ("key_facts[].law.url", "key_facts[].in_force_from", "key_facts[].in_force_until", "key_facts[].status",
                  "key_facts[].proposal.last_checked", "key_facts[].affects", "review_interval_months",
                  "changes[].id", "changes[].affects[].sections"):
        assert f"<code>{field}</code>" in page, field
    assert "## What&#39;s changed { #changes" in page and "<code>changes.yml</code>" in page
    assert "<tr><td><code>awaiting_commencement</code></td>" in page
    assert "<tr><td><code>if_you_are_unhappy</code></td><td>If you are unhappy</td></tr>" in page


# --- warnings -----------------------------------------------------------------------------------
def _warnings(root, today):
    return [str(w) for w in check_content(root, today).warnings]


def test_a_proposal_last_checked_more_than_three_months_ago_warns_naming_the_fact(content_root):
    _dated(content_root)
    assert not [w for w in _warnings(content_root, dt.date(2027, 2, 20)) if "proposal" in w]
    stale = [w for w in _warnings(content_root, dt.date(2027, 2, 21)) if "proposal" in w]
    assert stale == ['stages/first-step.yml:52: warning: key_facts[3].proposal.last_checked: the proposal (An Example Bill) '
                     'behind "A judge may hear some cases alone." was last checked on 2026-11-20, more than 3 months ago: '
                     'check where it has got to, and update progress and last_checked']


@pytest.mark.parametrize("start, warns", [("2026-11-29", True), ("2026-11-30", False)])
def test_a_start_date_that_has_passed_warns_if_the_text_says_will_or_the_rule_is_still_pending(content_root, start, warns):
    _dated(content_root, FACT + f"""\
  - text: You will have 56 days to ask for a review.
    source: https://www.example.org/new-rule
    in_force_from: {start}
  - text: Victims can ask for a copy of what the judge said.
    source: https://www.example.org/act
    status: awaiting_commencement
    in_force_from: {start}
""")
    warnings = [w for w in _warnings(content_root, TODAY) if "key_facts" in w]
    expected = [f'stages/first-step.yml:30: warning: key_facts[1].text: this rule has applied since {start}, but the text '
                'still says "will" ("You will have 56 days to ask for a review."): write it as the rule in force now',
                f'stages/first-step.yml:35: warning: key_facts[2].status: is still awaiting_commencement, but in_force_from '
                f'({start}) has passed: if "Victims can ask for a copy of what the judge said." has started, remove status; '
                'if not, correct in_force_from']
    assert warnings == (expected if warns else [])


@pytest.mark.parametrize("facts, extra, warn_on, quiet_on", [
    (FACT, "", dt.date(2027, 11, 26), dt.date(2027, 11, 25)),          # no law: 12 months
    (DATED, "", dt.date(2027, 5, 26), dt.date(2027, 5, 25)),           # facts with a law: 6 months
    (DATED, "review_interval_months: 3\n", dt.date(2027, 2, 26), dt.date(2027, 2, 25)),  # its own
])
def test_a_stage_warns_when_its_review_is_older_than_its_interval(content_root, facts, extra, warn_on, quiet_on):
    _dated(content_root, facts)
    path = content_root / "stages/first-step.yml"
    path.write_text(path.read_text().replace("last_reviewed: 2026-01-10\n", "last_reviewed: 2026-11-25\n" + extra))
    def review(day):
        return [w for w in _warnings(content_root, day) if "last_reviewed" in w and "first-step" in w]
    assert review(quiet_on) == []
    assert len(review(warn_on)) == 1 and "review interval of" in review(warn_on)[0]


# --- the command line --------------------------------------------------------------------------------
def _cli(root, *args):
    return subprocess.run([sys.executable, "-m", "walkthrough", *args, "--root", str(root)],
                          capture_output=True, text=True)


def test_check_prints_the_law_status_table_and_the_next_day_the_law_shown_changes(content_root):
    result = _cli(_dated(content_root), "check", "--date", "2026-11-29")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Law status on 2026-11-29 (every dated or proposed key fact):" in out
    rows = {line.split()[1]: line for line in out.splitlines() if line.startswith("  first-step key_facts[")}
    assert set(rows) == {"key_facts[1]", "key_facts[2]", "key_facts[3]", "key_facts[4]", "key_facts[5]", "key_facts[6]"}
    assert re.search(r"current\s+until 2027-01-31\s+An Example Act 2020, section 3\s+2026-01-10 \(stage\)", rows["key_facts[1]"])
    assert re.search(r"upcoming\s+from 2027-02-01\s+An Example Act 2026, section 12", rows["key_facts[2]"])
    assert re.search(r"proposed\s+-\s+An Example Bill, clause 3\s+2026-11-20 \(proposal\)", rows["key_facts[3]"])
    assert "awaiting commencement" in rows["key_facts[4]"] and "later" in rows["key_facts[5]"] and "ended" in rows["key_facts[6]"]
    # The next change: the new rule starts on 1 February 2027 (and the old one ends the day before).
    assert "The law shown changes next on 2027-02-01 (1 February 2027)" in out


def test_strict_turns_warnings_into_mistakes(content_root):
    assert _cli(content_root, "check", "--strict", "--date", "2026-11-29").returncode == 0  # no warnings
    _dated(content_root)
    relaxed = _cli(content_root, "check", "--date", "2027-06-01")
    assert relaxed.returncode == 0 and "warning:" in relaxed.stderr
    strict = _cli(content_root, "check", "--strict", "--date", "2027-06-01")
    assert strict.returncode == 1
    assert "--strict treats them as mistakes" in strict.stderr and "Traceback" not in strict.stderr


def test_the_build_date_defaults_to_today_in_utc_unless_told(content_root, monkeypatch):
    monkeypatch.delenv(lawdates.DATE_VARIABLE, raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert check_content(content_root).today == dt.datetime.now(dt.timezone.utc).date()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert check_content(content_root).today == dt.date(2027, 1, 15)


# --- conventions ------------------------------------------------------------------------------------
def test_the_section_names_in_the_schema_are_the_stage_sections_with_their_headings():
    from walkthrough.schemas import _registry, schema
    from walkthrough.sections import STAGE_SECTIONS
    section_key = _registry()["common.schema.json"].contents["$defs"]["section_key"]["oneOf"]
    expected = [(s.key, s.heading) for s in STAGE_SECTIONS if s.key != "sources"]
    assert [(o["const"], o["title"]) for o in section_key] == expected
    assert schema("stage")["properties"]["key_facts"]["items"]["properties"]["affects"]["default"] == "key_facts"


def test_the_copied_footer_partial_matches_the_installed_material():
    from importlib.metadata import version
    from support import ROOT
    partial = (ROOT / "overrides/partials/copyright.html").read_text("utf-8")
    assert "Copied from Material 9.8.1, partials/copyright.html" in partial
    assert version("mkdocs-material") == "9.8.1", "Material changed: compare the copied partial with the new one"
    assert "{{ 'whats-changed/' | url }}" in partial
