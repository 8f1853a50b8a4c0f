"""The post-build security step: CSP placement and hashes, no-referrer links, the _headers file;
and the copied Material partial still matches the installed Material version."""
from __future__ import annotations

import base64
import hashlib
import re
from importlib.metadata import version

from support import ROOT
from walkthrough import security

PAGE = """<!doctype html><html><head>
<meta charset="utf-8">
<title>T</title>
<script>var a=1</script>
<script id="__config" type="application/json">{"base": "."}</script>
<script src="x.js"></script>
</head><body><a href="https://example.org/">out</a> <a href="../in/">in</a>
<a href="https://example.org/b" rel="nofollow">b</a><script>var a=1</script><script type="module">go()</script></body></html>"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_policy_goes_straight_after_charset_with_a_hash_per_inline_script():
    html, hashes = security.secure_page(PAGE)
    assert hashes == [sha("var a=1"), sha("go()")]  # JSON data and src scripts need none; repeats once
    after_charset = html.split('<meta charset="utf-8">', 1)[1].lstrip()
    assert after_charset.startswith('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
                                    f"script-src 'self' {sha('var a=1')} {sha('go()')}; style-src 'self';")
    assert '<meta name="referrer" content="no-referrer">' in html
    assert "unsafe-inline" not in html and "frame-ancestors" not in html


def test_securing_twice_gives_the_same_page():
    once, _ = security.secure_page(PAGE)
    twice, _ = security.secure_page(once)
    assert twice == once


def test_links_to_other_sites_get_noopener_noreferrer():
    html, _ = security.secure_page(PAGE)
    assert '<a href="https://example.org/" rel="noopener noreferrer">' in html
    assert '<a href="https://example.org/b" rel="nofollow noopener noreferrer">' in html
    assert '<a href="../in/">' in html


def test_headers_file_has_the_policy_and_what_a_meta_tag_cannot_set():
    text = security.headers_file([sha("var a=1")])
    assert re.search(r"^  Content-Security-Policy: default-src 'none'; .*; frame-ancestors 'none'$", text, re.M)
    for header in ("X-Content-Type-Options: nosniff", "Referrer-Policy: no-referrer", "Permissions-Policy: ",
                   "Strict-Transport-Security: max-age=31536000; includeSubDomains\n"):
        assert f"\n  {header}" in text


def test_copied_material_partial_matches_the_installed_material():
    partial = (ROOT / "overrides/partials/javascripts/base.html").read_text("utf-8")
    assert "mkdocs-material 9.8.1" in partial
    assert version("mkdocs-material") == "9.8.1", "Material changed: compare the copied partial with the new one"
    assert "localStorage" not in partial.split("-#}", 1)[1] and "sessionStorage" not in partial.split("-#}", 1)[1]
