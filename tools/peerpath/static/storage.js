/* Which browser storage this site can use, decided once, before any other script on the page.
   Runs as the theme's first script (extra.polyfills, written into each page's head) so it also protects the theme: Material's
   and Zensical's own helpers (__md_get/__md_set) read localStorage directly, and when the browser
   blocks it (cookies blocked, some private modes) they throw and take search and the colour
   toggle down with them. Here they are handed a storage that works instead.
   window.PeerPathStorage = {store, kind}: kind is "local" (kept on this device), "session"
   (kept while this tab is open) or "memory" (kept on this page only). */
(function () {
  "use strict";

  function usable(name) {
    try {
      var s = window[name], probe = "peerpath.probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null;
    }
  }

  /* The Storage interface over a plain object: what is left when the browser keeps nothing. */
  function memory() {
    var items = {};
    return {
      getItem: function (k) { return Object.prototype.hasOwnProperty.call(items, k) ? items[k] : null; },
      setItem: function (k, v) { items[k] = String(v); },
      removeItem: function (k) { delete items[k]; },
      key: function (i) { return Object.keys(items)[i] || null; },
      get length() { return Object.keys(items).length; }
    };
  }

  var local = usable("localStorage");
  var session = local ? null : usable("sessionStorage");
  window.PeerPathStorage = local ? { store: local, kind: "local" }
    : session ? { store: session, kind: "session" } : { store: memory(), kind: "memory" };
  if (local) return;

  var fallback = window.PeerPathStorage.store;
  /* The theme's helpers take the storage as an optional argument that defaults to localStorage;
     fill it in before the default is evaluated, and never let a storage error escape. */
  function guarded(fn, storeArg) {
    return function () {
      var args = Array.prototype.slice.call(arguments);
      if (args[storeArg] === undefined) args[storeArg] = fallback;
      try { return fn.apply(this, args); } catch (e) { return null; }
    };
  }
  [["__md_get", 1], ["__md_set", 2]].forEach(function (entry) {
    var current;
    Object.defineProperty(window, entry[0], {
      configurable: true,
      get: function () { return current; },
      set: function (fn) { current = typeof fn === "function" ? guarded(fn, entry[1]) : fn; }
    });
  });
})();
