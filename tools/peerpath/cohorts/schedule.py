"""A day-by-day schedule of the agenda segments for a live cohort. Pure functions."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from peerpath.curriculum.crosscheck import Curriculum

LUNCH_MINUTES = 60
LUNCH_AFTER_DAY_MINUTES = 240  # only days longer than this get a lunch break
DAY_SLACK_MINUTES = 20  # a day may run this much past its even share rather than split a segment oddly


@dataclass(frozen=True)
class Slot:
    start: str
    end: str
    minutes: int
    module: str
    title: str
    kind: str
    contact: bool


@dataclass
class Day:
    number: int
    date: dt.date | None
    slots: list[Slot]

    @property
    def contact_minutes(self) -> int:
        return sum(s.minutes for s in self.slots if s.contact)


def build_schedule(curriculum: Curriculum, days: int, start: str, first_date: dt.date | None = None) -> list[Day]:
    """Split the course's segments (module breaks included) over `days` days, adding a lunch break."""
    segments = [(m.meta.title, s) for m in curriculum.modules for s in m.meta.agenda]
    share = math.ceil(sum(s.minutes for _, s in segments) / max(days, 1))
    plan: list[list[tuple[str, object]]] = [[]]
    used = 0
    for item in segments:
        minutes = item[1].minutes
        if plan[-1] and used + minutes > share + DAY_SLACK_MINUTES and len(plan) < days:
            plan.append([])
            used = 0
        plan[-1].append(item)
        used += minutes
    return [_timed_day(i + 1, items, start, first_date) for i, items in enumerate(plan)]


def _timed_day(number: int, items: list, start: str, first_date: dt.date | None) -> Day:
    clock = _minutes(start)
    total = sum(s.minutes for _, s in items)
    lunch_due = total > LUNCH_AFTER_DAY_MINUTES
    slots, elapsed = [], 0
    for module, segment in items:
        slots.append(
            Slot(
                _time(clock),
                _time(clock + segment.minutes),
                segment.minutes,
                module,
                segment.title,
                segment.kind,
                segment.is_contact,
            )
        )
        clock += segment.minutes
        elapsed += segment.minutes
        if lunch_due and elapsed >= total / 2:
            slots.append(Slot(_time(clock), _time(clock + LUNCH_MINUTES), LUNCH_MINUTES, "", "Lunch", "break", False))
            clock += LUNCH_MINUTES
            lunch_due = False
    date = first_date + dt.timedelta(days=number - 1) if first_date else None
    return Day(number, date, slots)


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
