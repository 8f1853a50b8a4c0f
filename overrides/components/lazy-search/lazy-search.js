/* Lazy search: fetch the search worker and the search index only when the search is first used.
 *
 * Material's bundle starts its search worker and downloads search/search_index.json as soon as
 * any page loads: about 45 KB gzipped that most visits never use, on a phone that may be on a
 * weak signal (issue 8, make bench). This file must run before Material's bundle. It stands in
 * for the request of the search index and for `new Worker(...)` of the search worker, and holds both
 * back until the person first opens the search (the search button, the search box, or Material's
 * keyboard shortcuts, which all focus the box). Material then carries on as usual: it waits for
 * the worker to say it is ready before it searches. Everything else passes straight through.
 * Without JavaScript nothing changes (Material's search needs JavaScript anyway).
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var WORKER = /\/workers\/search\.[^/]*\.js(?:[?#]|$)/;
  var released = false;
  var waiting = [];

  function release() {
    if (released) return;
    released = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  function whenUsed() {
    return released ? Promise.resolve() : new Promise(function (resolve) { waiting.push(resolve); });
  }

  // Material downloads the index with XMLHttpRequest (for its progress bar); fetch is covered too.
  var xhr = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  if (xhr) {
    var open = xhr.open, send = xhr.send, forIndex = new WeakSet();
    xhr.open = function (method, url) {
      if (INDEX.test(String(url))) forIndex.add(this); else forIndex.delete(this);
      return open.apply(this, arguments);
    };
    xhr.send = function () {
      var request = this, args = arguments;
      if (released || !forIndex.has(request)) return send.apply(request, args);
      whenUsed().then(function () { send.apply(request, args); });
    };
  }

  var realFetch = window.fetch;
  if (realFetch) {
    window.fetch = function (input, init) {
      var url = typeof input === "string" ? input : (input && input.url) || String(input);
      if (!INDEX.test(url)) return realFetch.apply(this, arguments);
      return whenUsed().then(function () { return realFetch(input, init); });
    };
  }

  var RealWorker = window.Worker;
  if (RealWorker) {
    // A stand-in with the parts of the Worker interface Material uses: it keeps the listeners and
    // messages, and hands them to the real worker once the search is used.
    window.Worker = function (url, options) {
      if (!WORKER.test(String(url))) return new RealWorker(url, options);
      var real = null, listeners = [], queue = [];
      whenUsed().then(function () {
        real = new RealWorker(url, options);
        listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
        queue.splice(0).forEach(function (message) { real.postMessage(message); });
      });
      return {
        addEventListener: function (type, listener, opts) {
          if (real) real.addEventListener(type, listener, opts); else listeners.push([type, listener, opts]);
        },
        removeEventListener: function (type, listener, opts) {
          if (real) real.removeEventListener(type, listener, opts);
          listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
        },
        postMessage: function (message) {
          if (real) real.postMessage(message); else queue.push(message);
        },
        terminate: function () { if (real) real.terminate(); }
      };
    };
  }

  function used(event) {
    var target = event.target;
    if (!target || !target.closest) return;
    if (target.closest("form[name=search], label[for=__search]") || target.id === "__search") release();
  }
  document.addEventListener("focusin", used, true);
  document.addEventListener("change", used, true);
  document.addEventListener("pointerdown", used, true);
})();
