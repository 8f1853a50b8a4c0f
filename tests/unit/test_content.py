"""Loading good content into the typed model, and what the checks allow."""
import datetime

import pytest

from support import TODAY
from walkthrough.content import check_content
from walkthrough.problems import ContentError


def test_good_content_becomes_the_typed_model(content_root):
    checked = check_content(content_root, TODAY)
    first, second = checked.content.stages
    assert (first.id, first.order, second.order) == ("first-step", 1, 2)
    assert first.next[0].stage == "second-step" and first.next[0].condition == "If you go on"
    assert checked.content.previous(second) == (first,)
    assert first.last_reviewed == datetime.date(2026, 1, 10)
    assert checked.content.services[0].contact.phone[0].dial == "+448085002222"


def test_yes_and_no_stay_words_in_text_fields(content_root):
    path = content_root / "stages/first-step.yml"
    path.write_text(path.read_text().replace("short_title: First step", "short_title: no"))
    stage = check_content(content_root, TODAY).content.stages[0]
    assert stage.short_title == "no"


def test_a_stale_review_date_warns_but_does_not_stop(content_root):
    checked = check_content(content_root, datetime.date(2027, 6, 1))
    assert any("last reviewed" in str(w) and w.warning for w in checked.warnings)


def test_every_error_is_reported_at_once_sorted_by_file_and_line(content_root):
    stage = content_root / "stages/first-step.yml"
    stage.write_text(stage.read_text().replace("order: 1", "order: x").replace("source: https://www.example.org/fact", "source: nope"))
    (content_root / "glossary.yml").write_text("terms: []\n")
    with pytest.raises(ContentError) as raised:
        check_content(content_root, TODAY)
    lines = [str(p) for p in raised.value.problems]
    assert len(lines) >= 3
    assert lines == sorted(lines, key=lambda l: (l.split(":")[0], int(l.split(":")[1])))
    assert lines[0].startswith("glossary.yml:")
