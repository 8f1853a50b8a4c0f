"""The leaflet's parts that need no browser: print HTML, booklet order, sizes, dates, addresses.
(The printed PDFs themselves are checked in tests/leaflet/.)"""
import datetime as dt
import re

import pytest

from support import TODAY
from walkthrough.content import check_content
from walkthrough.leaflet import booklet, qr, sizes, stamp
from walkthrough.leaflet.render import CONTACT_LINES, LAYOUTS, STYLESHEET, Leaflet, terms_used
from walkthrough.leaflet.urls import Site, site_from_config


def leaflet_for(root):
    content = check_content(root, TODAY).content
    return content, Leaflet(content, Site("https://guide.example.gov.uk/", "Test guide"), TODAY)


def test_whole_leaflet_html_has_every_part_and_no_site_chrome(content_root):
    content, leaflet = leaflet_for(content_root)
    html = leaflet.whole(LAYOUTS["a4"])
    assert '<html lang="en-GB"' in html and "<title>Test guide</title>" in html
    positions = [html.index(f"Step {s.order}: {s.title}</h2>") for s in content.stages]
    assert positions == sorted(positions)
    for part in ('id="rights"', 'id="services"', 'id="glossary"', 'id="contacts"'):
        assert part in html
    for label, _ in CONTACT_LINES:
        assert label.replace("'", "&#39;") in html
    # The contents shows "–" until the first printing says where each part starts.
    assert html.count('<span class="lf-toc__page">–</span>') == len(leaflet.parts())
    numbered = leaflet.whole(LAYOUTS["a4"], {p.id: 10 + i for i, p in enumerate(leaflet.parts())})
    assert '<span class="lf-toc__page">10</span>' in numbered
    for chrome in ("quick-exit", "qe__link", "md-header", "md-search", "<nav", "<script"):
        assert chrome not in html


def test_links_go_inside_the_whole_leaflet_and_online_from_a_single_stage(content_root):
    content, leaflet = leaflet_for(content_root)
    whole, single = leaflet.whole(LAYOUTS["a4"]), leaflet.stage(content.stages[0])
    assert 'href="#stage-second-step"' in whole and 'href="#term-isva"' in whole
    assert 'id="term-isva"' in whole
    assert 'href="https://guide.example.gov.uk/stages/second-step/"' in single
    assert 'href="https://guide.example.gov.uk/glossary/#isva"' in single
    # On paper a link to a stage says which step it is.
    assert 'a[href="#stage-second-step"]:not(.lf-url):not(.lf-toc__link)::after { content: " (step 2)"; }' \
        in leaflet.stylesheet(internal_links=True)


def test_each_stage_carries_a_qr_code_and_its_printed_address(content_root):
    content, leaflet = leaflet_for(content_root)
    single = leaflet.stage(content.stages[1])
    assert re.search(r'<img class="lf-qr__code" src="data:image/svg\+xml[^"]+" alt="QR code that opens '
                     r'guide\.example\.gov\.uk/stages/second-step"', single)
    assert ">guide.example.gov.uk</span><wbr><span class=\"lf-nowrap\">/stages/second-step</span>" in single
    assert qr.data_uri("https://a.example/") != qr.data_uri("https://b.example/")


def test_large_print_is_its_own_layout():
    assert LAYOUTS["large"].footer_pt >= 14 and LAYOUTS["a5"].paper == "A5"
    css = STYLESHEET.read_text()
    size = re.search(r"html\.lf--large \{ font-size: (\d+)pt", css)
    assert size and int(size.group(1)) >= 16


def test_glossary_keeps_only_terms_used_abbreviations_in_capitals_only(content_root):
    content, _ = leaflet_for(content_root)
    assert [t.id for t in terms_used(content, ["Ask the CPS."])] == ["cps"]
    assert terms_used(content, ["the cps said"]) == ()  # "cps" is not the abbreviation
    assert [t.id for t in terms_used(content, ["an [adviser](glossary:isva)"])] == ["isva"]
    assert [t.id for t in terms_used(content, ["your independent sexual violence adviser"])] == ["isva"]


@pytest.mark.parametrize("pages, expected", [
    (8, [(8, 1), (2, 7), (6, 3), (4, 5)]),
    (6, [(None, 1), (2, None), (6, 3), (4, 5)]),
    (4, [(4, 1), (2, 3)]),
])
def test_booklet_sides_fold_into_reading_order(pages, expected):
    assert booklet.sides(pages) == expected


def test_sizes_are_filled_in_next_to_download_links(tmp_path):
    (tmp_path / "stages").mkdir()
    page = tmp_path / "stages" / "index.html"
    page.write_text('<p><a href="../leaflet/x.pdf">Download</a> <span data-leaflet-size="leaflet/x.pdf">(PDF)</span></p>')
    assert sizes.fill(tmp_path, {"leaflet/x.pdf": (87_000, 2)}) == 1
    assert "(PDF, 85 KB, 2 pages)</span>" in page.read_text()
    assert sizes.describe(2_500_000, 1) == "(PDF, 2.4 MB, 1 page)"
    page.write_text('<span data-leaflet-size="leaflet/missing.pdf">(PDF)</span>')
    with pytest.raises(ValueError, match="missing.pdf"):
        sizes.fill(tmp_path, {})


def test_pdf_dates_are_fixed_without_moving_any_byte(monkeypatch, content_root):
    pdf = b"%PDF-1.4\n<</CreationDate (D:20261129031323+00'00')\n/ModDate (D:20261129031323+00'00')>>\nxref"
    when = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
    fixed = stamp.fix_dates(pdf, when)
    assert len(fixed) == len(pdf) and fixed.count(b"D:20260102000000+00'00'") == 2
    content = check_content(content_root, TODAY).content
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert stamp.build_time(content) == dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    latest = max(s.last_reviewed for s in content.stages)
    assert stamp.build_time(content).date() >= latest


def test_site_address_comes_from_mkdocs_yml(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: A guide\nsite_url: https://guide.example.gov.uk\nx: !ENV [HOME]\n")
    site = site_from_config(config)
    assert site.full("stages/a/") == "https://guide.example.gov.uk/stages/a/"
    assert site.printed("stages/a/") == "guide.example.gov.uk/stages/a" and site.name == "A guide"
