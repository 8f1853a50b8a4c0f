"""Plain-English limits for stage text: Flesch–Kincaid grade and sentence length.

One job: measure the prose of a stage (per block and overall) with textstat and say which
sentences are too long. It does not decide what is prose: `content` passes the texts in.
textstat is pinned to 0.7.8, which counts syllables with pyphen offline (0.7.9+ downloads
NLTK's cmudict at run time, which fails for anyone offline).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import textstat

MAX_GRADE = 9.0
MAX_SENTENCE_WORDS = 30

textstat.set_lang("en_GB")


def sentences(text: str) -> list[str]:
    text = text.strip()
    if text and text[-1] not in ".?!":
        text += "."  # list items are often written without a full stop
    return [s for s in re.split(r"(?<=[.?!])\s+(?=[A-Z0-9\"'‘“(])", text) if s.strip()]


def words(sentence: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’.,/-]*", sentence))


def grade(texts: list[str]) -> float:
    joined = " ".join(" ".join(sentences(t)) for t in texts if t.strip())
    return round(textstat.flesch_kincaid_grade(joined), 1) if joined else 0.0


@dataclass(frozen=True)
class Report:
    grade: float
    words: int
    blocks: dict  # block name -> grade
    long_sentences: tuple  # (path, words, sentence)


def measure(blocks: dict[str, list[tuple[tuple, str]]]) -> Report:
    """`blocks` maps a block name to its (field path, plain text) pairs."""
    all_texts, long, per_block, count = [], [], {}, 0
    for name, items in blocks.items():
        texts = [text for _, text in items]
        per_block[name] = grade(texts)
        all_texts += texts
        for path, text in items:
            for sentence in sentences(text):
                n = words(sentence)
                count += n
                if n > MAX_SENTENCE_WORDS:
                    long.append((path, n, sentence))
    return Report(grade(all_texts), count, per_block, tuple(long))
