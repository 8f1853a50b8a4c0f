"""Content problems, worded for the people who write the content.

One job: represent a mistake in a content file (file, line, field path, message) and print it in
the `file:line: field: message` shape that editors make clickable (yamllint's parsable format).
Every other module reports mistakes through `Problem`; nothing here knows about YAML or schemas.
Also `BuildFailed`, for a build that cannot be published. Imports nothing from the package.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable


def format_path(path: Iterable[str | int]) -> str:
    """`("key_facts", 2, "source")` -> `key_facts[2].source`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str
    warning: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:" if self.line else f"{self.file}:"
        what = f" {self.field}:" if self.field else ""
        kind = " warning:" if self.warning else ""
        return f"{where}{kind}{what} {self.message}"


class ContentError(Exception):
    """Raised once, with every problem found, when content cannot be published."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = sum(1 for p in self.problems if not p.warning)
        noun = "mistake" if count == 1 else "mistakes"
        lines = [str(p) for p in self.problems]
        lines.append(f"Found {count} {noun} in the content. Nothing was built: fix them and build again.")
        return "\n".join(lines)


def describe(value: object, limit: int = 60) -> str:
    """Quote a bad value for an error message, shortened so one line stays readable."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return f'"{text}"'
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    return str(value)


class BuildFailed(Exception):
    """A site build that cannot be published (the builder failed, a post-build step failed, a link is
    broken). Its message is for people and ends by saying site/ was not changed. It lives here, at the
    bottom of the package, so that any build step can raise it without importing the build itself."""
