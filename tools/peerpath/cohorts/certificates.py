"""What a learner earned: credited minutes, hours per domain, completion, and the verification code.

Pure functions; PDFs and the registry are written by `issue.py`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from fractions import Fraction

from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.hours import contact_minutes
from peerpath.models.roster import Cohort, Learner
from peerpath.models.standard import Standard


@dataclass(frozen=True)
class LearnerResult:
    learner: Learner
    credited_minutes: dict[str, int]  # module id -> minutes credited
    domain_minutes: dict[str, Fraction]  # standard domain id -> minutes
    missing: list[str]  # what stands between the learner and completion, in words

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def total_minutes(self) -> int:
        return sum(self.credited_minutes.values())


def credited_minutes(learner: Learner, curriculum: Curriculum) -> dict[str, int]:
    """Module id -> minutes the learner is credited with ('complete' means the module's contact minutes)."""
    credited = {}
    for module in curriculum.modules:
        attended = learner.attendance.get(module.meta.id, 0)
        credited[module.meta.id] = contact_minutes(module.meta) if attended == "complete" else int(attended)
    return credited


def domain_minutes(credited: dict[str, int], curriculum: Curriculum, standard: Standard) -> dict[str, Fraction]:
    """Minutes per domain. Partial attendance of a module is spread over its segments in proportion."""
    domain_of = {topic: d.id for d in standard.domains for topic in d.topics}
    totals = {d.id: Fraction(0) for d in standard.domains}
    for module in curriculum.modules:
        length = contact_minutes(module.meta)
        share = Fraction(credited.get(module.meta.id, 0), length) if length else Fraction(0)
        for segment in module.meta.agenda:
            if segment.is_contact and segment.topic in domain_of:
                totals[domain_of[segment.topic]] += segment.minutes * share
    return totals


def missing_for_completion(learner: Learner, credited: dict[str, int], curriculum: Curriculum) -> list[str]:
    """Completion means every module attended in full and, where scores are recorded, every quiz passed."""
    missing = []
    for module in curriculum.modules:
        length = contact_minutes(module.meta)
        got = credited.get(module.meta.id, 0)
        if got < length:
            missing.append(f"{module.meta.title}: {length - got} of {length} minutes not attended")
        score = learner.quiz_scores.get(module.meta.id)
        quiz = curriculum.quizzes.get(module.meta.id)
        if score is not None and quiz is not None and score < quiz.pass_mark:
            missing.append(
                f"{module.meta.title}: quiz score {score:g} % is below the pass mark of {quiz.pass_mark:g} %"
            )
    return missing


def learner_result(learner: Learner, curriculum: Curriculum, standard: Standard) -> LearnerResult:
    credited = credited_minutes(learner, curriculum)
    return LearnerResult(
        learner,
        credited,
        domain_minutes(credited, curriculum, standard),
        missing_for_completion(learner, credited, curriculum),
    )


CODE_ALPHABET_LENGTH = 12  # base32 characters: 60 bits, far beyond guessing


def certificate_code(key: bytes, cohort: Cohort, learner: Learner, course_version: str, standard: Standard) -> str:
    """A code only the issuer can compute, the same every time for the same learner, cohort and course."""
    message = "|".join([cohort.id, learner.id, course_version, standard.id]).encode()
    digest = hmac.new(key, message, hashlib.sha256).digest()
    text = base64.b32encode(digest).decode().rstrip("=")[:CODE_ALPHABET_LENGTH]
    return "-".join(text[i : i + 4] for i in range(0, CODE_ALPHABET_LENGTH, 4))


def normalise_code(code: str) -> str:
    """What a person types or a camera reads: any case, spaces or dashes."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def code_hash(code: str) -> str:
    """The registry stores only this hash, never the code itself."""
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def initials(name: str) -> str:
    """'Alex Rivera' -> 'A.R.'; the only trace of a learner's name in the registry."""
    return "".join(f"{part[0].upper()}." for part in name.split() if part[:1].isalpha())


def quarter_hours_of(minutes: Fraction | int) -> float:
    return round(Fraction(minutes) / 15) / 4
