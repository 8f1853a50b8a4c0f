"""A leaflet PDF is printed again when what it shows changes, and only then; printing the same
content again gives the same bytes."""
from __future__ import annotations

import io
import re
import shutil

from pypdf import PdfReader

from walkthrough.leaflet.step import CACHE_DIR, make_leaflet


def test_pdfs_are_reprinted_only_when_their_content_changes_and_reprints_are_identical(built_root, site_dir, content, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(built_root / "stages", root / "stages")
    for path in built_root.glob("*.yml"):  # every content file, and mkdocs.yml
        shutil.copy(path, root / path.name)
    cache = tmp_path / "cache"
    shutil.copytree(built_root / CACHE_DIR, cache)  # what the session's build left

    # Same content: every PDF comes from the cache, byte for byte what the site has.
    first, figures = make_leaflet(root, cache)
    assert figures["printed"] == 0
    assert all(data == (site_dir / path).read_bytes() for path, data in first.items())

    # Rename one stage: its own PDF, the PDFs of the stages that lead to it ("What happens
    # next") and the whole walkthrough change; every other stage's PDF is reused as it was.
    stage = min(content.stages, key=lambda s: len(s.title))
    path = root / "stages" / f"{stage.id}.yml"
    original = path.read_text("utf-8")
    path.write_text(re.sub(r"(?m)^title: .*$", f"title: {stage.title} now", original, count=1), "utf-8")
    second, figures = make_leaflet(root, cache)
    leading = {s.id for s in content.stages if any(n.stage == stage.id for n in s.next)}
    expected = {f"leaflet/stages/{i}.pdf" for i in {stage.id} | leading}
    expected |= {"leaflet/walkthrough-a4.pdf", "leaflet/walkthrough-large-print.pdf", "leaflet/walkthrough-a5-booklet.pdf"}
    assert {p for p in second if second[p] != first[p]} == expected
    assert figures["from_cache"] == len(first) - len(expected)
    changed = PdfReader(io.BytesIO(second[f"leaflet/stages/{stage.id}.pdf"]))
    assert f"{stage.title} now" in " ".join(" ".join(p.extract_text() for p in changed.pages).split())

    # Back as it was: the changed PDFs are printed afresh (the cache kept only the last build's)
    # and come out byte-identical to the first printing.
    path.write_text(original, "utf-8")
    third, figures = make_leaflet(root, cache)
    assert figures["printed"] > 0
    assert third == first
