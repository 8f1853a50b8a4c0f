"""Search answers: the stage sections that answer people's own questions, for the site search.

One job: check `search_answers.yml` against the stages (each answer names a stage and a section
that exist) and turn it into the data file the search-answers component reads
(`docs/search-answers/answers.json`, generated, git-ignored). Every stage section also answers to
its own heading and stage title and to the words it contains, so a section nobody wrote phrases
for can still be found. It ranks nothing: the component's script
does that in the browser (overrides/components/search-answers/), on the person's device.
Called by `content.check_content` (the checks) and `compile.compile_site` (the data file).
It never imports MkDocs.
"""
from __future__ import annotations

import dataclasses
import difflib
import json
import re
from dataclasses import dataclass

from .markup import to_text
from .problems import Problem, format_path
from .sections import STAGE_SECTIONS
from .strict_yaml import Loaded

ANSWERS_FILE = "search_answers.yml"
OUTPUT = "search-answers/answers.json"  # under docs/; the component fetches it from the site root
MARKER_KEY = "_generated_from"          # output.py knows a generated JSON file by this first key
_SECTIONS = {s.key: s for s in STAGE_SECTIONS}


@dataclass(frozen=True)
class Answer:
    stage: str
    section: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class SearchAnswers:
    synonyms: tuple[tuple[str, ...], ...] = ()
    answers: tuple[Answer, ...] = ()


def check(loaded: Loaded, data: dict, stage_ids: set[str], problems: list[Problem]) -> SearchAnswers:
    """Cross-file checks for search_answers.yml (the schema has already passed); returns the model."""
    def at(path, message):
        problems.append(Problem(loaded.name, loaded.line_of(path), format_path(path), message))

    seen_words: dict[str, int] = {}
    for i, group in enumerate(data["synonyms"]):
        for j, word in enumerate(group):
            if word in seen_words and seen_words[word] != i:
                at(("synonyms", i, j), f"\"{word}\" is already in synonyms[{seen_words[word]}]: "
                                       "a word can be in one group only (merge the groups, or drop it from one)")
            seen_words.setdefault(word, i)
    places: dict[tuple[str, str], int] = {}
    for i, answer in enumerate(data["answers"]):
        if stage_ids and answer["stage"] not in stage_ids:
            close = difflib.get_close_matches(answer["stage"], sorted(stage_ids), n=1, cutoff=0.6)
            near = f": did you mean \"{close[0]}\"?" if close else ""
            at(("answers", i, "stage"), f"there is no stage \"{answer['stage']}\" in stages/{near}")
        place = (answer["stage"], answer["section"])
        if place in places:
            at(("answers", i), f"{answer['stage']} {answer['section']} already has its phrases in answers[{places[place]}]: "
                               "add these phrases there")
        places.setdefault(place, i)
    return SearchAnswers(
        synonyms=tuple(tuple(g) for g in data["synonyms"]),
        answers=tuple(Answer(a["stage"], a["section"], tuple(a["phrases"])) for a in data["answers"]))


def _strings(value):
    """Every piece of text people read in a section's value, whatever its model type (facts,
    people, rights…): addresses and ids are left out."""
    if isinstance(value, str):
        if not re.match(r"^(https?:|[a-z0-9-]+$)", value):
            yield to_text(value)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _strings(item)


def _words(texts) -> str:
    """The distinct words of a section, in first-seen order: what it talks about, compactly."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text.lower().replace("'", "").replace("’", "")):
            seen.setdefault(word, None)
    return " ".join(seen)


def data_file(content) -> str:
    """The component's data: every stage section with the phrases that lead to it (JSON text)."""
    written = {(a.stage, a.section): a.phrases for a in content.search_answers.answers}
    entries = []
    for stage in content.stages:
        for section in STAGE_SECTIONS:
            phrases = list(written.get((stage.id, section.key), ()))
            entries.append({
                "url": f"{stage.path}#{section.anchor}",
                "title": stage.title,
                "section": section.heading,
                # The section's own names count too, with less weight than written phrases.
                "names": [section.heading, stage.title, stage.short_title],
                "phrases": phrases,
                # What the section says, as its distinct words: weak evidence, so that a question
                # nobody wrote a phrase for can still find the section that talks about it.
                "words": _words(_strings(getattr(stage, section.key, ()))),
            })
    data = {MARKER_KEY: f"{ANSWERS_FILE} and stages/*.yml by scripts/walkthrough: do not edit this file",
            "synonyms": [list(g) for g in content.search_answers.synonyms],
            "answers": entries}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
