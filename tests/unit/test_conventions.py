"""Conventions that keep the project honest as it grows."""
import json
import re
from pathlib import Path

from support import ROOT
from walkthrough.schemas import KINDS, _resolve, resolver_for, schema
from walkthrough.sections import NOT_SECTIONS, STAGE_SECTIONS

PACKAGE = ROOT / "scripts" / "walkthrough"


def test_block_templates_match_stage_schema_keys_both_ways():
    blocks = {p.name.removesuffix(".md.j2") for p in (PACKAGE / "templates" / "blocks").glob("*.md.j2")}
    keys = set(schema("stage")["properties"])
    assert blocks == {s.key for s in STAGE_SECTIONS}
    assert blocks | set(NOT_SECTIONS) == keys
    assert not blocks & set(NOT_SECTIONS)


def test_anchors_are_unique_and_never_derived_from_wording():
    anchors = [s.anchor for s in STAGE_SECTIONS]
    assert len(anchors) == len(set(anchors))
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", a) for a in anchors)


def _properties(node, resolver, path=""):
    node, resolver = _resolve(node, resolver)
    for name, prop in node.get("properties", {}).items():
        resolved, sub = _resolve(prop, resolver)
        yield f"{path}{name}", resolved
        if "items" in resolved:
            yield from _properties(resolved["items"], sub, f"{path}{name}[].")
        yield from _properties(resolved, sub, f"{path}{name}.")


def test_every_schema_property_is_documented():
    missing = []
    for kind in KINDS:
        for field, prop in _properties(schema(kind), resolver_for(kind)):
            if not prop.get("description"):
                missing.append(f"{kind}: {field} has no description")
            if "examples" not in prop and prop.get("type") != "boolean":
                missing.append(f"{kind}: {field} has no examples")
    assert not missing, "\n".join(missing)


def test_every_object_refuses_unknown_fields():
    def objects(node):
        if isinstance(node, dict):
            if node.get("type") == "object":
                yield node
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for value in node:
                yield from objects(value)
    for path in (ROOT / "schemas").glob("*.json"):
        for obj in objects(json.loads(path.read_text())):
            assert obj.get("additionalProperties") is False, f"{path.name}: an object allows unknown fields"


def test_no_template_or_module_marks_html_safe_except_markup():
    offenders = []
    for path in PACKAGE.rglob("*"):
        if path.suffix in (".py", ".j2") and path.name not in ("markup.py", "terms.py"):  # both escape first
            text = path.read_text()
            if re.search(r"\|\s*safe\b|Markup\(|autoescape\s+false", text):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


def test_the_compiler_never_imports_mkdocs():
    for path in PACKAGE.rglob("*.py"):
        assert not re.search(r"^\s*(from|import) mkdocs", path.read_text(), re.M), path.name


def test_every_content_file_names_its_schema_for_editors():
    files = sorted((ROOT / "stages").glob("*.yml")) + [ROOT / f for f in ("support_services.yml", "glossary.yml", "victims_code.yml", "changes.yml")]
    for path in files:
        first = path.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path.name
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.exists(), f"{path.name}: {target} does not exist"


def test_every_module_opens_with_its_job():
    for path in PACKAGE.glob("*.py"):
        if path.name not in ("__main__.py",):
            assert path.read_text().lstrip().startswith('"""'), path.name
