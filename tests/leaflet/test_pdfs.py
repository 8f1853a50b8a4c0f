"""The leaflet PDFs that `make build` puts in site/leaflet/, read back as a reader would get them."""
from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter

import pytest

WHOLE = ("walkthrough-a4.pdf", "walkthrough-large-print.pdf")
BOOKLET = "walkthrough-a5-booklet.pdf"
A4 = (595.3, 841.9)  # points
PARTS_AFTER_STAGES = ("Your rights", "Support services", "Words you may hear", "My contacts")


def norm(text: str) -> str:
    return " ".join(text.split())


def squeezed(text: str) -> str:
    return "".join(text.split())


def stage_pdfs(content) -> list[str]:
    return [f"stages/{s.id}.pdf" for s in content.stages]


def start_page(doc, stage, total) -> int:
    pages = [n for n, text in enumerate(doc.texts, 1) if f"Step {stage.order} of {total}" in text]
    assert len(pages) == 1, f"'Step {stage.order} of {total}' is on pages {pages}"
    return pages[0]


# --- every file --------------------------------------------------------------------------------

def test_every_pdf_opens_with_a_title_the_language_and_its_fonts_embedded(pdf, content, online):
    for name in (*WHOLE, BOOKLET, *stage_pdfs(content)):
        doc = pdf(name)
        assert doc.reader.pages, name
        assert online.name in (doc.reader.metadata.title or ""), f"{name}: no document title"
        assert doc.reader.trailer["/Root"].get("/Lang") == "en-GB", f"{name}: language not set"
        for page in doc.reader.pages:
            for font in page["/Resources"].get("/Font", {}).values():
                font = font.get_object()
                if font["/Subtype"] == "/Type3":
                    continue  # drawn from procedures inside the PDF: embedded by nature
                described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
                descriptor = described["/FontDescriptor"].get_object()
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), \
                    f"{name}: font {font.get('/BaseFont')} is not embedded"


def test_pdfs_for_reading_are_tagged_with_a_bookmark_for_every_stage(pdf, content):
    for name in (*WHOLE, *stage_pdfs(content)):
        doc = pdf(name)
        root = doc.reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root, f"{name} is not tagged"

        def titles(outline):
            for item in outline:
                yield from titles(item) if isinstance(item, list) else [squeezed(item.title)]
        bookmarks = set(titles(doc.reader.outline))
        stages = content.stages if name in WHOLE else [s for s in content.stages if name == f"stages/{s.id}.pdf"]
        for stage in stages:
            assert squeezed(f"Step {stage.order}: {stage.title}") in bookmarks, f"{name}: no bookmark for {stage.id}"


def test_paper_sizes(pdf, content):
    for name in (*WHOLE, *stage_pdfs(content)):
        for page in pdf(name).reader.pages:
            assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=1), name
    for page in pdf(BOOKLET).reader.pages:  # A4 landscape: two A5 pages side by side
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4[::-1], abs=1)


def test_no_navigation_search_or_quick_exit_on_paper(pdf, content):
    for name in (*WHOLE, BOOKLET, *stage_pdfs(content)):
        text = pdf(name).text
        for chrome in ("Exit this page", "Skip to content", "Back to top", "Type to start searching", "Previous step"):
            assert chrome not in text, f"{name} has '{chrome}' on it"


# --- the whole walkthrough ---------------------------------------------------------------------

@pytest.mark.parametrize("name", WHOLE)
def test_whole_walkthrough_has_every_stage_in_order(pdf, content, name):
    text = norm(pdf(name).text)
    positions = [text.find(f"Step {s.order}: {s.title}") for s in content.stages]
    assert -1 not in positions, [s.id for s, p in zip(content.stages, positions) if p == -1]
    assert positions == sorted(positions)


