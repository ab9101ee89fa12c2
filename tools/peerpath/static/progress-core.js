/* PeerPath progress: the pure part (shape, validation, migration, merge, repair). No DOM, no
   storage, so the browser's JavaScript engine can check it directly. Browser: window.PeerPathProgressCore. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.PeerPathProgressCore = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var VERSION = 1;
  var KEY = "peerpath.progress";
  var ASIDE = KEY + ".unreadable.";   // a record set aside, waiting for the learner to act on it
  var KEPT = KEY + ".set-aside.";     // a record set aside that the learner has dealt with

  /* Words for the learner in the page's language when i18n.js is loaded; the English text otherwise. */
  function t(text, values) {
    var i18n = typeof self !== "undefined" && self.PeerPathI18n;
    if (i18n) return i18n.t(text, values);
    return text.replace(/\{(\w+)\}/g, function (all, name) { return values && name in values ? String(values[name]) : all; });
  }

  function empty() {
    return { version: VERSION, modules: {}, quizzes: {}, reflections: {} };
  }

  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function isDate(x) { return x === null || x === undefined || (typeof x === "string" && !isNaN(Date.parse(x))); }
  function copy(x) { return JSON.parse(JSON.stringify(x)); }

  /* Migrations from each older version to the next. Version 1 is the first, so none yet; a
     future version 2 adds `2: function (v1) { ...; return v2; }` here. */
  var MIGRATIONS = {};

  /* Parse stored text into progress. Returns {data, problem, damaged}: problem is null when all
     of the text was usable, otherwise a sentence for the learner; damaged names the entries left
     out. One damaged entry never hides the others: every readable entry is kept in data. */
  function parse(text) {
    if (text === null || text === undefined || text === "") return { data: empty(), problem: null, damaged: [] };
    var raw;
    try { raw = JSON.parse(text); } catch (e) { return unusable(t("Saved progress could not be read (it is not valid JSON).")); }
    return upgrade(raw);
  }

  function unusable(problem) { return { data: empty(), problem: problem, damaged: [] }; }

  function upgrade(raw) {
    if (!isObject(raw) || typeof raw.version !== "number") return unusable(t("Saved progress is not in a format PeerPath knows."));
    if (raw.version > VERSION) return unusable(t("Saved progress comes from a newer version of PeerPath."));
    var data = raw;
    for (var v = raw.version + 1; v <= VERSION; v++) {
      if (!MIGRATIONS[v]) return unusable(t("Saved progress is from an old version that cannot be upgraded."));
      data = MIGRATIONS[v](data);
    }
    if (!isObject(data.modules) || !isObject(data.quizzes) || !isObject(data.reflections)) return unusable(t("Saved progress is missing parts."));
    return salvage(data);
  }

  function moduleOk(m) { return isObject(m) && isDate(m.opened) && isDate(m.completed); }
  function timesOk(t) { return t === undefined || (Array.isArray(t) && t.every(function (x) { return typeof x === "string" && isDate(x); })); }
  function quizOk(r) {
    return isObject(r) && typeof r.attempts === "number" && isObject(r.best) && typeof r.best.percent === "number" && timesOk(r.attemptTimes);
  }
  function reflectionOk(r) { return isObject(r) && typeof r.text === "string"; }

  /* Keep every entry that passes its check; name the others. */
  function salvage(d) {
    var out = empty(), damaged = [], id, q;
    for (id in d.modules) { if (moduleOk(d.modules[id])) out.modules[id] = d.modules[id]; else damaged.push(t("module {id}", { id: id })); }
    for (id in d.quizzes) { if (quizOk(d.quizzes[id])) out.quizzes[id] = d.quizzes[id]; else damaged.push(t("quiz {id}", { id: id })); }
    for (id in d.reflections) {
      if (!isObject(d.reflections[id])) { damaged.push(t("reflections of quiz {id}", { id: id })); continue; }
      for (q in d.reflections[id]) {
        if (!reflectionOk(d.reflections[id][q])) { damaged.push(t("reflection {question} of quiz {id}", { question: q, id: id })); continue; }
        (out.reflections[id] = out.reflections[id] || {})[q] = d.reflections[id][q];
      }
    }
    var problem = damaged.length ? t("Part of your saved progress is damaged ({entries}); everything else was kept.", { entries: damaged.join(", ") }) : null;
    return { data: out, problem: problem, damaged: damaged };
  }

  /* Restore what can be read from a set-aside record, field by field: a damaged date is dropped
     but the rest of its entry is kept. Returns {data, restored, lost} (entry names). */
  function repair(text) {
    var raw;
    try { raw = JSON.parse(text); } catch (e) { return { data: empty(), restored: [], lost: [t("the whole record (it is not valid JSON)")] }; }
    if (!isObject(raw) || raw.version !== VERSION) return { data: empty(), restored: [], lost: [t("the whole record (its format is not one this version of PeerPath reads)")] };
    var out = empty(), restored = [], lost = [], id;
    var modules = isObject(raw.modules) ? raw.modules : {}, quizzes = isObject(raw.quizzes) ? raw.quizzes : {};
    for (id in modules) {
      var m = modules[id] || {};
      var opened = isDate(m.opened) ? m.opened || null : null, completed = isDate(m.completed) ? m.completed || null : null;
      if (!opened && !completed) { lost.push(t("module {id}", { id: id })); continue; }
      out.modules[id] = { opened: opened || completed, completed: completed };
      restored.push(t("module {id}", { id: id }));
    }
    for (id in quizzes) {
      var r = quizzes[id] || {};
      if (!isObject(r.best) || typeof r.best.percent !== "number") { lost.push(t("quiz {id}", { id: id })); continue; }
      var times = Array.isArray(r.attemptTimes) ? r.attemptTimes.filter(function (t) { return typeof t === "string" && isDate(t); }) : [];
      out.quizzes[id] = { module: typeof r.module === "string" ? r.module : id, attempts: typeof r.attempts === "number" ? r.attempts : Math.max(1, times.length),
                          best: r.best, passed: r.passed === true, lastAttempt: isDate(r.lastAttempt) ? r.lastAttempt || null : null,
                          passedAt: isDate(r.passedAt) ? r.passedAt || null : null, attemptTimes: times };
      restored.push(t("quiz {id}", { id: id }));
    }
    var kept = salvage({ modules: {}, quizzes: {}, reflections: isObject(raw.reflections) ? raw.reflections : {} });
    out.reflections = kept.data.reflections;
    lost = lost.concat(kept.damaged);
    for (id in out.reflections) restored.push(t("reflections of quiz {id}", { id: id }));
    return { data: out, restored: restored, lost: lost };
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

  /* Record a quiz attempt from a peerpath:quiz-submitted event detail. Each attempt keeps its
     time, so merging the same export twice never counts an attempt twice. */
  function recordAttempt(data, detail) {
    var r = data.quizzes[detail.quiz] || (data.quizzes[detail.quiz] = { module: detail.module, attempts: 0, best: null, passed: false, lastAttempt: null, passedAt: null });
    var when = detail.submittedAt || now();
    var times = r.attemptTimes || (r.attemptTimes = []);
    if (times.indexOf(when) >= 0) return data;  // the same submission, heard twice
    times.push(when);
    r.attempts += 1;
    r.lastAttempt = later(r.lastAttempt, when);
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

  /* Attempts of two records of one quiz: timed attempts counted once each, plus the larger
     number of untimed ones (records made before attempts kept their times). */
  function mergeAttempts(p, q) {
    var a = p.attemptTimes || [], b = q.attemptTimes || [];
    var times = a.concat(b.filter(function (t) { return a.indexOf(t) < 0; })).sort();
    var untimed = Math.max(p.attempts - a.length, q.attempts - b.length, 0);
    return { times: times, count: times.length + untimed };
  }

  /* Merge two records without losing anything: union of modules, earliest opened and completed
     dates, best scores kept, each attempt counted once, newer reflection text kept (the older is
     kept too when they differ, marked as from the other device). Merging a record into itself
     changes nothing. */
  function merge(a, b) {
    var out = empty();
    var id;
    for (id in a.modules) out.modules[id] = { opened: a.modules[id].opened, completed: a.modules[id].completed };
    for (id in b.modules) {
      var x = out.modules[id], y = b.modules[id];
      out.modules[id] = x ? { opened: earlier(x.opened, y.opened), completed: earlier(x.completed, y.completed) } : { opened: y.opened, completed: y.completed };
    }
    for (id in a.quizzes) out.quizzes[id] = copy(a.quizzes[id]);
    for (id in b.quizzes) {
      var p = out.quizzes[id], q = b.quizzes[id];
      if (!p) { out.quizzes[id] = copy(q); continue; }
      var attempts = mergeAttempts(p, q);
      p.attempts = attempts.count;
      if (attempts.times.length) p.attemptTimes = attempts.times;
      if (q.best && (!p.best || q.best.percent > p.best.percent)) p.best = q.best;
      p.passed = p.passed || q.passed;
      p.passedAt = earlier(p.passedAt, q.passedAt);
      p.lastAttempt = later(p.lastAttempt, q.lastAttempt);
    }
    for (id in a.reflections) out.reflections[id] = copy(a.reflections[id]);
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

  return { VERSION: VERSION, KEY: KEY, ASIDE: ASIDE, KEPT: KEPT, empty: empty, parse: parse, upgrade: upgrade,
           merge: merge, repair: repair, markOpened: markOpened, setComplete: setComplete,
           recordAttempt: recordAttempt, status: status, MIGRATIONS: MIGRATIONS };
});
