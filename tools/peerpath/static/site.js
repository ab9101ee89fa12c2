/* Small accessibility fixes to the theme's markup, applied on every page. */
(function () {
  "use strict";
  function fix() {
    document.querySelectorAll(".md-search[role=dialog]:not([aria-label])").forEach(function (dialog) {
      dialog.setAttribute("aria-label", "Search");
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(fix);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fix);
  else fix();
})();
