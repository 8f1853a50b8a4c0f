/* Search answers: "Best answers" above the site search's results, linking straight to the
 * section of a stage that answers the question typed (issue 13).
 *
 * Material's search matches words: "can my mum come to court with me" finds pages that share a
 * word. This ranks every stage section by the questions people ask about it (search_answers.yml,
 * written by content designers, with groups of words that mean the same), and shows the best one
 * to three as links to the exact section. Everything happens on the device: the data file is read
 * from this site (only once the search is first used), nothing is stored, and the words typed
 * never go into an address. Without JavaScript there is no search at all, so nothing changes.
 * The ranking functions are plain and exported for Node, so bench/search_eval.py measures the
 * same code the browser runs.
 */
(function () {
  "use strict";

  // Words that carry no meaning for finding a section: question words ("can", "will", "do I",
  // "what if") and the small words around them.
  var STOP = {};
  ("a an the and or but if of to in on at by for with from about into is am are was were be been being " +
   "do does did doing done have has had having i im ive id ill me my mine myself you your yours youre " +
   "we us our it its this that these those there theres here what whats which who whos whom whose " +
   "when where wheres why how hows " +
   "can could will would shall should may might must not no dont doesnt didnt cant cannot wont isnt " +
   "arent wasnt havent hasnt hadnt shouldnt wouldnt couldnt so than then too very just also any " +
   "some all get gets got getting go going gone still yet now ever even really they them their theyre " +
   "she her hers as up down over again more most much many want need know let say said tell told " +
   "happen happens happened happening mean means meaning ok okay please thing things something " +
   "anything anyone everything like actually maybe keep keeps").split(" ").forEach(function (w) { STOP[w] = true; });

  function stem(word) {
    var w = word;
    if (w.length > 5 && /ing$/.test(w)) w = w.slice(0, -3);
    else if (w.length > 4 && /ed$/.test(w)) w = w.slice(0, -2);
    else if (w.length > 4 && /ies$/.test(w)) w = w.slice(0, -3) + "y";
    else if (w.length > 3 && /[^s]s$/.test(w)) w = w.slice(0, -1);
    if (w.length > 4 && /ly$/.test(w)) w = w.slice(0, -2);
    if (w.length > 4 && /e$/.test(w)) w = w.slice(0, -1);
    return w;
  }

  function words(text) {
    return String(text).toLowerCase().replace(/['’]/g, "").split(/[^a-z0-9-]+/).filter(Boolean);
  }

  // text -> the distinct terms it is matched on: stems, with each synonym group as one term.
  // Two words a group joins with a hyphen ("get-out", "young-person") count as that one word.
  // With a vocabulary (the query only), a word no section uses is read as the known word one
  // letter away, if there is one ("polise" as "police").
  function terms(text, groups, vocab) {
    var seen = {}, out = [], ws = words(text);
    for (var i = 0; i < ws.length; i++) {
      var w = ws[i];
      if (i + 1 < ws.length && groups[w + "-" + ws[i + 1]]) { w = w + "-" + ws[i + 1]; i++; }
      else if (STOP[w]) continue;
      var t = groups[w] || groups[stem(w)];
      if (!t) {
        t = stem(w);
        if (vocab && !vocab[w] && !vocab[t] && !/\d/.test(w)) t = nearest(w, vocab) || nearest(t, vocab) || t;
      }
      if (!seen[t]) { seen[t] = true; out.push(t); }
    }
    return out;
  }

  // Edit distance (a swap of two letters, as in "recieve", is one slip), giving up with max + 1
  // as soon as it must be more than max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var older = null, prev = [], cur, i, j, low;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i]; low = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (older && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], older[j - 2] + 1);
        if (cur[j] < low) low = cur[j];
      }
      if (low > max) return max + 1;
      older = prev; prev = cur;
    }
    return prev[b.length];
  }

  // The known term a mistyped one is closest to: one slip for words of 5 or more letters, two for
  // 8 or more; the term more sections use wins a tie. Short words are never changed.
  function nearest(t, vocab) {
    var raw = t.charAt(0) === "=" ? null : t;
    if (!raw || raw.length < 5) return null;
    var max = raw.length >= 8 ? 2 : 1, best = null, bestD = max + 1, bestN = 0;
    Object.keys(vocab).forEach(function (v) {
      if (v.charAt(0) === "=" || v.length < 3) return;
      var d = distance(raw, v, max);
      if (d < bestD || (d === bestD && d <= max && vocab[v].n > bestN)) { best = v; bestD = d; bestN = vocab[v].n; }
    });
    return bestD <= max ? vocab[best].term : null;
  }

  // The data file -> a ready index: term lists per phrase, and how rare each term is.
  function prepare(data) {
    var groups = {};
    (data.synonyms || []).forEach(function (group, i) {
      group.forEach(function (w) { groups[w] = "=" + i; groups[stem(w)] = "=" + i; });
    });
    var df = {}, tf = {}, vocab = {};
    // Every known word, raw and stemmed, and the term it stands for: what a slip is corrected to.
    function know(w, t) { if (!vocab[w]) vocab[w] = { term: t, n: 0 }; vocab[w].n++; }
    Object.keys(groups).forEach(function (w) { know(w, groups[w]); });
    function learn(text) {
      words(text).forEach(function (w) {
        if (STOP[w] || groups[w] || groups[stem(w)]) return;
        know(w, stem(w)); know(stem(w), stem(w));
      });
    }
    data.answers.forEach(function (a) { a.phrases.concat(a.names, [a.words || ""]).forEach(learn); });
    var entries = data.answers.map(function (a) {
      var phrases = a.phrases.map(function (p) { return terms(p, groups); });
      var names = a.names.map(function (p) { return terms(p, groups); });
      var text = {};
      terms(a.words || "", groups).forEach(function (t) { text[t] = true; });
      var all = {};
      phrases.concat(names).forEach(function (ts) { ts.forEach(function (t) { all[t] = true; }); });
      Object.keys(all).forEach(function (t) { df[t] = (df[t] || 0) + 1; });
      Object.keys(text).forEach(function (t) { tf[t] = (tf[t] || 0) + 1; });
      return { url: a.url, title: a.title, section: a.section, phrases: phrases, names: names, text: text };
    });
    var n = entries.length;
    function weight(t) { return df[t] ? Math.log(1 + n / df[t]) : 1; }
    function textWeight(t) { return tf[t] ? Math.log(1 + n / tf[t]) : 0; }
    return { groups: groups, vocab: vocab, entries: entries, weight: weight, textWeight: textWeight };
  }

  function similarity(q, p, weight) {
    if (!p.length) return 0;
    var inP = {}, shared = 0, wq = 0, wp = 0;
    p.forEach(function (t) { inP[t] = true; wp += weight(t); });
    q.forEach(function (t) { var w = weight(t); wq += w; if (inP[t]) shared += w; });
    if (!shared) return 0;
    return 0.75 * shared / wq + 0.25 * shared / wp;
  }

  // How much of the question the section's own words cover (0 to 1), rarer words counting more.
  function textCover(q, e, index) {
    var all = 0, shared = 0;
    q.forEach(function (t) { var w = index.textWeight(t); all += w; if (e.text[t]) shared += w; });
    return all ? shared / all : 0;
  }

  var NAME_WEIGHT = 0.6, TEXT_WEIGHT = 0.4, MIN_SCORE = 0.5, NEAR_BEST = 0.6, MOST = 3;

  // query -> up to three {url, title, section, score}, best first.
  function rank(query, index) {
    var q = terms(query, index.groups, index.vocab);
    if (!q.length) return [];
    var scored = index.entries.map(function (e) {
      var best = 0;
      e.phrases.forEach(function (p) { best = Math.max(best, similarity(q, p, index.weight)); });
      e.names.forEach(function (p) { best = Math.max(best, NAME_WEIGHT * similarity(q, p, index.weight)); });
      return { url: e.url, title: e.title, section: e.section, score: best + TEXT_WEIGHT * textCover(q, e, index) };
    }).filter(function (r) { return r.score >= MIN_SCORE; });
    scored.sort(function (a, b) { return b.score - a.score; });
    var top = scored.length ? scored[0].score : 0;
    return scored.filter(function (r) { return r.score >= NEAR_BEST * top; }).slice(0, MOST);
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { rank: rank, prepare: prepare, terms: terms };
    return;
  }

  // --- In the page -------------------------------------------------------------------------
  var script = document.currentScript;
  var base = script ? script.src.replace(/components\/search-answers\/search-answers\.js.*$/, "") : "";
  var index = null, loading = null;

  function load() {
    if (!loading) {
      loading = fetch(base + "search-answers/answers.json", { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { index = data ? prepare(data) : null; return index; })
        .catch(function () { return null; });
    }
    return loading;
  }

  function box() { return document.querySelector("[data-md-component=search-result]"); }

  function render(query) {
    var results = box();
    if (!results) return;
    var panel = results.querySelector(".wt-answers");
    var found = index && query.trim() ? rank(query, index) : [];
    // A state tests (and nothing else) can wait for: the answers shown are for this query.
    results.setAttribute("data-answers-for", query);
    if (!found.length) { if (panel) panel.hidden = true; return; }
    if (!panel) {
      panel = document.createElement("div");
      panel.className = "wt-answers";
      panel.setAttribute("role", "region");
      panel.setAttribute("aria-labelledby", "wt-answers-title");
      var title = document.createElement("h2");
      title.className = "wt-answers__title";
      title.id = "wt-answers-title";
      title.textContent = "Best answers";
      panel.appendChild(title);
      panel.appendChild(document.createElement("ol")).className = "wt-answers__list";
      results.insertBefore(panel, results.firstChild);
    }
    var list = panel.querySelector("ol");
    list.textContent = "";
    found.forEach(function (r) {
      var link = document.createElement("a");
      link.className = "wt-answers__link";
      link.href = base + r.url;
      var strong = document.createElement("strong");
      strong.textContent = r.section;
      link.appendChild(strong);
      link.appendChild(document.createTextNode(" – " + r.title));
      list.appendChild(document.createElement("li")).appendChild(link);
    });
    panel.hidden = false;
  }

  var pending = 0;
  function onInput(event) {
    var input = event.target;
    if (!input.matches || !input.matches("[data-md-component=search-query]")) return;
    var value = input.value, ticket = ++pending;
    load().then(function () { if (ticket === pending) render(value); });
  }

  // The search box exists from the first paint; listen on the document so a rebuilt box works too.
  document.addEventListener("input", onInput, true);
  document.addEventListener("keyup", onInput, true);
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) load();
  });
})();
