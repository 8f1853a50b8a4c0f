/* Glossary term explanations (see README.md beside this file).
   Progressive enhancement: the term is already a link to the glossary with its meaning as the
   link's description. The build writes a "?" button after it, shown only with JavaScript (.wt-js);
   this gives the button its click, so it shows the meaning below the paragraph the term is in. */
(function () {
  "use strict";

  function close(button, meaning, returnFocus) {
    button.setAttribute("aria-expanded", "false");
    meaning.hidden = true;
    if (returnFocus) button.focus();
  }

  // The buttons the build wrote after each explained term (scripts/walkthrough/terms.py).
  document.querySelectorAll("a.wt-term + button.wt-term__button[aria-controls]").forEach(function (button) {
    var meaning = document.getElementById(button.getAttribute("aria-controls"));
    if (!meaning) return;
    button.setAttribute("aria-expanded", "false");

    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      if (open) { close(button, meaning, false); return; }
      // Below the paragraph (or at the end of the list item), not inside the sentence: the
      // sentence stays whole and the explanation reads as a note on it.
      var block = button.closest("p, li, dd, td");
      if (block && block.tagName === "P") block.after(meaning);
      else if (block) block.appendChild(meaning);
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
