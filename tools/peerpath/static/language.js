/* The language switcher: the theme's language menu (extra.alternate) links to each language's home page;
   this points every entry at the same page in that language instead. Both sites give a page the same path
   (the Spanish site is es/ inside the English one), so the page's path from its site's root is all it needs.
   Works from a server and from disk (file://); without JavaScript the menu still leads to the other home. */
(function () {
  "use strict";

  /* This page's path from its site's root, e.g. "modules/the-peer-role.html". */
  function pathInSite() {
    var base = ".";
    try { base = JSON.parse(document.getElementById("__config").textContent).base || "."; } catch (e) { /* the root */ }
    var root = new URL(base.replace(/\/?$/, "/"), location.href).href;
    var here = location.href.split("#")[0].split("?")[0];
    return here.indexOf(root) === 0 ? here.slice(root.length) : "";
  }

  function samePage() {
    var path = pathInSite();
    var links = document.querySelectorAll(".md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var home = links[i].getAttribute("data-pp-home") || links[i].getAttribute("href");
      links[i].setAttribute("data-pp-home", home);
      links[i].setAttribute("href", new URL(path, new URL(home, location.href)).href);
      links[i].setAttribute("lang", links[i].getAttribute("hreflang"));
    }
  }

  samePage();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(samePage);
})();
