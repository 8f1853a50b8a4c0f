"""Published stage addresses are permanent: the build refuses to lose one without a redirect."""
from __future__ import annotations

from pathlib import Path

import pytest

from support import ROOT, TODAY
from walkthrough import published
from walkthrough.compile import compile_site
from walkthrough.content import check_content
from walkthrough.problems import ContentError
from walkthrough.render import render_pages


def _write(root: Path, text: str) -> None:
    (root / published.FILE).write_text(text, "utf-8")


def test_the_repository_lists_the_published_stages():
    data = published.load(ROOT, [])[0]
    assert "reporting" in data.ids and "no-further-action" in data.ids
    present = {p.stem for p in (ROOT / "stages").glob("*.yml")}
    for sid in data.ids:
        assert sid in present or sid in data.renamed, sid


def test_a_published_stage_removed_without_a_redirect_fails_with_a_named_error(content_root):
    _write(content_root, "published:\n  - first-step\n  - second-step\n  - old-step\nrenamed: {}\n")
    with pytest.raises(ContentError) as raised:
        check_content(content_root, TODAY)
    lines = [str(p) for p in raised.value.problems]
    assert any(line.startswith("published_ids.yml:4: published[2]:") and '"old-step"' in line
               and "renamed" in line for line in lines), lines


def test_a_renamed_id_passes_and_gets_a_redirect_page(content_root):
    _write(content_root, "published:\n  - first-step\n  - old-step\nrenamed:\n  old-step: second-step\n")
    content = check_content(content_root, TODAY).content
    assert content.redirects == {"old-step": "second-step"}
    page = render_pages(content)["stages/old-step/index.html"]
    assert page.startswith("<!-- Generated from published_ids.yml")
    assert '<meta http-equiv="refresh" content="0; url=../second-step/">' in page
    assert '<a href="../second-step/">' in page
    assert 'location.replace("../second-step/" + location.hash)' in page  # keeps #your-rights


def test_the_redirect_page_is_written_and_removed_with_the_rename(content_root):
    _write(content_root, "published:\n  - old-step\nrenamed:\n  old-step: second-step\n")
    compiled = compile_site(content_root, today=TODAY)
    assert "stages/old-step/index.html" in compiled.written
    _write(content_root, "published:\n  - second-step\nrenamed: {}\n")
    compiled = compile_site(content_root, today=TODAY)
    assert "stages/old-step/index.html" in compiled.removed


def test_a_rename_must_lead_to_a_stage(content_root):
    _write(content_root, "published:\n  - old-step\nrenamed:\n  old-step: nowhere\n")
    with pytest.raises(ContentError) as raised:
        check_content(content_root, TODAY)
    assert any(str(p).startswith("published_ids.yml:4: renamed.old-step:") and '"nowhere"' in str(p)
               for p in raised.value.problems)


def test_a_rename_cannot_hide_a_current_stage(content_root):
    _write(content_root, "published: []\nrenamed:\n  first-step: second-step\n")
    with pytest.raises(ContentError) as raised:
        check_content(content_root, TODAY)
    assert any("is still a stage" in str(p) for p in raised.value.problems)


def test_renames_can_chain():
    assert published.final_id("a", {"a": "b", "b": "c"}) == "c"
    assert published.final_id("a", {"a": "b", "b": "a"}) in ("a", "b")  # a loop ends, and is reported


def test_without_the_file_nothing_is_published(content_root):
    assert not (content_root / published.FILE).exists()
    assert check_content(content_root, TODAY).content.redirects == {}
