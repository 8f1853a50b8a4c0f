"""Rendering: blocks, permanent anchors, the step indicator and branch links."""
import re

from support import TODAY
from walkthrough.content import check_content
from walkthrough.render import nav, relative, render_pages
from walkthrough.sections import STAGE_SECTIONS


def pages_for(root):
    return render_pages(check_content(root, TODAY).content)


def test_every_section_has_its_fixed_anchor_in_order(content_root):
    page = pages_for(content_root)["stages/first-step.md"]
    anchors = re.findall(r"^## .* \{ #([a-z-]+) \}$", page, re.M)
    assert anchors == [s.anchor for s in STAGE_SECTIONS] + ["all-steps"]
    assert "## Your rights { #your-rights }" in page


def test_rewording_a_heading_keeps_the_anchor(content_root, monkeypatch):
    import walkthrough.render as render
    from walkthrough.sections import Section
    reworded = tuple(Section(s.key, s.anchor, s.heading.upper()) for s in STAGE_SECTIONS)
    monkeypatch.setattr(render, "STAGE_SECTIONS", reworded)
    page = pages_for(content_root)["stages/first-step.md"]
    assert "## YOUR RIGHTS { #your-rights }" in page


def test_step_indicator_summary_first_and_branches(content_root):
    pages = pages_for(content_root)
    first, second = pages["stages/first-step.md"], pages["stages/second-step.md"]
    assert "# The first step" in first and "Step 1 of 2" in first
    assert first.index("In short") < first.index("What happens")
    assert 'If you go on:</span> <a class="wt-next__link" rel="next" href="../second-step/">Step 2: The second step</a>' in first
    # Issue 15: the pagination block's "Previous step" is the way in when it is the only one (a
    # "You may have come here from" line then lists a branch's ways in instead).
    assert 'wt-previous__link" rel="prev" href="../first-step/"' in second
    assert "You may have come here from" not in second
    assert "This is the last step in this guide." in second
    assert 'aria-current="step"' in first


def test_content_links_and_services_render(content_root):
    pages = pages_for(content_root)
    first = pages["stages/first-step.md"]
    assert '<a href="../second-step/">the next step</a>' in first
    assert '<a href="../../glossary/#isva">ISVA</a>' in first
    assert '<a href="tel:+448085002222">0808 500 2222</a>' in first  # support for talk-now
    assert "<strong>no time limit</strong>" in first
    second = pages["stages/second-step.md"]
    assert "Helpline One" in second  # named by id


def test_generated_pages_and_nav(content_root):
    pages = pages_for(content_root)
    # One page per police force area too (support-services/<area>/), whether or not it has a local file.
    areas = {f"support-services/{a}.md" for a in check_content(content_root, TODAY).content.areas}
    assert len(areas) == 43
    assert set(pages) == {"stages/first-step.md", "stages/second-step.md", "stages/index.md", "rights/index.md",
                          "support-services/index.md", "glossary/index.md", "content-reference/index.md",
                          "whats-changed/index.md", "your-case/index.md", "explain-my-letter/index.md"} | areas
    assert all(text.startswith("---\n# Generated from ") for text in pages.values())
    services = pages["support-services/index.md"]
    assert "{ #talk-now }" in services and "{ #for-men }" in services and 'id="service-helpline-two"' in services
    assert "Monday to Friday, 9am to 5:30pm" in services
    rights = pages["rights/index.md"]
    assert "{ #right-1 }" in rights and 'href="../stages/first-step/#your-rights"' in rights
    assert nav(check_content(content_root, TODAY).content) == [
        "stages/index.md", {"First step": "stages/first-step.md"}, {"Second step": "stages/second-step.md"}]


def test_relative_links():
    assert relative("stages/a/", "stages/b/") == "../b/"
    assert relative("stages/a/", "glossary/#isva") == "../../glossary/#isva"
    assert relative("", "stages/a/") == "stages/a/"
    assert relative("stages/a/", "stages/a/#x") == "./#x"


def test_the_content_reference_lists_every_allowed_area_from_the_schema(content_root):
    from walkthrough.schemas import schema
    reference = pages_for(content_root)["content-reference/index.md"]
    section = reference.split("### Allowed values for `services[].area`", 1)[1].split("###", 1)[0]
    titles = {o["const"]: o["title"] for o in schema("services")["$defs"]["area"]["oneOf"]}
    rows = re.findall(r"<tr><td><code>([a-z-]+)</code></td><td>([^<]+)</td></tr>", section)
    assert [value for value, _ in rows] == list(titles)
    assert ("south-wales", "South Wales (Wales)") in rows and ("kent", "Kent (England)") in rows
    assert "### Allowed values for `services[].who_for`" in reference


def test_a_service_card_names_its_police_force_area(content_root):
    path = content_root / "support_services.yml"
    path.write_text(path.read_text("utf-8").replace("area: [wales]", "area: [south-wales]"), "utf-8")
    services = pages_for(content_root)["support-services/index.md"]
    assert 'data-area="south-wales"' in services and "<dt>Where</dt><dd>South Wales</dd>" in services
