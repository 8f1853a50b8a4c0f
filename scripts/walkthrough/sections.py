"""The one table of a stage page's sections: which YAML key, which heading, which anchor.

Anchors are fixed here, never derived from heading wording, so a link an ISVA shared
(/stages/charging-decision/#your-rights) keeps working when a heading is reworded. Changing an
anchor breaks shared links: add a new one instead. Each key has a block template of the same name
in templates/blocks/. Read by `render` and by the convention tests.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str       # the YAML key and the block template's name
    anchor: str    # permanent
    heading: str   # wording may change freely


STAGE_SECTIONS = (
    Section("summary", "in-short", "In short"),
    Section("what_happens", "what-happens", "What happens"),
    Section("your_rights", "your-rights", "Your rights"),
    Section("your_choices", "your-choices", "Your choices"),
    Section("how_long", "how-long", "How long it can take"),
    Section("who_you_will_deal_with", "who-you-will-deal-with", "Who you will deal with"),
    Section("if_you_are_unhappy", "if-you-are-unhappy", "If you are unhappy"),
    Section("questions_to_ask", "questions-to-ask", "Questions you could ask"),
    Section("support", "support", "Support for you now"),
    Section("key_facts", "key-facts", "Key facts and where they come from"),
    Section("next", "next", "What happens next"),
    Section("sources", "sources", "Sources"),
)

# Stage keys that are not shown as a section of their own: they are used elsewhere on the page
# (title, step number, date line) or only by search.
NOT_SECTIONS = ("id", "order", "title", "short_title", "search_terms", "last_reviewed", "review_interval_months")
