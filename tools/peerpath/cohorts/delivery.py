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
from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.i18n.records import date_text
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
    curriculum: Curriculum, standard: Standard, cohort: Cohort, approval: str | None = None, lang: str = SOURCE_LANGUAGE
) -> CohortAudit:
    """What a board would object to in how this cohort is delivered. `approval`: the provider's, in words.

    `lang`: the language of the findings' words."""
    _ = gettext(lang)
    rules = standard.counting
    delivered, uncovered = delivered_minutes(curriculum, cohort)
    by_mode: dict[str, int] = defaultdict(int)
    online_by_day: dict[dt.date, int] = defaultdict(int)
    for date, mode, minutes in delivered:
        by_mode[mode] += minutes
        if mode in ONLINE and date is not None:
            online_by_day[date] += minutes
    findings = [_provider(standard, approval, lang)]
    findings += [_mode(mode, minutes, rules.delivery.of(mode), lang) for mode, minutes in by_mode.items() if minutes]
    findings.append(_share(rules.min_in_person_percent, dict(by_mode), lang))
    findings.append(_cap(rules.max_online_hours_per_day, dict(online_by_day), lang))
    if uncovered:
        message = _("{count} agenda segment(s) are in no session, so their hours are not delivered: ")
        findings.append(
            Finding(
                "coverage",
                FALLS_SHORT,
                message.format(count=len(uncovered))
                + ", ".join(uncovered[:12])
                + (" ..." if len(uncovered) > 12 else ""),
            )
        )
    return CohortAudit(standard, cohort.id, cohort.title, findings, dict(by_mode), dict(online_by_day))


def _provider(standard: Standard, approval: str | None, lang: str) -> Finding:
    rule = standard.counting.who_may_deliver
    text = who_may_deliver(standard.counting, approval, lang)
    if rule == "board-curriculum-only" or (rule == "approved-provider" and not approval):
        return Finding("who-may-deliver", CANNOT_COUNT, text)
    return Finding("who-may-deliver", CANNOT_CONFIRM if rule == "unknown" else MEETS, text)


def _mode(mode: str, minutes: int, credit: str, lang: str) -> Finding:
    _ = gettext(lang)
    name = _(MODE_NAMES[mode])
    amount = f"{hours_text(minutes)} {name}"
    if credit == "not-credited":
        return Finding(
            "delivery", FALLS_SHORT, _("{amount}: the board does not credit {mode}.").format(amount=amount, mode=name)
        )
    if credit == "unknown":
        return Finding(
            "delivery", CANNOT_CONFIRM, _("{amount}: whether the board credits it is not known.").format(amount=amount)
        )
    return Finding("delivery", MEETS, _("{amount}: credited.").format(amount=amount))


def _share(share: float | str, by_mode: dict[str, int], lang: str) -> Finding:
    _ = gettext(lang)
    total = sum(by_mode.values())
    in_person = by_mode.get("in-person", 0)
    percent = 100 * in_person / total if total else 0.0
    said = _("{in_person} of {total} in person ({percent}%)").format(
        in_person=hours_text(in_person), total=hours_text(total), percent=f"{percent:.0f}"
    )
    if share == "none" or in_person == total:
        return Finding("in-person-share", MEETS, _("{said}; no minimum in-person share applies.").format(said=said))
    if share == "unknown":
        message = _("{said}; whether the board sets a minimum is not known.").format(said=said)
        return Finding("in-person-share", CANNOT_CONFIRM, message)
    message = _("{said}; the board requires at least {share}%.").format(said=said, share=f"{share:g}")
    return Finding("in-person-share", MEETS if percent + 1e-9 >= share else FALLS_SHORT, message)


def _cap(cap: float | str, online_by_day: dict[dt.date, int], lang: str) -> Finding:
    _ = gettext(lang)
    if not online_by_day:
        return Finding("online-cap", MEETS, _("No online hours."))
    busiest = hours_text(max(online_by_day.values()))
    if cap == "none":
        return Finding("online-cap", MEETS, _("The board sets no daily cap on online hours."))
    if cap == "unknown":
        message = _("Up to {hours} online in one day; whether the board caps online hours per day is not known.")
        return Finding("online-cap", CANNOT_CONFIRM, message.format(hours=busiest))
    over = sorted(day for day, minutes in online_by_day.items() if minutes > cap * 60)
    if not over:
        message = _("At most {hours} online in one day (cap {cap} h).").format(hours=busiest, cap=f"{cap:g}")
        return Finding("online-cap", MEETS, message)
    days = ", ".join(f"{date_text(d, lang)} ({hours_text(online_by_day[d])})" for d in over)
    message = _("More than {cap} online hours in one day on {days}.").format(cap=f"{cap:g}", days=days)
    return Finding("online-cap", FALLS_SHORT, message)
