"""Strict YAML reading with line numbers.

One job: turn one content file into plain Python data (dicts, lists, strings) plus a table of the
line on which each field starts, or raise ContentError naming the file and line. It knows nothing
about what the content means; schema checks and typing happen in `validate` and `model`.

Why not `yaml.safe_load`: it turns `no`/`on`/`yes` into booleans, `17:30` into 1050, `01234567`
into an octal number, lets a duplicate key silently win, raises a bare ValueError for a date like
`2024-13-01`, and expands aliases (an "alias bomb" can exhaust memory). Here every scalar stays the
exact string the person typed; `validate` converts the few numeric and yes/no fields the schema
asks for.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from .problems import ContentError, Problem

Path_ = tuple  # a field path such as ("key_facts", 2, "source")


class _NoAliasComposer(Composer):
    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(event.start_mark.line + 1,
                           "anchors and aliases (& and *) are not allowed in content files: write the text out in full")
        return super().compose_node(parent, index)


class _StringResolver(BaseResolver):
    """No implicit types at all: every plain scalar is a string."""
    yaml_implicit_resolvers: dict = {}


class _Loader(Reader, Scanner, Parser, _NoAliasComposer, SafeConstructor, _StringResolver):
    def __init__(self, stream):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _NoAliasComposer.__init__(self)
        SafeConstructor.__init__(self)
        _StringResolver.__init__(self)


class _Refused(Exception):
    def __init__(self, line: int, message: str):
        self.line, self.message = line, message


_STANDARD_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


@dataclass(frozen=True)
class Loaded:
    """A content file's data and where each field starts (1-based lines)."""

    name: str
    data: object
    lines: dict

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def load_file(path: Path, name: str) -> Loaded:
    """Read `path` (shown to people as `name`). Raises ContentError with every reading problem."""
    raw = path.read_bytes()
    return load_bytes(raw, name)


def load_bytes(raw: bytes, name: str) -> Loaded:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError([Problem(name, line, "", "this line has characters that are not UTF-8: "
                                    "save the file as UTF-8 (most editors have this under 'Save with encoding')")])
    if text.startswith("\ufeff"):
        text = text[1:]
    problems = [Problem(name, number, "", "this line has a tab character: use spaces to indent")
                for number, line in enumerate(text.splitlines(), start=1) if "\t" in line]
    if problems:
        raise ContentError(problems)
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        raise ContentError([Problem(name, 1, "", "the file is empty: it needs the fields described in its schema")])
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except _Refused as exc:
        raise ContentError([Problem(name, exc.line, "", exc.message)])
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = (exc.problem or "the YAML could not be read").strip()
        raise ContentError([Problem(name, line, "", f"the YAML could not be read here ({what}): "
                                    "check the indentation, and put text containing ': ' or starting with a symbol in quotes")])
    except yaml.YAMLError as exc:  # e.g. a second document ("---") in one file
        raise ContentError([Problem(name, 1, "", f"the YAML could not be read ({exc}): keep one document per file")])
    lines: dict = {(): 1}
    problems: list[Problem] = []
    data = _build(node, (), lines, problems, name)
    if problems:
        raise ContentError(problems)
    return Loaded(name, data, lines)


def _build(node, path, lines, problems, name):
    if node.tag not in _STANDARD_TAGS:
        problems.append(Problem(name, node.start_mark.line + 1, _fmt(path),
                                f"YAML tags such as {node.tag!s} are not allowed in content files: remove it"))
        return None
    if isinstance(node, ScalarNode):
        return node.value
    if isinstance(node, SequenceNode):
        items = []
        for index, child in enumerate(node.value):
            lines[path + (index,)] = child.start_mark.line + 1
            items.append(_build(child, path + (index,), lines, problems, name))
        return items
    if isinstance(node, MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                problems.append(Problem(name, key_node.start_mark.line + 1, _fmt(path),
                                        "a field name must be plain text"))
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in result:
                first = lines[path + (key,)]
                problems.append(Problem(name, line, _fmt(path + (key,)),
                                        f"this field is written twice (first on line {first}): keep one and delete the other"))
                continue
            lines[path + (key,)] = line
            result[key] = _build(value_node, path + (key,), lines, problems, name)
        return result
    return None  # pragma: no cover - PyYAML has no other node kinds


def _fmt(path):
    from .problems import format_path
    return format_path(path)
