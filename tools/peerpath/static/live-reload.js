/* PeerPath, only while `peerpath serve --engine zensical` runs: a page older than the one the server now
   serves reloads itself. Zensical reloads open pages as soon as a rebuild starts writing, then says which
   pages changed; a page still reloading misses that message. And a page rebuilt within the same second
   as the copy the browser holds gets "304 Not Modified", so a plain reload shows the old copy again.
   Once a second, while the tab is in view, this asks the server for the page past the browser's cache
   (which also puts the new copy in that cache), compares, and reloads. */
(function () {
  "use strict";
  if (location.protocol === "file:" || !window.fetch || !window.performance) return;
  var entry = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  var shownSize = entry && entry.decodedBodySize ? entry.decodedBodySize : -1;
  var shownTime = Date.parse(document.lastModified);
  var checking = false;

  function newer(response, text) {
    var served = Date.parse(response.headers.get("Last-Modified") || "");
    var size = new TextEncoder().encode(text).length;
    return (shownSize >= 0 && size !== shownSize) || served > shownTime;
  }

  // Never reload twice for the same copy: if a reload still shows the old page, stop rather than loop.
  function already(text) {
    var hash = 5381;
    for (var i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) | 0;
    var mark = location.pathname + " " + hash;
    try {
      if (sessionStorage.getItem("peerpath.live-reload") === mark) return true;
      sessionStorage.setItem("peerpath.live-reload", mark);
    } catch (blocked) {} // no storage: reload anyway
    return false;
  }

  function check() {
    if (checking || document.hidden) return;
    checking = true;
    fetch(location.href, { cache: "reload" })
      .then(function (response) {
        if (!response.ok) return;
        return response.text().then(function (text) {
          if (newer(response, text) && !already(text)) location.reload();
        });
      })
      .catch(function () {}) // the server restarting: ask again next time
      .then(function () { checking = false; });
  }

  setInterval(check, 1000);
})();
