"""Checks of a valid roster against the curriculum and itself, each with the line it is about.

Known modules and segments, minutes within a module's or a session's length, unique learners and
sessions, no two sessions at once, attendance only for sessions the cohort has.
"""

from __future__ import annotations

from typing import Any

from peerpath.cohorts.attendance import segment_keys
from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.hours import contact_minutes
from peerpath.models.roster import Learner, Roster, overlapping
from peerpath.problems import Problem


def check_roster(roster: Roster, doc: Any, curriculum: Curriculum) -> list[Problem]:
    found = session_problems(roster, doc, curriculum)
    seen: dict[str, int] = {}
    for i, learner in enumerate(roster.learners):
        line = doc.line_of(("learners", i, "id"))
        if learner.id in seen:
            found.append(Problem(doc.path, line, f"learners[{i}].id", f"learner '{learner.id}' is listed twice"))
        seen.setdefault(learner.id, i)
        found += module_attendance_problems(learner, i, doc, curriculum)
        found += session_attendance_problems(learner, i, doc, roster)
        for module_id in learner.quiz_scores:
            if module_id not in curriculum.quizzes:
                where = doc.line_of(("learners", i, "quiz_scores", module_id))
                found.append(
                    Problem(
                        doc.path, where, f"learners[{i}].quiz_scores.{module_id}", f"module '{module_id}' has no quiz"
                    )
                )
    return found


def session_problems(roster: Roster, doc: Any, curriculum: Curriculum) -> list[Problem]:
    """Sessions: unique ids, known segments, none overlapping another."""
    found = []
    sessions = roster.cohort.sessions
    index = {id(s): n for n, s in enumerate(sessions)}
    for n, session in enumerate(sessions):
        if any(other.id == session.id for other in sessions[:n]):
            where = doc.line_of(("cohort", "sessions", n, "id"))
            found.append(
                Problem(doc.path, where, f"cohort.sessions[{n}].id", f"session id '{session.id}' is used twice")
            )
        for j, ref in enumerate(session.segments):
            if segment_keys(ref, curriculum) is None:
                where = doc.line_of(("cohort", "sessions", n, "segments", j))
                message = f"no module or agenda segment '{ref}' (a module id, or module-id#N for its Nth segment)"
                found.append(Problem(doc.path, where, f"cohort.sessions[{n}].segments[{j}]", message))
    for first, second in overlapping(sessions):
        n = index[id(second)]
        message = (
            f"{second.start}-{second.end} overlaps session '{first.id}' ({first.start}-{first.end}) on {first.date}"
        )
        found.append(
            Problem(doc.path, doc.line_of(("cohort", "sessions", n, "start")), f"cohort.sessions[{n}].start", message)
        )
    return found


def module_attendance_problems(learner: Learner, i: int, doc: Any, curriculum: Curriculum) -> list[Problem]:
    modules = {m.meta.id: contact_minutes(m.meta) for m in curriculum.modules}
    found = []
    for module_id, attended in learner.attendance.items():
        where = doc.line_of(("learners", i, "attendance", module_id))
        field = f"learners[{i}].attendance.{module_id}"
        if module_id not in modules:
            found.append(Problem(doc.path, where, field, f"no module has the id '{module_id}'"))
        elif isinstance(attended, int) and attended > modules[module_id]:
            message = f"{attended} minutes is more than the module's {modules[module_id]} contact minutes"
            found.append(Problem(doc.path, where, field, message))
    return found


def session_attendance_problems(learner: Learner, i: int, doc: Any, roster: Roster) -> list[Problem]:
    """Attendance only at the cohort's sessions, never longer than the session; one kind per learner."""
    sessions = {s.id: s for s in roster.cohort.sessions}
    found = []
    if learner.sessions and learner.attendance:
        where = doc.line_of(("learners", i, "sessions"))
        message = "record attendance per session or per module (attendance), not both"
        found.append(Problem(doc.path, where, f"learners[{i}].sessions", message))
    for session_id, record in learner.sessions.items():
        where = doc.line_of(("learners", i, "sessions", session_id))
        field = f"learners[{i}].sessions.{session_id}"
        session = sessions.get(session_id)
        if session is None:
            known = ", ".join(sessions) or "none; list them under cohort.sessions"
            found.append(
                Problem(doc.path, where, field, f"the cohort has no session '{session_id}' (sessions: {known})")
            )
        elif record.minutes is not None and record.minutes > session.minutes:
            message = (
                f"{record.minutes} minutes is more than the session's {session.minutes} ({session.start}-{session.end})"
            )
            found.append(Problem(doc.path, where, field, message))
    return found
