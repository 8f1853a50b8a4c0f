"""What the site's search indexes: repeated boilerplate is marked for Material's search plugin to
leave out (data-search-exclude), so results point to the page people want and the index stays
small for slow connections (issue 8); the services page itself stays searchable."""
import re

from support import TODAY
from walkthrough.content import check_content
from walkthrough.render import render_pages


def test_service_cards_on_stage_pages_are_left_out_but_the_services_page_is_searchable(content_root):
    pages = render_pages(check_content(content_root, TODAY).content)
    stage_cards = re.findall(r'<div class="wt-service"[^>]*>', pages["stages/first-step.md"])
    service_cards = re.findall(r'<div class="wt-service"[^>]*>', pages["support-services/index.md"])
    assert stage_cards and all('data-search-exclude="true"' in tag for tag in stage_cards)
    assert service_cards and not any("data-search-exclude" in tag for tag in service_cards)


def test_the_list_of_all_steps_and_the_content_reference_are_left_out(content_root):
    pages = render_pages(check_content(content_root, TODAY).content)
    # The step-by-step list of all steps (issue 15 replaced the plain list), and the step line and
    # pagination, which would make every stage's search teaser "Step 4 of 12 Last reviewed…".
    stage = pages["stages/first-step.md"]
    assert '<ol class="wt-steps wt-steps--compact" data-search-exclude="true">' in stage
    assert '<p class="wt-step" id="step" data-search-exclude="true">' in stage
    assert re.search(r'<nav class="wt-pagination[^"]*"[^>]*data-search-exclude="true"', stage)
    # The journey page's step-by-step is its content: searchable.
    assert '<ol class="wt-steps">' in pages["stages/index.md"]
    body = pages["content-reference/index.md"].split("\n---\n", 1)[1]  # after the front matter
    headings = re.findall(r"^#{1,2} .*$", body, re.M)
    assert headings and all('data-search-exclude="true"' in h for h in headings)


def test_the_service_finders_form_is_left_out(content_root):
    """The finder's form is written into the services page (so it does not shift the page when its
    script arrives), but its words are controls, not answers: kept out of search. The marked
    element must not contain another element of its own tag, because Material's search parser
    matches elements by tag name and the inner one's end would end the exclusion."""
    page = render_pages(check_content(content_root, TODAY).content)["support-services/index.md"]
    form = re.search(r'<section class="wt-finder__panel"[^>]*>(.*?)</section>', page, re.S)
    assert form and 'data-search-exclude="true"' in form.group(0).split(">", 1)[0]
    assert "<section" not in form.group(1)
    assert re.search(r'<h2 [^>]*id="finder-title"[^>]*data-search-exclude="true"', form.group(1))  # no empty entry
    assert re.search(r'<p class="wt-finder__empty" hidden data-search-exclude="true">', page)
