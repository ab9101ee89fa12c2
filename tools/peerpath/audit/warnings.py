"""What a board would question in any module, whatever the standard: objectives, references,
quizzes, and reading segments whose minutes are far from the words of their reading."""

from __future__ import annotations

from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.readings import segment_reading_words

READING_WORDS_PER_MINUTE = 200  # a typical adult reading study material; stated in every audit
READING_TOLERANCE = 2.0  # warn when reading time is off by more than this factor either way


def module_warnings(curriculum: Curriculum, quiz_modules: set[str]) -> list[str]:
    warnings = []
    for module in curriculum.modules:
        meta = module.meta
        if not meta.objectives:
            warnings.append(f"{meta.id}: no objectives")
        if not meta.references:
            warnings.append(f"{meta.id}: no references")
        if meta.id not in quiz_modules:
            warnings.append(f"{meta.id}: no quiz")
        for number, segment in enumerate(meta.agenda, 1):
            if segment.kind == "reading":
                warnings += _reading_warning(meta.id, number, segment, segment_reading_words(module, segment.sections))
    return warnings


def _reading_warning(module_id: str, number: int, segment, words: int) -> list[str]:
    expected = words / READING_WORDS_PER_MINUTE
    if expected * READING_TOLERANCE >= segment.minutes >= expected / READING_TOLERANCE:
        return []
    return [
        f"{module_id}, segment {number} '{segment.title}': the reading takes {segment.minutes} minutes, "
        f"but its sections ({'; '.join(segment.sections)}) have {words} words, about {expected:.0f} minutes "
        f"at {READING_WORDS_PER_MINUTE} words per minute"
    ]
