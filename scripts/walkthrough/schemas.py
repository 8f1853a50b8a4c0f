"""JSON Schema checks, with errors worded for content designers.

One job: check one loaded content file against its schema (schemas/<kind>.schema.json) and turn
every schema error into a `Problem` with the file, the line and the field. It also runs the extra
checks a schema asks for through `x-kind` (real dates, UK phone numbers, https addresses, the
allowed Markdown) and returns the references it saw, for `content` to resolve across files.
It never reads YAML itself (see `strict_yaml`) and never builds the typed model (see `model`).
"""
from __future__ import annotations

import datetime as _dt
import difflib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import phonenumbers
from phonenumbers import shortnumberinfo
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from .markup import MarkupIssue, check_markdown, check_plain
from .problems import Problem, describe, format_path
from .strict_yaml import Loaded

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
KINDS = {
    "stage": "stage.schema.json",
    "services": "support-services.schema.json",
    "glossary": "glossary.schema.json",
    "victims_code": "victims-code.schema.json",
    "changes": "changes.schema.json",
    "search_answers": "search-answers.schema.json",
}


@dataclass(frozen=True)
class Reference:
    """A link from one file to something that must exist elsewhere (a stage, a glossary term)."""

    kind: str  # "stage" or "glossary"
    target: str
    file: str
    line: int
    field: str


@lru_cache(maxsize=None)
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        resources.append((path.name, Resource.from_contents(json.loads(path.read_text("utf-8")))))
    return Registry().with_resources(resources)


@lru_cache(maxsize=None)
def schema(kind: str) -> dict:
    return _registry()[KINDS[kind]].contents


@lru_cache(maxsize=None)
def _validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(schema(kind), registry=_registry())


def resolver_for(kind: str):
    """A resolver whose base is the kind's schema file, so local "#/$defs/…" refs work."""
    return _registry().resolver(base_uri=KINDS[kind])


def _resolve(node: dict, resolver):
    """Follow `$ref` (keeping sibling keywords, which override the referenced ones)."""
    while isinstance(node, dict) and "$ref" in node:
        resolved = resolver.lookup(node["$ref"])
        merged = dict(resolved.contents)
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        node, resolver = merged, resolved.resolver
    return node, resolver


def _walk(data, node, resolver, path, visit):
    """Call visit(path, value, schema_node) for every value, following the schema alongside."""
    node, resolver = _resolve(node, resolver)
    visit(path, data, node)
    if isinstance(data, dict):
        props = node.get("properties", {})
        for key, value in data.items():
            if key in props:
                _walk(value, props[key], resolver, path + (key,), visit)
    elif isinstance(data, list) and "items" in node:
        for index, value in enumerate(data):
            _walk(value, node["items"], resolver, path + (index,), visit)


def _coerce(data, node, resolver):
    """Strings become integers or booleans where the schema asks for them (the loader keeps all
    scalars as strings so that YAML 1.1 surprises cannot reach text fields)."""
    node, resolver = _resolve(node, resolver)
    kind = node.get("type")
    if isinstance(data, str):
        if kind == "integer" and re.fullmatch(r"[0-9]{1,6}", data):
            return int(data)
        if kind == "boolean" and data in ("true", "false"):
            return data == "true"
        return data
    if isinstance(data, dict):
        props = node.get("properties", {})
        return {k: (_coerce(v, props[k], resolver) if k in props else v) for k, v in data.items()}
    if isinstance(data, list) and "items" in node:
        return [_coerce(v, node["items"], resolver) for v in data]
    return data


_TYPE_WORDS = {
    "string": "must be text",
    "array": 'must be a list, with each item on its own line starting with "- "',
    "object": "must be a group of fields, each on its own line as name: value",
    "integer": "must be a whole number",
    "boolean": "must be true or false",
}


def _allowed_values(node: dict) -> list[str]:
    if "enum" in node:
        return [str(v) for v in node["enum"]]
    if "oneOf" in node and all("const" in option for option in node["oneOf"]):
        return [str(option["const"]) for option in node["oneOf"]]
    return []


def _suggest(word: str, options) -> str:
    close = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return f": did you mean {close[0]!r}?" if close else ""


