/* PeerPath progress in the browser: one versioned localStorage key, fed by the quiz event.
   Nothing leaves the device. Uses PeerPathProgressCore (pure logic) and PeerPathCurriculum. */
(function () {
  "use strict";
  var core = window.PeerPathProgressCore;
  var curriculum = window.PeerPathCurriculum || { modules: [], topics: {}, totalMinutes: 0 };
  var state = { data: core.empty(), persistent: true, notices: [] };

  function storage() {
    try { var s = window.localStorage; s.setItem("peerpath.probe", "1"); s.removeItem("peerpath.probe"); return s; }
    catch (e) { return null; }
  }

  function load() {
    var s = storage();
    if (!s) {
      state.persistent = false;
      state.notices.push("Your browser is not letting this site save anything (private browsing, or storage is full or turned off). Your progress will last until you close this tab. Use “Export” on My progress to keep it.");
      return;
    }
    var text = s.getItem(core.KEY);
    var result = core.parse(text);
    state.data = result.data;
    if (result.problem) {
      var aside = core.KEY + ".unreadable." + new Date().toISOString();
      try { s.setItem(aside, text); s.removeItem(core.KEY); } catch (e) { /* keep the original where it is */ }
      state.notices.push(result.problem + " It has been set aside (not deleted) under the name “" + aside + "” in this browser's storage, and a fresh record has been started.");
    }
  }

  function save() {
    if (!state.persistent) return;
    try { window.localStorage.setItem(core.KEY, JSON.stringify(state.data)); }
    catch (e) {
      state.persistent = false;
      showNotices(["Saving failed (storage may be full). Progress will last until you close this tab; use “Export” to keep it."]);
    }
  }

  function url(m) { return (curriculum.base || "") + m.path; }

  function moduleById(id) {
    for (var i = 0; i < curriculum.modules.length; i++) if (curriculum.modules[i].id === id) return curriculum.modules[i];
    return null;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function showNotices(list) {
    var host = document.querySelector(".md-content__inner") || document.body;
    list.forEach(function (message) {
      var box = el("div", { "class": "pp-notice", role: "status" });
      box.appendChild(el("p", {}, message));
      host.insertBefore(box, host.firstChild);
    });
  }

  var LABEL = { "not-started": "Not started", "in-progress": "In progress", "complete": "Complete" };
  var MARK = { "not-started": "○", "in-progress": "◐", "complete": "✓" };

  function moduleIdsByAddress() {
    var ids = {};
    curriculum.modules.forEach(function (m) { ids[new URL(url(m), document.baseURI).href] = m.id; });
    return ids;
  }

  function markNavigation() {
    // Links are compared as the browser resolves them, so "x.html", "../modules/x.html" and
    // "modules/x/" all find their module whichever page they sit on. Same-page anchors are skipped.
    var ids = moduleIdsByAddress();
    document.querySelectorAll(".md-nav a.md-nav__link, .pp-module-list a").forEach(function (a) {
      if ((a.getAttribute("href") || "#").charAt(0) === "#") return;
      var id = ids[a.href.split("#")[0]];
      if (!id) return;
      var st = core.status(state.data, id);
      var old = a.querySelector(".pp-status");
      if (old && old.getAttribute("data-status") === st) return;
      if (old) old.remove();
      var mark = el("span", { "class": "pp-status pp-status--" + st, "data-status": st });
      mark.appendChild(el("span", { "aria-hidden": "true" }, MARK[st]));
      mark.appendChild(el("span", { "class": "pp-visually-hidden" }, " (" + LABEL[st].toLowerCase() + ")"));
      a.appendChild(mark);
    });
  }

  function modulePage() {
    var box = document.querySelector(".pp-module-box[data-module]");
    if (!box) return;
    var id = box.getAttribute("data-module");
    core.markOpened(state.data, id);
    save();
    var host = document.querySelector(".pp-completion[data-module='" + id + "']");
    if (!host) return;
    host.innerHTML = "";
    var button = el("button", { type: "button", "class": "md-button pp-complete-toggle" });
    var said = el("p", { "class": "pp-complete-status", role: "status" });
    function paint() {
      var done = core.status(state.data, id) === "complete";
      button.textContent = done ? "Mark as not complete" : "Mark this module complete";
      button.setAttribute("aria-pressed", done ? "true" : "false");
      said.textContent = done ? "✓ You marked this module complete." : "";
    }
    button.addEventListener("click", function () {
      core.setComplete(state.data, id, core.status(state.data, id) !== "complete");
      save(); paint(); markNavigation();
    });
    host.appendChild(button); host.appendChild(said); paint();
  }

  function fmtDate(iso) { return iso ? iso.slice(0, 10) : "–"; }
  function hours(min) { var q = Math.round(min / 15) / 4; return q + " h"; }

  function completedMinutes() {
    var total = 0, byTopic = {};
    curriculum.modules.forEach(function (m) {
      if (core.status(state.data, m.id) !== "complete") return;
      total += m.minutes;
      for (var t in m.topics) byTopic[t] = (byTopic[t] || 0) + m.topics[t];
    });
    return { total: total, byTopic: byTopic };
  }

  function progressPage() {
    // The page's structure is generated; only the learner's figures are filled in here.
    var host = document.getElementById("pp-progress");
    if (!host) return;
    var done = completedMinutes();
    var completeCount = curriculum.modules.filter(function (m) { return core.status(state.data, m.id) === "complete"; }).length;
    host.querySelector(".pp-progress-summary").textContent = "You have completed " + completeCount + " of " +
      curriculum.modules.length + " modules: " + hours(done.total) + " of " + hours(curriculum.totalMinutes) + " of contact time.";
    setBar(host.querySelector(".pp-progress-overall"), done.total, curriculum.totalMinutes);
    var next = curriculum.modules.filter(function (m) { return core.status(state.data, m.id) !== "complete"; })[0];
    var nextP = host.querySelector(".pp-next");
    if (nextP) {
      nextP.textContent = next ? "Next to study: " : "You have completed every module.";
      if (next) nextP.appendChild(el("a", { href: url(next) }, next.title));
    }
    host.querySelectorAll("tr[data-module]").forEach(function (row) {
      var id = row.getAttribute("data-module"), m = moduleById(id);
      var st = core.status(state.data, id), rec = state.data.modules[id] || {}, quiz = m && state.data.quizzes[m.quiz];
      var status = row.querySelector(".pp-module-status");
      status.className = "pp-module-status pp-status--" + st;
      status.textContent = MARK[st] + " " + LABEL[st];
      row.querySelector(".pp-module-opened").textContent = fmtDate(rec.opened);
      row.querySelector(".pp-module-completed").textContent = fmtDate(rec.completed);
      row.querySelector(".pp-module-score").textContent = quiz && quiz.best ? quiz.best.percent + " %" +
        (quiz.passed ? " (passed)" : "") + ", " + quiz.attempts + " attempt" + (quiz.attempts > 1 ? "s" : "") : "–";
    });
    host.querySelectorAll("tr[data-topic]").forEach(function (row) {
      var got = done.byTopic[row.getAttribute("data-topic")] || 0, barNode = row.querySelector("progress");
      row.querySelector(".pp-topic-done").textContent = hours(got);
      setBar(barNode, got, Number(barNode.getAttribute("max")));
    });
    if (!host.querySelector(".pp-progress-controls")) host.appendChild(controls());
  }

  function setBar(node, value, max) {
    node.value = value;
    node.textContent = Math.round((100 * value) / (max || 1)) + " %";
  }

  function controls() {
    var box = el("div", { "class": "pp-progress-controls" });
    box.appendChild(el("h2", { id: "keep-or-move-your-progress" }, "Keep or move your progress"));
    box.appendChild(el("p", {}, "Your progress is saved only in this browser. Export it to a file to keep a copy or to move it to another device; importing merges it with what is already here (best scores are kept, nothing is overwritten)."));
    var exportBtn = el("button", { type: "button", "class": "md-button pp-export" }, "Export progress");
    exportBtn.addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(state.data, null, 2)], { type: "application/json" });
      var a = el("a", { href: URL.createObjectURL(blob), download: "peerpath-progress-" + new Date().toISOString().slice(0, 10) + ".json" });
      document.body.appendChild(a); a.click(); a.remove();
      say("Your progress was exported to a file.");
    });
    var label = el("label", { "class": "pp-import-label" });
    label.appendChild(document.createTextNode("Import progress from a file "));
    var input = el("input", { type: "file", accept: "application/json,.json", "class": "pp-import" });
    label.appendChild(input);
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var result = core.parse(text);
        if (result.problem) { say("That file could not be imported: " + result.problem + " Nothing was changed."); return; }
        state.data = core.merge(state.data, result.data);
        save(); refresh();
        say("Progress imported and merged with what was already here.");
      });
    });
    var clearBtn = el("button", { type: "button", "class": "md-button pp-clear" }, "Clear my progress");
    clearBtn.addEventListener("click", function () {
      if (!window.confirm("Delete all your PeerPath progress and reflections from this browser? Export first if you want to keep a copy.")) return;
      state.data = core.empty();
      save(); refresh();
      say("Your progress was cleared from this browser.");
    });
    box.appendChild(exportBtn); box.appendChild(document.createTextNode(" ")); box.appendChild(label);
    box.appendChild(document.createTextNode(" ")); box.appendChild(clearBtn);
    box.appendChild(el("p", { "class": "pp-progress-message", role: "status", "aria-live": "polite" }));
    return box;
  }

  function say(text) {
    var p = document.querySelector(".pp-progress-message");
    if (p) p.textContent = text;
  }

  function recordPage() {
    var host = document.getElementById("pp-study-record");
    if (!host) return;
    var rows = host.querySelector("tbody");
    rows.innerHTML = "";
    var total = 0;
    curriculum.modules.forEach(function (m) {
      if (core.status(state.data, m.id) !== "complete") return;
      var quiz = state.data.quizzes[m.quiz];
      total += m.minutes;
      var r = el("tr");
      r.appendChild(el("td", {}, m.title));
      r.appendChild(el("td", {}, fmtDate(state.data.modules[m.id].completed)));
      r.appendChild(el("td", {}, quiz && quiz.best ? quiz.best.percent + " %" : "no quiz taken"));
      r.appendChild(el("td", {}, hours(m.minutes)));
      rows.appendChild(r);
    });
    if (!rows.children.length) {
      var empty = el("tr"); var c = el("td", { colspan: "4" }, "No modules marked complete yet."); empty.appendChild(c); rows.appendChild(empty);
    }
    host.querySelector(".pp-record-total").textContent = hours(total);
    var print = host.querySelector(".pp-print");
    if (print && !print.getAttribute("data-bound")) {
      print.setAttribute("data-bound", "1");
      print.addEventListener("click", function () { window.print(); });
    }
    host.querySelector(".pp-record-date").textContent = new Date().toISOString().slice(0, 10);
  }

  function homePage() {
    var host = document.getElementById("pp-home-progress");
    if (!host) return;
    var n = curriculum.modules.filter(function (m) { return core.status(state.data, m.id) === "complete"; }).length;
    host.textContent = n ? "Your progress on this device: " + n + " of " + curriculum.modules.length + " modules complete." : "";
  }

  function refresh() { modulePage(); markNavigation(); progressPage(); recordPage(); homePage(); }

  document.addEventListener("peerpath:quiz-submitted", function (event) {
    core.recordAttempt(state.data, event.detail);
    save(); markNavigation(); progressPage();
  });

  var started = false;
  function init() {
    if (!started) { load(); started = true; if (state.notices.length) showNotices(state.notices); }
    else if (state.notices.length) showNotices(state.notices);
    refresh();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
