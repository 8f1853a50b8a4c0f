"""The leaflet's print HTML, rendered from the typed model with its own Jinja2 templates.

One job: given a `Content`, return self-contained HTML documents (and the stylesheet that goes
with them) for Chromium to print. It prints nothing and reads no YAML. The same safety rules as
the web pages: autoescape on, undefined names fail loudly, and content text becomes HTML only
through `markup.to_html`, which escapes first.

The whole walkthrough is one document in three layouts (A4, A5 for the booklet, large print).
Its contents page needs the page each part starts on, which only exists once Chromium has laid
the document out: `whole()` takes those numbers from a first printing (`start_pages`), and the
caller prints again (see `step`). Navigation, search and the quick exit are never in these
templates: paper has no use for them, and a quick-exit button on paper would only draw the eye.
"""
from __future__ import annotations

import datetime as _dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context

from .. import lawdates, markup, words
from ..model import Content, Stage, Term
from ..render import PAGES, page_url
from ..sections import STAGE_SECTIONS
from . import qr
from .urls import Site

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STYLESHEET = HERE / "leaflet.css"

# The stage sections the leaflet prints, in this order (the list, plus support and
# next steps so that a page handed over on its own still says who to call and what comes next).
# Headings come from sections.py, the same table as the web pages.
PRINTED_SECTIONS = ("summary", "what_happens", "your_rights", "your_choices", "questions_to_ask",
                    "how_long", "support", "next")
# Where a note about law to come is printed when the section it affects is not (key_facts…).
NOTES_WITHOUT_THEIR_SECTION = "how_long"


@dataclass(frozen=True)
class Layout:
    """One way of laying out the whole walkthrough. Margins suit office printers, which cannot
    print the outer 4-6 mm of a sheet; the bottom margin holds the page number."""
    name: str
    paper: str          # Playwright's format name
    margin: dict        # Playwright's margin dict
    footer_pt: float    # page-number size in the footer


LAYOUTS = {
    "a4": Layout("a4", "A4", {"top": "16mm", "bottom": "18mm", "left": "18mm", "right": "18mm"}, 9),
    "a5": Layout("a5", "A5", {"top": "12mm", "bottom": "15mm", "left": "13mm", "right": "13mm"}, 8),
    "large": Layout("large", "A4", {"top": "16mm", "bottom": "22mm", "left": "18mm", "right": "18mm"}, 14),
}
STAGE_LAYOUT = Layout("stage", "A4", {"top": "14mm", "bottom": "16mm", "left": "16mm", "right": "16mm"}, 9)

# The labelled lines of the "My contacts" page: (label, number of lines to write on).
CONTACT_LINES = (
    ("Police officer in the case (name)", 1),
    ("Police officer's phone number", 1),
    ("Crime reference number", 1),
    ("ISVA (Independent Sexual Violence Adviser) (name)", 1),
    ("ISVA's phone number", 1),
    ("Witness Care Unit (name and phone number)", 1),
    ("CPS reference", 1),
    ("Court dates", 3),
    ("Notes", 5),
)


@dataclass(frozen=True)
class Part:
    """A part of the whole document that starts on a new page and is listed in the contents."""
    id: str        # HTML id of the part's heading
    heading: str   # the heading's exact words (the PDF outline repeats them)
    label: str     # the words in the contents list


def _escape_css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


