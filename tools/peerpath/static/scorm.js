/* SCORM 1.2 bridge for a PeerPath module package: finds the LMS API, reports the quiz result from
   the peerpath:quiz-submitted event (quiz code is not touched), keeps resume state (results and
   reflections) within cmi.suspend_data's 4,096 characters, and on leaving reports the session time. */
(function () {
  "use strict";
  var SUSPEND_LIMIT = 4096; // cmi.suspend_data is a CMIString4096 in SCORM 1.2

  function findAPI(win) {
    for (var hops = 0; win && hops < 12; hops++) {
      try { if (win.API) return win.API; } catch (e) { return null; }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  /* CMITimespan, HHHH:MM:SS.SS (hours 2 to 4 digits; 4 here, at most 9999). */
  function timespan(ms) {
    var centi = Math.min(Math.max(0, Math.round(ms / 10)), 9999 * 360000 + 359999);
    function pad(n, width) { n = String(n); while (n.length < width) n = "0" + n; return n; }
    return pad(Math.floor(centi / 360000), 4) + ":" + pad(Math.floor(centi / 6000) % 60, 2) + ":" +
      pad(Math.floor(centi / 100) % 60, 2) + "." + pad(centi % 100, 2);
  }

  /* The state as text of at most `limit` characters: the last attempt's per-question scores go
     first, then reflections are shortened, longest first; attempts, best and passed always stay. */
  function suspendText(state, limit) {
    var s = JSON.parse(JSON.stringify(state));
    var text = JSON.stringify(s);
    if (text.length > limit) { delete s.last; text = JSON.stringify(s); }
    var ids = Object.keys(s.reflections || {});
    while (text.length > limit && ids.length) {
      ids.sort(function (a, b) { return s.reflections[b].length - s.reflections[a].length; });
      var longest = ids[0];
      var kept = s.reflections[longest];
      var cut = Math.max(0, kept.length - Math.max(1, text.length - limit));
      if (/[\ud800-\udbff]/.test(kept.charAt(cut - 1))) cut--; // never split a character in two
      s.reflections[longest] = kept.slice(0, cut);
      s.shortened = true;
      if (!s.reflections[longest]) { delete s.reflections[longest]; ids.shift(); }
      text = JSON.stringify(s);
    }
    return text.length > limit ? JSON.stringify({ best: s.best, attempts: s.attempts, passed: s.passed }) : text;
  }

  var config = JSON.parse(document.getElementById("pp-scorm").textContent);
  var api = findAPI(window) || (window.opener ? findAPI(window.opener) : null);
  window.PeerPathScorm = { connected: false, timespan: timespan, suspendText: suspendText };
  if (!api) return;

  var started = Date.now();
  api.LMSInitialize("");
  var state = {};
  try { state = JSON.parse(api.LMSGetValue("cmi.suspend_data") || "{}") || {}; } catch (e) { state = {}; }
  // An LMS need not set lesson_mode: anything but "review" is a normal, recorded attempt.
  var review = api.LMSGetValue("cmi.core.lesson_mode") === "review";
  var status = api.LMSGetValue("cmi.core.lesson_status");

  if (!review && !config.quiz) {
    api.LMSSetValue("cmi.core.lesson_status", "completed");
  } else if (!review && (!status || status === "not attempted")) {
    api.LMSSetValue("cmi.core.lesson_status", "incomplete");
  }
  api.LMSCommit("");

  function restoreReflections() {
    var saved = state.reflections || {};
    Object.keys(saved).forEach(function (id) {
      var box = document.querySelector(".pp-question[data-question='" + id + "'] textarea");
      if (box && !box.value) box.value = saved[id];
    });
  }

  function tellShortened(form) {
    var note = form.querySelector(".pp-scorm-note");
    if (!note) {
      note = document.createElement("p");
      note.className = "pp-scorm-note";
      note.setAttribute("role", "status");
      form.appendChild(note);
    }
    note.textContent = "Your reflections are longer than this learning platform keeps between visits " +
      "(4,096 characters in all, with your results): the beginning of each is kept. Keep your own copy of the rest.";
  }

  function save() {
    var text = suspendText(state, SUSPEND_LIMIT);
    api.LMSSetValue("cmi.suspend_data", text);
    api.LMSCommit("");
    var form = document.querySelector("form.pp-quiz");
    if (form && JSON.parse(text).shortened) tellShortened(form);
  }

  /* A reflection is kept as soon as the learner leaves the box, submitted or not. */
  document.addEventListener("change", function (event) {
    var box = event.target;
    var question = box && box.closest ? box.closest(".pp-question[data-type='reflection']") : null;
    if (!question || review) return;
    state.reflections = state.reflections || {};
    state.reflections[question.getAttribute("data-question")] = box.value;
    save();
  });

  document.addEventListener("peerpath:quiz-submitted", function (event) {
    var d = event.detail;
    if (d.quiz !== config.quiz || review) return;
    state.attempts = (state.attempts || 0) + 1;
    state.best = Math.max(state.best || 0, d.percent);
    state.passed = Boolean(state.passed || d.passed);
    state.last = d.questions.map(function (q) { return [q.id, q.score]; });
    state.reflections = d.reflections || {};
    api.LMSSetValue("cmi.core.score.min", "0");
    api.LMSSetValue("cmi.core.score.max", "100");
    api.LMSSetValue("cmi.core.score.raw", String(state.best));
    api.LMSSetValue("cmi.core.lesson_status", state.passed ? "passed" : "failed");
    save();
  });

  var finished = false;
  function finish() {
    if (finished) return;
    finished = true;
    api.LMSSetValue("cmi.core.session_time", timespan(Date.now() - started));
    api.LMSSetValue("cmi.core.exit", "suspend");
    api.LMSCommit("");
    api.LMSFinish("");
  }
  restoreReflections();
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  window.PeerPathScorm = { connected: true, finish: finish, timespan: timespan, suspendText: suspendText };
})();
