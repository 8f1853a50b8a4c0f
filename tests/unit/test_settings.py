"""The publishing settings a public service must have (walkthrough/settings.py): the build stops
without them, and a release build also refuses the stand-in address and empty values."""
from __future__ import annotations

import datetime as dt

from walkthrough import cli
from walkthrough.compile import theme_data
from walkthrough.settings import is_stand_in, problems, read_config

GOOD = {"publisher": "An Example Council", "accessibility": {"contact": "access@example.org", "reviewed": dt.date(2026, 12, 2)}}
REAL = "https://guide.example-council.org.uk/"


def test_the_real_settings_pass_a_normal_build_and_name_what_a_release_needs(built_root):
    extra, site_url = read_config(built_root / "mkdocs.yml")
    assert problems(extra, site_url) == []
    release = "\n".join(problems(extra, site_url, release=True))
    # Today the address is the stand-in and the publisher and contact are not named yet.
    assert "site_url" in release and "extra.publisher" in release and "extra.accessibility.contact" in release


def test_missing_settings_stop_every_build():
    found = "\n".join(problems({}, REAL))
    assert "mkdocs.yml: extra.publisher: this setting is missing" in found
    assert "mkdocs.yml: extra.accessibility: this setting is missing" in found
    found = problems({"publisher": None, "accessibility": {"contact": None}}, REAL)
    assert found == ['mkdocs.yml: extra.accessibility.reviewed: must be the date the accessibility statement '
                     'was last reviewed, like 2026-12-02 (got "")']
    assert "must be an email address" in problems({"publisher": None, "accessibility": {"contact": "ring us", "reviewed": "2026-12-02"}}, REAL)[0]


def test_a_release_needs_a_real_address_publisher_and_contact():
    assert problems(GOOD, REAL, release=True) == []
    assert len(problems(GOOD, "https://rasso-walkthrough.example.gov.uk/", release=True)) == 1
    draft = {"publisher": None, "accessibility": {"contact": "", "reviewed": "2026-12-02"}}
    assert problems(draft, REAL) == []
    assert len(problems(draft, REAL, release=True)) == 2
    assert is_stand_in("https://rasso-walkthrough.example.gov.uk/") and not is_stand_in(REAL)


def test_walkthrough_build_release_refuses_before_building(built_root, capsys, tmp_path):
    code = cli.main(["build", "--release", "--root", str(built_root), "--site-dir", str(tmp_path / "site")])
    assert code == 1
    assert "nothing was built" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_the_home_pages_support_line_comes_from_the_data(built_root):
    from walkthrough.content import check_content
    content = check_content(built_root).content
    line = theme_data(content)["support_line"]
    service = next(s for s in content.services if s.id == "rape-crisis")
    assert line["service"] == service.name and line["card"] == "support-services/#service-rape-crisis"
    assert line["number"] == (service.contact.phone[0].number if service.contact.phone else None)
