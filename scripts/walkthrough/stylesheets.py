"""Post-build step: one small stylesheet per page instead of nine, so the text shows sooner.

One job. A built page links Material's stylesheets (main, palette) and ours (extra_css), nine
render-blocking files in all: on a slow connection each costs a round trip before any text
shows, and Material's two carry rules for features this site never uses (admonitions, tabs,
code, the palette's 20 colours…). This step, on the freshly built site:

1. drops from Material's stylesheets every rule whose selectors need a class, id or attribute
   value that appears nowhere in the built HTML or JavaScript (so nothing on any page, and
   nothing a script can add, can match it). Our own stylesheets are kept whole: they are small
   and written for this site;
2. joins all the stylesheets, in the order the page links them, into
   `assets/stylesheets/site.<hash>.css`, and moves every `@media print` rule into
   `assets/stylesheets/print.<hash>.css`, linked with media="print" so that it does not block the
   screen;
3. replaces each page's stylesheet links with those two links.

A page whose links differ from the others gets a bundle of its own. The cascade keeps its order:
screen rules in link order, print rules in link order after them (they only apply on paper, where
they are meant to win). Called by `postbuild.finish` through STEPS; it does not import MkDocs.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import tinycss2
from tinycss2 import ast

# Only Material's own stylesheets are pruned (see 1. above).
PRUNED = re.compile(r"assets/stylesheets/(?:main|palette)\.[0-9a-f]+\.min\.css$")
# Classes Material's script builds from parts at run time (`md-tag--${name}`), so they never appear
# whole in its source: rules that need a class starting with one of these are always kept.
BUILT_AT_RUN_TIME = ("md-tag", "md-source__fact")

_LINK = re.compile(r'[ \t]*<link\b[^>]*\brel="stylesheet"[^>]*>\n?', re.IGNORECASE)
_HREF = re.compile(r'\bhref="([^"]+)"')
_MEDIA = re.compile(r'\bmedia="([^"]*)"')
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_BEM = re.compile(r"__|--")
MATERIAL_SCRIPT = re.compile(r"assets/javascripts/(?:bundle\.[0-9a-f]+|workers/search\.[0-9a-f]+)\.min\.js$")
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
# Material features that need a Markdown extension or a setting this site never turns on (code
# highlighting, content tabs, footnotes, code annotations, tooltips, repo_url, versions, page
# status, the copy dialog): Material's script names their classes, but they count only when a page
# or one of our scripts has them. About 2 KB gzipped of render-blocking CSS (make bench).
NEEDS_A_PAGE = re.compile(r"(?:highlight|tabbed-|md-annotation|md-source|footnote|md-tooltip|md-status|md-version|md-dialog)")


@dataclass
class Report:
    pages: int = 0
    bundles: dict[str, int] = field(default_factory=dict)  # site-relative path -> bytes
    rules_dropped: int = 0
    rules_kept: int = 0


def bundle_stylesheets(site: Path, root: Path) -> Report:
    pages = sorted(site.rglob("*.html"))
    words = words_in_site(site)
    report = Report()
    bundles: dict[tuple[str, ...], tuple[str, str]] = {}  # linked files -> (screen, print) paths
    for page in pages:
        html = page.read_text("utf-8")
        links = _LINK.findall(html)
        if not links or any(_MEDIA.search(link) for link in links):
            continue  # no stylesheets, or already done (media= links are ours)
        resolved = [_resolve(site, page, _HREF.search(link).group(1)) for link in links]
        files, prefix = tuple(name for name, _ in resolved), resolved[0][1]
        if files not in bundles:
            bundles[files] = _write_bundle(site, files, words, report)
        screen, printed = bundles[files]
        tags = (f'<link rel="stylesheet" href="{_href(site, page, screen, prefix)}">\n'
                f'<link rel="stylesheet" href="{_href(site, page, printed, prefix)}" media="print">\n')
        first = html.index(links[0])
        rest = _LINK.sub("", html[first + len(links[0]):])
        page.write_text(html[:first] + tags + rest, "utf-8")
        report.pages += 1
    return report


def add_to_site(site: Path, root: Path) -> None:
    """The STEPS entry: bundle, and say in one line what it did."""
    r = bundle_stylesheets(site, root)
    sizes = ", ".join(f"{path} {size / 1024:.1f} KB" for path, size in r.bundles.items())
    print(f"Stylesheets: {r.pages} pages now link {sizes}; {r.rules_dropped} unused rules of Material's "
          f"left out, {r.rules_kept} kept.")


def words_in_site(site: Path) -> set[str]:
    """Every word-like token in the built HTML and JavaScript: class names, ids, attribute values,
    and the strings scripts add at run time. Too many words only keeps more rules; never too few.

    Material's script names the parts of every feature it has, used or not. A part it names in
    BEM style (md-code__button, md-annotation__index, md-nav__link--passed) is only ever drawn inside
    its block, so it counts only when its block (md-code, md-nav) is on a page or in our scripts;
    and a feature this site never turns on (NEEDS_A_PAGE) counts only when a page has it.
    (tests/browser/test_stylesheet_bundle.py checks every class the pages end up with is counted.)"""
    own: set[str] = set()
    material: set[str] = set()
    for path in site.rglob("*"):
        if path.suffix in (".html", ".js") and path.is_file():
            found = _WORD.findall(path.read_text("utf-8", errors="replace"))
            (material if MATERIAL_SCRIPT.search(path.relative_to(site).as_posix()) else own).update(found)
    return own | {w for w in material if (not _BEM.search(w) or _BEM.split(w)[0] in own)
                  and not NEEDS_A_PAGE.match(w)}


def prune(css: str, words: set[str], report: Report | None = None) -> str:
    """The stylesheet without the rules nothing in `words` can match, and without keyframes no
    kept rule names."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    kept = _prune_rules(rules, words, report or Report())
    used = set(_WORD.findall("".join(text for name, text in kept if name is None)))
    return "".join(text for name, text in kept if name is None or name in used)


