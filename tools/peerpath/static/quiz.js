/* PeerPath knowledge checks: grade in the browser, show feedback, announce the result, and tell
   other scripts through a `peerpath:quiz-submitted` event. Nothing is stored or sent anywhere. */
(function () {
  "use strict";

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  }

  function reorderChildren(parent, selector) {
    var kids = Array.prototype.slice.call(parent.querySelectorAll(":scope > " + selector));
    shuffle(kids).forEach(function (kid) { parent.appendChild(kid); });
  }

  function reshuffle(form, key) {
    if (!key.shuffleChoices) return;
    form.querySelectorAll(".pp-choices, .pp-ordering, .pp-matching").forEach(function (list) {
      var fieldset = list.closest(".pp-question");
      if (fieldset.getAttribute("data-type") === "true-false") return;
      reorderChildren(list, "li");
      if (fieldset.getAttribute("data-type") !== "ordering") return;
      /* An ordering question must never start out already solved. */
      var ids = Array.prototype.map.call(list.children, function (li) { return li.getAttribute("data-item"); });
      if (ids.join() === key.questions[fieldset.getAttribute("data-question")].correct.join()) {
        list.appendChild(list.firstElementChild);
      }
    });
  }

  function checkedValues(fieldset) {
    return Array.prototype.map.call(fieldset.querySelectorAll("input:checked"), function (i) { return i.value; });
  }

  function selects(fieldset) {
    var out = {};
    fieldset.querySelectorAll("select").forEach(function (s) {
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

  function setFeedback(el, html, label) {
    if (!el) return;
    el.innerHTML = (label ? "<strong>" + label + "</strong> " : "") + (html || "");
    el.hidden = !label && !html;
  }

  function showResult(fieldset, k, result) {
    var type = k.type;
    var box = fieldset.querySelector(".pp-result");
    if (type === "reflection") {
      setFeedback(box, k.rationale, "Saved on this device only.");
      return;
    }
    fieldset.querySelectorAll(".pp-choice").forEach(function (li) {
      var id = li.getAttribute("data-choice");
      var chosen = (result.picked || []).indexOf(id) >= 0;
      var isRight = k.correct.indexOf(id) >= 0;
      li.classList.toggle("pp-is-correct", isRight);
      li.classList.toggle("pp-is-chosen", chosen);
      var label = chosen ? (isRight ? "✓ Your choice is correct." : "✗ Your choice is not correct.")
                         : (isRight ? "✓ This is a correct answer." : "");
      setFeedback(li.querySelector(".pp-feedback"), chosen ? (k.feedback || {})[id] : "", label);
    });
    fieldset.querySelectorAll("[data-pair]").forEach(function (li) {
      var id = li.getAttribute("data-pair");
      var select = li.querySelector("select");
      var ok = select.value === k.correct[id];
      var answer = select.options[Number(k.correct[id]) + 1].text;
      setFeedback(li.querySelector(".pp-feedback"), (k.feedback || {})[id],
        ok ? "✓ Correct." : "✗ The match is: " + escapeText(answer) + ".");
    });
    var verdict = result.score === 1 ? "✓ Correct." : (result.score > 0 ? "◐ Partly correct." : "✗ Not correct.");
    var order = "";
    if (type === "ordering") {
      order = " The right order: " + k.correct.map(function (id, i) {
        var item = fieldset.querySelector("[data-item='" + id + "'] .pp-item-text");
        return (i + 1) + ". " + (item ? item.innerHTML : id);
      }).join("; ") + ".";
    }
    setFeedback(box, (k.rationale || "") + order, verdict);
    fieldset.classList.toggle("pp-q-correct", result.score === 1);
    fieldset.classList.toggle("pp-q-wrong", result.score < 1);
  }

  function escapeText(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function clear(form) {
    form.reset();
    form.querySelectorAll(".pp-feedback, .pp-result").forEach(function (el) { el.hidden = true; el.innerHTML = ""; });
    form.querySelectorAll(".pp-is-correct, .pp-is-chosen, .pp-q-correct, .pp-q-wrong").forEach(function (el) {
      el.classList.remove("pp-is-correct", "pp-is-chosen", "pp-q-correct", "pp-q-wrong");
    });
    form.querySelector(".pp-summary").textContent = "";
  }

  function setup(form) {
    if (form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "1");
    var key;
    try { key = JSON.parse(form.querySelector(".pp-quiz-key").textContent); } catch (e) { return; }
    var submit = form.querySelector(".pp-submit");
    var retry = form.querySelector(".pp-retry");
    var summary = form.querySelector(".pp-summary");
    reshuffle(form, key);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var scores = [], unanswered = 0, results = [], reflections = {};
      form.querySelectorAll(".pp-question").forEach(function (fieldset) {
        var id = fieldset.getAttribute("data-question");
        var k = key.questions[id];
        if (k.type === "reflection") {
          reflections[id] = fieldset.querySelector("textarea").value;
          showResult(fieldset, k, {});
          return;
        }
        var result = grade(fieldset, k);
        if (!result.answered) unanswered++;
        scores.push(result.score);
        results.push({ id: id, score: result.score, max: 1, correct: result.score === 1 });
        showResult(fieldset, k, result);
      });
      var sum = summarize(scores, key.passMark);
      var score = sum.score, max = sum.max, percent = sum.percent, passed = sum.passed;
      summary.textContent = "You scored " + score + " out of " + max + " (" + percent + " %). " +
        (passed ? "Passed: the pass mark is " + key.passMark + " %." :
                  "Not passed yet: the pass mark is " + key.passMark + " %. Read the feedback under each question, then try again.") +
        (unanswered ? " " + unanswered + " question" + (unanswered > 1 ? "s were" : " was") + " left blank." : "");
      submit.hidden = true;
      retry.hidden = false;
      form.querySelectorAll("input, select, textarea").forEach(function (el) { el.disabled = true; });
      summary.setAttribute("tabindex", "-1");
      summary.focus();
      document.dispatchEvent(new CustomEvent("peerpath:quiz-submitted", { detail: {
        quiz: key.quiz, module: key.module, score: score, max: max, percent: percent, passMark: key.passMark,
        passed: passed, questions: results, reflections: reflections, submittedAt: new Date().toISOString()
      } }));
    });

    retry.addEventListener("click", function () {
      form.querySelectorAll("input, select, textarea").forEach(function (el) { el.disabled = false; });
      clear(form);
      reshuffle(form, key);
      if (key.shuffleQuestions) {
        reorderChildren(form, ".pp-question, .pp-scenario");
        form.appendChild(form.querySelector(".pp-quiz-actions"));
        form.appendChild(summary);
        form.appendChild(form.querySelector(".pp-quiz-key"));
      }
      retry.hidden = true;
      submit.hidden = false;
      var first = form.querySelector("input, select, textarea");
      if (first) first.focus();
    });
  }

  function init() { document.querySelectorAll("form.pp-quiz").forEach(setup); }

  window.PeerPathQuiz = { score: score, summarize: summarize };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
