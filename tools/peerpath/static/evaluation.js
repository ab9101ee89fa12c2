/* The Course evaluation page: answers are kept in this browser as the learner types (so a reload
   loses nothing), and leave it only as a file the learner downloads or a page they print.
   Nothing is sent anywhere. Storage: window.PeerPathStorage (storage.js), versioned, in try/catch. */
(function () {
  "use strict";
  var VERSION = 1;

  /* Words in the page's language (i18n.js). */
  function t(text, values) { return window.PeerPathI18n.t(text, values); }
  function tn(one, many, n, values) { return window.PeerPathI18n.tn(one, many, n, values); }

  function store() { return (window.PeerPathStorage && window.PeerPathStorage.store) || null; }
  function kind() { return (window.PeerPathStorage && window.PeerPathStorage.kind) || "memory"; }

  function stored(settings) {
    try { return store() ? store().getItem(settings.key) : null; } catch (e) { return null; }
  }

  function parse(text) {
    var data;
    try { data = JSON.parse(text || "null"); } catch (e) { return null; }
    return data && data.version === VERSION && typeof data.answers === "object" && data.answers ? data : null;
  }

  /* A saved record this page cannot read (damaged, or from another version) is never overwritten:
     it is copied aside first, exactly as it was, and the learner is told where. */
  function setAside(settings) {
    var text = stored(settings);
    if (!text || parse(text)) return null;
    var name = settings.key + ".set-aside." + new Date().toISOString();
    try { store().setItem(name, text); store().removeItem(settings.key); return name; } catch (e) { return null; }
  }

  /* Saved answers for the questions this form still has. */
  function load(settings) {
    var data = parse(stored(settings)), answers = {};
    if (!data) return answers;
    Object.keys(settings.questions).forEach(function (id) {
      var value = data.answers[id], rating = settings.questions[id] === "rating";
      if (rating ? /^[1-5]$/.test(String(value)) : typeof value === "string") answers[id] = rating ? Number(value) : value;
    });
    return answers;
  }

  function save(settings, answers) {
    try {
      store().setItem(settings.key, JSON.stringify({ version: VERSION, answers: answers, savedAt: new Date().toISOString() }));
      return true;
    } catch (e) { return false; }
  }

  function read(form, settings) {
    var answers = {};
    Object.keys(settings.questions).forEach(function (id) {
      if (settings.questions[id] === "rating") {
        var chosen = form.querySelector("input[name='" + id + "']:checked");
        if (chosen) answers[id] = Number(chosen.value);
      } else {
        var box = form.querySelector("textarea[name='" + id + "']");
        if (box && box.value.trim()) answers[id] = box.value;
      }
    });
    return answers;
  }

  function fill(form, settings, answers) {
    Object.keys(settings.questions).forEach(function (id) {
      if (settings.questions[id] === "rating") {
        form.querySelectorAll("input[name='" + id + "']").forEach(function (r) { r.checked = Number(r.value) === answers[id]; });
      } else {
        var box = form.querySelector("textarea[name='" + id + "']");
        if (box && box !== document.activeElement) box.value = answers[id] || "";
      }
    });
  }

  function count(answers) { return Object.keys(answers).length; }

  function savedText(n) {
    if (!n) return t("No answers yet.");
    if (kind() === "local") return tn("{n} answer saved in this browser on this device. Nothing has been sent anywhere.", "{n} answers saved in this browser on this device. Nothing has been sent anywhere.", n);
    if (kind() === "session") return tn("{n} answer saved in this tab only, until it is closed (this browser keeps nothing longer): download your answers before you close it. Nothing has been sent anywhere.", "{n} answers saved in this tab only, until it is closed (this browser keeps nothing longer): download your answers before you close it. Nothing has been sent anywhere.", n);
    return tn("{n} answer saved on this page only (this browser keeps nothing): download or print your answers before you leave. Nothing has been sent anywhere.", "{n} answers saved on this page only (this browser keeps nothing): download or print your answers before you leave. Nothing has been sent anywhere.", n);
  }

  function download(settings, answers) {
    var today = new Date().toISOString().slice(0, 10);
    var record = { format: settings.format, version: settings.version, form: settings.form, course: settings.course,
                   courseVersion: settings.courseVersion, exported: new Date().toISOString(), answers: answers };
    var blob = new Blob([JSON.stringify(record, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "course-evaluation-" + today + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
  }

  function setup() {
    var form = document.getElementById("pp-evaluation");
    if (!form || form.getAttribute("data-ready")) return;
    var settings;
    try { settings = JSON.parse(form.querySelector(".pp-evaluation-settings").textContent); } catch (e) { return; }
    form.setAttribute("data-ready", "1");
    var status = form.querySelector(".pp-eval-status");
    var show = function (text) { status.textContent = text; };
    var aside = setAside(settings);
    fill(form, settings, load(settings));
    show(aside ? t("Answers saved earlier could not be read; they are kept unchanged in this browser under {key}.", { key: aside }) :
      savedText(count(load(settings))));
    var changed = function () {
      var answers = read(form, settings);
      show(save(settings, answers) ? savedText(count(answers)) : t("Your answers could not be saved in this browser: download or print them before you leave."));
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector(".pp-eval-download").addEventListener("click", function () {
      var answers = read(form, settings);
      download(settings, answers);
      show(tn("Downloaded a file with your {n} answer. Hand it to your trainer the way they ask.", "Downloaded a file with your {n} answers. Hand it to your trainer the way they ask.", count(answers)));
    });
    var dated = function () { form.querySelector(".pp-eval-date").textContent = new Date().toLocaleDateString(); };
    dated();
    window.addEventListener("beforeprint", dated);
    form.querySelector(".pp-eval-print").addEventListener("click", function () { dated(); window.print(); });
    form.querySelector(".pp-eval-clear").addEventListener("click", function () {
      if (!window.confirm(t("Clear every answer on this form from this browser? Download them first if you want to keep them."))) return;
      try { store().removeItem(settings.key); } catch (e) { /* nothing was kept */ }
      fill(form, settings, {});
      show(t("Your answers were cleared from this browser."));
    });
    /* Another tab of this site changed the answers: show them here too. */
    window.addEventListener("storage", function (event) {
      if (event.key === settings.key) fill(form, settings, load(settings));
    });
    form.querySelector(".pp-eval-actions").hidden = false;
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
