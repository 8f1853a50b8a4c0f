/* Keyboard access to Material 9.8.1's header buttons on small screens (WCAG 2.1.1, 4.1.2).
   Stock Material draws "menu" and "search" as <label>s for hidden checkboxes: a mouse or finger
   can use them, the keyboard cannot reach them, and screen readers hear no name or state.
   This puts a real, named button in each label's place (Enter and Space press it), keeps
   aria-expanded in step with what it opens, and lets Escape close the menu (Material's own
   Escape already closes the search), returning focus to the button.
   Without JavaScript the labels work as before with a mouse or finger; the menu links are also
   shown as a sidebar on wide screens. Checked by tests/browser/test_accessibility.py. */
(function () {
  "use strict";
  var buttons = [
    { id: "__drawer", name: "Menu" },
    { id: "__search", name: "Search" }
  ];
  buttons.forEach(function (item) {
    var toggle = document.getElementById(item.id);
    var label = document.querySelector('label.md-header__button[for="' + item.id + '"]');
    if (!toggle || !label) return;
    // A real button (ARIA does not allow role="button" on a <label>), with the label's icon.
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " wt-header-button";
    button.innerHTML = label.innerHTML;
    button.setAttribute("aria-label", item.name);
    button.setAttribute("aria-controls", item.id);
    function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
    sync();
    toggle.addEventListener("change", sync);
    // Clicking the label toggles the checkbox and fires the change event Material listens for.
    button.addEventListener("click", function () { label.click(); sync(); });
    label.insertAdjacentElement("afterend", button);
    label.hidden = true;
    if (item.id === "__drawer") {
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.checked) {
          label.click();
          sync();
          button.focus();
        }
      });
    }
  });

  // The colour scheme switch: Material shows the label that follows the current scheme's radio
  // button but checks neither radio, so Tab lands on the first one, and in the dark scheme its
  // label is hidden: focus goes where nobody can see it (WCAG 2.4.7). Checking the current radio
  // (which fires no change event, so nothing switches) makes it the group's Tab stop.
  var palette = document.querySelector("[data-md-component=palette]");
  function checkCurrentScheme() {
    palette.querySelectorAll("input.md-option").forEach(function (input) {
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL" && !label.hidden && !input.checked) input.checked = true;
    });
  }
  if (palette && window.MutationObserver) {
    new MutationObserver(checkCurrentScheme).observe(palette, { attributes: true, subtree: true, attributeFilter: ["hidden"] });
    checkCurrentScheme();
  }

  // Each search result Material draws has its tags in an unnamed <nav>: with several results the
  // page has many identical navigation landmarks (axe landmark-unique), which screen reader users
  // meet in the landmark list. The tags are not navigation, so they lose the landmark role.
  // The results' scroll box is a Tab stop only while it lists results (overrides/partials/search.html
  // says why): with none it has no height on wide screens, and focus would vanish into it.
  var results = document.querySelector(".md-search-result__list");
  var scrollwrap = document.querySelector(".md-search__scrollwrap");
  if (results && window.MutationObserver) {
    new MutationObserver(function () {
      results.querySelectorAll("nav.md-tags:not([role])").forEach(function (nav) {
        nav.setAttribute("role", "none");
      });
      if (scrollwrap) scrollwrap.tabIndex = results.children.length ? 0 : -1;
    }).observe(results, { childList: true, subtree: true });
  }
})();