def drop_unused_properties(css: str, used: set[str]) -> str:
    """The stylesheet without the custom property declarations (--name: …) that are not in `used`;
    a rule left with no declarations goes too."""
    return "".join(_drop_properties(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), used))


def _drop_properties(rules, used: set[str]) -> list[str]:
    out = []
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            body = []
            for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
                if isinstance(item, ast.Declaration) and item.name.startswith("--") and item.name not in used:
                    continue
                if isinstance(item, ast.Declaration):
                    body.append(f"{item.name}:{tinycss2.serialize(item.value).strip()}"
                                + ("!important" if item.important else ""))
                else:
                    body.append(item.serialize())
            if body:
                out.append(tinycss2.serialize(rule.prelude).strip() + "{" + ";".join(body) + "}")
        elif isinstance(rule, ast.AtRule) and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = _drop_properties(tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                                    skip_whitespace=True), used)
            if inner:
                out.append("@" + rule.at_keyword + tinycss2.serialize(rule.prelude) + "{" + "".join(inner) + "}")
        else:
            out.append(rule.serialize())
    return out


def split_print(css: str) -> tuple[str, str]:
    """(screen, print): the top-level `@media print` rules moved out of the stylesheet."""
    screen, printed = [], []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if (isinstance(rule, ast.AtRule) and rule.lower_at_keyword == "media"
                and tinycss2.serialize(rule.prelude).strip().lower() == "print"):
            printed.append(tinycss2.serialize(rule.content or []))
        else:
            screen.append(rule.serialize())
    return "".join(screen), "@media print{" + "".join(printed) + "}" if printed else ""


# --- inside -------------------------------------------------------------------------------------


def _write_bundle(site: Path, files: tuple[str, ...], words: set[str], report: Report) -> tuple[str, str]:
    texts = {}
    for name in files:
        css = (site / name).read_text("utf-8")
        texts[name] = prune(css, words, report) if PRUNED.search(name) else css
    # Custom properties (--md-…) that no kept rule, page or script uses, until none is left.
    while True:
        used = set(_VAR.findall("".join(texts.values()))) | {"--" + w for w in words}
        before = sum(map(len, texts.values()))
        texts = {name: drop_unused_properties(css, used) if PRUNED.search(name) else css
                 for name, css in texts.items()}
        if sum(map(len, texts.values())) == before:
            break
    screen, printed = [], []
    for name, css in texts.items():
        s, p = split_print(css)
        screen.append(f"/* {name} */\n{s}\n")
        printed.append(p)
    out = []
    for kind, parts in (("site", screen), ("print", printed)):
        text = "".join(parts)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        path = f"assets/stylesheets/{kind}.{digest}.css"
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, "utf-8")
        report.bundles[path] = len(text.encode("utf-8"))
        out.append(path)
    return out[0], out[1]


