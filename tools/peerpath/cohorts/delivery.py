"""The cohort audit (`peerpath audit --cohort`): a delivered (or planned) cohort against a standard's delivery rules.

Reads only the cohort block of a roster (sessions, modes, dates, trainers' provider), never its
learners, so nothing personal reaches the output. Pure functions.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from peerpath.audit.conditions import MODE_NAMES, who_may_deliver
from peerpath.audit.verdicts import CANNOT_CONFIRM, CANNOT_COUNT, FALLS_SHORT, MEETS, combine
from peerpath.cohorts.schedule import build_schedule
from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.hours import hours_text
from peerpath.models.roster import Cohort
from peerpath.models.standard import Standard

ONLINE = ("virtual-live", "self-paced")


@dataclass(frozen=True)
class Finding:
    rule: str  # who-may-deliver, delivery, in-person-share, online-cap, coverage
    result: str  # meets, falls-short, cannot-confirm, cannot-count-here
    text: str


@dataclass
class CohortAudit:
    standard: Standard
    cohort_id: str
    cohort_title: str
    findings: list[Finding]
    minutes_by_mode: dict[str, int]
    online_minutes_by_day: dict[dt.date, int]

    @property
    def result(self) -> str:
        return combine([f.result for f in self.findings])


def delivered_minutes(
    curriculum: Curriculum, cohort: Cohort
) -> tuple[list[tuple[dt.date | None, str, int]], list[str]]:
    """(date, mode, contact minutes) per session, and the segments no session covers ("module#N")."""
    segments = {
        f"{m.meta.id}#{n}": s.minutes if s.is_contact else 0
        for m in curriculum.modules
        for n, s in enumerate(m.meta.agenda, 1)
    }
    if not cohort.sessions:
        days = (cohort.end - cohort.start).days + 1
        schedule = build_schedule(curriculum, days, "09:00", cohort.start)
        return [(d.date, cohort.delivery, d.contact_minutes) for d in schedule], []
    covered: set[str] = set()
    delivered = []
    for session in cohort.sessions:
        refs = [r for ref in session.segments for r in _expand(ref, segments)]
        covered.update(refs)
        delivered.append((session.date, session.mode, sum(segments.get(r, 0) for r in refs)))
    return delivered, [ref for ref, minutes in segments.items() if minutes and ref not in covered]


def _expand(ref: str, segments: dict[str, int]) -> list[str]:
    if "#" in ref:
        return [ref]
    return [key for key in segments if key.split("#")[0] == ref]


def cohort_audit(
    curriculum: Curriculum, standard: Standard, cohort: Cohort, approval: str | None = None
) -> CohortAudit:
    """What a board would object to in how this cohort is delivered. `approval`: the provider's, in words."""
    rules = standard.counting
    delivered, uncovered = delivered_minutes(curriculum, cohort)
    by_mode: dict[str, int] = defaultdict(int)
    online_by_day: dict[dt.date, int] = defaultdict(int)
    for date, mode, minutes in delivered:
        by_mode[mode] += minutes
        if mode in ONLINE and date is not None:
            online_by_day[date] += minutes
    findings = [_provider(standard, approval)]
    findings += [_mode(mode, minutes, rules.delivery.of(mode)) for mode, minutes in by_mode.items() if minutes]
    findings.append(_share(rules.min_in_person_percent, dict(by_mode)))
    findings.append(_cap(rules.max_online_hours_per_day, dict(online_by_day)))
    if uncovered:
        findings.append(
            Finding(
                "coverage",
                FALLS_SHORT,
                f"{len(uncovered)} agenda segment(s) are in no session, so their hours are not delivered: "
                + ", ".join(uncovered[:12])
                + (" ..." if len(uncovered) > 12 else ""),
            )
        )
    return CohortAudit(standard, cohort.id, cohort.title, findings, dict(by_mode), dict(online_by_day))


def _provider(standard: Standard, approval: str | None) -> Finding:
    rule = standard.counting.who_may_deliver
    text = who_may_deliver(standard.counting, approval)
    if rule == "board-curriculum-only" or (rule == "approved-provider" and not approval):
        return Finding("who-may-deliver", CANNOT_COUNT, text)
    return Finding("who-may-deliver", CANNOT_CONFIRM if rule == "unknown" else MEETS, text)


def _mode(mode: str, minutes: int, credit: str) -> Finding:
    amount = f"{hours_text(minutes)} {MODE_NAMES[mode]}"
    if credit == "not-credited":
        return Finding("delivery", FALLS_SHORT, f"{amount}: the board does not credit {MODE_NAMES[mode]}.")
    if credit == "unknown":
        return Finding("delivery", CANNOT_CONFIRM, f"{amount}: whether the board credits it is not known.")
    return Finding("delivery", MEETS, f"{amount}: credited.")


def _share(share: float | str, by_mode: dict[str, int]) -> Finding:
    total = sum(by_mode.values())
    in_person = by_mode.get("in-person", 0)
    percent = 100 * in_person / total if total else 0.0
    said = f"{hours_text(in_person)} of {hours_text(total)} in person ({percent:.0f}%)"
    if share == "none" or in_person == total:
        return Finding("in-person-share", MEETS, f"{said}; no minimum in-person share applies.")
    if share == "unknown":
        return Finding("in-person-share", CANNOT_CONFIRM, f"{said}; whether the board sets a minimum is not known.")
    if percent + 1e-9 >= share:
        return Finding("in-person-share", MEETS, f"{said}; the board requires at least {share:g}%.")
    return Finding("in-person-share", FALLS_SHORT, f"{said}; the board requires at least {share:g}%.")


def _cap(cap: float | str, online_by_day: dict[dt.date, int]) -> Finding:
    if not online_by_day:
        return Finding("online-cap", MEETS, "No online hours.")
    busiest = max(online_by_day.values())
    if cap == "none":
        return Finding("online-cap", MEETS, "The board sets no daily cap on online hours.")
    if cap == "unknown":
        return Finding(
            "online-cap",
            CANNOT_CONFIRM,
            f"Up to {hours_text(busiest)} online in one day; whether the board caps online hours per day is not known.",
        )
    over = sorted(day for day, minutes in online_by_day.items() if minutes > cap * 60)
    if not over:
        return Finding("online-cap", MEETS, f"At most {hours_text(busiest)} online in one day (cap {cap:g} h).")
    days = ", ".join(f"{d.isoformat()} ({hours_text(online_by_day[d])})" for d in over)
    return Finding("online-cap", FALLS_SHORT, f"More than {cap:g} online hours in one day on {days}.")