class Leaflet:
    """Renders every leaflet document for one `Content`. `stamp` is the date printed on the
    cover ("information checked up to"), so the same content always gives the same bytes."""

    def __init__(self, content: Content, site: Site, stamp: _dt.date, today: _dt.date | None = None):
        """`today`: the day whose law is printed (the site's build day; default `stamp`)."""
        self.content, self.site, self.title, self.stamp = content, site, site.name, stamp
        self.today = today or stamp
        self.key_services = tuple(s for s in content.services if s.contact.phone)
        self.terms = terms_used(content, self._printed_text())
        self.env = _environment()

    # --- the parts of the whole document --------------------------------------------------
    def parts(self) -> tuple[Part, ...]:
        stages = tuple(Part(f"stage-{s.id}", f"Step {s.order}: {s.title}", f"{s.order}. {s.title}")
                       for s in self.content.stages)
        return stages + (
            Part("rights", "Your rights", "Your rights"),
            Part("services", "Support services", "Support services"),
            Part("glossary", "Words you may hear", "Words you may hear"),
            Part("contacts", "My contacts", "My contacts: a page to fill in"),
        )

    def _printed_text(self) -> list[str]:
        """Every content text the whole document prints, to find the glossary terms it uses.
        Keep in step with the templates: a term missing here is missing from the glossary."""
        texts: list[str] = []
        for s in self.content.stages:
            texts += [s.title, s.summary, *s.what_happens, *s.your_choices, *s.questions_to_ask, s.how_long.text]
            texts += [r.meaning for r in s.your_rights]
            texts += [self.content.code.right(r.number).title for r in s.your_rights]
            texts += [n.condition for n in s.next if n.condition]
            texts += [note.fact.text for note in lawdates.shown_on(s.key_facts, self.today).notes]
        texts += [t for r in self.content.code.rights for t in (r.title, r.plain_meaning)]
        texts += [s.what_they_do for s in self.key_services]
        return texts

    # --- documents ---------------------------------------------------------------------------
    def whole(self, layout: Layout, start_pages: dict[str, int] | None = None) -> str:
        """The whole walkthrough. Without `start_pages` the contents shows "–" for every page:
        the same width as a number, so the first printing paginates like the final one."""
        return self.env.get_template("whole.html.j2").render(
            **self._common(layout), link_for=_in_document, parts=self.parts(),
            start_pages=start_pages or {}, terms=self.terms, services=self.key_services,
            contact_lines=CONTACT_LINES, home_qr=qr.data_uri(self.site.full()))

    def stage(self, stage: Stage) -> str:
        """One stage on its own, for handing over at that stage (one or two A4 pages)."""
        return self.env.get_template("stage.html.j2").render(
            **self._common(STAGE_LAYOUT), link_for=self._online, stage=stage,
            doc_title=f"Step {stage.order}: {stage.title} – {self.title}")

    def _common(self, layout: Layout) -> dict:
        return {"layout": layout, "content": self.content, "site": self.site, "title": self.title,
                "stamp": self.stamp, "total": len(self.content.stages), "qr_for": self._stage_qr,
                "services_for": self._services_for, "law_notes": self._law_notes}

    def _stage_qr(self, stage: Stage) -> dict:
        printed = self.site.printed(stage.path)
        host, slash, path = printed.partition("/")
        return {"src": qr.data_uri(self.site.full(stage.path)), "href": self.site.full(stage.path),
                "printed": printed, "host": host, "path": slash + path}

    def _law_notes(self, stage: Stage) -> dict[str, tuple]:
        """The stage's notes about law to come (lawdates.shown_on, as on the web page), by the
        printed section they follow: a note about a section paper leaves out follows how_long."""
        found: dict[str, list] = {}
        for note in lawdates.shown_on(stage.key_facts, self.today).notes:
            key = note.fact.affects if note.fact.affects in PRINTED_SECTIONS else NOTES_WITHOUT_THEIR_SECTION
            found.setdefault(key, []).append(note)
        return {k: tuple(v) for k, v in found.items()}

    def _services_for(self, stage: Stage):
        return self.content.services_for(stage)

    def _online(self, target: str) -> str:
        kind, _, rest = target.partition(":")
        if kind == "stage":
            stage_id, _, anchor = rest.partition("#")
            return self.site.full(f"stages/{stage_id}/") + (f"#{anchor}" if anchor else "")
        return self.site.full(page_url(PAGES["glossary"][0])) + f"#{rest}"

    # --- styles and page furniture --------------------------------------------------------
    def stylesheet(self, internal_links: bool) -> str:
        """The print CSS, plus one rule per stage so that a link to a stage says which step it is
        (" (step 11)"): paper cannot be clicked, but a step number can be looked up."""
        css = STYLESHEET.read_text("utf-8")
        rules = []
        for s in self.content.stages:
            href = f"#stage-{s.id}" if internal_links else self._online(f"stage:{s.id}")
            rules.append(f'a[href="{_escape_css_string(href)}"]:not(.lf-url):not(.lf-toc__link)::after {{ content: " (step {s.order})"; }}')
        return css + "\n/* Generated: which step a link points to. */\n" + "\n".join(rules) + "\n"

    def footer(self, layout: Layout, left: str) -> str:
        """Chromium's footer template: its own tiny document, so it carries its own styles."""
        size = f"{layout.footer_pt}pt"
        return (f'<div style="font-family: \'Liberation Sans\', Arial, Helvetica, sans-serif; font-size: {size}; '
                f'width: 100%; margin: 0 {layout.margin["left"]}; display: flex; justify-content: space-between; color: #000;">'
                f'<span>{html.escape(left)}</span>'
                f'<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>')


def _in_document(target: str) -> str:
    """stage:/glossary: links inside the whole document go to its own parts."""
    kind, _, rest = target.partition(":")
    if kind == "stage":
        return f"#stage-{rest.partition('#')[0]}"
    return f"#term-{rest}"


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)

    @pass_context
    def md(ctx, text: str):
        return markup.to_html(text, ctx["link_for"])

    env.filters.update(md=md, date=words.date_words, hours=words.hours_words, plain=markup.to_text)
    env.globals.update(sections={s.key: s for s in STAGE_SECTIONS}, printed_sections=PRINTED_SECTIONS)
    return env


def terms_used(content: Content, texts: list[str]) -> tuple[Term, ...]:
    """The glossary terms that `texts` use, by name or alias (abbreviations matched in capitals
    only, as on the web pages) or by an explicit glossary: link; sorted as in the glossary."""
    found: set[str] = set()
    plain = "\n".join(markup.to_text(t) for t in texts)
    for text in texts:
        for _, target in markup.LINK.findall(text):
            if target.startswith("glossary:"):
                found.add(target.partition(":")[2])
    for term in content.glossary:
        for name in (term.term, *term.aliases):
            pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
            if re.search(pattern, plain, 0 if name.isupper() else re.IGNORECASE):
                found.add(term.id)
                break
    return tuple(sorted((t for t in content.glossary if t.id in found), key=lambda t: t.term.casefold()))
