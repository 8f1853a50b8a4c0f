"""Making Chromium's PDFs reproducible.

One job: Chromium writes the time of printing into every PDF (/CreationDate and /ModDate), so
two builds of the same content would differ. This replaces both with a fixed date: the time in
$SOURCE_DATE_EPOCH if it is set (the reproducible-builds convention MkDocs also follows),
otherwise the day the content was last reviewed. The replacement has exactly the same length,
so the PDF's cross-reference offsets stay right and nothing else in the file moves.
"""
from __future__ import annotations

import datetime as _dt
import os
import re

from ..model import Content

_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}(?:[+-]\d\d'\d\d'|Z)?\)")


def build_time(content: Content) -> _dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc)
    day = max([s.last_reviewed for s in content.stages] + [content.code.last_reviewed])
    return _dt.datetime(day.year, day.month, day.day, tzinfo=_dt.timezone.utc)


def pdf_date(when: _dt.datetime) -> str:
    """PDF's date format, in UTC: D:YYYYMMDDHHmmSS+00'00'."""
    return when.astimezone(_dt.timezone.utc).strftime("D:%Y%m%d%H%M%S+00'00'")


def fix_dates(pdf: bytes, when: _dt.datetime) -> bytes:
    stamp = pdf_date(when).encode()

    def replace(match: re.Match) -> bytes:
        new = b"/" + match.group(1) + b" (" + stamp + b")"
        # A different length would shift every byte offset after it; leave such a date alone.
        return new if len(new) == len(match.group(0)) else match.group(0)

    return _DATE.sub(replace, pdf)
