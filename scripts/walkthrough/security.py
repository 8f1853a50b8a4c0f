"""Post-build step: a strict Content Security Policy and no-referrer on every built page.

One job: for each built HTML page, put `<meta http-equiv="Content-Security-Policy">` straight after
`<meta charset>` (a meta policy does not apply to anything before it) with the sha256 of every
inline script on that page, computed from the built file, followed by
`<meta name="referrer" content="no-referrer">`, and make sure every link to another site carries
rel="noopener noreferrer" (whoever wrote it); then write `_headers` (for static hosts that read
it) with the same policy plus the headers a meta tag cannot set. It never changes anything else in
a page. Called by `postbuild.finish` through STEPS; it does not import MkDocs.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# Directives a <meta> policy may carry. frame-ancestors is ignored in a meta tag (and Chromium logs
# an error for it), so it goes only into _headers.
BASE_POLICY = [
    ("default-src", ["'none'"]),
    ("script-src", ["'self'"]),  # plus one 'sha256-…' per inline script; never unsafe-inline/eval
    ("style-src", ["'self'"]),  # Material sets styles only through element.style, which CSP allows
    ("img-src", ["'self'", "data:"]),  # Material's CSS uses data: SVG icons
    ("font-src", ["'self'"]),
    ("connect-src", ["'self'"]),  # search fetches search/search_index.json
    ("worker-src", ["'self'"]),  # search runs in a Web Worker loaded from the site
    ("object-src", ["'none'"]),
    ("base-uri", ["'none'"]),
    ("form-action", ["'none'"]),
]

# Headers a meta tag cannot set. Written into _headers and shown as nginx lines in README.md.
EXTRA_HEADERS = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Permissions-Policy", "accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), "
                           "magnetometer=(), microphone=(), payment=(), usb=()"),
    # HTTPS only, for a year, on this host and its subdomains. Not `preload` (README: Security headers).
    ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
]

_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
_OURS = re.compile(r"\s*<meta\s+(?:http-equiv=\"Content-Security-Policy\"|name=\"referrer\")[^>]*>", re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
# Types a browser runs as script (anything else, like application/json, is data and needs no hash).
_SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript",
                 "application/ecmascript"}


def script_hash(source: str) -> str:
    """The CSP source for an inline script: sha256 of its text exactly as written, base64."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_script_hashes(html: str) -> list[str]:
    """Hashes of every inline script the browser would run, in page order, without repeats."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(html):
        attrs, body = match.group(1), match.group(2)
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if kind and kind.group(1).lower() not in _SCRIPT_TYPES:
            continue
        value = script_hash(body)
        if value not in hashes:
            hashes.append(value)
    return hashes


_LINK = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_EXTERNAL_HREF = re.compile(r"""\shref=["']?(?:https?:)?//""", re.IGNORECASE)
_REL = re.compile(r"""\srel=(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)


def _no_referrer(tag: str) -> str:
    """An <a> tag to another site, with noopener and noreferrer added to its rel."""
    if not _EXTERNAL_HREF.search(tag):
        return tag
    rel = _REL.search(tag)
    if rel is None:
        return tag[:-1].rstrip("/").rstrip() + ' rel="noopener noreferrer">'
    words = rel.group(2).split()
    words += [w for w in ("noopener", "noreferrer") if w not in words]
    return tag[:rel.start()] + f' rel="{" ".join(words)}"' + tag[rel.end():]


def policy(hashes: list[str]) -> str:
    parts = []
    for name, sources in BASE_POLICY:
        if name == "script-src":
            sources = sources + hashes
        parts.append(name + " " + " ".join(sources))
    return "; ".join(parts)


def header_policy(hashes: list[str]) -> str:
    return policy(hashes) + "; frame-ancestors 'none'"


def secure_page(html: str) -> tuple[str, list[str]]:
    """The page with its CSP and referrer meta tags (replacing earlier ones), and its script hashes."""
    html = _OURS.sub("", html)
    # Links to other sites: the site they lead to must not learn which page the reader came from.
    html = _LINK.sub(lambda m: _no_referrer(m.group(0)), html)
    charset = _CHARSET.search(html)
    if not charset:
        raise ValueError("no <meta charset=\"utf-8\"> to put the Content Security Policy after")
    hashes = inline_script_hashes(html)
    tags = (f'\n    <meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
            '\n    <meta name="referrer" content="no-referrer">')
    return html[:charset.end()] + tags + html[charset.end():], hashes


def headers_file(hashes: list[str]) -> str:
    lines = ["# Written by scripts/walkthrough/security.py at build time: do not edit.",
             "# Read by static hosts such as Netlify and Cloudflare Pages; README.md has the nginx lines.",
             "/*",
             f"  Content-Security-Policy: {header_policy(hashes)}"]
    lines += [f"  {name}: {value}" for name, value in EXTRA_HEADERS]
    return "\n".join(lines) + "\n"


def add_security_headers(site: Path, root: Path) -> None:
    """The post-build step: secure every page of `site` and write `site/_headers`."""
    every_hash: list[str] = []
    for path in sorted(site.rglob("*.html")):
        html, hashes = secure_page(path.read_text("utf-8"))
        path.write_text(html, "utf-8")
        every_hash += [h for h in hashes if h not in every_hash]
    # One policy for the host's header: the union of every page's inline script hashes.
    (site / "_headers").write_text(headers_file(every_hash), "utf-8")
