"""Rendering the typed model into page files (Markdown with HTML blocks) with Jinja2.

One job: given a `Content`, return {path under docs/: text}. It writes nothing (see `output`)
and never reads YAML (see `content`). Templates receive the typed model only.

Safety: autoescape is on for every template and undefined names fail loudly (StrictUndefined).
Content text becomes HTML only through the `md` filter (markup.to_html), which escapes first.
"""
from __future__ import annotations

import datetime as _dt
import json
import posixpath
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, pass_context

from . import finder, lawdates, letter, markup, timelimits, words
from .model import Content
from .schemas import KINDS, _resolve, resolver_for, schema
from .sections import STAGE_SECTIONS
from .terms import TermMarker

TEMPLATES = Path(__file__).parent / "templates"
# Visitor-facing components keep their template beside their script and styles
# (overrides/components/<name>/<name>.html); the compiler renders them, MkDocs never does.
COMPONENTS = Path(__file__).resolve().parents[2] / "overrides" / "components"

# Generated pages: where they go under docs/ (directory URLs, so stages/x.md is /stages/x/).
STAGE_DIR = "stages"
PAGES = {
    "journey": ("stages/index.md", "stages/*.yml"),
    "rights": ("rights/index.md", "victims_code.yml"),
    "services": ("support-services/index.md", "support_services.yml"),
    "glossary": ("glossary/index.md", "glossary.yml"),
    "content_reference": ("content-reference/index.md", "schemas/*.schema.json"),
    "your_case": ("your-case/index.md", "victims_code.yml"),
    "explain_letter": ("explain-my-letter/index.md", "glossary.yml"),
    "whats_changed": ("whats-changed/index.md", "changes.yml"),
}
# The Atom feed of changes.yml, beside its page. Its links are absolute (site_url): a feed reader
# has no page to resolve relative links against.
FEED = "whats-changed/feed.xml"

# The scripts and styles of the tools, loaded only by the pages that use them (front matter
# `wt_scripts` / `wt_styles`, read by overrides/main.html).
DATE_TOOL = {"scripts": ["components/case-dates/case-dates.js"], "styles": ["components/case-dates/case-dates.css"]}
LIMITS_TABLE = {"scripts": [], "styles": ["components/case-dates/case-dates-table.css"]}
# On a stage page the date tool's stylesheet is loaded by its script (case-dates.html, lazy_css):
# a stage page's first visit has a byte budget for HTML plus render-blocking CSS.
STAGE_DATE_TOOL = {"scripts": DATE_TOOL["scripts"], "styles": []}
LETTER_TOOL = {"scripts": ["components/explain-letter/explain-letter.js", *DATE_TOOL["scripts"]],
               "styles": [*DATE_TOOL["styles"], "components/explain-letter/explain-letter.css"]}


def page_url(doc_path: str) -> str:
    """docs-relative file path -> site-relative URL path (MkDocs' use_directory_urls)."""
    if doc_path.endswith("index.md"):
        return doc_path[: -len("index.md")]
    return doc_path[: -len(".md")] + "/"


# How links written into raw HTML are read. "page": against the page's address (MkDocs and
# ProperDocs copy raw HTML as it is, so the browser reads it from /stages/x/). "file": against the
# Markdown file's folder (Zensical rewrites every relative href in raw HTML as if it were written
# from the .md file, stages/x.md -> stages/). Both give the same links for an index.md page.
LINK_MODES = ("page", "file")


def link_base(doc_path: str, links: str = "page") -> str:
    """The site path that the page's relative links start from, in the given link mode."""
    if links == "file":
        folder = posixpath.dirname(doc_path)
        return folder + "/" if folder else ""
    return page_url(doc_path)


def relative(from_url: str, to_url: str) -> str:
    """A relative link between two site paths such as "stages/a/" and "glossary/#isva"."""
    target, _, fragment = to_url.partition("#")
    rel = posixpath.relpath("/" + target, "/" + from_url) if target != from_url else "."
    rel = rel + "/" if target.endswith("/") and rel != "." else rel
    rel = "./" if rel == "." else rel
    return rel + (f"#{fragment}" if fragment else "")


