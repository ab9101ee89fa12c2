"""What the quiz templates and the browser need from a quiz: display order, numbering, answer key."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any

from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.inline import render_inline, render_paragraphs
from peerpath.models.quiz import (
    Matching,
    MultipleSelect,
    Ordering,
    Quiz,
    Reflection,
    Scenario,
    SingleChoice,
    TrueFalse,
)


@dataclass
class Numbered:
    """A question with its printed number and its choices in first-display order."""

    number: int
    question: Any
    order: list[Any]  # choices, items or pairs in the order the page shows them before any script runs


def case_numbers(quiz: Quiz) -> dict[str, int]:
    """Scenario id -> 1, 2, ... so each case has its own label ("Case 1", "Case 2")."""
    scenarios = [q.id for q in quiz.questions if isinstance(q, Scenario)]
    return {sid: n for n, sid in enumerate(scenarios, 1)}


def numbered_questions(quiz: Quiz) -> list[tuple[Scenario | None, list[Numbered]]]:
    """Questions grouped by scenario (None for stand-alone ones), numbered 1..n across the quiz."""
    groups: list[tuple[Scenario | None, list[Numbered]]] = []
    number = 0
    for question in quiz.questions:
        inner = question.questions if isinstance(question, Scenario) else [question]
        batch = []
        for q in inner:
            number += 1
            batch.append(Numbered(number, q, display_order(quiz, q)))
        groups.append((question if isinstance(question, Scenario) else None, batch))
    return groups


def display_order(quiz: Quiz, question: Any) -> list[Any]:
    """A stable shuffle so the page without JavaScript never shows an answer by its position."""
    if isinstance(question, (SingleChoice, MultipleSelect)):
        items = list(question.choices)
        if not quiz.shuffle.choices:
            return items
    elif isinstance(question, Ordering):
        items = list(question.items)
    elif isinstance(question, Matching):
        items = list(question.pairs)
    else:
        return []
    shuffled = items[:]
    random.Random(f"{quiz.id}/{question.id}").shuffle(shuffled)
    if isinstance(question, Ordering) and shuffled == items:
        shuffled = shuffled[1:] + shuffled[:1]
    return shuffled


def answer_key(quiz: Quiz) -> dict[str, Any]:
    """Correct answers, feedback and rationales as the quiz script reads them (HTML-safe strings)."""
    questions: dict[str, Any] = {}
    for _, batch in numbered_questions(quiz):
        for item in batch:
            questions[item.question.id] = _key(item.question)
    return {
        "quiz": quiz.id,
        "module": quiz.module,
        "passMark": quiz.pass_mark,
        "shuffleChoices": quiz.shuffle.choices,
        "shuffleQuestions": quiz.shuffle.questions,
        "questions": questions,
    }


def answer_key_json(quiz: Quiz) -> str:
    """The key as JSON that is safe inside a <script type="application/json"> element."""
    text = json.dumps(answer_key(quiz), ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _html(text: str | None) -> str | None:
    return str(render_inline(text)) if text else None


def _key(q: Any) -> dict[str, Any]:
    base = {"type": q.type, "rationale": _html(getattr(q, "rationale", None))}
    if isinstance(q, (SingleChoice, MultipleSelect)):
        base["correct"] = [c.id for c in q.choices if c.correct]
        base["feedback"] = {c.id: _html(c.feedback) for c in q.choices if c.feedback}
        base["scoring"] = getattr(q, "scoring", "all-or-nothing")
    elif isinstance(q, TrueFalse):
        base["correct"] = ["true" if q.answer else "false"]
        base["feedback"] = {k: _html(v) for k, v in (("true", q.feedback_true), ("false", q.feedback_false)) if v}
        base["scoring"] = "all-or-nothing"
    elif isinstance(q, Ordering):
        base["correct"] = [item.id for item in q.items]
        base["scoring"] = q.scoring
    elif isinstance(q, Matching):
        options = q.options
        base["correct"] = {p.id: str(options.index(p.right)) for p in q.pairs}
        base["feedback"] = {p.id: _html(p.feedback) for p in q.pairs if p.feedback}
        base["scoring"] = q.scoring
    elif isinstance(q, Reflection):
        base["rationale"] = _html(q.guidance)
    return base


def vignette_html(scenario: Scenario) -> str:
    return render_paragraphs(scenario.vignette)


def correct_answer_text(q: Any, lang: str = SOURCE_LANGUAGE) -> list[str]:
    """The correct answer in words, for the trainer's answer key (HTML-safe)."""
    if isinstance(q, (SingleChoice, MultipleSelect)):
        return [str(render_inline(c.text)) for c in q.choices if c.correct]
    if isinstance(q, TrueFalse):
        _ = gettext(lang)
        return [_("True") if q.answer else _("False")]
    if isinstance(q, Ordering):
        return [f"{i}. {render_inline(item.text)}" for i, item in enumerate(q.items, 1)]
    if isinstance(q, Matching):
        return [f"{render_inline(p.left)} → {render_inline(p.right)}" for p in q.pairs]
    return []


def reflection_prompts(quiz: Quiz) -> list[dict[str, str]]:
    """Each reflection question's id and prompt, so the learner's saved answers can be shown with it."""
    return [
        {"id": item.question.id, "prompt": item.question.prompt}
        for _, batch in numbered_questions(quiz)
        for item in batch
        if isinstance(item.question, Reflection)
    ]
