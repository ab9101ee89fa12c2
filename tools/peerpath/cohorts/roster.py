"""Read a roster from YAML or from a spreadsheet's CSV export, and check it against the curriculum.

Every problem names the file and the row (CSV) or line (YAML); nothing is issued from a roster
with any problem.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peerpath.cohorts.attendance_sheet import merge_sheet
from peerpath.cohorts.roster_checks import check_roster
from peerpath.cohorts.roster_text import roster_text
from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.validation import validate
from peerpath.curriculum.yamlsource import parse_yaml
from peerpath.models.roster import Roster, SessionList, session_attendance_long
from peerpath.problems import Problem

COHORT_COLUMNS = ("cohort_id", "cohort_title", "start", "end", "delivery", "trainers")
OPTIONAL_COHORT_COLUMNS = ("attestation", "sessions", "cohort_language")
LEARNER_COLUMNS = ("learner_id", "learner_name")
LANGUAGE_COLUMN = "language"  # optional: the learner's language (default: cohort_language, else English)
QUIZ_PREFIX = "quiz:"
SESSION_PREFIX = "session:"  # attendance at one session: present, absent, or minutes attended
ATTESTED_PREFIX = "attested:"  # live online session: yes or no
SESSIONS_COLUMN = "sessions"  # optional: a YAML file of the cohort's sessions, next to the CSV
EXTRA = "\0extra"  # where csv puts cells beyond the header; no real column has this name


@dataclass
class CsvDoc:
    """CSV rows shaped like a roster, with the row each value came from (header is row 1)."""

    path: str
    data: Any
    problems: list[Problem] = field(default_factory=list)
    first_line: int = 1
    sessions_file: str = ""

    def line_of(self, loc: tuple[Any, ...]) -> int:
        if len(loc) >= 2 and loc[0] == "learners" and isinstance(loc[1], int):
            return loc[1] + 2
        return 2


def read_roster(path: Path, shown: str, curriculum: Curriculum) -> tuple[Roster | None, list[Problem]]:
    """Load and fully check a roster; return it, or every problem found."""
    is_csv = path.suffix.lower() == ".csv"
    text, problem = roster_text(path, shown, is_csv)
    if text is None:
        return None, [problem] if problem else []
    doc = csv_doc(text, shown) if is_csv else parse_yaml(text, shown)
    if is_csv and doc.data is not None and doc.sessions_file:
        shown_sessions = (Path(shown).parent / doc.sessions_file).as_posix()
        sessions, problems = read_sessions(path.parent / doc.sessions_file, shown_sessions)
        if problems:
            return None, problems
        doc.data["cohort"]["sessions"] = sessions
    roster, problems = validate(doc, Roster)
    if roster is not None and roster.attendance_sheet:
        sheet = roster.attendance_sheet
        roster, problems = merge_sheet(roster, path.parent / sheet, (Path(shown).parent / sheet).as_posix())
    if roster is not None:
        problems += check_roster(roster, doc, curriculum)
    return (roster if not problems else None), sorted(set(problems))


def csv_doc(text: str, path: str) -> CsvDoc:
    """One row per learner; the cohort columns repeat on every row and must agree."""
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","  # Excel in many European locales
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter, restval="", restkey=EXTRA)
    doc = CsvDoc(path, None)
    try:
        rows = list(reader)
    except csv.Error as error:
        doc.problems.append(Problem(path, reader.line_num, "", f"is not a valid CSV row: {error}"))
        return doc
    header = list(reader.fieldnames or [])
    missing = [c for c in (*COHORT_COLUMNS, *LEARNER_COLUMNS) if c not in header]
    twice = sorted({c for c in header if header.count(c) > 1})
    if twice:
        doc.problems.append(Problem(path, 1, twice[0], "column appears twice; keep one"))
    if not rows or missing:
        doc.problems.append(Problem(path, 1, "", f"missing columns: {', '.join(missing) or 'no rows'}"))
    for number, row in enumerate(rows, start=2):
        if row.get(EXTRA):
            doc.problems.append(
                Problem(path, number, "", f"has more cells than the header has columns ({len(header)})")
            )
    if doc.problems:
        return doc
    first = rows[0]
    for number, row in enumerate(rows[1:], start=3):
        for column in (*COHORT_COLUMNS, *(c for c in OPTIONAL_COHORT_COLUMNS if c in header)):
            if (row.get(column) or "").strip() != (first.get(column) or "").strip():
                doc.problems.append(
                    Problem(path, number, column, f"differs from row 2 ({first.get(column)!r}); one cohort per roster")
                )
    doc.sessions_file = (first.get(SESSIONS_COLUMN) or "").strip()
    doc.data = {
        "cohort": {
            "id": first["cohort_id"].strip(),
            "title": first["cohort_title"].strip(),
            "start": first["start"].strip(),
            "end": first["end"].strip(),
            "delivery": first["delivery"].strip(),
            "trainers": [_trainer(t) for t in first["trainers"].split(";") if t.strip()],
            **({"attestation": first["attestation"].strip()} if (first.get("attestation") or "").strip() else {}),
            **({"language": first["cohort_language"].strip()} if (first.get("cohort_language") or "").strip() else {}),
        },
        "learners": [_learner(row, header) for row in rows],
    }
    return doc


def _trainer(text: str) -> dict[str, str]:
    """'Dana Lee (CPRS)' -> name and credential."""
    text = text.strip()
    if text.endswith(")") and "(" in text:
        name, credential = text[:-1].split("(", 1)
        return {"name": name.strip(), "credential": credential.strip()}
    return {"name": text}


def _learner(row: dict[str, str], header: list[str]) -> dict[str, Any]:
    attendance: dict[str, Any] = {}
    scores: dict[str, Any] = {}
    sessions: dict[str, Any] = {}
    for column in header:
        value = (row.get(column) or "").strip()
        if column in (*COHORT_COLUMNS, *OPTIONAL_COHORT_COLUMNS, *LEARNER_COLUMNS, LANGUAGE_COLUMN) or not value:
            continue
        if column.startswith(QUIZ_PREFIX):
            scores[column.removeprefix(QUIZ_PREFIX)] = value
        elif column.startswith(SESSION_PREFIX):
            sessions[column.removeprefix(SESSION_PREFIX)] = value
        elif column.startswith(ATTESTED_PREFIX):
            continue
        else:
            attendance[column] = value if value.lower() == "complete" else _number(value)
    return {
        "id": row["learner_id"].strip(),
        "name": row["learner_name"].strip(),
        "attendance": attendance,
        "quiz_scores": scores,
        **({"language": row[LANGUAGE_COLUMN].strip()} if (row.get(LANGUAGE_COLUMN) or "").strip() else {}),
        **({"sessions": _with_attestation(sessions, row)} if sessions else {}),
    }


def _with_attestation(sessions: dict[str, Any], row: dict[str, str]) -> dict[str, Any]:
    """Add the `attested:<id>` column's yes/no to a session's cell, in the YAML roster's long form."""
    out: dict[str, Any] = {}
    for session_id, value in sessions.items():
        said = (row.get(ATTESTED_PREFIX + session_id) or "").strip().lower()
        if not said:
            out[session_id] = value
            continue
        long = session_attendance_long(value)
        long = dict(long) if isinstance(long, dict) else {"status": value}
        long["attested"] = {"yes": True, "no": False}.get(said, said)
        out[session_id] = long
    return out


def read_sessions(path: Path, shown: str) -> tuple[list[dict[str, Any]], list[Problem]]:
    """A CSV roster's sessions, from the YAML file its `sessions` column names (as `peerpath schedule` writes)."""
    text, problem = roster_text(path, shown, False)
    if text is None:
        return [], [problem] if problem else [Problem(shown, 1, "", "file is empty")]
    doc = parse_yaml(text, shown)
    sessions, problems = validate(doc, SessionList)
    return ([s.model_dump(mode="json") for s in sessions.sessions] if sessions else []), problems


def _number(value: str) -> Any:
    return int(value) if value.isdigit() else value
