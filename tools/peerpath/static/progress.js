/* PeerPath progress in the browser: one versioned storage key, fed by the quiz event. Nothing
   leaves the device. Every change re-reads what is stored and applies itself to that, so two
   open tabs never erase each other's work; the `storage` event keeps every tab's view current.
   Uses PeerPathProgressCore (pure logic), PeerPathStorage (which storage works) and
   PeerPathCurriculum. Publishes window.PeerPathProgress for the progress pages. */
(function () {
  "use strict";
  var core = window.PeerPathProgressCore;
  var curriculum = window.PeerPathCurriculum || { modules: [], topics: {}, totalMinutes: 0 };
  var storage = window.PeerPathStorage || { store: null, kind: "memory" };
  var state = { data: core.empty(), saveFailed: false, messages: [] };
  var listeners = [];

  /* Words in the page's language (i18n.js). */
  function t(text, values) { return window.PeerPathI18n.t(text, values); }
  function tn(one, many, n, values) { return window.PeerPathI18n.tn(one, many, n, values); }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function stored(key) { try { return storage.store.getItem(key); } catch (e) { return null; } }

  /* What is stored now. Damaged text is first set aside, whole and untouched, under its own key;
     the readable part carries on as the record. */
  function read() {
    if (state.saveFailed || !storage.store) return state.data;
    var text = stored(core.KEY);
    var result = core.parse(text);
    if (result.problem) {
      try {
        storage.store.setItem(core.ASIDE + new Date().toISOString(), text);
        storage.store.setItem(core.KEY, JSON.stringify(result.data));
      } catch (e) { /* the original stays where it is */ }
    }
    return result.data;
  }

  function write(data) {
    if (state.saveFailed || !storage.store) return;
    try { storage.store.setItem(core.KEY, JSON.stringify(data)); }
    catch (e) { state.saveFailed = true; }
  }

  /* Apply one change to the freshest record, save it, and repaint. */
  function update(change) {
    var data = read();
    data = change(data) || data;
    write(data);
    state.data = data;
    changed();
  }

  function keysStartingWith(prefix) {
    var keys = [];
    try { for (var i = 0; i < storage.store.length; i++) { var k = storage.store.key(i); if (k && k.indexOf(prefix) === 0) keys.push(k); } }
    catch (e) { /* nothing readable */ }
    return keys.sort();
  }

  function removeAll(prefix) {
    keysStartingWith(prefix).forEach(function (k) { try { storage.store.removeItem(k); } catch (e) { /* already gone */ } });
  }

  function rename(from, to) {
    var text = stored(from);
    try { storage.store.setItem(to, text); storage.store.removeItem(from); } catch (e) { /* left as it was */ }
  }

  function download(name, text) {
    var blob = new Blob([text], { type: "application/json" });
    var a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a); a.click(); a.remove();
  }

  function exportProgress() {
    download("peerpath-progress-" + new Date().toISOString().slice(0, 10) + ".json", JSON.stringify(state.data, null, 2));
  }

  function button(label, cls, onClick) {
    var b = el("button", { type: "button", "class": "md-button " + cls }, label);
    b.addEventListener("click", onClick);
    return b;
  }

  function storageText(kind) {
    if (kind === "session") return t("Your browser is not letting this site keep anything after this tab is closed. Your progress is kept while this tab stays open, on every page of the site. To keep it longer, export it to a file.");
    if (kind === "memory") return t("Your browser is not letting this site save anything, not even until the tab is closed. What you do on this page is lost when you leave or reload it. Export your progress to a file before you go.");
    return null;
  }

  function storageNotice() {
    var text = state.saveFailed ? t("Saving failed (storage may be full). What you do from now on is kept on this page only; export your progress to a file to keep it.")
      : storageText(storage.kind);
    if (!text) return null;
    var box = el("div", { "class": "pp-notice pp-notice--storage" });
    box.appendChild(el("p", {}, text));
    box.appendChild(button(t("Export progress"), "pp-notice-export", exportProgress));
    return box;
  }

  /* A record that was set aside stays in view until the learner restores, keeps or downloads it. */
  function asideNotice(key) {
    var text = stored(key) || "";
    var problem = core.parse(text).problem || t("Saved progress could not be read.");
    var box = el("div", { "class": "pp-notice pp-notice--aside", "data-key": key });
    box.appendChild(el("p", {}, problem + " " + t("A copy of the saved record, exactly as it was, has been set aside (not deleted) in this browser under the name “{key}”.", { key: key })));
    var actions = el("p", { "class": "pp-notice-actions" });
    actions.appendChild(button(t("Restore what can be read"), "pp-restore", function () {
      var repaired = core.repair(text);
      update(function (d) { return core.merge(d, repaired.data); });
      rename(key, core.KEPT + key.slice(core.ASIDE.length));
      state.messages.push((repaired.restored.length ? t("Restored from the set-aside copy: {entries}.", { entries: repaired.restored.join(", ") }) : t("Nothing more could be restored from the set-aside copy.")) +
        (repaired.lost.length ? " " + t("Could not be restored: {entries} (the copy is still kept in this browser).", { entries: repaired.lost.join(", ") }) : ""));
      changed();
    }));
    actions.appendChild(button(t("Download the set-aside copy"), "pp-download-aside", function () {
      download("peerpath-progress-set-aside-" + key.slice(core.ASIDE.length).slice(0, 10) + ".json", text);
    }));
    actions.appendChild(button(t("Keep it set aside and hide this"), "pp-keep-aside", function () {
      rename(key, core.KEPT + key.slice(core.ASIDE.length));
      changed();
    }));
    box.appendChild(actions);
    return box;
  }

  function paintNotices() {
    var host = document.querySelector(".md-content__inner") || document.body;
    var box = host.querySelector(":scope > .pp-notices");
    if (!box) { box = el("div", { "class": "pp-notices", role: "region", "aria-label": t("Notices about your saved progress") }); host.insertBefore(box, host.firstChild); }
    box.textContent = "";
    var s = storageNotice();
    if (s) box.appendChild(s);
    keysStartingWith(core.ASIDE).forEach(function (key) { box.appendChild(asideNotice(key)); });
    state.messages.forEach(function (m) { var p = el("div", { "class": "pp-notice pp-notice--done", role: "status" }); p.appendChild(el("p", {}, m)); box.appendChild(p); });
    box.hidden = !box.children.length;
  }

  function url(m) { return (curriculum.base || "") + m.path; }
  function moduleById(id) { return curriculum.modules.filter(function (m) { return m.id === id; })[0] || null; }
  function fmtDate(iso) { return iso ? iso.slice(0, 10) : "–"; }

  var LABEL = {
    get "not-started"() { return t("Not started"); },
    get "in-progress"() { return t("In progress"); },
    get "complete"() { return t("Complete"); }
  };
  var MARK = { "not-started": "○", "in-progress": "◐", "complete": "✓" };

  function markNavigation() {
    // Links are compared as the browser resolves them, so "x.html", "../modules/x.html" and
    // "modules/x/" all find their module whichever page they sit on. Same-page anchors are skipped.
    var ids = {};
    curriculum.modules.forEach(function (m) { ids[new URL(url(m), document.baseURI).href] = m.id; });
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

  /* Every "mark complete" place on the page (above the quiz, and the offer after passing it). */
  function paintCompletion(host) {
    var id = host.getAttribute("data-module");
    var done = core.status(state.data, id) === "complete";
    var toggle = host.querySelector(".pp-complete-toggle");
    if (!toggle) {
      toggle = button("", "pp-complete-toggle", function () {
        update(function (d) { return core.setComplete(d, id, core.status(d, id) !== "complete"); });
      });
      host.textContent = "";
      host.appendChild(toggle);
      host.appendChild(el("p", { "class": "pp-complete-status", role: "status" }));
    }
    toggle.textContent = done ? t("Mark as not complete") : t("Mark this module complete");
    toggle.setAttribute("aria-pressed", done ? "true" : "false");
    host.querySelector(".pp-complete-status").textContent = done ? t("✓ You marked this module complete.") : "";
  }

  function paintNextModule(host) {
    var ids = curriculum.modules.map(function (m) { return m.id; });
    var next = curriculum.modules[ids.indexOf(host.getAttribute("data-module")) + 1];
    host.textContent = "";
    if (next) { host.appendChild(document.createTextNode(t("Next module:") + " ")); host.appendChild(el("a", { href: url(next) }, next.title)); }
    else if (ids.length) {
      host.appendChild(document.createTextNode(t("This is the last module.") + " "));
      if (curriculum.progressPath) host.appendChild(el("a", { href: (curriculum.base || "") + curriculum.progressPath }, t("See your progress")));
    }
  }

  /* Best score, attempts and saved reflections, shown with the quiz after any reload. */
  function paintQuizRecord(host) {
    var r = state.data.quizzes[host.getAttribute("data-quiz")];
    host.textContent = "";
    host.hidden = !(r && r.best);
    if (host.hidden) return;
    var values = { percent: r.best.percent, date: fmtDate(r.lastAttempt) };
    host.appendChild(el("p", {}, r.passed
      ? tn("Your best score so far: {percent} % (passed), {n} attempt, the last on {date}.", "Your best score so far: {percent} % (passed), {n} attempts, the last on {date}.", r.attempts, values)
      : tn("Your best score so far: {percent} % (not passed yet), {n} attempt, the last on {date}.", "Your best score so far: {percent} % (not passed yet), {n} attempts, the last on {date}.", r.attempts, values)));
  }

  function paintSavedReflection(host) {
    var saved = (state.data.reflections[host.getAttribute("data-quiz")] || {})[host.getAttribute("data-question")];
    host.textContent = "";
    host.hidden = !saved;
    if (!saved) return;
    host.appendChild(el("p", { "class": "pp-saved-label" }, t("Your reflection, saved on {date}:", { date: fmtDate(saved.savedAt) })));
    host.appendChild(el("blockquote", {}, saved.text));
  }

  function changed() {
    paintNotices();
    markNavigation();
    document.querySelectorAll(".pp-completion[data-module]").forEach(paintCompletion);
    document.querySelectorAll(".pp-next-module[data-module]").forEach(paintNextModule);
    document.querySelectorAll(".pp-quiz-record[data-quiz]").forEach(paintQuizRecord);
    document.querySelectorAll(".pp-saved-reflection[data-quiz]").forEach(paintSavedReflection);
    listeners.forEach(function (fn) { fn(state.data); });
  }

  window.PeerPathProgress = {
    core: core, curriculum: curriculum, kind: function () { return storage.kind; },
    data: function () { return state.data; }, update: update, onChange: function (fn) { listeners.push(fn); fn(state.data); },
    exportProgress: exportProgress, removeAll: removeAll, url: url, moduleById: moduleById, fmtDate: fmtDate, el: el, LABEL: LABEL, MARK: MARK,
    t: t, tn: tn
  };

  document.addEventListener("peerpath:quiz-submitted", function (event) {
    update(function (d) { return core.recordAttempt(d, event.detail); });
  });

  /* Another tab saved: show what it did here too. */
  window.addEventListener("storage", function (event) {
    if (event.key !== null && event.key.indexOf(core.KEY) !== 0) return;
    state.data = core.parse(stored(core.KEY)).data;
    changed();
  });

  function init() {
    state.data = read();
    state.messages = [];
    var box = document.querySelector(".pp-module-box[data-module]");
    if (box) {
      var id = box.getAttribute("data-module");
      if (core.status(state.data, id) === "not-started") { update(function (d) { return core.markOpened(d, id); }); return; }
    }
    changed();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