def _target_url(target: str) -> str:
    kind, _, rest = target.partition(":")
    if kind == "stage":
        stage_id, _, anchor = rest.partition("#")
        return f"{STAGE_DIR}/{stage_id}/" + (f"#{anchor}" if anchor else "")
    return f"{page_url(PAGES['glossary'][0])}#{rest}"


def is_alternative(content: Content, stage) -> bool:
    """True for a branch: a stage off the main line, which follows each stage's first `next` from
    the first stage (no further action, where the main line goes on to the charge). Step-by-step
    navigation shows it as "or", the other way the journey can go, not as one more step in a line."""
    main, current = set(), content.stages[0] if content.stages else None
    while current is not None and current.id not in main:
        main.add(current.id)
        current = content.stage(current.next[0].stage) if current.next else None
    return stage.id not in main


def environment() -> Environment:
    env = Environment(loader=ChoiceLoader([FileSystemLoader(TEMPLATES), FileSystemLoader(COMPONENTS)]), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)

    @pass_context
    def md(ctx, text: str):
        html = markup.to_html(text, lambda target: relative(ctx["page"], _target_url(target)))
        marker = ctx.get("terms")
        return marker.explain(html) if marker else html

    @pass_context
    def url(ctx, site_path: str) -> str:
        return relative(ctx["page"], site_path)

    @pass_context
    def date_tool_data(ctx, limits, recent_only=False) -> dict:
        rights = page_url(PAGES["rights"][0])
        return timelimits.tool_data(tuple(limits), lawdates.build_date(),
                                    lambda l: relative(ctx["page"], f"{rights}#{l.anchor}"), recent_only)

    @pass_context
    def letter_data(ctx, content) -> dict:
        return letter.tool_data(content, lambda path: relative(ctx["page"], path),
                                lambda term_id: relative(ctx["page"], _target_url(f"glossary:{term_id}")))

    env.globals.update(date_tool_data=date_tool_data, letter_data=letter_data)
    env.filters.update(md=md, url=url, date=words.date_words, hours=words.hours_words, plain=markup.to_text)
    env.globals.update(sections={s.key: s for s in STAGE_SECTIONS}, section_order=STAGE_SECTIONS,
                       page_url=page_url, pages={k: page_url(v[0]) for k, v in PAGES.items()},
                       finder=finder,  # the service finder's data-* values (finder.py)
                       is_alternative=is_alternative)
    return env


def _reference_rows(node: dict, resolver, prefix: str, rows: list):
    """Flatten a JSON Schema into (field, required, description, example, allowed values) rows for people."""
    node, resolver = _resolve(node, resolver)
    for name, prop in node.get("properties", {}).items():
        resolved, prop_resolver = _resolve(prop, resolver)
        field = f"{prefix}{name}"
        example = (resolved.get("examples") or [None])[0]
        items, items_resolver = _resolve(resolved["items"], prop_resolver) if "items" in resolved else ({}, None)
        rows.append({"field": field, "required": name in node.get("required", ()),
                     "description": resolved.get("description", ""),
                     "example": json.dumps(example, ensure_ascii=False) if example is not None else "",
                     "allowed": _allowed(items or resolved)})
        if "items" in resolved:
            if items.get("properties"):
                _reference_rows(items, items_resolver, f"{field}[].", rows)
        elif resolved.get("properties"):
            _reference_rows(resolved, prop_resolver, f"{field}.", rows)


def _allowed(node: dict) -> list[dict]:
    """A closed vocabulary's values with their titles (tags, areas), for the reference page. A
    police force area (x-country) also names its country."""
    options = node.get("oneOf", ())
    if not options or not all("const" in o and "title" in o for o in options):
        return []
    titles = {o["const"]: o["title"] for o in options}
    return [{"value": o["const"], "title": o["title"] + (f" ({titles[o['x-country']]})" if "x-country" in o else "")}
            for o in options]


def content_reference() -> list[dict]:
    kinds = []
    files = {"stage": "stages/<id>.yml", "services": "support_services.yml",
             "glossary": "glossary.yml", "victims_code": "victims_code.yml",
             "search_answers": "search_answers.yml", "changes": "changes.yml"}
    files["local"] = "local/<area>.yml"
    for kind, schema_file in KINDS.items():
        s = schema(kind)
        rows: list = []
        _reference_rows(s, resolver_for(kind), "", rows)
        kinds.append({"kind": kind, "title": s["title"], "description": s["description"],
                      "file": files[kind], "schema_file": f"schemas/{schema_file}", "rows": rows})
    return kinds


