/* Small accessibility fixes to the theme's markup, applied on every page. */
(function () {
  "use strict";
  function fix() {
    document.querySelectorAll(".md-search[role=dialog]:not([aria-label])").forEach(function (dialog) {
      dialog.setAttribute("aria-label", "Search");
    });
    /* A table wider than a phone scrolls sideways: let keyboard users reach and scroll it too. */
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Table (scrolls sideways)");
      }
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(fix);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fix);
  else fix();
})();
