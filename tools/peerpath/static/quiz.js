/* PeerPath knowledge checks: grade in the browser, show feedback and a pass/fail panel, announce
   the result, and tell other scripts through a `peerpath:quiz-submitted` event. Unfinished answers
   are kept on this device (window.PeerPathStorage) so a reload loses nothing; nothing is sent. */
(function () {
  "use strict";
  var DRAFT = "peerpath.quiz-draft.";

  /* Words in the page's language (i18n.js), looked up when shown, so this file also loads on its own. */
  function t(text, values) { return window.PeerPathI18n.t(text, values); }
  function tn(one, many, n, values) { return window.PeerPathI18n.tn(one, many, n, values); }

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  }

  function each(root, selector, fn) { Array.prototype.forEach.call(root.querySelectorAll(selector), fn); }

  function reorderChildren(parent, selector) {
    var kids = Array.prototype.slice.call(parent.querySelectorAll(":scope > " + selector));
    shuffle(kids).forEach(function (kid) { parent.appendChild(kid); });
  }

  function reshuffle(form, key) {
    if (!key.shuffleChoices) return;
    each(form, ".pp-choices, .pp-ordering, .pp-matching", function (list) {
      var fieldset = list.closest(".pp-question");
      if (fieldset.getAttribute("data-type") === "true-false") return;
      reorderChildren(list, "li");
      if (fieldset.getAttribute("data-type") !== "ordering") return;
      /* An ordering question must never start out already solved. */
      var ids = Array.prototype.map.call(list.children, function (li) { return li.getAttribute("data-item"); });
      if (ids.join() === key.questions[fieldset.getAttribute("data-question")].correct.join()) list.appendChild(list.firstElementChild);
    });
  }

  function checkedValues(fieldset) {
    return Array.prototype.map.call(fieldset.querySelectorAll("input:checked"), function (i) { return i.value; });
  }

  function selects(fieldset) {
    var out = {};
    each(fieldset, "select", function (s) {
      var li = s.closest("[data-item], [data-pair]");
      out[li.getAttribute("data-item") || li.getAttribute("data-pair")] = s.value;
    });
    return out;
  }

  /* The scoring rule, as pure functions (README, "How partly right answers score"). `answer` is the
     list of chosen ids for single, true-false and multiple; for matching and ordering it maps each
     pair or item id to the chosen option index or position ("" when left blank). */
  function score(k, answer) {
    if (k.type === "single" || k.type === "true-false" || k.type === "multiple") {
      var right = answer.filter(function (v) { return k.correct.indexOf(v) >= 0; }).length;
      var wrong = answer.length - right;
      if (right === k.correct.length && wrong === 0) return 1;
      return k.scoring === "partial" ? Math.max(0, (right - wrong) / k.correct.length) : 0;
    }
    var ids = Object.keys(answer);
    var hits = ids.filter(function (id) {
      return answer[id] === (k.type === "ordering" ? String(k.correct.indexOf(id) + 1) : k.correct[id]);
    }).length;
    if (hits === ids.length) return 1;
    return k.scoring === "partial" ? hits / ids.length : 0;
  }

  /* Total, percentage (one decimal) and pass/fail from the question scores, as the summary shows them. */
  function summarize(scores, passMark) {
    var total = Math.round(scores.reduce(function (a, b) { return a + b; }, 0) * 100) / 100;
    var percent = scores.length ? Math.round((total / scores.length) * 1000) / 10 : 100;
    return { score: total, max: scores.length, percent: percent, passed: percent >= passMark };
  }

  /* Score of one question between 0 and 1, and whether it was answered at all. */
  function grade(fieldset, k) {
    var type = k.type;
    if (type === "single" || type === "true-false" || type === "multiple") {
      var picked = checkedValues(fieldset);
      return { score: picked.length ? score(k, picked) : 0, answered: picked.length > 0, picked: picked };
    }
    var given = selects(fieldset);
    var answered = Object.keys(given).some(function (id) { return given[id] !== ""; });
    return { score: score(k, given), answered: answered, given: given };
  }

  /* `html` is the key's text, already rendered and escaped when the site was built; `extra` is a
     node built here from the page's own text. */
  function setFeedback(el, html, label, extra) {
    if (!el) return;
    el.innerHTML = html || "";
    if (label) { var strong = document.createElement("strong"); strong.textContent = label; el.insertBefore(document.createTextNode(" "), el.firstChild); el.insertBefore(strong, el.firstChild); }
    if (extra) el.appendChild(extra);
    el.hidden = !label && !html && !extra;
  }

  /* "The right order:" as a numbered list of the items' own text. */
  function rightOrder(fieldset, k) {
    var box = document.createElement("div");
    box.appendChild(document.createElement("p")).textContent = t("The right order:");
    var list = box.appendChild(document.createElement("ol"));
    k.correct.forEach(function (id) {
      var item = fieldset.querySelector("[data-item='" + id + "'] .pp-item-text");
      var li = list.appendChild(document.createElement("li"));
      if (item) Array.prototype.forEach.call(item.childNodes, function (n) { li.appendChild(n.cloneNode(true)); });
      else li.textContent = id;
    });
    return box;
  }

  function showResult(fieldset, k, result) {
    var type = k.type;
    var box = fieldset.querySelector(".pp-result");
    if (type === "reflection") { setFeedback(box, k.rationale, t("Saved on this device only.")); return; }
    each(fieldset, ".pp-choice", function (li) {
      var id = li.getAttribute("data-choice");
      var chosen = (result.picked || []).indexOf(id) >= 0;
      var isRight = k.correct.indexOf(id) >= 0;
      li.classList.toggle("pp-is-correct", isRight);
      li.classList.toggle("pp-is-chosen", chosen);
      li.classList.toggle("pp-is-wrong", chosen && !isRight);
      var label = chosen ? (isRight ? t("✓ Your choice is correct.") : t("✗ Your choice is not correct."))
                         : (isRight ? t("✓ This is a correct answer.") : "");
      setFeedback(li.querySelector(".pp-feedback"), chosen ? (k.feedback || {})[id] : "", label);
    });
    each(fieldset, "[data-pair]", function (li) {
      var id = li.getAttribute("data-pair");
      var select = li.querySelector("select");
      var ok = select.value === k.correct[id];
      li.classList.toggle("pp-is-correct", ok);
      li.classList.toggle("pp-is-wrong", !ok);
      var answer = select.options[Number(k.correct[id]) + 1].text;
      setFeedback(li.querySelector(".pp-feedback"), (k.feedback || {})[id], ok ? t("✓ Correct.") : t("✗ The match is: {answer}", { answer: answer }));
    });
    each(fieldset, "[data-item]", function (li) {
      var ok = li.querySelector("select").value === String(k.correct.indexOf(li.getAttribute("data-item")) + 1);
      li.classList.toggle("pp-is-correct", ok);
      li.classList.toggle("pp-is-wrong", !ok);
    });
    var verdict = result.score === 1 ? t("✓ Correct.") : (result.score > 0 ? t("◐ Partly correct.") : t("✗ Not correct."));
    setFeedback(box, k.rationale || "", verdict, type === "ordering" ? rightOrder(fieldset, k) : null);
    fieldset.classList.toggle("pp-q-correct", result.score === 1);
    fieldset.classList.toggle("pp-q-wrong", result.score < 1);
  }

  /* Two items given the same position: say so while the learner is still choosing. */
  function checkPositions(fieldset) {
    var warning = fieldset.querySelector(".pp-order-warning");
    if (!warning) return;
    var seen = {}, doubled = [];
    each(fieldset, "select", function (s) {
      if (!s.value) return;
      if (seen[s.value] && doubled.indexOf(s.value) < 0) doubled.push(s.value);
      seen[s.value] = true;
    });
    var positions = doubled.join(" " + t("and") + " ");
    warning.textContent = doubled.length ? t("⚠ More than one item is in position {positions}. Give each item its own position.", { positions: positions }) : "";
  }

  function store() { return window.PeerPathStorage && window.PeerPathStorage.store; }

  /* Unfinished answers, by question and choice id, so they survive a reload whatever the order. */
  function saveDraft(form, key) {
    var draft = {};
    each(form, "input:checked", function (i) { (draft[i.name] = draft[i.name] || []).push(i.value); });
    each(form, "select, textarea", function (i) { if (i.value) draft[i.name] = i.value; });
    try { store().setItem(DRAFT + key.quiz, JSON.stringify(draft)); } catch (e) { /* kept on the page only */ }
  }

  function dropDraft(key) { try { store().removeItem(DRAFT + key.quiz); } catch (e) { /* nothing kept */ } }

  function restoreDraft(form, key) {
    var draft;
    try { draft = JSON.parse(store().getItem(DRAFT + key.quiz)); } catch (e) { return; }
    if (!draft || typeof draft !== "object") return;
    var restored = 0;
    each(form, "input[type=radio], input[type=checkbox]", function (i) {
      if (Array.isArray(draft[i.name]) && draft[i.name].indexOf(i.value) >= 0) { i.checked = true; restored++; }
    });
    each(form, "select, textarea", function (i) {
      if (typeof draft[i.name] === "string") { i.value = draft[i.name]; restored++; }
    });
    each(form, ".pp-question[data-type=ordering]", checkPositions);
    var note = form.querySelector(".pp-draft-note");
    if (note && restored) { note.textContent = t("Your unfinished answers from your last visit were put back."); note.hidden = false; }
  }

  /* After checking, answers stay readable (not greyed out) but cannot change until "Try again". */
  function lock(form, on) {
    form.classList.toggle("pp-locked", on);
    each(form, "input, select", function (i) { if (on) i.setAttribute("aria-disabled", "true"); else i.removeAttribute("aria-disabled"); });
    each(form, "textarea", function (t) { t.readOnly = on; });
  }

  function guardLocked(form) {
    var locked = function (e) { return form.classList.contains("pp-locked") && e.target.matches && e.target.matches("input, select"); };
    form.addEventListener("click", function (e) { if (locked(e) && e.target.matches("input")) e.preventDefault(); }, true);
    form.addEventListener("mousedown", function (e) { if (locked(e) && e.target.matches("select")) e.preventDefault(); }, true);
    form.addEventListener("keydown", function (e) { if (locked(e) && e.key !== "Tab") e.preventDefault(); }, true);
  }

  function summaryText(score, max, percent, key, passed, unanswered) {
    return t("You scored {score} out of {max} ({percent} %). The pass mark is {passMark} %.", { score: score, max: max, percent: percent, passMark: key.passMark }) +
      (passed ? "" : " " + t("Read the feedback under each question, then try again.")) +
      (unanswered ? " " + tn("{n} question was left blank.", "{n} questions were left blank.", unanswered) : "");
  }

  function showOutcome(form, text, passed) {
    var outcome = form.querySelector(".pp-outcome"), summary = form.querySelector(".pp-summary");
    outcome.hidden = false;
    outcome.classList.toggle("pp-outcome--passed", passed);
    outcome.classList.toggle("pp-outcome--not-passed", !passed);
    var offer = form.querySelector(".pp-outcome-pass");
    offer.hidden = !passed || !offer.querySelector(".pp-complete-toggle");  // no offer where progress is not tracked
    summary.textContent = "";
    var verdict = summary.appendChild(document.createElement("strong"));
    verdict.className = "pp-verdict";
    verdict.textContent = passed ? t("✓ Passed") : t("✗ Not passed yet");
    summary.appendChild(document.createElement("span")).textContent = " " + text;
    summary.focus();
  }

  function clear(form) {
    form.reset();
    each(form, ".pp-feedback, .pp-result", function (el) { el.hidden = true; el.textContent = ""; });
    each(form, ".pp-is-correct, .pp-is-chosen, .pp-is-wrong, .pp-q-correct, .pp-q-wrong", function (el) {
      el.classList.remove("pp-is-correct", "pp-is-chosen", "pp-is-wrong", "pp-q-correct", "pp-q-wrong");
    });
    each(form, ".pp-order-warning", function (el) { el.textContent = ""; });
    form.querySelector(".pp-summary").textContent = "";
    form.querySelector(".pp-outcome").hidden = true;
    form.querySelector(".pp-draft-note").hidden = true;
  }

  function submit(form, key) {
    var scores = [], max = 0, unanswered = 0, results = [], reflections = {}, wrote = false;
    each(form, ".pp-question", function (fieldset) {
      var k = key.questions[fieldset.getAttribute("data-question")];
      if (k.type !== "reflection" && !grade(fieldset, k).answered) unanswered++;
      if (k.type === "reflection" && fieldset.querySelector("textarea").value.trim()) wrote = true;
      if (k.type !== "reflection") max++;
    });
    if (max && unanswered === max && !wrote &&
        !window.confirm(t("You have not answered any question yet. Check anyway? It counts as an attempt with a score of 0."))) return;
    each(form, ".pp-question", function (fieldset) {
      var id = fieldset.getAttribute("data-question");
      var k = key.questions[id];
      if (k.type === "reflection") {
        reflections[id] = fieldset.querySelector("textarea").value;
        showResult(fieldset, k, {});
        return;
      }
      var result = grade(fieldset, k);
      scores.push(result.score);
      results.push({ id: id, score: result.score, max: 1, correct: result.score === 1 });
      showResult(fieldset, k, result);
    });
    var sum = summarize(scores, key.passMark);  // the one scoring rule, shared with the export tests
    var score = sum.score, percent = sum.percent, passed = sum.passed;
    form.querySelector(".pp-submit").hidden = true;
    form.querySelector(".pp-draft-note").hidden = true;
    lock(form, true);
    dropDraft(key);
    showOutcome(form, summaryText(score, max, percent, key, passed, unanswered), passed);
    document.dispatchEvent(new CustomEvent("peerpath:quiz-submitted", { detail: {
      quiz: key.quiz, module: key.module, score: score, max: max, percent: percent, passMark: key.passMark,
      passed: passed, questions: results, reflections: reflections, submittedAt: new Date().toISOString()
    } }));
  }

  function retry(form, key) {
    lock(form, false);
    clear(form);
    dropDraft(key);
    reshuffle(form, key);
    if (key.shuffleQuestions) {
      reorderChildren(form, ".pp-question, .pp-scenario");
      form.appendChild(form.querySelector(".pp-quiz-actions"));
      form.appendChild(form.querySelector(".pp-quiz-key"));
    }
    form.querySelector(".pp-submit").hidden = false;
    var first = form.querySelector(".pp-question input, .pp-question select, .pp-question textarea");
    if (first) first.focus();
  }

  function setup(form) {
    if (form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "1");
    var key;
    try { key = JSON.parse(form.querySelector(".pp-quiz-key").textContent); } catch (e) { return; }
    reshuffle(form, key);
    restoreDraft(form, key);
    guardLocked(form);
    var changed = function (event) {
      if (form.classList.contains("pp-locked")) return;
      var fieldset = event.target.closest && event.target.closest(".pp-question");
      if (fieldset) checkPositions(fieldset);
      saveDraft(form, key);
    };
    form.addEventListener("change", changed);
    form.addEventListener("input", changed);
    form.addEventListener("submit", function (event) { event.preventDefault(); submit(form, key); });
    form.querySelector(".pp-retry").addEventListener("click", function () { retry(form, key); });
  }

  function init() { document.querySelectorAll("form.pp-quiz").forEach(setup); }

  window.PeerPathQuiz = { score: score, summarize: summarize };

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