@pytest.mark.parametrize("name", WHOLE)
def test_contents_page_numbers_are_where_each_part_starts(pdf, content, name):
    doc, total = pdf(name), len(content.stages)
    assert norm(doc.page(2)).startswith("Contents")
    contents = norm(doc.page(2))
    for stage in content.stages:
        found = re.search(rf"{stage.order}\. {re.escape(stage.title)} (\d+)", contents)
        assert found, f"{stage.title} is not in the contents with a page number"
        number = int(found.group(1))
        assert number == start_page(doc, stage, total), f"contents says {stage.id} starts on page {number}"
        assert norm(doc.page(number)).startswith(f"Step {stage.order} of {total}")
    for heading in PARTS_AFTER_STAGES:
        found = re.search(rf"{heading}[^0-9]* (\d+)", contents)
        assert found, f"{heading} is not in the contents"
        assert norm(doc.page(int(found.group(1)))).startswith(heading), f"{heading} is not on page {found.group(1)}"


@pytest.mark.parametrize("name", WHOLE)
def test_my_contacts_is_the_last_page_with_every_line_to_fill_in(pdf, name):
    doc = pdf(name)
    pages = [n for n, text in enumerate(doc.texts, 1) if norm(text).startswith("My contacts")]
    assert pages == [len(doc.texts)], f"My contacts is on pages {pages} of {len(doc.texts)}"
    text = norm(doc.page(pages[0]))
    for label in ("Police officer in the case", "Police officer's phone number", "Crime reference number",
                  "ISVA", "ISVA's phone number", "Witness Care Unit", "CPS reference", "Court dates", "Notes"):
        assert label in text


def test_whole_leaflet_lists_every_service_with_a_phone_and_its_number_in_full(pdf, content):
    text = norm(pdf("walkthrough-a4.pdf").text)
    with_phone = [s for s in content.services if s.contact.phone]
    assert with_phone
    for service in with_phone:
        assert service.name in text
        for phone in service.contact.phone:
            assert phone.number in text, f"{service.name}: {phone.number} is not printed"


def test_rights_and_the_words_used_are_in_the_whole_leaflet(pdf, content):
    text = norm(pdf("walkthrough-a4.pdf").text)
    for right in content.code.rights:
        assert f"Right {right.number}: {right.title}" in text
    glossary = norm(pdf("walkthrough-a4.pdf").text.split("Words you may hear")[-1])
    linked = {target.partition(":")[2] for s in content.stages for item in s.what_happens
              for target in re.findall(r"\]\((glossary:[a-z0-9-]+)\)", item)}
    for term in content.glossary:
        if term.id in linked or term.term == "ISVA":
            assert f"{term.term} " in glossary, f"{term.term} is used but not explained"


def _text_sizes(reader, pages) -> Counter:
    """How many characters are printed at each size in points, as drawn (so a page that
    Chromium shrank to fit shows smaller sizes than the stylesheet asked for)."""
    sizes: Counter = Counter()

    def visit(text, cm, tm, font, size):
        a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
        c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
        sizes[round(size * abs(a * d - b * c) ** 0.5, 1)] += len(text.strip())
    for number in pages:
        reader.pages[number - 1].extract_text(visitor_text=visit)
    return sizes


def test_large_print_body_text_is_at_least_16pt_and_nothing_is_shrunk_to_fit(pdf, content):
    total = len(content.stages)
    large, a4 = pdf("walkthrough-large-print.pdf"), pdf("walkthrough-a4.pdf")
    body_large = _text_sizes(large.reader, [start_page(large, s, total) for s in content.stages]).most_common(1)[0][0]
    body_a4 = _text_sizes(a4.reader, [start_page(a4, s, total) for s in content.stages]).most_common(1)[0][0]
    assert body_large >= 16
    assert body_a4 == pytest.approx(11, abs=0.2)  # the stylesheet's size: no page was scaled down


# --- the A5 booklet ----------------------------------------------------------------------------

def _halves(reader, index: int) -> tuple[str, str]:
    width = float(reader.pages[index].mediabox.width)
    parts: dict[int, list[str]] = {0: [], 1: []}

    def visit(text, cm, tm, font, size):
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        parts[0 if x < width / 2 else 1].append(text)
    reader.pages[index].extract_text(visitor_text=visit)
    return "".join(parts[0]), "".join(parts[1])


