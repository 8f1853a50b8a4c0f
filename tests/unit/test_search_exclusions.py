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
    assert '<ol class="wt-journey" data-search-exclude="true">' in pages["stages/first-step.md"]
    body = pages["content-reference/index.md"].split("\n---\n", 1)[1]  # after the front matter
    headings = re.findall(r"^#{1,2} .*$", body, re.M)
    assert headings and all('data-search-exclude="true"' in h for h in headings)
