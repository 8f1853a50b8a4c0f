"""Strict YAML: what people type is what the site shows."""
import pytest

from walkthrough.problems import ContentError
from walkthrough.strict_yaml import load_bytes


def test_yaml_1_1_surprises_stay_text():
    loaded = load_bytes(b"a: no\nb: 17:30\nc: 01234567\nd: 1.10\ne: on\nf: 2024-13-01\n", "x.yml")
    assert loaded.data == {"a": "no", "b": "17:30", "c": "01234567", "d": "1.10", "e": "on", "f": "2024-13-01"}


def test_lines_are_kept_for_every_field():
    loaded = load_bytes(b"a: 1\nb:\n  - x\n  - c: 2\n", "x.yml")
    assert loaded.line_of(("b", 1, "c")) == 4
    assert loaded.line_of(("b", 0)) == 3
    assert loaded.line_of(("missing",)) == 1


def test_an_alias_bomb_is_refused_before_it_expands():
    bomb = b"a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n"
    with pytest.raises(ContentError) as raised:
        load_bytes(bomb, "x.yml")
    assert "anchors and aliases" in str(raised.value)


def test_a_byte_order_mark_is_accepted():
    assert load_bytes("\ufeffa: b\n".encode(), "x.yml").data == {"a": "b"}


def test_a_second_document_is_a_named_error():
    with pytest.raises(ContentError) as raised:
        load_bytes(b"a: 1\n---\nb: 2\n", "x.yml")
    assert str(raised.value).startswith("x.yml:")
