/* PeerPath progress: the pure part (shape, validation, migration, merge). No DOM, no storage,
   so Node's test runner can check it directly. Browser: window.PeerPathProgressCore. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.PeerPathProgressCore = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var VERSION = 1;
  var KEY = "peerpath.progress";

  function empty() {
    return { version: VERSION, modules: {}, quizzes: {}, reflections: {} };
  }

  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function isDate(x) { return x === null || x === undefined || (typeof x === "string" && !isNaN(Date.parse(x))); }

  /* Migrations from each older version to the next. Version 1 is the first, so none yet; a
     future version 2 adds `2: function (v1) { ...; return v2; }` here. */
  var MIGRATIONS = {};

  /* Parse stored text into progress. Returns {data, problem}: problem is null when the text was
     usable, otherwise a sentence for the learner, and data is then a fresh empty record. */
  function parse(text) {
    if (text === null || text === undefined || text === "") return { data: empty(), problem: null };
    var raw;
    try { raw = JSON.parse(text); } catch (e) { return { data: empty(), problem: "Saved progress could not be read (it is not valid JSON)." }; }
    return upgrade(raw);
  }

  function upgrade(raw) {
    if (!isObject(raw) || typeof raw.version !== "number") {
      return { data: empty(), problem: "Saved progress is not in a format PeerPath knows." };
    }
    if (raw.version > VERSION) {
      return { data: empty(), problem: "Saved progress comes from a newer version of PeerPath." };
    }
    var data = raw;
    for (var v = raw.version + 1; v <= VERSION; v++) {
      if (!MIGRATIONS[v]) return { data: empty(), problem: "Saved progress is from an old version that cannot be upgraded." };
      data = MIGRATIONS[v](data);
    }
    var problem = validate(data);
    return problem ? { data: empty(), problem: problem } : { data: normalise(data), problem: null };
  }

  function validate(d) {
    if (!isObject(d.modules) || !isObject(d.quizzes) || !isObject(d.reflections)) return "Saved progress is missing parts.";
    for (var id in d.modules) {
      var m = d.modules[id];
      if (!isObject(m) || !isDate(m.opened) || !isDate(m.completed)) return "Saved progress for module " + id + " is damaged.";
    }
    for (var q in d.quizzes) {
      var r = d.quizzes[q];
      if (!isObject(r) || typeof r.attempts !== "number" || !isObject(r.best) || typeof r.best.percent !== "number") {
        return "Saved progress for quiz " + q + " is damaged.";
      }
    }
    return null;
  }

  function normalise(d) {
    return { version: VERSION, modules: d.modules, quizzes: d.quizzes, reflections: d.reflections };
  }

  function now() { return new Date().toISOString(); }

  function markOpened(data, moduleId, when) {
    var m = data.modules[moduleId] || (data.modules[moduleId] = { opened: null, completed: null });
    if (!m.opened) m.opened = when || now();
    return data;
  }

  function setComplete(data, moduleId, complete, when) {
    markOpened(data, moduleId, when);
    data.modules[moduleId].completed = complete ? (when || now()) : null;
    return data;
  }

  /* Record a quiz attempt from a peerpath:quiz-submitted event detail. */
  function recordAttempt(data, detail) {
    var r = data.quizzes[detail.quiz] || (data.quizzes[detail.quiz] = { module: detail.module, attempts: 0, best: null, passed: false, lastAttempt: null, passedAt: null });
    var when = detail.submittedAt || now();
    r.attempts += 1;
    r.lastAttempt = when;
    if (!r.best || detail.percent > r.best.percent) r.best = { score: detail.score, max: detail.max, percent: detail.percent, at: when };
    if (detail.passed && !r.passed) { r.passed = true; r.passedAt = when; }
    var texts = detail.reflections || {};
    for (var qid in texts) {
      if (!texts[qid]) continue;
      var store = data.reflections[detail.quiz] || (data.reflections[detail.quiz] = {});
      store[qid] = { text: texts[qid], savedAt: when };
    }
    markOpened(data, detail.module, when);
    return data;
  }

  function earlier(a, b) { return !a ? b : !b ? a : (a < b ? a : b); }
  function later(a, b) { return !a ? b : !b ? a : (a > b ? a : b); }

  /* Merge two records without losing anything: union of modules, earliest opened and completed
     dates, best scores kept, attempts added, newer reflection text kept (the older is kept too
     when they differ, marked as from the other device). */
  function merge(a, b) {
    var out = empty();
    var id;
    for (id in a.modules) out.modules[id] = { opened: a.modules[id].opened, completed: a.modules[id].completed };
    for (id in b.modules) {
      var x = out.modules[id], y = b.modules[id];
      out.modules[id] = x ? { opened: earlier(x.opened, y.opened), completed: earlier(x.completed, y.completed) } : { opened: y.opened, completed: y.completed };
    }
    for (id in a.quizzes) out.quizzes[id] = JSON.parse(JSON.stringify(a.quizzes[id]));
    for (id in b.quizzes) {
      var p = out.quizzes[id], q = b.quizzes[id];
      if (!p) { out.quizzes[id] = JSON.parse(JSON.stringify(q)); continue; }
      p.attempts += q.attempts;
      if (q.best && (!p.best || q.best.percent > p.best.percent)) p.best = q.best;
      p.passed = p.passed || q.passed;
      p.passedAt = earlier(p.passedAt, q.passedAt);
      p.lastAttempt = later(p.lastAttempt, q.lastAttempt);
    }
    for (id in a.reflections) out.reflections[id] = JSON.parse(JSON.stringify(a.reflections[id]));
    for (id in b.reflections) {
      var mine = out.reflections[id] || (out.reflections[id] = {});
      for (var qid in b.reflections[id]) {
        var theirs = b.reflections[id][qid], ours = mine[qid];
        if (!ours) { mine[qid] = theirs; continue; }
        if (ours.text === theirs.text) continue;
        var newer = theirs.savedAt > ours.savedAt ? theirs : ours, older = newer === theirs ? ours : theirs;
        mine[qid] = { text: newer.text, savedAt: newer.savedAt, earlierText: older.text };
      }
    }
    return out;
  }

  /* Status of one module: "not-started", "in-progress" or "complete". */
  function status(data, moduleId) {
    var m = data.modules[moduleId];
    if (!m || !m.opened) return "not-started";
    return m.completed ? "complete" : "in-progress";
  }

  return { VERSION: VERSION, KEY: KEY, empty: empty, parse: parse, upgrade: upgrade, merge: merge,
           markOpened: markOpened, setComplete: setComplete, recordAttempt: recordAttempt, status: status,
           MIGRATIONS: MIGRATIONS };
});