def render_pages(content: Content, today: _dt.date | None = None, site=None, *, links: str = "page") -> dict[str, str]:
    """Every generated page: {docs-relative path: text}. `today`: the day whose law the pages show
    (lawdates.build_date() if not given). `site`: the published address and name (leaflet.urls.Site:
    `.name`, `.full(path)`), for the Atom feed; without it there is no feed. `links`: how relative
    links are written (LINK_MODES)."""
    if links not in LINK_MODES:
        raise ValueError(f"links must be one of {LINK_MODES}, not {links!r}")
    today = today or lawdates.build_date()
    env = environment()
    total = len(content.stages)
    pages: dict[str, str] = {}
    for stage in content.stages:
        path = f"{STAGE_DIR}/{stage.id}.md"
        limits = tuple(l for l in content.code.time_limits if stage.id in l.stages)
        pages[path] = env.get_template("pages/stage.md.j2").render(
            page=link_base(path, links), content=content, limits=limits, tools=STAGE_DATE_TOOL if limits else None,
            stage=stage, total=total, previous=content.previous(stage),
            before=_neighbour(content, stage, -1), after=_neighbour(content, stage, 1),
            services=content.services_for(stage), terms=_marker(content, link_base(path, links)),
            law=lawdates.shown_on(stage.key_facts, today), changes=content.changes_to(stage))
    # A renamed stage's old address keeps working: a static page that sends people on (published.py).
    for old, new in sorted(content.redirects.items()):
        pages[f"{STAGE_DIR}/{old}/index.html"] = env.get_template("pages/redirect.html.j2").render(
            old=old, new=content.stage(new))
    for area in content.areas:
        path = f"{page_url(PAGES['services'][0])}{area}.md"
        pages[path] = env.get_template("pages/area.md.j2").render(page=link_base(path, links), terms=None, content=content,
                                                                  **finder.area_context(content, area))
    common = {"content": content}
    extra = {"content_reference": {"kinds": content_reference()},
             "services": {"finder_groups": finder.option_groups(content)},
             "your_case": {"tools": {"scripts": DATE_TOOL["scripts"], "styles": DATE_TOOL["styles"] + LIMITS_TABLE["styles"]}},
             "rights": {"tools": LIMITS_TABLE}, "explain_letter": {"tools": LETTER_TOOL}}
    for name, (path, source) in PAGES.items():
        marker = _marker(content, link_base(path, links)) if name in EXPLAIN_TERMS_ON else None
        pages[path] = env.get_template(f"pages/{name}.md.j2").render(
            page=link_base(path, links), terms=marker, **common, **extra.get(name, {}))
    if site:
        pages[FEED] = feed(env, content, site, today)
    return pages


def _neighbour(content: Content, stage, step: int):
    """The stage before or after this one in the guide's order (its pagination), or None."""
    i = content.stages.index(stage) + step
    return content.stages[i] if 0 <= i < len(content.stages) else None


def feed(env: Environment, content: Content, site, today: _dt.date) -> str:
    """The Atom feed of changes.yml. Its dates come from the content (the newest change), never
    the clock, so the same content gives the same bytes."""
    newest = content.changes[0].date if content.changes else today
    return env.get_template("feeds/whats_changed.xml.j2").render(
        content=content, site_name=site.name, page_address=site.full(page_url(PAGES["whats_changed"][0])),
        feed_address=site.full(FEED), updated=f"{newest.isoformat()}T00:00:00Z")


# Pages (besides stages) where the first use of a glossary term explains itself.
EXPLAIN_TERMS_ON = ("journey", "rights")


def _marker(content: Content, page: str) -> TermMarker:
    glossary = page_url(PAGES["glossary"][0])
    return TermMarker(content.glossary, lambda term_id: relative(page, f"{glossary}#{term_id}"))


def nav(content: Content) -> list:
    """The journey's navigation: the overview, then each stage in order (MkDocs nav shape)."""
    return [PAGES["journey"][0]] + [{s.short_title: f"{STAGE_DIR}/{s.id}.md"} for s in content.stages]
