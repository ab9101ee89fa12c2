"""Moodle XML: one .xml file per quiz for Moodle's question bank import ("Moodle XML format").
It carries what GIFT cannot: a mark of 0 for reflections, the rationale of ordering questions
(Moodle 4.4+ core ordering type), HTML text. Moodle grades each question exactly as the site does;
a question it would grade differently is left out and named."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from peerpath.exports.limits import (
    correct_count,
    hint_note,
    moodle_fraction,
    pair_feedback_note,
    per_part_credit_refusal,
)
from peerpath.inline import render_inline, render_paragraphs
from peerpath.models.quiz import Matching, MultipleSelect, Ordering, Quiz, Reflection, Scenario, SingleChoice, TrueFalse
from peerpath.templating import render


@dataclass
class MoodleXml:
    text: str
    skipped: list[str] = field(default_factory=list)


def _html(text: str | None) -> str:
    """Inline Markdown as HTML; the template escapes it again as XML text."""
    return str(render_inline(text)) if text else ""


def _plain(text: str) -> str:
    return " ".join(text.split())


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.5f}".rstrip("0").rstrip(".")


def refusal_reason(q) -> str | None:
    """Why Moodle would grade this question differently from the site, or None."""
    if isinstance(q, MultipleSelect) and moodle_fraction(1 / correct_count(q)) is None:
        return f"{correct_count(q)} right choices: Moodle has no answer weight of 1/{correct_count(q)}; left out"
    return per_part_credit_refusal(q, "Moodle")


def question_data(q, scenario: Scenario | None) -> dict[str, Any]:
    """What the template needs for one question."""
    text = f"<p>{_html(q.prompt)}</p>"
    if scenario:
        text = f"<p><strong>Case</strong></p>{render_paragraphs(scenario.vignette)}{text}"
    data: dict[str, Any] = {"q": q, "text": text, "general": _html(getattr(q, "rationale", None))}
    if isinstance(q, (SingleChoice, MultipleSelect)):
        share = moodle_fraction(1 / correct_count(q)) if isinstance(q, MultipleSelect) else 1.0
        single = isinstance(q, SingleChoice)
        data["answers"] = [
            {
                "fraction": _percent(share if c.correct else (0 if single else -share)),
                "text": _html(c.text),
                "feedback": _html(c.feedback),
            }
            for c in q.choices
        ]
        data["single"] = "true" if single else "false"
    elif isinstance(q, TrueFalse):
        data["answers"] = [
            {"fraction": "100" if q.answer else "0", "text": "true", "feedback": _html(q.feedback_true)},
            {"fraction": "0" if q.answer else "100", "text": "false", "feedback": _html(q.feedback_false)},
        ]
    elif isinstance(q, Matching):
        data["pairs"] = [(_html(p.left), _plain(p.right)) for p in q.pairs] + [("", _plain(d)) for d in q.distractors]
    elif isinstance(q, Ordering):
        data["items"] = [_html(i.text) for i in q.items]
        data["grading"] = "ABSOLUTE_POSITION" if q.scoring == "partial" else "ALL_OR_NOTHING"
    elif isinstance(q, Reflection):
        data["general"] = _html(q.guidance)
    return data


def quiz_to_moodle_xml(quiz: Quiz) -> MoodleXml:
    """The quiz as a Moodle XML question file, in the category PeerPath/<quiz>."""
    questions, skipped = [], []
    for top in quiz.questions:
        scenario = top if isinstance(top, Scenario) else None
        for q in top.questions if scenario else [top]:
            refusal = refusal_reason(q)
            if refusal:
                skipped.append(f"not exported: {quiz.id}/{q.id}: {refusal}")
                continue
            questions.append(question_data(q, scenario))
            notes = (pair_feedback_note(q, "Moodle XML"), hint_note(q, "Moodle XML"))
            skipped += [f"{quiz.id}/{q.id}: {n}" for n in notes if n]
    text = render("moodle_quiz.xml.j2", quiz=quiz, questions=questions, shuffle=quiz.shuffle.choices)
    return MoodleXml(text, skipped)
