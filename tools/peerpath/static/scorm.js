/* SCORM 1.2 bridge for a PeerPath module package: finds the LMS API, reports the quiz result from
   the peerpath:quiz-submitted event (quiz code is not touched), keeps resume state, and finishes. */
(function () {
  "use strict";
  var SUSPEND_LIMIT = 4096; // cmi.suspend_data in SCORM 1.2

  function findAPI(win) {
    for (var hops = 0; win && hops < 12; hops++) {
      try { if (win.API) return win.API; } catch (e) { return null; }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  var api = findAPI(window) || (window.opener ? findAPI(window.opener) : null);
  var config = JSON.parse(document.getElementById("pp-scorm").textContent);
  if (!api) { window.PeerPathScorm = { connected: false }; return; }

  api.LMSInitialize("");
  var state = {};
  try { state = JSON.parse(api.LMSGetValue("cmi.suspend_data") || "{}") || {}; } catch (e) { state = {}; }
  var status = api.LMSGetValue("cmi.core.lesson_status");

  if (!config.quiz) {
    api.LMSSetValue("cmi.core.lesson_status", "completed");
  } else if (!status || status === "not attempted") {
    api.LMSSetValue("cmi.core.lesson_status", "incomplete");
  }
  api.LMSCommit("");

  function suspendText(s) {
    var text = JSON.stringify(s);
    if (text.length > SUSPEND_LIMIT) { delete s.last; text = JSON.stringify(s); }
    return text.length > SUSPEND_LIMIT ? JSON.stringify({ best: s.best, attempts: s.attempts, passed: s.passed }) : text;
  }

  document.addEventListener("peerpath:quiz-submitted", function (event) {
    var d = event.detail;
    if (d.quiz !== config.quiz) return;
    state.attempts = (state.attempts || 0) + 1;
    state.best = Math.max(state.best || 0, d.percent);
    state.passed = Boolean(state.passed || d.passed);
    state.last = d.questions.map(function (q) { return [q.id, q.score]; });
    api.LMSSetValue("cmi.core.score.min", "0");
    api.LMSSetValue("cmi.core.score.max", "100");
    api.LMSSetValue("cmi.core.score.raw", String(state.best));
    api.LMSSetValue("cmi.core.lesson_status", state.passed ? "passed" : "failed");
    api.LMSSetValue("cmi.suspend_data", suspendText(state));
    api.LMSCommit("");
  });

  var finished = false;
  function finish() {
    if (finished) return;
    finished = true;
    api.LMSSetValue("cmi.core.exit", "suspend");
    api.LMSCommit("");
    api.LMSFinish("");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  window.PeerPathScorm = { connected: true, finish: finish };
})();
