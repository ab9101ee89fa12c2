"""Attendance by session: which agenda segments a session covers and what each learner is credited.

Pure functions. A learner present for a whole session is credited every contact segment it covers;
a partial attendance is credited in proportion (60 of 120 minutes: half of each segment), so credit
is only ever for time attended. A live online session counts only when the learner met the cohort's
attestation, where the cohort names one.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from peerpath.curriculum.crosscheck import Curriculum
from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.i18n.records import date_text, list_text
from peerpath.models.module import Segment
from peerpath.models.roster import Cohort, Learner, Session

SegmentKey = tuple[str, int]  # (module id, index of the segment in the module's agenda, from 0)


def segment_keys(ref: str, curriculum: Curriculum) -> list[SegmentKey] | None:
    """'module-id' -> all its segments; 'module-id#N' -> its Nth; None when no such module or segment."""
    module_id, _, number = ref.partition("#")
    module = curriculum.by_id.get(module_id)
    if module is None:
        return None
    count = len(module.meta.agenda)
    if not number:
        return [(module_id, i) for i in range(count)]
    return [(module_id, int(number) - 1)] if int(number) <= count else None


def session_keys(session: Session, curriculum: Curriculum) -> list[SegmentKey]:
    return [key for ref in session.segments for key in segment_keys(ref, curriculum) or []]


def segment_of(key: SegmentKey, curriculum: Curriculum) -> Segment:
    return curriculum.by_id[key[0]].meta.agenda[key[1]]


def session_share(learner: Learner, session: Session, cohort: Cohort) -> Fraction:
    """The part of the session the learner is credited with, from 0 to 1."""
    record = learner.sessions.get(session.id)
    if record is None or record.status == "absent" or not attested(learner, session, cohort):
        return Fraction(0)
    if record.status == "partial":
        return Fraction(record.minutes or 0, session.minutes)
    return Fraction(1)


def attested(learner: Learner, session: Session, cohort: Cohort) -> bool:
    """False only for a live online session the cohort asks an attestation for and the learner lacks it."""
    record = learner.sessions.get(session.id)
    if session.mode != "virtual-live" or not cohort.attestation or record is None:
        return True
    return record.attested is True


def credit_by_segment(learner: Learner, cohort: Cohort, curriculum: Curriculum) -> dict[SegmentKey, Fraction]:
    """Contact minutes credited per segment; a segment taught twice is credited at most once in full."""
    credit: dict[SegmentKey, Fraction] = {}
    for session in cohort.sessions:
        share = session_share(learner, session, cohort)
        for key in session_keys(session, curriculum):
            segment = segment_of(key, curriculum)
            if share and segment.is_contact:
                add = segment.minutes if share == 1 else segment.minutes * share  # integers stay integers
                credit[key] = min(segment.minutes, credit.get(key, 0) + add)
    return credit


def attended_sessions(learner: Learner, cohort: Cohort) -> list[Session]:
    return [s for s in cohort.sessions if session_share(learner, s, cohort) > 0]


def attended_dates(learner: Learner, cohort: Cohort) -> list[dt.date]:
    return sorted({s.date for s in attended_sessions(learner, cohort)})


def unattested(learner: Learner, cohort: Cohort) -> list[Session]:
    """Live online sessions the learner attended without the cohort's attestation (so not credited)."""
    return [
        s
        for s in cohort.sessions
        if s.id in learner.sessions and learner.sessions[s.id].status != "absent" and not attested(learner, s, cohort)
    ]


def dates_text(dates: list[dt.date], lang: str = SOURCE_LANGUAGE) -> str:
    """'2027-03-01, 2027-03-02 and 2027-03-04' ('1 de marzo de 2027, 2 de marzo de 2027 y …' in Spanish)."""
    if not dates:
        _ = gettext(lang)
        return _("none")
    return list_text([date_text(d, lang) for d in dates], lang)
