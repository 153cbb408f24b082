/*
 * vimod blur: possibly upsetting text stays blurred until a moderator reveals it.
 *
 * Markup contract:
 *   <div class="blur-text" id="post-1" data-blurred="true">…</div>
 *   <button type="button" class="blur-toggle" data-blur-toggle aria-controls="post-1"
 *           aria-pressed="false">Show text</button>
 * The button is an ordinary toggle button (Enter or Space), so it works from the keyboard
 * and says its state (aria-pressed="true" = revealed); its label does not change.
 * The blur is visual only: screen readers read the text either way. Without JavaScript
 * noscript.css removes the blur, since nothing could reveal it.
 */
(function () {
  "use strict";

  function toggle(button) {
    var target = document.getElementById(button.getAttribute("aria-controls") || "");
    if (!target) return;
    var reveal = button.getAttribute("aria-pressed") !== "true";
    button.setAttribute("aria-pressed", reveal ? "true" : "false");
    target.setAttribute("data-blurred", reveal ? "false" : "true");
  }

  function init() {
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-blur-toggle]");
      if (button) toggle(button);
    });
  }

  window.vimodBlur = { toggle: toggle };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
