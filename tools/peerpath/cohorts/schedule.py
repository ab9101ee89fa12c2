"""A day-by-day schedule of the agenda segments for a live cohort. Pure functions."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

import yaml

from peerpath.curriculum.crosscheck import Curriculum
from peerpath.i18n.records import N_

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
    ref: str = ""  # 'module-id#N', the segment's reference in a session's `segments`; empty for lunch


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
    segments = [
        (m.meta.title, s, f"{m.meta.id}#{n}") for m in curriculum.modules for n, s in enumerate(m.meta.agenda, 1)
    ]
    share = math.ceil(sum(s.minutes for _, s, _ in segments) / max(days, 1))
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
    total = sum(s.minutes for _, s, _ in items)
    lunch_due = total > LUNCH_AFTER_DAY_MINUTES
    slots, elapsed = [], 0
    for module, segment, ref in items:
        slots.append(
            Slot(
                _time(clock),
                _time(clock + segment.minutes),
                segment.minutes,
                module,
                segment.title,
                segment.kind,
                segment.is_contact,
                ref,
            )
        )
        clock += segment.minutes
        elapsed += segment.minutes
        if lunch_due and elapsed >= total / 2:
            slots.append(
                Slot(_time(clock), _time(clock + LUNCH_MINUTES), LUNCH_MINUTES, "", N_("Lunch"), "break", False)
            )
            clock += LUNCH_MINUTES
            lunch_due = False
    date = first_date + dt.timedelta(days=number - 1) if first_date else None
    return Day(number, date, slots)


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class PlannedSession:
    id: str
    date: dt.date
    start: str
    end: str
    segments: list[str]


def planned_sessions(days: list[Day], curriculum: Curriculum) -> list[PlannedSession]:
    """One session per day, or two when lunch splits it, ready for a cohort file's `sessions`."""
    planned = []
    for day in days:
        parts: list[list[Slot]] = [[]]
        for slot in day.slots:
            if slot.ref:
                parts[-1].append(slot)
            elif parts[-1]:
                parts.append([])
        parts = [p for p in parts if p]
        names = (
            [f"day-{day.number}"] if len(parts) == 1 else [f"day-{day.number}-morning", f"day-{day.number}-afternoon"]
        )
        for name, part in zip(names, parts, strict=False):
            refs = compact_refs([s.ref for s in part], curriculum)
            planned.append(PlannedSession(name, day.date, part[0].start, part[-1].end, refs))
    return planned


def compact_refs(refs: list[str], curriculum: Curriculum) -> list[str]:
    """'m#1', 'm#2', ... every segment of module m -> just 'm'."""
    out: list[str] = []
    for module in curriculum.modules:
        mine = [r for r in refs if r.partition("#")[0] == module.meta.id]
        out += [module.meta.id] if len(mine) == len(module.meta.agenda) else mine
    return sorted(out, key=lambda r: refs.index(r) if r in refs else refs.index(f"{r}#1"))


class _QuotedTimes(yaml.SafeDumper):
    """Writes clock times as "09:00": unquoted, some YAML readers take 10:30 for a number."""


_QuotedTimes.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style='"' if re.fullmatch(r"\d\d:\d\d", value) else None
    ),
)

SESSIONS_HEADER = """\
# Sessions for {title} (version {version}), written by `peerpath schedule --format sessions`.
# Paste them under `cohort:` in the cohort file, or keep this file and name it in a CSV roster's
# `sessions` column. Then edit dates, times, places and modes to match what is delivered.
"""


def sessions_yaml(planned: list[PlannedSession], curriculum: Curriculum, mode: str, place: str | None) -> str:
    """The `sessions:` block of a cohort file; YAML quotes whatever a place's text needs."""
    sessions = [
        {
            "id": p.id,
            "date": p.date.isoformat(),
            "start": p.start,
            "end": p.end,
            "mode": mode,
            **({"place": place} if place else {}),
            "segments": p.segments,
        }
        for p in planned
    ]
    header = SESSIONS_HEADER.format(title=curriculum.course.title, version=curriculum.course.version)
    body = yaml.dump({"sessions": sessions}, Dumper=_QuotedTimes, sort_keys=False, allow_unicode=True, width=1000)
    return header + body


def past_midnight(plan: list[Day]) -> str | None:
    """Why the plan cannot be taught as days (a day would run past midnight), or None if it can."""
    late = [(d.number, d.slots[-1].end) for d in plan if d.slots and _minutes(d.slots[-1].end) > 24 * 60]
    if not late:
        return None
    total = sum(s.minutes for d in plan for s in d.slots)
    room = min(10 * 60, 24 * 60 - _minutes(plan[0].slots[0].start))  # about 10 hours a day, and never past midnight
    enough = max(len(plan) + 1, math.ceil(total / max(room, 1)))
    number, end = late[0]
    return (
        f"{len(plan)} day(s) cannot hold the course: day {number} would end at {end}; "
        f"give at least {enough} days (--days, or a longer cohort)"
    )
