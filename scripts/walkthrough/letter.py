"""The data "Explain my letter" reads: every glossary term with its names and the stage it matters at.

One job: from the typed content, give explain-letter.js (overrides/components/explain-letter/)
what it needs to mark and explain words in a pasted letter, entirely on the device: each term's
names (the term and its aliases), its plain meaning as plain text, a link to the glossary, and
the stage where it matters most (the stage whose text uses its names most often; the earlier
stage when two use them as often); and, for each event that starts a time limit, the phrases in
a letter that say it happened (`x-phrases` in schemas/victims-code.schema.json).
It writes nothing and renders nothing. Called by `render` (the explain-my-letter page).
"""
from __future__ import annotations

import re

from .markup import to_text
from .model import Content, Stage
from .schemas import schema


def _pattern(name: str) -> re.Pattern:
    # Abbreviations (all capitals) match as written, other words in any case: the same rule as
    # the glossary marker (terms.py) and explain-letter.js.
    flags = 0 if name.isupper() else re.IGNORECASE
    return re.compile(r"(?<![\w])" + re.escape(name) + r"(?![\w])", flags)


def _stage_text(stage: Stage) -> str:
    parts = [stage.title, stage.summary, *stage.what_happens, *(r.meaning for r in stage.your_rights),
             *stage.your_choices, stage.how_long.text, *(p.what_they_do for p in stage.who_you_will_deal_with),
             *stage.if_you_are_unhappy, *stage.questions_to_ask, *(f.text for f in stage.key_facts)]
    return "\n".join(to_text(p) for p in parts)


def stage_for_terms(content: Content) -> dict[str, Stage]:
    """Term id -> the stage where it matters most (terms no stage mentions are left out)."""
    texts = [(s, _stage_text(s)) for s in content.stages]  # journey order
    found = {}
    for term in content.glossary:
        patterns = [_pattern(n) for n in (term.term, *term.aliases)]
        best, best_count = None, 0
        for stage, text in texts:
            count = sum(len(p.findall(text)) for p in patterns)
            if count > best_count:
                best, best_count = stage, count
        if best:
            found[term.id] = best
    return found


def event_phrases() -> list[dict]:
    """[{"event": id, "title": words, "phrases": [...]}] in the schema's order."""
    return [{"event": o["const"], "title": o["title"], "phrases": o.get("x-phrases", [])}
            for o in schema("victims_code")["$defs"]["event"]["oneOf"]]


def tool_data(content: Content, link, glossary_link) -> dict:
    """link(site path) and glossary_link(term id) give addresses relative to the page."""
    stages = stage_for_terms(content)
    limit_events = {l.event for l in content.code.time_limits}
    return {
        "terms": [{
            "id": t.id, "term": t.term, "names": [t.term, *t.aliases],
            "meaning": to_text(t.plain_meaning), "glossary": glossary_link(t.id),
            "stage": ({"title": f"Step {stages[t.id].order}: {stages[t.id].title}",
                       "url": link(stages[t.id].path)} if t.id in stages else None),
        } for t in content.glossary],
        "events": [e for e in event_phrases() if e["event"] in limit_events and e["phrases"]],
    }
