"""Helpers for tests/browser/test_accessibility.py: axe runs in parallel tabs, colour contrast,
and the in-page scripts that measure focus, overflow, clipping and target size.

Nothing here asserts; the test module decides what counts as a failure.
"""
from __future__ import annotations

import re
from pathlib import Path

import axe_playwright_python

# The WCAG 2.0/2.1/2.2 A and AA rules and axe's best practices (there is no wcag22a tag;
# wcag22aa brings in target-size). No rule is switched off.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")

SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme → Material's palette scheme
WIDTHS = (320, 1280)


def start_axe(page) -> None:
    """Start axe on the page without waiting, so several tabs work at once (one renderer each)."""
    page.evaluate("src => { if (!window.axe) (0, eval)(src); }", AXE_SOURCE)
    page.evaluate("opts => { window.__axeResult = axe.run(document, opts).then(r => r.violations.map(v => ("
                  "{id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': '"
                  " + (n.failureSummary || '').split('\\n').slice(0, 2).join(' '))}))); }", AXE_OPTIONS)


def finish_axe(page) -> list[dict]:
    return page.evaluate("() => window.__axeResult")


def describe(violations: list[dict]) -> str:
    return "\n".join(f"  {v['id']} ({v['help']}): " + " | ".join(v["nodes"]) for v in violations)


def parse_colour(text: str) -> tuple[float, float, float, float] | None:
    m = re.match(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)", text or "")
    if not m:
        return None
    r, g, b, a = m.groups()
    return float(r), float(g), float(b), 1.0 if a is None else float(a)


def luminance(rgb) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


# Everything the keyboard can reach, in the order the page gives it, and visible.
FOCUS_STATE_JS = r"""
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // The background the indicator is drawn on: the nearest ancestor (or the element) with a solid colour.
  function bgOf(node) {
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (m) { const p = m[1].split(',').map(Number); if (p.length < 4 || p[3] > 0.5) return c; }
    }
    return 'rgb(255, 255, 255)';
  }
  // A visually hidden radio button (Material's colour scheme switch) shows focus on its label.
  // (Material shows the label that follows the checked one, so take the next sibling.)
  const label = el.tagName === 'INPUT' && el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL' && el.nextElementSibling;
  const shown = label && el.getBoundingClientRect().height < 2 ? label : el;
  const r = shown.getBoundingClientRect();
  const cs = getComputedStyle(shown);
  const shadows = (cs.boxShadow === 'none' ? [] : cs.boxShadow.match(/rgba?\([^)]+\)[^,]*(?:,|$)/g) || [])
    .map(s => ({colour: s.match(/rgba?\([^)]+\)/)[0], spread: (s.match(/(-?[\d.]+)px/g) || []).map(parseFloat)}));
  const onScreen = r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight && r.width > 0 && r.height > 0
    && getComputedStyle(shown).visibility !== 'hidden';
  // What covers the element: sample points inside it and see what is on top there.
  const pts = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]];
  let uncovered = 0;
  const coverers = new Set();
  for (const [fx, fy] of pts) {
    const x = r.left + r.width * fx, y = r.top + r.height * fy;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
    const top = document.elementFromPoint(x, y);
    // Material's search overlay, once the search has closed, fades out over 250 ms: it tints what is
    // under it for that moment but never hides it, so it does not count as covering.
    const fading = top && top.classList.contains('md-search__overlay') && !document.getElementById('__search').checked;
    if (!top || fading || shown.contains(top) || top.contains(shown) || top.closest('label') && el.id && top.closest('label').htmlFor === el.id) uncovered++;
    else coverers.add((top.closest('.qe, .md-header') || top).className || top.tagName);
  }
  return {
    name: (el.getAttribute('aria-label') || el.textContent || el.value || el.tagName).trim().replace(/\s+/g, ' ').slice(0, 60),
    tag: el.tagName, cls: String(el.className || ''), href: el.getAttribute('href'),
    outlineStyle: cs.outlineStyle, outlineWidth: parseFloat(cs.outlineWidth) || 0, outlineColour: cs.outlineColor,
    outlineOffset: parseFloat(cs.outlineOffset) || 0,
    shadows, ownBg: bgOf(shown), parentBg: bgOf(shown.parentElement || shown),
    rect: [r.left, r.top, r.width, r.height], uncovered, coverers: [...coverers], onScreen,
    inNav: !!el.closest('nav, [role=navigation]'), inHeader: !!el.closest('header'),
  };
}
"""

# Text that is cut off: an element whose overflow hides or clips content that does not fit,
# or any text node wider than the page.
CLIPPED_JS = r"""
() => {
  const out = [];
  const vw = document.documentElement.clientWidth;
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const hidesX = ['hidden', 'clip'].includes(cs.overflowX), hidesY = ['hidden', 'clip'].includes(cs.overflowY);
    const hasText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const text = (el.textContent || '').trim();
    if (!text) continue;
    // Visually hidden text for screen readers (1px boxes) is not "cut off".
    if (r.width <= 2 || r.height <= 2) continue;
    if (r.right <= 0) continue;  // a closed drawer, waiting off to the left
    if (el.closest('[data-md-component=search]') && !document.getElementById('__search').checked
        && getComputedStyle(el.closest('.md-search__output') || el).opacity === '0') continue;  // closed search
    if (hidesX && el.scrollWidth > el.clientWidth + 1) out.push(['cut off sideways', el]);
    else if (hidesY && el.scrollHeight > el.clientHeight + 1) out.push(['cut off at the bottom', el]);
    // Only what sticks out to the right makes the page scroll; a closed drawer waits off to the left.
    else if (hasText && r.right > vw + 1 && r.left < vw && cs.position !== 'fixed') out.push(['off the page', el]);
  }
  return out.slice(0, 10).map(([why, el]) => why + ': <' + el.tagName.toLowerCase() + ' class="' + el.className + '"> '
    + el.textContent.trim().replace(/\s+/g, ' ').slice(0, 60));
}
"""

# WCAG 1.4.12's spacing values, applied to everything.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Targets whose own box is smaller than min × min CSS px.
SMALL_TARGETS_JS = r"""
([selector, min]) => [...document.querySelectorAll(selector)].filter(el => {
  const cs = getComputedStyle(el);
  if (cs.visibility === 'hidden' || cs.opacity === '0' || el.closest('[hidden]')) return false;  // not shown
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return false;  // not rendered (closed menu, other layout)
  if (r.bottom < 0 || r.right < 0 || r.left > document.documentElement.scrollWidth) return false;
  return r.width + 0.5 < min || r.height + 0.5 < min;
}).map(el => {
  const r = el.getBoundingClientRect();
  return `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} "${(el.getAttribute('aria-label') || el.textContent).trim().replace(/\s+/g, ' ').slice(0, 40)}" ${r.width.toFixed(0)}×${r.height.toFixed(0)}`;
})
"""
