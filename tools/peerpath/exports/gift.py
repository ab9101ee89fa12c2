"""Moodle GIFT: one .gift file per quiz. Ordering questions have no GIFT form and are reported."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peerpath.models.quiz import (
    Matching,
    MultipleSelect,
    Quiz,
    Reflection,
    Scenario,
    SingleChoice,
    TrueFalse,
)

_SPECIAL = re.compile(r"([~=#{}:\\])")


def escape(text: str) -> str:
    """GIFT's special characters get a backslash; line breaks become spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


@dataclass
class GiftResult:
    text: str
    skipped: list[str] = field(default_factory=list)  # question ids GIFT cannot express, with why


def quiz_to_gift(quiz: Quiz, module_title: str) -> GiftResult:
    """The quiz as GIFT text. Markdown is kept as text ([markdown] format in Moodle)."""
    result = GiftResult(
        f"// PeerPath quiz '{quiz.id}' for the module '{escape(module_title)}'\n"
        f"$CATEGORY: $course$/PeerPath/{quiz.id}\n\n"
    )
    for question in quiz.questions:
        if isinstance(question, Scenario):
            # Each sub-question carries the case, so it still makes sense when Moodle shuffles questions.
            inner, prefix = question.questions, f"Case: {question.vignette}\n\n"
        else:
            inner, prefix = [question], ""
        for q in inner:
            block = _question(q, prefix)
            if block is None:
                result.skipped.append(f"{quiz.id}/{q.id}: {q.type} questions have no GIFT form")
            else:
                result.text += block + "\n\n"
    return result


def _title_and_prompt(q, prefix: str) -> str:
    return f"::{q.id}::[markdown]{escape(prefix + q.prompt)}"


def _general(q) -> str:
    rationale = getattr(q, "rationale", None) or getattr(q, "guidance", None)
    return f"####{escape(rationale)}" if rationale else ""


def _question(q, prefix: str) -> str | None:
    head = _title_and_prompt(q, prefix)
    if isinstance(q, SingleChoice):
        answers = [f"{'=' if c.correct else '~'}{escape(c.text)}{_fb(c.feedback)}" for c in q.choices]
    elif isinstance(q, MultipleSelect):
        right = sum(c.correct for c in q.choices)
        wrong = len(q.choices) - right
        answers = [
            f"~%{_weight(100 / right) if c.correct else _weight(-100 / max(wrong, 1))}%{escape(c.text)}"
            f"{_fb(c.feedback)}"
            for c in q.choices
        ]
    elif isinstance(q, TrueFalse):
        right, wrong = (q.feedback_true, q.feedback_false) if q.answer else (q.feedback_false, q.feedback_true)
        # Moodle reads {TRUE#feedback when wrong#feedback when right####general feedback}.
        feedback = f"#{escape(wrong) if wrong else ''}#{escape(right)}" if right else _fb(wrong)
        return f"{head} {{{'TRUE' if q.answer else 'FALSE'}{feedback}{_general(q)}}}"
    elif isinstance(q, Matching):
        answers = [f"={escape(p.left)} -> {escape(p.right)}" for p in q.pairs]
        if q.distractors:
            answers += [f"= -> {escape(d)}" for d in q.distractors]
    elif isinstance(q, Reflection):
        return f"{head} {{{_general(q)}}}"
    else:  # Ordering: GIFT has no ordering question type.
        return None
    body = "\n".join(f"\t{a}" for a in answers)
    return f"{head} {{\n{body}\n\t{_general(q)}\n}}" if _general(q) else f"{head} {{\n{body}\n}}"


def _fb(text: str | None) -> str:
    return f"#{escape(text)}" if text else ""


def _weight(value: float) -> str:
    """Moodle accepts only its own list of percentages; 5 decimal places match them (e.g. 33.33333)."""
    return f"{value:.5f}".rstrip("0").rstrip(".")
