"""The approval packet: how long `peerpath packet` takes for a 30-learner cohort with daily sessions."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from peerpath.cohorts.packet_files import outcomes, sections, write_packet
from peerpath.cohorts.schedule import build_schedule, planned_sessions
from peerpath.curriculum.crosscheck import cross_check
from peerpath.curriculum.load import load_project
from peerpath.models.roster import Roster
from peerpath.project import Project


def bench_roster(curriculum, learners: int) -> Roster:
    """Daily sessions of about 7 contact hours from the course's agendas; every fifth learner misses part of day 2."""
    first = dt.date(2027, 1, 4)
    contact = sum(s.minutes for m in curriculum.modules for s in m.meta.agenda if s.is_contact)
    days = max(1, -(-contact // (7 * 60)))
    sessions = planned_sessions(build_schedule(curriculum, days, "09:00", first), curriculum)
    last = first + dt.timedelta(days=days - 1)
    cohort = {
        "id": "bench", "title": "Benchmark cohort", "start": first.isoformat(), "end": last.isoformat(),
        "delivery": "in-person", "trainers": [{"name": "Bench Trainer", "qualifications": ["CPRS"]}],
        "sessions": [
            {"id": s.id, "date": s.date, "start": s.start, "end": s.end, "mode": "in-person", "segments": s.segments}
            for s in sessions
        ],
    }  # fmt: skip
    people = []
    for n in range(learners):
        attended = {s.id: "present" for s in sessions}
        if n % 5 == 0:
            attended[sessions[1].id] = 30
        people.append({"id": f"l{n:04d}", "name": f"Learner Number{n}", "sessions": attended})
    return Roster.model_validate({"cohort": cohort, "learners": people})


def packet_seconds(project: Project, work: Path, learners: int = 30) -> float:
    curriculum, problems = cross_check(load_project(project))
    assert curriculum and not problems, problems
    standard = curriculum.standards.get("icrc-pr") or next(iter(curriculum.standards.values()))
    roster = bench_roster(curriculum, learners)
    start = time.perf_counter()
    issued = outcomes(roster, curriculum, standard, None, b"k" * 32, work / "registry.jsonl")
    parts = sections(roster, curriculum, standard, None, issued, cv_found={}, made=dt.date(2027, 1, 9))
    write_packet(parts, "Benchmark packet", work / "packet")
    return time.perf_counter() - start
