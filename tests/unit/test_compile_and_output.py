"""Compiling writes only what changed, never touches hand-written pages, and works without MkDocs."""
import posixpath
import re
import shutil
import subprocess
import sys

import pytest

from support import ROOT, TODAY
from walkthrough import postbuild, render
from walkthrough.compile import compile_site, expand_nav, mark_compiled, precompiled
from walkthrough.content import check_content
from walkthrough.output import write_pages


def test_second_compile_writes_nothing(content_root, tmp_path):
    docs = tmp_path / "docs"
    first = compile_site(content_root, docs, TODAY)
    assert len(first.written) == 11 + 43  # 7 pages, the search answers data, What's changed, the two tool pages, one page per police force area
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
    """Zensical reads mkdocs.yml but runs no hooks (ProperDocs runs them, like MkDocs): the CLI
    alone must write every page."""
    run = subprocess.run([sys.executable, "-m", "walkthrough", "compile", "--root", str(content_root)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert (content_root / "docs" / "stages" / "first-step.md").read_text().startswith("---\n# Generated from stages/first-step.yml")
    assert (content_root / "docs" / "content-reference" / "index.md").exists()


def test_the_cli_works_on_the_project_in_the_current_folder(content_root, tmp_path):
    """Two checkouts sharing one virtual environment: each `python -m walkthrough compile` run in a
    checkout compiles that checkout, whatever folder the package was installed from."""
    other = tmp_path / "other"
    shutil.copytree(content_root, other)
    (other / "glossary.yml").write_text((other / "glossary.yml").read_text().replace(
        "plain_meaning: ", "plain_meaning: In the other checkout. ", 1))
    for folder in (content_root, other):
        run = subprocess.run([sys.executable, "-m", "walkthrough", "compile"], capture_output=True, text=True, cwd=folder)
        assert run.returncode == 0, run.stderr
    assert "In the other checkout." in (other / "docs" / "glossary" / "index.md").read_text()
    assert "In the other checkout." not in (content_root / "docs" / "glossary" / "index.md").read_text()


def test_the_cli_says_where_to_run_it_outside_a_project(tmp_path):
    run = subprocess.run([sys.executable, "-m", "walkthrough", "check"], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 2
    assert "has no stages/ folder: run this in the project folder, or give it with --root" in run.stderr
    assert "Traceback" not in run.stderr


def test_the_hook_skips_compiling_only_for_the_project_the_cli_compiled(content_root, tmp_path):
    docs = content_root / "docs"
    compiled = compile_site(content_root, docs, TODAY)
    env = mark_compiled({}, content_root, docs, compiled)
    assert precompiled(content_root, docs, env) == compiled.nav
    assert precompiled(tmp_path, tmp_path / "docs", env) is None  # another checkout compiles itself
    assert precompiled(content_root, docs, {}) is None  # mkdocs serve: no CLI in front of it


def _links(page: str) -> list[str]:
    return [h for h in re.findall(r'href="([^"]+)"', page) if not re.match(r"[a-z]+:|#", h)]


def test_links_mean_the_same_to_every_builder(content_root):
    """MkDocs reads a raw-HTML href from the page's address (/stages/x/), Zensical from the Markdown
    file's folder (stages/): each link mode must reach the same site path."""
    checked = check_content(content_root, TODAY).content
    by_page = render.render_pages(checked, TODAY, links="page")
    by_file = render.render_pages(checked, TODAY, links="file")
    assert by_page.keys() == by_file.keys()
    compared = 0
    for path in by_page:
        if not path.endswith(".md"):
            continue
        from_page, from_file = _links(by_page[path]), _links(by_file[path])
        assert len(from_page) == len(from_file), path
        for a, b in zip(from_page, from_file):
            page_base = "/" + render.page_url(path)
            file_base = "/" + posixpath.dirname(path) + "/"
            assert posixpath.normpath(posixpath.join(page_base, a)) == posixpath.normpath(posixpath.join(file_base, b)), (path, a, b)
            compared += 1
    assert compared > 20
    stage = by_file["stages/first-step.md"]
    assert 'href="second-step/"' in stage and 'href="../second-step/"' in by_page["stages/first-step.md"]


def test_search_phrases_are_not_page_tags(content_root):
    """Zensical shows a page's `tags:` on the page and as search filters; the phrases go into
    `search_terms:`, which only the MkDocs hook hands to Material's search."""
    page = render.render_pages(check_content(content_root, TODAY).content)["stages/first-step.md"]
    front = page.split("\n---\n", 1)[0]
    assert "\ntags:" not in front and "\nsearch_terms:\n  - " in front


def test_a_build_step_gets_the_checked_content_when_it_asks(monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(postbuild, "STEPS", [lambda site, root: seen.append("plain"),
                                             lambda site, root, content=None: seen.append(content)])
    postbuild.finish(tmp_path, tmp_path, content="the content")
    assert seen == ["plain", "the content"]


def test_notes_are_taken_out_of_a_built_site_whichever_builder_copied_them(tmp_path):
    """Zensical copies overrides/components/*/README.md into the site; MkDocs does not."""
    (tmp_path / "components" / "quick-exit").mkdir(parents=True)
    (tmp_path / "components" / "quick-exit" / "README.md").write_text("# Notes\n")
    (tmp_path / "components" / "quick-exit" / "quick-exit.js").write_text("//\n")
    postbuild.remove_notes(tmp_path, tmp_path)
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["quick-exit.js"]
