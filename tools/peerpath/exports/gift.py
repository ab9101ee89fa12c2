"""Moodle GIFT: one .gift file per quiz, graded by Moodle exactly as the site grades it (ordering
questions through Moodle 4.4+'s core ordering type). A question Moodle would grade differently is
left out and named; anything else GIFT cannot hold is named too."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peerpath.exports.limits import (
    correct_count,
    hint_note,
    moodle_fraction,
    pair_feedback_note,
    per_part_credit_refusal,
)
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

_SPECIAL = re.compile(r"([~=#{}:\\])")


def escape(text: str) -> str:
    """GIFT's special characters get a backslash; line breaks become spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def escape_paragraphs(text: str) -> str:
    """Blank-line separated paragraphs kept apart: Moodle's GIFT reader turns `\\n` into a line break."""
    paragraphs = [escape(p) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return r"\n\n".join(paragraphs)


@dataclass
class GiftResult:
    text: str
    skipped: list[str] = field(default_factory=list)  # warnings: each names the question and the difference


def quiz_to_gift(quiz: Quiz, module_title: str) -> GiftResult:
    """The quiz as GIFT text. Markdown is kept as text ([markdown] format in Moodle)."""
    result = GiftResult(
        f"// PeerPath quiz '{quiz.id}' for the module '{escape(module_title)}'\n"
        f"$CATEGORY: $course$/PeerPath/{quiz.id}\n\n"
    )
    for question in quiz.questions:
        if isinstance(question, Scenario):
            # Each sub-question carries the case, so it still makes sense when Moodle shuffles questions.
            inner, case = question.questions, question.vignette
        else:
            inner, case = [question], None
        for q in inner:
            refusal = refusal_reason(q, case)
            if refusal:
                result.skipped.append(f"not exported: {quiz.id}/{q.id}: {refusal}")
                continue
            result.text += _question(q, case) + "\n\n"
            result.skipped += [f"{quiz.id}/{q.id}: {note}" for note in notes(q) if note]
    return result


_ORDERING_UNSAFE = re.compile(r"[{}~=#\\]|^//")  # Moodle reads ordering items as raw lines


def refusal_reason(q, case: str | None = None) -> str | None:
    """Why Moodle cannot hold or cannot grade this question as the site does, or None."""
    if isinstance(q, Ordering):
        if re.search(r"[{}]", q.prompt + (case or "")):
            return "the prompt or case holds { or }, which GIFT's ordering form cannot carry"
        if any(_ORDERING_UNSAFE.search(" ".join(i.text.split())) for i in q.items):
            return "an item holds one of { } ~ = # \\ or starts with //, which GIFT's ordering form cannot carry"
        return None
    if isinstance(q, MultipleSelect) and moodle_fraction(1 / correct_count(q)) is None:
        return f"{correct_count(q)} right choices: Moodle has no answer weight of 1/{correct_count(q)}; left out"
    return per_part_credit_refusal(q, "Moodle")


def notes(q) -> list[str | None]:
    """What GIFT drops or changes for a question it does export."""
    essay = None
    if isinstance(q, Reflection):
        essay = (
            "the reflection becomes an essay question that Moodle counts as 1 mark and leaves ungraded "
            "until a trainer grades it; set its mark to 0 in the quiz so the percentage matches the site"
        )
    ordering = None
    if isinstance(q, Ordering):
        ordering = "GIFT's ordering form has no place for the rationale; add it in Moodle as general feedback"
        if q.scoring == "partial":
            ordering += (
                "; Moodle also scores an order the learner leaves untouched (its shuffle may place some "
                "items right), where the site scores a blank answer 0"
            )
    return [essay, ordering, pair_feedback_note(q, "GIFT"), hint_note(q, "GIFT")]


def _head(q, case: str | None) -> str:
    text = escape(q.prompt)
    if case:
        text = rf"Case\: {escape_paragraphs(case)}\n\n{text}"
    return f"::{q.id}::[markdown]{text}"


def _general(q) -> str:
    rationale = getattr(q, "rationale", None) or getattr(q, "guidance", None)
    return f"####{escape(rationale)}" if rationale else ""


def _question(q, case: str | None) -> str:
    head = _head(q, case)
    if isinstance(q, TrueFalse):
        right, wrong = (q.feedback_true, q.feedback_false) if q.answer else (q.feedback_false, q.feedback_true)
        # Moodle reads {TRUE#feedback when wrong#feedback when right####general feedback}.
        feedback = f"#{escape(wrong) if wrong else ''}#{escape(right)}" if right else _fb(wrong)
        return f"{head} {{{'TRUE' if q.answer else 'FALSE'}{feedback}{_general(q)}}}"
    if isinstance(q, Reflection):
        return f"{head} {{{_general(q)}}}"
    if isinstance(q, Ordering):
        # Moodle 4.4+ core qtype_ordering reads {>count ALL VERTICAL grading SHOW, one raw item per line}.
        grading = "ABSOLUTE_POSITION" if q.scoring == "partial" else "ALL_OR_NOTHING"
        items = "\n".join(" ".join(i.text.split()) for i in q.items)
        return f"{head} {{>{len(q.items)} ALL VERTICAL {grading} SHOW\n{items}\n}}"
    if isinstance(q, SingleChoice):
        answers = [f"{'=' if c.correct else '~'}{escape(c.text)}{_fb(c.feedback)}" for c in q.choices]
    elif isinstance(q, MultipleSelect):
        # Checkboxes (no '=' answer): Moodle adds the weights of the chosen answers and keeps the sum
        # within 0..1, so +1/n for each of n right choices and -1/n for each wrong one is the site's rule.
        share = _weight(moodle_fraction(1 / correct_count(q)))
        answers = [f"~%{'' if c.correct else '-'}{share}%{escape(c.text)}{_fb(c.feedback)}" for c in q.choices]
    else:  # Matching with credit per match: Moodle's own rule.
        assert isinstance(q, Matching)
        answers = [f"={escape(p.left)} -> {escape(p.right)}" for p in q.pairs]
        answers += [f"= -> {escape(d)}" for d in q.distractors]
    body = "\n".join(f"\t{a}" for a in answers)
    return f"{head} {{\n{body}\n\t{_general(q)}\n}}" if _general(q) else f"{head} {{\n{body}\n}}"


def _fb(text: str | None) -> str:
    return f"#{escape(text)}" if text else ""


def _weight(fraction: float) -> str:
    """A Moodle fraction as a GIFT percentage, e.g. 0.3333333 -> 33.33333."""
    return f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
