/*
 * "Copy link to <section>" buttons. See README.md in this folder.
 *
 * On a stage page (it has the step line, #step), each h2 with an id has an icon button beside it that
 * copies the section's permanent address (page address + #anchor; anchors are fixed in
 * scripts/walkthrough/sections.py). The build writes those buttons into the page (so they take
 * their place from the first paint and nothing jumps when this script arrives); CSS shows them only
 * when JavaScript runs (.wt-js on <html>), so without JavaScript there is no button that does
 * nothing. This script gives them their click. Links marked
 * data-copy-link (the page for ISVAs and supporters) get a "Copy link" button from here.
 * "Link copied" is read out through one polite live region. Nothing is stored; the address bar
 * and history are not touched.
 */
(function () {
  "use strict";

  var region = null;
  function announce(message) {
    if (!region) return;
    region.textContent = "";
    // A fresh text node after a tick, so the same words twice in a row are read out again.
    setTimeout(function () { region.textContent = message; }, 50);
  }

  function sectionAddress(id) {
    // Without ?query (search terms never travel in a shared link), with the section's anchor.
    return location.origin + location.pathname + "#" + encodeURIComponent(id);
  }

  /* Old browsers, or a page not served over https: select the address in a field to copy by hand. */
  function fallback(button, address) {
    var field = button.parentNode.querySelector(".wt-copy-link__field");
    if (!field) {
      field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.className = "wt-copy-link__field";
      field.setAttribute("aria-label", "Link to copy");
      button.parentNode.appendChild(field);
    }
    field.value = address;
    field.focus();
    field.select();
    announce("Copy the selected link");
  }

  function copy(button, address, visible) {
    // A section's icon button keeps its icon and name; "Link copied" shows beside it (CSS) and is
    // read out. A "Copy link" text button says it in place.
    var icon = button.classList.contains("wt-copy-link__button--icon");
    function done() {
      if (!icon) button.textContent = "Link copied";
      button.classList.add("wt-copy-link__button--done");
      announce("Link copied");
      setTimeout(function () {
        if (!icon) button.textContent = visible;
        button.classList.remove("wt-copy-link__button--done");
      }, 4000);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(address).then(done, function () { fallback(button, address); });
    } else {
      fallback(button, address);
    }
  }

  function bind(button, visible, address) {
    button.addEventListener("click", function () { copy(button, address(), visible); });
  }

  function makeButton(visible, which, address) {
    var wrap = document.createElement("span");
    wrap.className = "wt-copy-link wt-copy-link--inline";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "wt-copy-link__button";
    button.textContent = visible;
    // The name starts with the visible words (WCAG 2.5.3, label in name), then says which link,
    // so a list of buttons read out by a screen reader can be told apart. aria-label rather than
    // hidden text: hidden text gets a stray space in the computed name ("section : Your rights").
    // (The section buttons the build writes are named the same way: templates/partials/macros.md.j2.)
    button.setAttribute("aria-label", visible + ": " + which);
    bind(button, visible, address);
    wrap.appendChild(button);
    return wrap;
  }

  function start() {
    var article = document.querySelector("article.md-content__inner") || document.body;
    var onStage = !!document.getElementById("step");
    var links = article.querySelectorAll("a[data-copy-link]");
    if (!onStage && !links.length) return;
    region = document.createElement("div");
    region.className = "wt-copy-link__hidden";
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    document.body.appendChild(region);
    if (onStage) {
      // The buttons the build wrote after each section heading (templates/partials/macros.md.j2).
      Array.prototype.forEach.call(article.querySelectorAll("h2[id] + .wt-copy-link > .wt-copy-link__button"), function (button) {
        var id = button.parentNode.previousElementSibling.id;
        bind(button, null, function () { return sectionAddress(id); });
      });
    }
    Array.prototype.forEach.call(links, function (link) {
      link.parentNode.insertBefore(
        makeButton("Copy link", link.textContent.trim(), function () { return link.href; }), link.nextSibling);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
