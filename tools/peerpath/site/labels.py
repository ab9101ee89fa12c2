"""Words the site prints for values of the schema (a segment's kind, a question's type, a board result).

The English words are the values themselves, so the English site reads exactly as before; each one has
a context (msgctxt), because a short word such as "quiz" or "reading" may need another Spanish word
elsewhere.
"""

from __future__ import annotations

from peerpath.curriculum.competencies import CATEGORIES
from peerpath.i18n import NP_, gettext, pgettext

SEGMENT_KIND = "segment kind"
QUESTION_TYPE = "question type"
BOARD_RESULT = "board result"
CONFIDENCE = "confidence in a standard's figures"

# (context, English word), written out so Babel finds each one (`NP_` marks a pgettext message).
WORDS = [
    NP_("segment kind", "presentation"),
    NP_("segment kind", "discussion"),
    NP_("segment kind", "role-play"),
    NP_("segment kind", "practice"),
    NP_("segment kind", "case-study"),
    NP_("segment kind", "small-group"),
    NP_("segment kind", "reading"),
    NP_("segment kind", "reflection"),
    NP_("segment kind", "quiz"),
    NP_("segment kind", "opening"),
    NP_("segment kind", "closing"),
    NP_("segment kind", "break"),
    NP_("question type", "single"),
    NP_("question type", "multiple"),
    NP_("question type", "true-false"),
    NP_("question type", "ordering"),
    NP_("question type", "matching"),
    NP_("question type", "reflection"),
    NP_("board result", "meets"),
    NP_("board result", "falls short"),
    NP_("board result", "cannot confirm"),
    NP_("board result", "cannot count here"),
    NP_("confidence in a standard's figures", "high"),
    NP_("confidence in a standard's figures", "medium"),
    NP_("confidence in a standard's figures", "low"),
]


def words(context: str, lang: str) -> dict[str, str]:
    """English word -> the word in `lang`, for one context."""
    translate = pgettext(lang)
    return {word: translate(context, word) for ctx, word in WORDS if ctx == context}


def competency_names(lang: str) -> dict[int, str]:
    """SAMHSA's competency categories in `lang`."""
    _ = gettext(lang)
    return {number: _(title) for number, title in CATEGORIES.items()}
