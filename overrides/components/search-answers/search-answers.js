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

  // Words that carry no meaning for finding a section.
  var STOP = {};
  ("a an the and or but if of to in on at by for with from about into is am are was were be been being " +
   "do does did doing done have has had having i im ive me my mine myself you your yours we us our " +
   "it its this that these those there here what which who whom whose when where why how " +
   "can could will would shall should may might must not no dont doesnt didnt cant cannot wont isnt " +
   "arent wasnt havent hasnt hadnt shouldnt wouldnt couldnt so than then too very just also any " +
   "some all get got getting go going gone still yet now ever even really they them their she her hers " +
   "as up down over again more most much many want need know let say said tell told happen happens " +
   "happened happening mean means meaning").split(" ").forEach(function (w) { STOP[w] = true; });

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
  function terms(text, groups) {
    var seen = {}, out = [];
    words(text).forEach(function (w) {
      if (STOP[w]) return;
      var t = groups[w] || groups[stem(w)] || stem(w);
      if (!seen[t]) { seen[t] = true; out.push(t); }
    });
    return out;
  }

  // The data file -> a ready index: term lists per phrase, and how rare each term is.
  function prepare(data) {
    var groups = {};
    (data.synonyms || []).forEach(function (group, i) {
      group.forEach(function (w) { groups[w] = "=" + i; groups[stem(w)] = "=" + i; });
    });
    var df = {}, tf = {};
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
    return { groups: groups, entries: entries, weight: weight, textWeight: textWeight };
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

  var NAME_WEIGHT = 0.6, TEXT_WEIGHT = 0.35, MIN_SCORE = 0.5, NEAR_BEST = 0.6, MOST = 3;

  // query -> up to three {url, title, section, score}, best first.
  function rank(query, index) {
    var q = terms(query, index.groups);
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
