"""The small Markdown subset allowed in content text: checking it and turning it into HTML.

One job. Allowed: **bold**, and links written [words](target) where target is an https address,
tel:, mailto:, stage:<stage-id>[#anchor] or glossary:<term-id>. Anything else that looks like
markup (HTML tags, http:// links, other link kinds) is refused when content is checked, never
silently stripped, so what a content designer writes is what a reader sees.

`to_html` is the only place in the project that marks text as safe HTML: it escapes everything
first and only then adds <strong> and <a>.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup, escape

LINK = re.compile(r"\[([^\[\]]+)\]\(([^()\s]+)\)")
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
HTML_TAG = re.compile(r"<\s*[A-Za-z/!?]")
TARGET = re.compile(r"^(https://\S+|tel:\+?[0-9]+|mailto:[^@\s]+@[^@\s]+|stage:[a-z0-9-]+(#[a-z0-9-]+)?|glossary:[a-z0-9-]+)$")


@dataclass(frozen=True)
class MarkupIssue:
    message: str


def check_plain(text: str) -> list[MarkupIssue]:
    issues = []
    if HTML_TAG.search(text):
        issues.append(MarkupIssue("HTML is not allowed in content: write plain text"))
    if LINK.search(text) or "**" in text:
        issues.append(MarkupIssue("formatting and links are not allowed in this field: write plain text"))
    return issues


def check_markdown(text: str) -> list[MarkupIssue]:
    issues = []
    if HTML_TAG.search(text):
        issues.append(MarkupIssue("HTML is not allowed in content: use **bold** or a link written [words](https://…) instead"))
    for words, target in LINK.findall(text):
        if target.startswith("http://"):
            issues.append(MarkupIssue(f"links must use https, like \"https://…\" (got \"{target}\")"))
        elif not TARGET.match(target):
            issues.append(MarkupIssue(
                f"a link must point to https://…, tel:, mailto:, stage:<stage-id> or glossary:<term-id> (got \"{target}\")"))
    without_links = LINK.sub(lambda m: m.group(1), text)
    if re.search(r"(?<![\w/])http://", without_links):
        issues.append(MarkupIssue("web addresses must use https, not http"))
    if "](" in without_links:
        issues.append(MarkupIssue("a link is not written in the form [words](address), or its address has a space or a bracket"))
    if BOLD.sub("", without_links).count("**"):
        issues.append(MarkupIssue("has a ** with no closing **: bold text is written **like this**"))
    return issues


def to_html(text: str, link_for: Callable[[str], str]) -> Markup:
    """Render checked text. `link_for` turns a stage:/glossary: target into a page-relative URL."""
    html = str(escape(text))

    def link(match: re.Match) -> str:
        words, target = match.group(1), match.group(2)
        raw_target = Markup(target).unescape()
        if raw_target.startswith(("stage:", "glossary:")):
            return f'<a href="{escape(link_for(raw_target))}">{words}</a>'
        if raw_target.startswith("https://"):
            return f'<a href="{target}" rel="noopener noreferrer">{words}</a>'
        return f'<a href="{target}">{words}</a>'

    html = LINK.sub(link, html)
    html = BOLD.sub(r"<strong>\1</strong>", html)
    return Markup(html)  # the single allowed place: everything above was escaped first


def to_text(text: str) -> str:
    """The words a reader sees, without markup (for readability checks, search and the leaflet)."""
    return BOLD.sub(r"\1", LINK.sub(lambda m: m.group(1), text))
