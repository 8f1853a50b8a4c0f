"""Compiling writes only what changed, never touches hand-written pages, and works without MkDocs."""
import subprocess
import sys

import pytest

from support import ROOT, TODAY
from walkthrough.compile import compile_site, expand_nav
from walkthrough.output import write_pages


def test_second_compile_writes_nothing(content_root, tmp_path):
    docs = tmp_path / "docs"
    first = compile_site(content_root, docs, TODAY)
    assert len(first.written) == 10  # 7 pages, the search answers data, and the two tool pages (your-case, explain-my-letter)
    mtimes = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    second = compile_site(content_root, docs, TODAY)
    assert second.written == [] and second.removed == []
    assert mtimes == {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}


def test_stale_generated_pages_are_removed_but_hand_written_ones_are_kept(content_root, tmp_path):
    docs = tmp_path / "docs"
    compile_site(content_root, docs, TODAY)
    (docs / "stages" / "notes.md").write_text("# Hand-written\n")
    (content_root / "stages" / "second-step.yml").unlink()
    first = content_root / "stages" / "first-step.yml"
    text = first.read_text()
    first.write_text(text.replace(text[text.index("next:\n"):text.index("search_terms:")], "next: []\n")
                     .replace("You can read about [the next step](stage:second-step) and", "You can read"))
    result = compile_site(content_root, docs, TODAY)
    assert result.removed == ["stages/second-step.md"]
    assert (docs / "stages" / "notes.md").exists()


def test_a_hand_written_page_is_never_overwritten(tmp_path):
    (tmp_path / "stages").mkdir()
    (tmp_path / "stages" / "x.md").write_text("# Mine\n")
    with pytest.raises(FileExistsError):
        write_pages(tmp_path, {"stages/x.md": "<!-- Generated from x -->\n"}, ("stages",))


def test_nav_expansion_keeps_the_rest_of_mkdocs_yml():
    nav = [{"Home": "index.md"}, {"The steps": "stages/index.md"}, {"About": ["about.md"]}]
    journey = ["stages/index.md", {"A": "stages/a.md"}]
    # The overview is titled after its section, so its page title is not MkDocs' "Index".
    expanded = [{"The steps": "stages/index.md"}, {"A": "stages/a.md"}]
    assert expand_nav(nav, journey) == [{"Home": "index.md"}, {"The steps": expanded}, {"About": ["about.md"]}]


def test_cli_reports_content_mistakes_without_a_traceback(content_root):
    (content_root / "glossary.yml").write_text("terms:\n  - id: Bad Id\n")
    run = subprocess.run([sys.executable, "-m", "walkthrough", "check", "--root", str(content_root)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert 'glossary.yml:2: terms[0].id: use lowercase letters, numbers and single hyphens only, like "charging-decision" (got "Bad Id")' in run.stderr


def test_the_cli_compiles_with_no_mkdocs_hook(content_root):
    """Another builder that reads mkdocs.yml (Zensical, ProperDocs) runs no hooks: the CLI alone
    must write every page."""
    run = subprocess.run([sys.executable, "-m", "walkthrough", "compile", "--root", str(content_root)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert (content_root / "docs" / "stages" / "first-step.md").read_text().startswith("---\n# Generated from stages/first-step.yml")
    assert (content_root / "docs" / "content-reference" / "index.md").exists()
