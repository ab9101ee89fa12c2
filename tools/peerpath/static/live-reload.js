/* PeerPath, only while `peerpath serve --engine zensical` runs: a page older than the one the server now
   serves reloads itself. Zensical reloads open pages as soon as a rebuild starts writing, then says which
   pages changed; a page still reloading misses that message and keeps showing what was there before the
   save. Once a second, while the tab is in view, this asks the server for the page again and compares. */
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

  function check() {
    if (checking || document.hidden) return;
    checking = true;
    fetch(location.href, { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) return;
        return response.text().then(function (text) {
          if (newer(response, text)) location.reload();
        });
      })
      .catch(function () {}) // the server restarting: ask again next time
      .then(function () { checking = false; });
  }

  setInterval(check, 1000);
})();