def _prune_rules(rules, words: set[str], report: Report) -> list[tuple[str | None, str]]:
    """(keyframes name or None, CSS text) of each rule kept, in order."""
    kept: list[tuple[str | None, str]] = []
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            selectors = [s for s in _split_selectors(rule.prelude) if _may_match(s, words)]
            if selectors:
                kept.append((None, ",".join(tinycss2.serialize(s).strip() for s in selectors)
                             + "{" + tinycss2.serialize(rule.content) + "}"))
                report.rules_kept += 1
            else:
                report.rules_dropped += 1
        elif isinstance(rule, ast.AtRule) and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = _prune_rules(tinycss2.parse_blocks_contents(rule.content, skip_comments=True,
                                                                 skip_whitespace=True), words, report)
            if inner:
                kept.append((None, "@" + rule.at_keyword + tinycss2.serialize(rule.prelude)
                             + "{" + "".join(text for _, text in inner) + "}"))
        elif isinstance(rule, ast.AtRule) and rule.lower_at_keyword == "keyframes":
            kept.append((_at_name(rule), rule.serialize()))
        else:
            kept.append((None, rule.serialize()))  # @font-face, @page, @import…
    return kept


def _split_selectors(prelude) -> list[list]:
    out, current = [], []
    for token in prelude:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            out.append(current)
            current = []
        else:
            current.append(token)
    out.append(current)
    return out


def _may_match(selector: list, words: set[str]) -> bool:
    """False only when the selector needs a class, id or exact attribute value that the site never
    has. What is inside :not(), :is(), :where() and :has() is not looked at (keeps more)."""
    for i, token in enumerate(selector):
        if isinstance(token, ast.LiteralToken) and token.value == "." and i + 1 < len(selector):
            name = selector[i + 1]
            if isinstance(name, ast.IdentToken) and name.value not in words and \
                    not name.value.startswith(BUILT_AT_RUN_TIME):
                return False
        elif isinstance(token, ast.HashToken) and token.is_identifier and token.value not in words:
            return False
        elif isinstance(token, ast.SquareBracketsBlock):
            parts = [t for t in token.content if not isinstance(t, ast.WhitespaceToken)]
            if parts and isinstance(parts[0], ast.IdentToken) and parts[0].value not in words:
                return False
            if (len(parts) == 3 and isinstance(parts[1], ast.LiteralToken) and parts[1].value == "="
                    and isinstance(parts[2], (ast.IdentToken, ast.StringToken))
                    and parts[2].value and not set(_WORD.findall(parts[2].value)) <= words):
                return False
    return True


def _at_name(rule) -> str:
    for token in rule.prelude:
        if isinstance(token, (ast.IdentToken, ast.StringToken)):
            return token.value
    return ""


def _resolve(site: Path, page: Path, href: str) -> tuple[str, str | None]:
    """(site-relative file, None) for a relative href; for an absolute one (the 404 page's links
    start from the site's address), (file, the path in front of it)."""
    path = urlsplit(href).path
    if not path.startswith("/"):
        target = (page.parent / path).resolve()
        return target.relative_to(site.resolve()).as_posix(), None
    parts = path.strip("/").split("/")
    for i in range(len(parts)):
        if (site / "/".join(parts[i:])).is_file():
            return "/".join(parts[i:]), "/" + "".join(p + "/" for p in parts[:i])
    raise FileNotFoundError(f"{page.relative_to(site)}: stylesheet {href} is not in the built site")


def _href(site: Path, page: Path, target: str, prefix: str | None) -> str:
    if prefix is not None:
        return prefix + target
    return Path(os.path.relpath(site / target, page.parent)).as_posix()
