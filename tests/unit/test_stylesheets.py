"""The post-build stylesheet step: Material's unused rules left out, one screen and one print file.
(That no rule a page needs was left out is checked in a browser: tests/browser/test_pages.py.)"""
from pathlib import Path

from walkthrough.stylesheets import bundle_stylesheets, drop_unused_properties, prune, split_print

WORDS = {"md-nav", "md-nav__link", "md-header", "slate", "data-md-color-scheme", "fade", "used"}


def test_rules_for_classes_the_site_never_has_are_left_out():
    css = (".md-nav{color:red}.admonition{color:blue}.md-nav .admonition{margin:0}"
           ".md-nav,.tabbed-set{padding:0}")
    assert prune(css, WORDS) == ".md-nav{color:red}.md-nav{padding:0}"


def test_what_cannot_be_ruled_out_is_kept():
    # Elements, :not() of an absent class, attribute names and values the site has.
    css = ("h1{margin:0}.md-nav:not(.absent){color:red}[data-md-color-scheme=slate]{color:white}"
           "[data-md-color-primary=pink]{color:pink}[data-md-color-scheme=default]{color:black}")
    assert prune(css, WORDS) == "h1{margin:0}.md-nav:not(.absent){color:red}[data-md-color-scheme=slate]{color:white}"


def test_media_blocks_keep_their_used_rules_and_empty_ones_go():
    css = "@media screen{.md-nav{color:red}.absent{color:blue}}@media print{.absent{display:none}}"
    assert prune(css, WORDS) == "@media screen{.md-nav{color:red}}"


def test_keyframes_go_when_no_kept_rule_animates_with_them():
    css = ("@keyframes fade{0%{opacity:0}}@keyframes spin{0%{opacity:1}}"
           ".md-nav{animation:fade 1s}.absent{animation:spin 1s}")
    assert prune(css, WORDS) == "@keyframes fade{0%{opacity:0}}.md-nav{animation:fade 1s}"


def test_unused_custom_properties_go_and_used_ones_stay():
    css = ":root{--used:1px;--icon:url(x.svg);color:red}.a{--only-icon:url(y.svg)}"
    assert drop_unused_properties(css, {"--used"}) == ":root{--used:1px;color:red}"


def test_print_rules_move_out():
    assert split_print(".a{color:red}@media print{.a{display:none}}@media screen{.b{margin:0}}") == (
        ".a{color:red}@media screen{.b{margin:0}}", "@media print{.a{display:none}}")


def page(title: str, links: list[str]) -> str:
    tags = "".join(f'<link rel="stylesheet" href="{href}">\n' for href in links)
    return f"<html><head><title>{title}</title>\n{tags}</head><body class=\"md-nav\">{title}</body></html>"


def test_each_page_links_one_screen_and_one_print_file_with_paths_from_where_it_is(tmp_path: Path):
    site = tmp_path / "site"
    (site / "assets/stylesheets").mkdir(parents=True)
    (site / "stages/court").mkdir(parents=True)
    (site / "assets/stylesheets/main.0123abcd.min.css").write_text(".md-nav{color:red}.admonition{color:blue}")
    (site / "assets/ours.css").write_text(".ours{margin:0}@media print{.md-nav{display:none}}")
    (site / "index.html").write_text(page("Home", ["assets/stylesheets/main.0123abcd.min.css", "assets/ours.css"]))
    (site / "stages/court/index.html").write_text(
        page("Court", ["../../assets/stylesheets/main.0123abcd.min.css", "../../assets/ours.css"]))
    (site / "404.html").write_text(page("Not found", ["/guide/assets/stylesheets/main.0123abcd.min.css",
                                                       "/guide/assets/ours.css"]))
    report = bundle_stylesheets(site, tmp_path)
    assert report.pages == 3 and report.rules_dropped == 1
    screen, printed = sorted(report.bundles)[1], sorted(report.bundles)[0]
    assert screen.startswith("assets/stylesheets/site.") and printed.startswith("assets/stylesheets/print.")
    text = (site / screen).read_text()
    assert ".md-nav{color:red}" in text and ".ours{margin:0}" in text and "admonition" not in text
    assert (site / printed).read_text() == "@media print{.md-nav{display:none}}"
    court = (site / "stages/court/index.html").read_text()
    assert court.count("<link") == 2
    assert f'href="../../{screen}">' in court and f'href="../../{printed}" media="print">' in court
    assert f'href="/guide/{screen}">' in (site / "404.html").read_text()
    # Run again (a build that is finished twice): nothing changes.
    before = {p: p.read_text() for p in site.rglob("*.html")}
    bundle_stylesheets(site, tmp_path)
    assert before == {p: p.read_text() for p in site.rglob("*.html")}


def test_parts_material_script_names_count_only_when_their_block_is_used(tmp_path: Path):
    from walkthrough.stylesheets import words_in_site
    (tmp_path / "assets/javascripts").mkdir(parents=True)
    (tmp_path / "index.html").write_text('<nav class="md-nav"></nav>')
    (tmp_path / "assets/javascripts/bundle.0123abcd.min.js").write_text(
        'h("a",{class:"md-nav__link--passed"});h("button",{class:"md-code__button"});h("div",{class:"md-tag"})')
    (tmp_path / "assets/javascripts/ours.js").write_text('el.className = "wt-term__button md-code__nav"')
    words = words_in_site(tmp_path)
    assert {"md-nav__link--passed", "md-tag", "wt-term__button", "md-code__nav"} <= words
    assert "md-code__button" not in words  # no md-code anywhere but in Material's script