def _schema_problems(loaded: Loaded, data, kind: str) -> list[Problem]:
    problems = []
    for error in _validator(kind).iter_errors(data):
        path = tuple(error.absolute_path)
        node = error.schema if isinstance(error.schema, dict) else {}
        hint = node.get("x-hint")
        value = error.instance
        v = error.validator
        if v == "required":
            present = set(value) if isinstance(value, dict) else set()
            props = node.get("properties", {})
            for name in error.validator_value:
                if name not in present:
                    # A field may say what to write when it is missing (x-missing); most need no more.
                    missing = props.get(name, {}).get("x-missing") if isinstance(props.get(name), dict) else None
                    problems.append(Problem(loaded.name, loaded.line_of(path), format_path(path + (name,)),
                                            f"is missing: {missing or 'add it (the content reference page says what it holds)'}"))
            continue
        if v == "additionalProperties":
            known = set(node.get("properties", {}))
            for name in sorted(set(value) - known):
                suggestion = _suggest(name, known)
                if not suggestion:
                    suggestion = f": the fields allowed here are {', '.join(sorted(known))}"
                problems.append(Problem(loaded.name, loaded.line_of(path + (name,)), format_path(path + (name,)),
                                        f"there is no field called {name!r} here{suggestion}"))
            continue
        field = format_path(path)
        line = loaded.line_of(path)
        if v == "type":
            message = hint if hint and error.validator_value in ("integer", "boolean") else _TYPE_WORDS.get(error.validator_value, f"must be {error.validator_value}")
            message = f"{message} (got {describe(value)})"
        elif v in ("pattern", "const"):
            message = f"{hint or 'is not in the expected form'} (got {describe(value)})"
        elif v in ("enum", "oneOf"):
            allowed = _allowed_values(node)
            if allowed:
                # A long list (the police force areas) is summed up by the schema's x-hint instead.
                listing = hint or f"allowed: {', '.join(allowed)}"
                message = f"{describe(value)} is not one of the allowed values{_suggest(value, allowed)} ({listing})"
            else:
                message = f"is not in the expected form (got {describe(value)})"
        elif v == "minLength":
            message = "is empty: write the text, or remove the field if it is optional"
        elif v == "maxLength":
            message = f"is {len(value)} characters long: keep it to {error.validator_value} characters at most"
        elif v == "minItems":
            noun = "item" if error.validator_value == 1 else "items"
            message = f"needs at least {error.validator_value} {noun}"
        elif v == "minProperties":
            message = "needs at least one field"
        elif v == "minimum":
            message = f"must be {error.validator_value} or more (got {describe(value)})"
        else:  # a rule we have no special wording for: still name the field, never a traceback
            message = error.message
        problems.append(Problem(loaded.name, line, field, message))
    return problems


def _kind_problems(loaded: Loaded, data, kind: str, today: _dt.date, references: list) -> list[Problem]:
    problems = []

    def visit(path, value, node):
        kind_ = node.get("x-kind")
        if not isinstance(value, str) or not kind_:
            return
        line, field = loaded.line_of(path), format_path(path)

        def add(message):
            problems.append(Problem(loaded.name, line, field, message))

        if kind_ in ("markdown", "plain"):
            issues: list[MarkupIssue] = check_markdown(value) if kind_ == "markdown" else check_plain(value)
            for issue in issues:
                add(issue.message)
            if kind_ == "markdown":
                for target in re.findall(r"\]\((stage|glossary):([^)#\s]*)", value):
                    references.append(Reference(target[0], target[1], loaded.name, line, field))
        elif kind_ == "url":
            if re.search(r"\s", value):
                add(f"a web address cannot contain spaces (got {describe(value)})")
        elif kind_ in ("date", "law_date"):
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
                return  # the schema's pattern already explains the form
            try:
                date = _dt.date.fromisoformat(value)
            except ValueError:
                add(f"is not a real date: write year-month-day, like \"2026-11-29\" (got {describe(value)})")
                return
            # A date in the law (in_force_from) may be in the future; the date of a check may not.
            if kind_ == "date" and date > today:
                add(f"is in the future ({value}): {node.get('x-future', 'use the date the check was actually done')}")
        elif kind_ == "phone":
            if not phone_is_valid(value):
                add(f"is not a valid UK phone number (got {describe(value)}): copy it exactly from the service's own page")

    _walk(data, schema(kind), resolver_for(kind), (), visit)
    return problems


def phone_is_valid(number: str) -> bool:
    """A full UK number that is valid (not just possible), or a valid UK short number (999, 116 123)."""
    if not re.fullmatch(r"\+?[0-9][0-9 ]*[0-9]", number):
        return False
    try:
        parsed = phonenumbers.parse(number, "GB")
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_valid_number(parsed) and phonenumbers.region_code_for_number(parsed) in ("GB",):
        return True
    return shortnumberinfo.is_valid_short_number_for_region(parsed, "GB")


def validate(loaded: Loaded, kind: str, today: _dt.date) -> tuple[object, list[Problem], list[Reference]]:
    """Check `loaded` against the schema for `kind`.

    Returns the data with integers and booleans converted, every problem found, and the cross-file
    references seen. The data is only safe to turn into the model when the problem list is empty.
    """
    data = _coerce(loaded.data, schema(kind), resolver_for(kind))
    references: list[Reference] = []
    problems = _schema_problems(loaded, data, kind)
    problems += _kind_problems(loaded, data, kind, today, references)
    return data, problems, references
