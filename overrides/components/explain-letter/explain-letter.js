/* "Explain my letter": marks the words this guide explains in text the person pastes, and
 * explains each beside the text. See README.md beside this file.
 *
 * Privacy, on purpose: the text never leaves this script. It is not stored anywhere (no cookies,
 * storage or IndexedDB), never goes into the address or the history (no fragment links: the
 * marks are not links), and is never sent (this script makes no request). The box and the
 * results are emptied when the page is left (pagehide), when it comes back from the back/forward
 * cache (pageshow), and by the quick exit ("wt:quick-exit", sent before it leaves).
 * Everything is written with textContent and text nodes: pasted text is never parsed as HTML.
 *
 * A date in the same sentence as words that start a time limit ("no further action", "was
 * sentenced") is offered to the date tool on this page, through an in-page event only.
 */
(function () {
  "use strict";

  var MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december"];
  var WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  function isUpper(s) { return s === s.toUpperCase() && s !== s.toLowerCase(); }
  // A name as a pattern: any run of spaces or line breaks between its words.
  function keyOf(name, upper) { return upper ? name.replace(/\s+/g, " ") : name.toLowerCase().replace(/\s+/g, " "); }
  function namePattern(name) { return escapeRe(name.replace(/’/g, "'")).replace(/\s+/g, "\\s+"); }

  /* Every place a name occurs, longest first where they overlap, as [start, end, item].
     Abbreviations (all capitals) match as written, other names in any case (the same rule as the
     glossary marker, terms.py). Boundaries: not inside a longer word. */
  function findNames(text, entries) {
    var plain = text.replace(/’/g, "'"); // same length: curly apostrophes match straight ones
    var found = [];
    [true, false].forEach(function (upper) {
      var names = [];
      entries.forEach(function (entry) {
        entry.names.forEach(function (name) {
          if (isUpper(name) === upper) { names.push({name: name, entry: entry}); }
        });
      });
      if (!names.length) { return; }
      names.sort(function (a, b) { return b.name.length - a.name.length; });
      var byKey = {};
      names.forEach(function (n) {
        var key = keyOf(n.name.replace(/’/g, "'"), upper);
        if (!byKey[key]) { byKey[key] = n.entry; }
      });
      var re = new RegExp("(^|[^\\w])(" + names.map(function (n) { return namePattern(n.name); }).join("|") + ")(?![\\w])",
                          upper ? "g" : "gi");
      var m;
      while ((m = re.exec(plain)) !== null) {
        var start = m.index + m[1].length, word = m[2];
        var key = keyOf(word, upper);
        found.push([start, start + word.length, byKey[key]]);
        re.lastIndex = start + word.length;
      }
    });
    found.sort(function (a, b) { return a[0] - b[0] || (b[1] - b[0]) - (a[1] - a[0]); });
    var kept = [], end = -1;
    found.forEach(function (f) {
      if (f[2] && f[0] >= end) { kept.push(f); end = f[1]; }
    });
    return kept;
  }

  function pad(x) { return (x < 10 ? "0" : "") + x; }
  function validIso(y, m, d) {
    var t = new Date(Date.UTC(y, m - 1, d));
    if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) { return null; }
    return y + "-" + pad(m) + "-" + pad(d);
  }
  function dateWords(iso) {
    var p = iso.split("-").map(Number), t = new Date(Date.UTC(p[0], p[1] - 1, p[2]));
    return WEEKDAYS[t.getUTCDay()] + " " + p[2] + " " + MONTHS[p[1] - 1].charAt(0).toUpperCase() +
      MONTHS[p[1] - 1].slice(1) + " " + p[0];
  }

  /* Dates written the UK way: 27 February 2026, 27th Feb 2026, Friday 27 February 2026,
     27/02/2026, 27.02.2026, 2026-02-27. Returns [start, end, iso]. */
  function findDates(text) {
    var out = [], m;
    var words = /(^|[^\w])(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})(?![\w])/gi;
    while ((m = words.exec(text)) !== null) {
      var month = MONTHS.map(function (x) { return x.slice(0, 3); }).indexOf(m[3].toLowerCase().slice(0, 3));
      var iso = validIso(+m[4], month + 1, +m[2]);
      if (iso) { out.push([m.index + m[1].length, words.lastIndex, iso]); }
    }
    var numbers = /(^|[^\w\/.])(\d{1,2})[\/.](\d{1,2})[\/.](\d{4})(?![\w\/])/g;
    while ((m = numbers.exec(text)) !== null) {
      var iso2 = validIso(+m[4], +m[3], +m[2]);
      if (iso2) { out.push([m.index + m[1].length, numbers.lastIndex, iso2]); }
    }
    var isos = /(^|[^\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])/g;
    while ((m = isos.exec(text)) !== null) {
      var iso3 = validIso(+m[2], +m[3], +m[4]);
      if (iso3) { out.push([m.index + m[1].length, isos.lastIndex, iso3]); }
    }
    return out.sort(function (a, b) { return a[0] - b[0]; });
  }

  /* The sentence around a position: from after the last full stop + space, "!", "?" or line
     break before it, to the next one (a full stop inside "s.28" or "27.02.2026" does not end it). */
  function sentenceAround(text, start, end) {
    var before = text.slice(0, start), after = text.slice(end);
    var b = Math.max(before.search(/[^.!?\n]*$/), 0);
    var stop = after.search(/[.!?](\s|$)|\n/);
    return [b, stop === -1 ? text.length : end + stop];
  }

  /* For each date, the event whose words are nearest it in the same sentence, if any. */
  function datesWithEvents(text, events) {
    var entries = events.map(function (e) { return {names: e.phrases, event: e}; });
    var phrases = findNames(text, entries);
    return findDates(text).map(function (d) {
      var s = sentenceAround(text, d[0], d[1]), best = null, bestGap = Infinity;
      phrases.forEach(function (p) {
        if (p[0] >= s[0] && p[1] <= s[1]) {
          var gap = p[0] > d[1] ? p[0] - d[1] : d[0] - p[1];
          if (gap >= 0 && gap < bestGap) { best = p[2].event; bestGap = gap; }
        }
      });
      return {start: d[0], end: d[1], iso: d[2], event: best};
    });
  }

  // Exposed for the tests that run realistic letters in Chromium; holds no text of the person's.
  window.wtExplainLetter = {findNames: findNames, findDates: findDates, datesWithEvents: datesWithEvents};

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }
  function empty(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function setUp(root) {
    var data = JSON.parse(root.querySelector("[data-explain-letter-data]").textContent);
    var form = root.querySelector("[data-explain-letter-form]");
    var box = root.querySelector("[data-explain-letter-text]");
    var status = root.querySelector("[data-explain-letter-status]");
    var result = root.querySelector("[data-explain-letter-result]");
    var marked = root.querySelector("[data-explain-letter-marked]");
    var terms = root.querySelector("[data-explain-letter-terms]");
    var dates = root.querySelector("[data-explain-letter-dates]");

    function clear() {
      form.reset();
      box.value = "";
      empty(marked); empty(terms); empty(dates);
      status.textContent = "";
      result.hidden = true;
    }

    function explain() {
      var text = box.value;
      empty(marked); empty(terms); empty(dates);
      if (!text.trim()) {
        result.hidden = true;
        status.textContent = "Paste or type some text first.";
        box.focus();
        return;
      }
      var found = findNames(text, data.terms);
      var numbers = {}, order = [];
      found.forEach(function (f) {
        if (!(f[2].id in numbers)) { numbers[f[2].id] = order.length + 1; order.push({term: f[2], as: text.slice(f[0], f[1])}); }
      });
      // The text, as text nodes, with each known word in a <mark> and its explanation's number.
      var at = 0;
      found.forEach(function (f) {
        marked.appendChild(document.createTextNode(text.slice(at, f[0])));
        var mark = el("mark", "wt-letter__mark", text.slice(f[0], f[1]));
        var n = el("sup", "wt-letter__ref", String(numbers[f[2].id]));
        n.setAttribute("aria-hidden", "true");
        mark.appendChild(n);
        marked.appendChild(mark);
        at = f[1];
      });
      marked.appendChild(document.createTextNode(text.slice(at)));
      order.forEach(function (o, i) {
        var item = el("li", "wt-letter__term");
        item.value = i + 1;
        var head = el("p", "wt-letter__name");
        head.appendChild(el("strong", "", o.as));
        if (o.as.toLowerCase() !== o.term.term.toLowerCase()) {
          head.appendChild(document.createTextNode(" (" + o.term.term + ")"));
        }
        item.appendChild(head);
        item.appendChild(el("p", "wt-letter__meaning", o.term.meaning));
        var links = el("p", "wt-letter__links");
        if (o.term.stage) {
          var stage = el("a", "", "Where it matters: " + o.term.stage.title);
          stage.href = o.term.stage.url;
          links.appendChild(stage);
          links.appendChild(document.createTextNode(" · "));
        }
        var more = el("a", "", "In Words you may hear");
        more.href = o.term.glossary;
        links.appendChild(more);
        item.appendChild(links);
        terms.appendChild(item);
      });
      if (!order.length) {
        terms.appendChild(el("li", "wt-letter__none", "This page does not know any of these words. Your ISVA, or the person who wrote to you, can explain them."));
      }
      var offered = datesWithEvents(text, data.events).filter(function (d) { return d.event; });
      var tool = document.querySelector("[data-case-dates]");
      if (offered.length && tool) {
        dates.appendChild(el("h3", "wt-letter__subtitle", "Dates that start a time limit"));
        var list = el("ul", "wt-letter__date-list");
        offered.forEach(function (d) {
          var li = el("li");
          li.appendChild(el("p", "", "“" + text.slice(d.start, d.end) + "”: " + d.event.title + "?"));
          var button = el("button", "wt-button wt-button--secondary", "Count the time limits from " + dateWords(d.iso));
          button.type = "button";
          button.addEventListener("click", function () {
            // In the page only: the date tool listens on its own element. Never in the address.
            tool.dispatchEvent(new CustomEvent("wt:use-date", {detail: {event: d.event.event, date: d.iso}}));
          });
          li.appendChild(button);
          list.appendChild(li);
        });
        dates.appendChild(list);
      }
      result.hidden = false;
      var words = order.length === 1 ? "1 word or phrase" : order.length + " words or phrases";
      status.textContent = "Found " + words + " this page can explain" +
        (offered.length ? ", and " + (offered.length === 1 ? "1 date that starts" : offered.length + " dates that start") + " a time limit" : "") +
        ". The explanations are after your text.";
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault(); // never submitted: everything happens here, on the device
      explain();
    });
    root.querySelector("[data-explain-letter-clear]").addEventListener("click", function () {
      clear();
      box.focus();
    });
    window.addEventListener("pagehide", clear);
    window.addEventListener("pageshow", function (e) { if (e.persisted) { clear(); } });
    document.addEventListener("wt:quick-exit", clear);
    clear(); // a browser may have put old text back into the box: start empty
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-explain-letter]"), setUp);
})();
