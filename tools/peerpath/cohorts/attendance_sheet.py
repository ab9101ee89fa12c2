"""Attendance typed in from the sign-in sheets: a CSV with one row per learner per session.

    learner_id,session,attendance,attested
    l01,day-1,present,
    l02,day-1,45,
    l01,day-2,present,yes

The roster names it (`attendance_sheet`); its rows join the learners' per-session attendance. Every
problem names the sheet's row: unknown columns, learners or sessions, a row twice, more minutes than
the session lasts.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pydantic import ValidationError

from peerpath.cohorts.roster_text import roster_text
from peerpath.models.roster import Roster, SessionAttendance, session_attendance_long
from peerpath.problems import Problem

COLUMNS = ("learner_id", "session", "attendance", "attested")
REQUIRED = COLUMNS[:3]


def merge_sheet(roster: Roster, path: Path, shown: str) -> tuple[Roster | None, list[Problem]]:
    """The roster with the sheet's attendance added, or every problem in the sheet."""
    text, problem = roster_text(path, shown, True)
    if text is None:
        return None, [problem] if problem else []
    reader = csv.DictReader(io.StringIO(text))
    header = list(reader.fieldnames or [])
    unknown = [c for c in header if c not in COLUMNS]
    missing = [c for c in REQUIRED if c not in header]
    if unknown or missing:
        words = [f"unknown column '{c}'" for c in unknown] + [f"missing column '{c}'" for c in missing]
        return None, [Problem(shown, 1, "", f"{'; '.join(words)} (columns: {', '.join(COLUMNS)})")]
    learners = {lr.id: dict(lr.sessions) for lr in roster.learners}
    sessions = {s.id: s for s in roster.cohort.sessions}
    problems: list[Problem] = []
    for line, row in enumerate(reader, start=2):
        learner, session = (row.get("learner_id") or "").strip(), (row.get("session") or "").strip()
        record, message, field = _record(row)
        if learner not in learners:
            message, field = f"no learner '{learner}' in the roster", "learner_id"
        elif session not in sessions:
            message, field = (
                f"the cohort has no session '{session}' (sessions: {', '.join(sessions) or 'none'})",
                "session",
            )
        elif session in learners[learner]:
            message, field = f"learner '{learner}' already has attendance for session '{session}'", "session"
        elif record is not None and record.minutes and record.minutes > sessions[session].minutes:
            message = f"{record.minutes} minutes is more than the session's {sessions[session].minutes}"
            field = "attendance"
        if message:
            problems.append(Problem(shown, line, field, message))
        elif record is not None:
            learners[learner][session] = record
    if problems:
        return None, problems
    updated = [lr.model_copy(update={"sessions": learners[lr.id]}) for lr in roster.learners]
    return roster.model_copy(update={"learners": updated}), []


def _record(row: dict[str, str]) -> tuple[SessionAttendance | None, str, str]:
    """One row's attendance, or why it is not one."""
    value = session_attendance_long((row.get("attendance") or "").strip())
    said = (row.get("attested") or "").strip().lower()
    if said not in ("", "yes", "no"):
        return None, f"attested must be yes, no or empty, got {said!r}", "attested"
    if not isinstance(value, dict):
        return None, f"must be present, absent or the minutes attended, got {value!r}", "attendance"
    if said:
        value = {**value, "attested": said == "yes"}
    try:
        return SessionAttendance.model_validate(value), "", ""
    except ValidationError as error:
        return None, error.errors()[0]["msg"].removeprefix("Value error, "), "attendance"
