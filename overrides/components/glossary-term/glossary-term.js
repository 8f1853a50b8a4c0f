/* Glossary term explanations (see README.md beside this file).
   Progressive enhancement: the term is already a link to the glossary with its meaning as the
   link's description. The build writes a "?" button after it, shown only with JavaScript (.wt-js);
   this gives the button its click, so it shows the meaning in place. */
(function () {
  "use strict";

  function close(button, meaning, returnFocus) {
    button.setAttribute("aria-expanded", "false");
    meaning.hidden = true;
    if (returnFocus) button.focus();
  }

  document.querySelectorAll("a.wt-term[aria-describedby]").forEach(function (link) {
    var meaning = document.getElementById(link.getAttribute("aria-describedby"));
    if (!meaning) return;
    // The build writes the button after the link (scripts/walkthrough/terms.py); make it if missing.
    var button = link.nextElementSibling;
    if (!button || !button.classList.contains("wt-term__button")) {
      button = document.createElement("button");
      button.type = "button";
      button.className = "wt-term__button";
      button.textContent = "?";
      button.setAttribute("aria-label", "What does " + link.textContent + " mean?");
      button.setAttribute("aria-controls", meaning.id);
      link.insertAdjacentElement("afterend", button);
    }
    button.setAttribute("aria-expanded", "false");

    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      if (open) { close(button, meaning, false); return; }
      button.setAttribute("aria-expanded", "true");
      meaning.hidden = false;
    });
    function onEscape(event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        close(button, meaning, true);
      }
    }
    button.addEventListener("keydown", onEscape);
    meaning.addEventListener("keydown", onEscape);
  });
})();
