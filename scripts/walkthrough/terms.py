"""Explaining glossary terms where they are first used on a page.

One job: in already-escaped HTML from `markup.to_html`, wrap the first use on a page of each
glossary term (or one of its aliases) in a link to the glossary and attach its plain meaning as
the link's accessible description, in a hidden element that the glossary-term component shows
on demand (a button it creates with JavaScript; without JavaScript the link still goes to the
glossary and screen readers still read the meaning). Text inside existing links is left alone.
"""
from __future__ import annotations

import re
from typing import Callable

from markupsafe import Markup, escape

from .markup import to_text
from .model import Term


class TermMarker:
    """Per page: remembers which terms were already explained, so only the first use is."""

    def __init__(self, terms: tuple[Term, ...], glossary_url: Callable[[str], str]):
        self._url = glossary_url
        self._explained: set[str] = set()
        names = []
        for term in terms:
            for name in (term.term, *term.aliases):
                names.append((name, term))
        names.sort(key=lambda pair: -len(pair[0]))  # longest first: "ABE interview" before "ABE"
        self._by_name = {}
        parts = []
        for name, term in names:
            key = name if name.isupper() else name.casefold()
            if key in self._by_name:
                continue
            self._by_name[key] = term
            # Abbreviations match case-sensitively (ABE, not "abe"); words match in any case.
            pattern = re.escape(str(escape(name)))
            parts.append(pattern if name.isupper() else f"(?i:{pattern})")
        self._pattern = re.compile(r"(?<![\w-])(" + "|".join(parts) + r")(?![\w-])") if parts else None

    def _term_for(self, found: str) -> Term | None:
        return self._by_name.get(found) or self._by_name.get(Markup(found).unescape().casefold())

    def explain(self, html: Markup) -> Markup:
        if self._pattern is None:
            return html
        out, depth = [], 0
        # Split into tags and text; only text outside <a>…</a> is searched.
        for piece in re.split(r"(<[^>]+>)", str(html)):
            if piece.startswith("<"):
                if re.match(r"<a[\s>]", piece):
                    depth += 1
                elif piece.startswith("</a"):
                    depth -= 1
                out.append(piece)
            elif depth == 0 and piece:
                out.append(self._pattern.sub(self._replace, piece))
            else:
                out.append(piece)
        return Markup("".join(out))  # pieces are the escaped input plus escaped term markup

    def _replace(self, match: re.Match) -> str:
        term = self._term_for(match.group(1))
        if term is None or term.id in self._explained:
            return match.group(0)
        self._explained.add(term.id)
        meaning = escape(to_text(term.plain_meaning))
        # data-search-exclude: the meaning is the glossary's text, repeated on every page that uses
        # the term; kept out of the search index (Material's search plugin then removes the attribute).
        # The "?" button that shows the meaning in place (overrides/components/glossary-term/) is
        # written here, so it takes its place from the first paint; CSS shows it only when
        # JavaScript runs (.wt-js), and the script gives it its click.
        return (f'<a class="wt-term" href="{escape(self._url(term.id))}" aria-describedby="term-{term.id}">{match.group(1)}</a>'
                f'<button type="button" class="wt-term__button" aria-label="What does {match.group(1)} mean?" '
                f'aria-expanded="false" aria-controls="term-{term.id}" data-search-exclude="true">?</button>'
                f'<span class="wt-term__meaning" id="term-{term.id}" hidden data-search-exclude="true">'
                f'{escape(term.term)}: {meaning}</span>')
