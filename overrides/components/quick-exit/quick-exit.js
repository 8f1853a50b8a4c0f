/* No-trace browsing: following a link inside the site replaces the current history entry.
 *
 * On when mkdocs.yml sets extra.safety.no_trace_browsing (the default); the setting reaches this
 * script as data-no-trace on the quick exit bar. The whole visit then stays one entry in the tab's
 * history, so after a quick exit (which also replaces that entry) Back does not reach any page of
 * this site. It does not touch the browser's global history list or its cache, and without
 * JavaScript links work as usual. The quick exit itself and its Shift shortcut are in the inline
 * script in quick-exit.html, so they work before this file loads.
 */
(function () {
  "use strict";
  var bar = document.querySelector("[data-quick-exit]");
  if (!bar || bar.getAttribute("data-no-trace") !== "true") {
    return;
  }
  document.addEventListener("click", function (event) {
    // Leave alone what the browser or another script handles: new tabs and windows (modifier
    // keys, middle button, target), downloads, and clicks a script has already dealt with.
    if (event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || (link.target && link.target !== "_self") || link.hasAttribute("download")) {
      return;
    }
    var url = new URL(link.href, location.href);
    if (url.origin !== location.origin) {
      return; // links to other sites open as usual
    }
    event.preventDefault();
    // replace(), not assign(): the history entry for this page is reused, so Back leaves the site.
    location.replace(url.href);
  });
})();
