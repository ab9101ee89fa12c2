"""What a learner earned: credited minutes, hours per domain, completion, and the verification code.

Pure functions; PDFs and the registry are written by `issue.py`.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass
from fractions import Fraction

from peerpath.cohorts.attendance import (
    SegmentKey,
    attended_dates,
    attended_sessions,
    credit_by_segment,
    segment_of,
    unattested,
)
from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.hours import contact_minutes
from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.i18n.records import date_text
from peerpath.models.roster import Cohort, Learner
from peerpath.models.standard import Standard


@dataclass(frozen=True)
class LearnerResult:
    learner: Learner
    credited_minutes: dict[str, Fraction]  # module id -> contact minutes credited
    domain_minutes: dict[str, Fraction]  # standard domain id -> minutes
    missing: list[str]  # what stands between the learner and completion, in words
    dates: list[dt.date]  # days attended; empty when attendance is kept per module
    modes: list[str]  # delivery modes of what was attended

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def total_minutes(self) -> Fraction:
        return sum(self.credited_minutes.values(), Fraction(0))


def credit_by_module_attendance(learner: Learner, curriculum: Curriculum) -> dict[SegmentKey, Fraction]:
    """Per-module attendance: 'complete' is every contact segment; minutes are spread over them in proportion."""
    credit: dict[SegmentKey, Fraction] = {}
    for module in curriculum.modules:
        attended = learner.attendance.get(module.meta.id, 0)
        length = contact_minutes(module.meta)
        share = Fraction(1) if attended == "complete" else Fraction(int(attended), length) if length else Fraction(0)
        for i, segment in enumerate(module.meta.agenda):
            if segment.is_contact and share:
                # Whole minutes stay integers (exact, and far cheaper to add than fractions).
                credit[(module.meta.id, i)] = segment.minutes if share == 1 else segment.minutes * share
    return credit


def segment_credit(learner: Learner, cohort: Cohort, curriculum: Curriculum) -> dict[SegmentKey, Fraction]:
    if learner.sessions:
        return credit_by_segment(learner, cohort, curriculum)
    return credit_by_module_attendance(learner, curriculum)


def credited_minutes(credit: dict[SegmentKey, Fraction], curriculum: Curriculum) -> dict[str, Fraction]:
    """Module id -> contact minutes credited."""
    totals: dict[str, Fraction] = {m.meta.id: 0 for m in curriculum.modules}
    for (module_id, _), minutes in credit.items():
        totals[module_id] += minutes
    return totals


def domain_minutes(
    credit: dict[SegmentKey, Fraction], curriculum: Curriculum, standard: Standard
) -> dict[str, Fraction]:
    """Minutes per domain of the standard, from the segments credited and their topics.

    A kind of segment the board says it does not credit (an opening, a closing, a knowledge check)
    adds nothing to any domain, as in the board audit; the learner's contact hours still include it.
    """
    domain_of = {topic: d.id for d in standard.domains for topic in d.topics}
    totals: dict[str, Fraction] = {d.id: 0 for d in standard.domains}
    for key, minutes in credit.items():
        segment = segment_of(key, curriculum)
        if segment.topic in domain_of and standard.counting.segments.of(segment.kind) != "not-credited":
            totals[domain_of[segment.topic]] += minutes
    return totals


def _minutes(value: Fraction) -> str:
    return f"{float(value):.4g}"


def missing_for_completion(
    learner: Learner,
    credited: dict[str, Fraction],
    curriculum: Curriculum,
    cohort: Cohort | None = None,
    require_score: bool = False,
    lang: str = SOURCE_LANGUAGE,
) -> list[str]:
    """Completion: every module attended in full and every recorded quiz passed (recorded at all, if required)."""
    _ = gettext(lang)
    missing = []
    for module in curriculum.modules:
        length = contact_minutes(module.meta)
        got = credited.get(module.meta.id, 0)
        title = module.meta.title
        if got < length:
            missing.append(
                _("{module}: {missing} of {length} minutes not attended").format(
                    module=title, missing=_minutes(length - got), length=length
                )
            )
        score = learner.quiz_scores.get(module.meta.id)
        quiz = curriculum.quizzes.get(module.meta.id)
        if score is not None and quiz is not None and score < quiz.pass_mark:
            missing.append(
                _("{module}: quiz score {score} % is below the pass mark of {pass_mark} %").format(
                    module=title, score=f"{score:g}", pass_mark=f"{quiz.pass_mark:g}"
                )
            )
        elif score is None and quiz is not None and require_score:
            missing.append(_("{module}: no quiz score recorded; a passing score is required").format(module=title))
    for session in unattested(learner, cohort) if cohort else []:
        missing.append(
            _("Session {session} ({date}): live online attendance not attested ({attestation})").format(
                session=session.id, date=date_text(session.date, lang), attestation=cohort.attestation
            )
        )
    return missing


def learner_result(
    learner: Learner,
    curriculum: Curriculum,
    standard: Standard,
    cohort: Cohort,
    require_score: bool = False,
    lang: str | None = None,
) -> LearnerResult:
    """`lang`: the language the missing items are worded in (default: the learner's)."""
    credit = segment_credit(learner, cohort, curriculum)
    credited = credited_minutes(credit, curriculum)
    if learner.sessions:
        attended = attended_sessions(learner, cohort)
        dates, modes = attended_dates(learner, cohort), sorted({s.mode for s in attended})
    else:
        dates, modes = [], [cohort.delivery]
    return LearnerResult(
        learner,
        credited,
        domain_minutes(credit, curriculum, standard),
        missing_for_completion(
            learner, credited, curriculum, cohort, require_score, lang or learner.language_in(cohort)
        ),
        dates,
        modes,
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
