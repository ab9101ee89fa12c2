"""What a platform's question types can hold, shared by the exports so each warns in the same words."""

from __future__ import annotations

from peerpath.models.quiz import Matching, MultipleSelect

# Moodle accepts only these answer fractions on import (question_bank::fraction_options_full(),
# matched to within 0.00001 by match_grade_options()); negatives are allowed too.
MOODLE_FRACTIONS = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2)
MOODLE_FRACTIONS += (0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05)


def moodle_fraction(value: float) -> float | None:
    """The fraction Moodle stores for `value` (0 < value <= 1), or None when it refuses it."""
    nearest = min(MOODLE_FRACTIONS, key=lambda f: abs(f - value))
    return nearest if abs(nearest - value) < 0.00001 else None


def correct_count(q: MultipleSelect) -> int:
    return sum(c.correct for c in q.choices)


def per_part_credit_refusal(q, platform: str) -> str | None:
    """Why a platform that gives credit per choice or per match cannot grade `q` like the site."""
    if isinstance(q, MultipleSelect) and q.scoring == "all-or-nothing" and correct_count(q) > 1:
        return (
            f"all-or-nothing multiple answer: {platform} gives credit for each right choice, "
            "so a partly right answer would score more than on the site (0); left out"
        )
    if isinstance(q, Matching) and q.scoring == "all-or-nothing":
        return (
            f"all-or-nothing matching: {platform} gives credit for each right match, "
            "so a partly right answer would score more than on the site (0); left out"
        )
    return None


def pair_feedback_note(q, fmt: str) -> str | None:
    """Feedback on single matches, which the format has no place for."""
    if isinstance(q, Matching) and any(p.feedback for p in q.pairs):
        return f"the feedback on each match is not carried by {fmt} (the rationale is)"
    return None


def hint_note(q, fmt: str) -> str | None:
    """A hint, which none of the exported question forms has a place for."""
    return f"the hint is not carried by {fmt}" if getattr(q, "hint", None) else None