def test_booklet_is_imposed_so_that_folded_sheets_read_in_order(pdf, content):
    doc = pdf(BOOKLET)
    sides = len(doc.reader.pages)
    pages = 2 * sides
    assert pages % 4 == 0, f"{pages} A5 pages: a booklet needs a multiple of 4"
    by_number: dict[int, str] = {}
    for index in range(sides):
        sheet, back = divmod(index, 2)
        # Sheet k (from 0), printed double-sided and flipped on the short edge: front has pages
        # n-2k and 2k+1, back has 2k+2 and n-2k-1.
        expected = (2 * sheet + 2, pages - 2 * sheet - 1) if back else (pages - 2 * sheet, 2 * sheet + 1)
        for half, number in zip(_halves(doc.reader, index), expected):
            printed = re.findall(r"Page (\d+) of (\d+)", half)
            if printed:
                assert int(printed[-1][0]) == number, f"side {index + 1}: page {printed[-1][0]} where {number} belongs"
                by_number[number] = half
            else:  # blank pages only at the end, to make up the multiple of 4
                assert not half.strip() and number > pages - 4, f"side {index + 1}: page {number} is blank"
    assert sorted(by_number) == list(range(1, len(by_number) + 1))
    text = norm(" ".join(by_number[n] for n in sorted(by_number)))
    positions = [text.find(f"Step {s.order}: {s.title}") for s in content.stages]
    assert -1 not in positions and positions == sorted(positions)
    assert "My contacts" in text


# --- one stage at a time -----------------------------------------------------------------------

# Reporting now carries the accessible contact routes (18001 101, emergencySMS, 999 BSL), keeping
# evidence and the compensation deadline (issue 13): it prints on 3 pages until its leaflet layout
# is reworked. Every other stage stays on one double-sided sheet.
LONGER_STAGES = {"reporting": 3}


def test_each_stage_pdf_is_one_or_two_pages_of_that_stage_only(pdf, content):
    total = len(content.stages)
    for stage in content.stages:
        doc = pdf(f"stages/{stage.id}.pdf")
        assert 1 <= len(doc.texts) <= LONGER_STAGES.get(stage.id, 2), f"{stage.id}: {len(doc.texts)} pages"
        text = norm(doc.text)
        assert f"Step {stage.order}: {stage.title}" in text
        others = [s.order for s in content.stages if s is not stage and f"Step {s.order} of {total}" in text]
        assert not others


# --- QR codes, addresses and links -------------------------------------------------------------

def _decode(path, page: int, tmp_path) -> list[str]:
    for tool in ("pdftoppm", "zbarimg"):
        if not shutil.which(tool):
            pytest.fail(f"{tool} is missing: run 'make leaflet-tools' (installs poppler-utils and zbar-tools)")
    out = tmp_path / f"{path.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", "150", "-f", str(page), "-l", str(page), "-singlefile", "-png",
                    str(path), str(out)], check=True)
    found = subprocess.run(["zbarimg", "--raw", "-q", f"{out}.png"], capture_output=True, text=True)
    return found.stdout.split()


def test_every_stage_qr_code_opens_that_stage_online(pdf, content, online, leaflet, tmp_path):
    total = len(content.stages)
    a4 = pdf("walkthrough-a4.pdf")
    assert _decode(leaflet / "walkthrough-a4.pdf", 1, tmp_path) == [online.full()]  # the cover
    for stage in content.stages:
        url = online.full(stage.path)
        assert _decode(leaflet / "stages" / f"{stage.id}.pdf", 1, tmp_path) == [url], stage.id
        assert _decode(leaflet / "walkthrough-a4.pdf", start_page(a4, stage, total), tmp_path) == [url], stage.id


def test_each_stage_prints_its_short_address_in_full(pdf, content, online):
    whole = squeezed(pdf("walkthrough-a4.pdf").text)
    for stage in content.stages:
        printed = online.printed(stage.path)
        assert not printed.startswith("https://") and printed.endswith(stage.id)
        assert printed in squeezed(pdf(f"stages/{stage.id}.pdf").text)
        assert printed in whole


