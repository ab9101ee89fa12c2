/* The search index is fetched when a reader first reaches for search, not on every page load.
   Both themes (Material for MkDocs and Zensical) request the whole index (1.5-2 MB, 0.4-0.5 MB
   compressed) as soon as a page opens and parse it on the main thread: on a phone with patchy
   data that is a download nobody asked for, and it holds the page up while it loads. This script
   runs before the theme's own (it is written into each page's head) and holds that one request
   back until the reader opens search: a click or tap on the search box, a focus on it, or the
   theme's keyboard shortcuts. The theme shows "Initializing search" meanwhile, as it always does.
   A page opened from a search result (?q= or ?h= in its address) loads it at once. If a future
   theme fetches the index some other way this script matches nothing and changes nothing. */
(function () {
  "use strict";

  var INDEX = /\/search(\/search_index)?\.json$/;
  var proto = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  if (!proto || /[?&][qh]=/.test(window.location.search)) return;

  var wanted = false, held = [];
  var open = proto.open, send = proto.send;

  proto.open = function (method, url) {
    try {
      this.__ppIndex = INDEX.test(new URL(String(url), document.baseURI).pathname);
    } catch (e) {
      this.__ppIndex = false;
    }
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (this.__ppIndex && !wanted) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (call) { send.apply(call[0], call[1]); });
  }

  function inSearch(target) {
    return !!(target && target.closest && target.closest(".md-search, label[for='__search']"));
  }

  document.addEventListener("focusin", function (e) { if (inSearch(e.target)) release(); }, true);
  document.addEventListener("pointerdown", function (e) { if (inSearch(e.target)) release(); }, true);
  document.addEventListener("click", function (e) { if (inSearch(e.target)) release(); }, true);
  document.addEventListener("change", function (e) {
    if (e.target && e.target.id === "__search") release();
  }, true);
  /* The theme's shortcuts: "/", "s" and "f" open search when no field has the focus. */
  document.addEventListener("keydown", function (e) {
    var field = e.target && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
    if (!field && !e.ctrlKey && !e.metaKey && !e.altKey && /^[/sf]$/i.test(e.key)) release();
  }, true);
})();
