/* The learner's own pages: My progress, the self-study record and the line on the home page.
   Their structure is generated; this fills in the learner's figures and reflections from
   window.PeerPathProgress, and repaints whenever the record changes (here or in another tab). */
(function () {
  "use strict";
  var P = window.PeerPathProgress;
  if (!P) return;
  var core = P.core, curriculum = P.curriculum, el = P.el, t = P.t, tn = P.tn;

  /* As the site prints hours (hours.py): to the nearest quarter, a decimal point in English and Spanish. */
  function hours(min) { return t("{hours} h", { hours: Math.round(min / 15) / 4 }); }
  function isComplete(data, m) { return core.status(data, m.id) === "complete"; }

  function completedMinutes(data) {
    var total = 0, byTopic = {};
    curriculum.modules.forEach(function (m) {
      if (!isComplete(data, m)) return;
      total += m.minutes;
      for (var t in m.topics) byTopic[t] = (byTopic[t] || 0) + m.topics[t];
    });
    return { total: total, byTopic: byTopic };
  }

  function setBar(node, value, max) {
    node.value = value;
    node.textContent = Math.round((100 * value) / (max || 1)) + " %";
  }

  function scoreText(quiz) {
    if (!quiz || !quiz.best) return "–";
    var values = { percent: quiz.best.percent };
    return quiz.passed ? tn("{percent} % (passed), {n} attempt", "{percent} % (passed), {n} attempts", quiz.attempts, values)
      : tn("{percent} %, {n} attempt", "{percent} %, {n} attempts", quiz.attempts, values);
  }

  function progressPage(data) {
    var host = document.getElementById("pp-progress");
    if (!host) return;
    var done = completedMinutes(data);
    var count = curriculum.modules.filter(function (m) { return isComplete(data, m); }).length;
    host.querySelector(".pp-progress-summary").textContent = t("You have completed {count} of {total} modules: {done} of {hours} of contact time.",
      { count: count, total: curriculum.modules.length, done: hours(done.total), hours: hours(curriculum.totalMinutes) });
    setBar(host.querySelector(".pp-progress-overall"), done.total, curriculum.totalMinutes);
    var next = curriculum.modules.filter(function (m) { return !isComplete(data, m); })[0];
    var nextP = host.querySelector(".pp-next");
    if (nextP) {
      nextP.textContent = next ? t("Next to study:") + " " : t("You have completed every module.");
      if (next) nextP.appendChild(el("a", { href: P.url(next) }, next.title));
    }
    host.querySelectorAll("tr[data-module]").forEach(function (row) {
      var id = row.getAttribute("data-module"), m = P.moduleById(id);
      var st = core.status(data, id), rec = data.modules[id] || {};
      var status = row.querySelector(".pp-module-status");
      status.className = "pp-module-status pp-status--" + st;
      status.textContent = P.MARK[st] + " " + P.LABEL[st];
      row.querySelector(".pp-module-opened").textContent = P.fmtDate(rec.opened);
      row.querySelector(".pp-module-completed").textContent = P.fmtDate(rec.completed);
      row.querySelector(".pp-module-score").textContent = scoreText(m && data.quizzes[m.quiz]);
    });
    host.querySelectorAll("tr[data-topic]").forEach(function (row) {
      var got = done.byTopic[row.getAttribute("data-topic")] || 0, bar = row.querySelector("progress");
      row.querySelector(".pp-topic-done").textContent = hours(got);
      setBar(bar, got, Number(bar.getAttribute("max")));
    });
    reflections(host.querySelector(".pp-reflections"), data);
    if (!host.querySelector(".pp-progress-controls")) host.appendChild(controls());
  }

  /* The learner's reflections, module by module, each under its question. */
  function reflections(host, data) {
    if (!host) return;
    host.textContent = "";
    curriculum.modules.forEach(function (m) {
      var saved = data.reflections[m.quiz] || {};
      var answered = (m.reflections || []).filter(function (r) { return saved[r.id]; });
      if (!answered.length) return;
      var block = el("section", { "class": "pp-reflection-entry", "aria-label": t("Reflections: {module}", { module: m.title }) });
      block.appendChild(el("h3", {}, m.title));
      answered.forEach(function (r) {
        block.appendChild(el("p", { "class": "pp-reflection-prompt" }, r.prompt));
        block.appendChild(el("blockquote", {}, saved[r.id].text));
        block.appendChild(el("p", { "class": "pp-reflection-date" }, t("Saved on {date}", { date: P.fmtDate(saved[r.id].savedAt) })));
      });
      host.appendChild(block);
    });
    if (!host.children.length) host.appendChild(el("p", {}, t("No reflections saved yet. They appear here after you check a quiz that has one.")));
  }

  function say(text) {
    var p = document.querySelector(".pp-progress-message");
    if (p) p.textContent = text;
  }

  function controls() {
    var box = el("div", { "class": "pp-progress-controls" });
    box.appendChild(el("h2", { id: "keep-or-move-your-progress" }, t("Keep or move your progress")));
    box.appendChild(el("p", {}, t("Your progress is saved only in this browser. Export it to a file to keep a copy or to move it to another device; importing merges it with what is already here (best scores are kept, nothing is overwritten, and importing the same file again changes nothing).")));
    var exportBtn = el("button", { type: "button", "class": "md-button pp-export" }, t("Export progress"));
    exportBtn.addEventListener("click", function () { P.exportProgress(); say(t("Your progress was exported to a file.")); });
    var label = el("label", { "class": "pp-import-label" });
    label.appendChild(document.createTextNode(t("Import progress from a file") + " "));
    var input = el("input", { type: "file", accept: "application/json,.json", "class": "pp-import" });
    label.appendChild(input);
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var result = core.parse(text);
        if (result.problem && !result.damaged.length) { say(t("That file could not be imported: {problem} Nothing was changed.", { problem: result.problem })); return; }
        P.update(function (d) { return core.merge(d, result.data); });
        say(t("Progress imported and merged with what was already here.") + (result.problem ? " " + result.problem : ""));
        input.value = "";
      });
    });
    var clearBtn = el("button", { type: "button", "class": "md-button pp-clear" }, t("Clear my progress"));
    clearBtn.addEventListener("click", function () {
      if (!window.confirm(t("Delete all your PeerPath progress and reflections from this browser? Export first if you want to keep a copy."))) return;
      P.update(function () { return core.empty(); });
      P.removeAll("peerpath.quiz-draft.");
      say(t("Your progress was cleared from this browser."));
    });
    box.appendChild(exportBtn); box.appendChild(document.createTextNode(" ")); box.appendChild(label);
    box.appendChild(document.createTextNode(" ")); box.appendChild(clearBtn);
    box.appendChild(el("p", { "class": "pp-progress-message", role: "status", "aria-live": "polite" }));
    return box;
  }

  function recordPage(data) {
    var host = document.getElementById("pp-study-record");
    if (!host) return;
    var rows = host.querySelector("tbody");
    rows.textContent = "";
    var total = 0;
    curriculum.modules.forEach(function (m) {
      if (!isComplete(data, m)) return;
      var quiz = data.quizzes[m.quiz];
      total += m.minutes;
      var r = el("tr");
      r.appendChild(el("td", {}, m.title));
      r.appendChild(el("td", {}, P.fmtDate(data.modules[m.id].completed)));
      r.appendChild(el("td", {}, quiz && quiz.best ? t("{percent} %", { percent: quiz.best.percent }) : t("no quiz taken")));
      r.appendChild(el("td", {}, hours(m.minutes)));
      rows.appendChild(r);
    });
    if (!rows.children.length) {
      var none = el("tr"); none.appendChild(el("td", { colspan: "4" }, t("No modules marked complete yet."))); rows.appendChild(none);
    }
    host.querySelector(".pp-record-total").textContent = hours(total);
    reflections(host.querySelector(".pp-reflections"), data);
    bindOnce(host.querySelector(".pp-print"), "click", function () { window.print(); });
    bindOnce(host.querySelector(".pp-print-reflections"), "change", function (event) {
      host.classList.toggle("pp-record--with-reflections", event.target.checked);
    });
    host.querySelector(".pp-record-date").textContent = new Date().toISOString().slice(0, 10);
  }

  function bindOnce(node, type, fn) {
    if (!node || node.getAttribute("data-bound")) return;
    node.setAttribute("data-bound", "1");
    node.addEventListener(type, fn);
  }

  function homePage(data) {
    var host = document.getElementById("pp-home-progress");
    if (!host) return;
    var n = curriculum.modules.filter(function (m) { return isComplete(data, m); }).length;
    host.textContent = n ? t("Your progress on this device: {count} of {total} modules complete.", { count: n, total: curriculum.modules.length }) : "";
  }

  P.onChange(function (data) { progressPage(data); recordPage(data); homePage(data); });
})();
