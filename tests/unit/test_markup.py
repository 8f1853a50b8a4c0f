"""The Markdown subset: escaped first, then only bold and checked links."""
from walkthrough.markup import check_markdown, check_plain, to_html, to_text


def link(target):
    return {"stage:next": "../next/", "glossary:isva": "../../glossary/#isva"}[target]


def test_text_is_escaped_before_formatting():
    html = to_html('Fish & chips <script>alert(1)</script> **bold**', link)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html and "<strong>bold</strong>" in html


def test_links_of_each_kind():
    html = to_html("[a](https://x.org/?a=1&b=2) [b](stage:next) [c](glossary:isva) [d](tel:+448085002222)", link)
    assert '<a href="https://x.org/?a=1&amp;b=2" rel="noopener noreferrer">a</a>' in html
    assert '<a href="../next/">b</a>' in html
    assert '<a href="../../glossary/#isva">c</a>' in html
    assert '<a href="tel:+448085002222">d</a>' in html


def test_unsafe_links_are_refused_not_stripped():
    assert check_markdown("[x](javascript:alert(1))")
    assert check_markdown("[x](http://example.org)")
    assert check_markdown("see http://example.org")
    assert check_markdown('<img src="https://tracker.example/x.png">')
    assert not check_markdown("[x](https://example.org) and **bold**")


def test_plain_fields_refuse_formatting():
    assert check_plain("**x**") and check_plain("[a](https://x.org)") and not check_plain("Can I bring someone?")


def test_to_text_drops_markup():
    assert to_text("A **b** [c](https://x.org)") == "A b c"
