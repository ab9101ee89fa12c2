/* Small accessibility fixes to the theme's markup, applied on every page. */
(function () {
  "use strict";

  /* Words in the page's language (i18n.js). */
  function t(text, values) { return window.PeerPathI18n.t(text, values); }
  /* Each region needs its own name: the table's caption, or else the heading above it. */
  function tableName(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption) return caption.textContent.trim();
    for (var el = wrap.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) return el.textContent.replace(/¶$/, "").trim();
    }
    return t("table {number}", { number: Array.prototype.indexOf.call(document.querySelectorAll(".md-typeset__scrollwrap"), wrap) + 1 });
  }
  function fix() {
    document.querySelectorAll(".md-search[role=dialog]:not([aria-label])").forEach(function (dialog) {
      dialog.setAttribute("aria-label", t("Search"));
    });
    /* A table wider than a phone scrolls sideways: let keyboard users reach and scroll it too. */
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", t("Table: {name} (scrolls sideways)", { name: tableName(wrap) }));
      }
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(fix);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fix);
  else fix();
})();