def _link_targets(reader) -> set[str]:
    targets = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if "/URI" in action:
                targets.add(str(action["/URI"]))
    return targets


def test_addresses_and_phone_numbers_are_clickable(pdf, content, online):
    whole = _link_targets(pdf("walkthrough-a4.pdf").reader)
    booklet = _link_targets(pdf(BOOKLET).reader)
    for stage in content.stages:
        assert online.full(stage.path) in whole and online.full(stage.path) in booklet
        assert online.full(stage.path) in _link_targets(pdf(f"stages/{stage.id}.pdf").reader)
    for service in content.services:
        for phone in service.contact.phone:
            assert f"tel:{phone.dial}" in whole, service.name
        if service.contact.phone and service.contact.website:
            assert service.contact.website in whole


# --- the site links to them --------------------------------------------------------------------

def _size_words(path) -> str:
    from pypdf import PdfReader
    size, pages = path.stat().st_size, len(PdfReader(path).pages)
    return f"(PDF, {round(size / 1024)} KB, {pages} page{'s' if pages != 1 else ''})"


def test_home_and_stage_pages_link_to_the_pdfs_with_their_sizes(site_dir, content):
    home = (site_dir / "index.html").read_text("utf-8")
    for href, words in (("leaflet/walkthrough-a4.pdf", "Download the leaflet"),
                        ("leaflet/walkthrough-large-print.pdf", "large print"),
                        ("leaflet/walkthrough-a5-booklet.pdf", "A5 booklet")):
        found = re.search(rf'<a href="{re.escape(href)}">([^<]*)</a> <span[^>]*>([^<]*)</span>', home)
        assert found and words in found.group(1), href
        assert found.group(2) == _size_words(site_dir / href)
    for stage in content.stages:
        page = site_dir / "stages" / stage.id / "index.html"
        found = re.search(r'<a href="([^"]+)">Download this stage as PDF</a> <span[^>]*>([^<]*)</span>',
                          page.read_text("utf-8"))
        assert found, stage.id
        target = (page.parent / found.group(1)).resolve()
        assert target == (site_dir / "leaflet" / "stages" / f"{stage.id}.pdf").resolve()
        assert found.group(2) == _size_words(target)


# --- issue 15: drafts, numbers, the cover, who publishes --------------------------------------
def _words(path) -> list[list[tuple[float, str]]]:
    """Each page's words with their left edge, from pdftotext -bbox (poppler-utils)."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append([(float(x), html_unescape(w)) for x, w in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', page)])
    return pages


def html_unescape(text: str) -> str:
    import html
    return html.unescape(text)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext (make leaflet-tools)")
def test_list_numbers_from_10_up_are_printed_whole(leaflet, content):
    """At 1.3em of room, "10." was pushed past the text's left edge and printed as ".0"."""
    checked = 0
    for name in (*WHOLE, *stage_pdfs(content)):
        for number, words in enumerate(_words(leaflet / name), 1):
            left = min((x for x, w in words if not re.fullmatch(r"\d+\.", w)), default=None)
            for x, w in words:
                if re.fullmatch(r"1\d\.", w) and left is not None:
                    checked += 1
                    assert x >= left - 0.5, f"{name} page {number}: {w!r} starts left of the text ({x:.1f} < {left:.1f})"
    assert checked >= 10


def test_a_draft_marks_every_page_and_the_cover_names_the_publisher(pdf, content, online):
    from walkthrough.leaflet.render import DRAFT_MARK
    for name in (*WHOLE, BOOKLET, *stage_pdfs(content)):
        doc = pdf(name)
        marked = [DRAFT_MARK in norm(t) for t in doc.texts]
        assert all(marked) if online.draft else not any(marked), name
    cover = norm(pdf(WHOLE[0]).page(1))
    assert (f"Published by {online.publisher}" if online.publisher else "Draft: the organisation that publishes this guide is not named yet") in cover


def test_the_large_print_cover_prints_the_address_on_one_line(pdf, online):
    lines = [norm(line) for line in pdf("walkthrough-large-print.pdf").page(1).splitlines()]
    assert online.printed() in lines
