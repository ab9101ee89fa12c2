"""Cohort rosters: who attended which modules. Rosters hold personal data; keep them in private/."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, NonNegativeInt, PositiveInt, model_validator

from peerpath.i18n.records import check_language
from peerpath.models.common import Slug, Strict, Text
from peerpath.models.counting import DeliveryMode

ClockTime = Annotated[
    str,
    Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="24-hour clock time, e.g. '09:00' or '13:30'."),
]
Language = Annotated[
    str,
    AfterValidator(check_language),
    Field(description="Language of the records printed for them: 'en' (English) or 'es' (Spanish)."),
]
SegmentRef = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*(#[1-9][0-9]*)?$",
        description="A module id (all its agenda segments) or 'module-id#N' for its Nth segment (from 1).",
    ),
]


def _attendance(value: Any) -> Any:
    """'complete', or whole minutes (spreadsheets may hand them over as text)."""
    if isinstance(value, str) and value.strip().lower() == "complete":
        return "complete"
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise ValueError(f"must be 'complete' or a whole number of minutes attended, got {value!r}")


Attendance = Annotated[
    Literal["complete"] | NonNegativeInt,
    BeforeValidator(_attendance),
    Field(description="'complete' for the whole module, or the minutes attended."),
]


class Trainer(Strict):
    name: Text
    credential: Text | None = Field(default=None, description="e.g. 'CPRS'. Printed on certificates.")
    qualifications: list[Text] = Field(
        default_factory=list, description="Training, experience and certifications, listed in the packet."
    )
    cv: Text | None = Field(
        default=None, description="Path of the trainer's CV (PDF), relative to the cohort file; listed in the packet."
    )


class Session(Strict):
    """One dated meeting of a cohort and the agenda segments it covers."""

    id: Slug
    date: dt.date
    start: ClockTime
    end: ClockTime
    mode: DeliveryMode = Field(description="in-person, virtual-live (live online) or self-paced.")
    place: Text | None = Field(default=None, description="Room and address, or the video platform for live online.")
    segments: list[SegmentRef] = Field(min_length=1, description="What the session covers, in teaching order.")

    @property
    def minutes(self) -> int:
        (h1, m1), (h2, m2) = (map(int, t.split(":")) for t in (self.start, self.end))
        return (h2 * 60 + m2) - (h1 * 60 + m1)

    @model_validator(mode="after")
    def _ends_after_start(self) -> Session:
        if self.minutes <= 0:
            raise ValueError(f"end {self.end} is not after start {self.start}")
        return self


def session_attendance_long(value: Any) -> Any:
    """Short forms: 'present', 'absent', or whole minutes for a partial attendance."""
    if isinstance(value, str) and value.strip().lower() in ("present", "absent"):
        return {"status": value.strip().lower()}
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return {"status": "partial", "minutes": value}
    return value


class SessionAttendance(Strict):
    """One learner at one session."""

    status: Literal["present", "partial", "absent"]
    minutes: PositiveInt | None = Field(default=None, description="Minutes attended; only for 'partial'.")
    attested: bool | None = Field(
        default=None,
        description="Live online sessions: whether the learner met the cohort's attestation (e.g. camera on).",
    )

    @model_validator(mode="after")
    def _minutes_only_for_partial(self) -> SessionAttendance:
        if self.status == "partial" and self.minutes is None:
            raise ValueError("a partial attendance needs the minutes attended")
        if self.status != "partial" and self.minutes is not None:
            raise ValueError(f"minutes are given only for a partial attendance, not for '{self.status}'")
        return self


class Cohort(Strict):
    """One run of the training."""

    id: Slug
    title: Text
    start: dt.date
    end: dt.date
    delivery: DeliveryMode = Field(description="How the cohort is delivered; sessions may say per session.")
    trainers: list[Trainer] = Field(min_length=1)
    sessions: list[Session] = Field(default_factory=list, description="Dated sessions; see `peerpath schedule`.")
    attestation: Text | None = Field(
        default=None,
        description="What a learner must do to be credited for a live online session, e.g. 'camera on throughout'.",
    )
    language: Language = Field(
        default="en", description="Language of the cohort's schedule, sign-in sheets, audit and certificates."
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> Cohort:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        for session in self.sessions:
            if not self.start <= session.date <= self.end:
                raise ValueError(
                    f"session '{session.id}' on {session.date} is outside the cohort's dates {self.start} to {self.end}"
                )
        return self


def overlapping(sessions: list[Session]) -> list[tuple[Session, Session]]:
    """(earlier, later) sessions on the same day whose times overlap; one ending as the next starts is fine."""
    return [
        (a, b)
        for i, a in enumerate(sessions)
        for b in sessions[i + 1 :]
        if a.date == b.date and a.start < b.end and b.start < a.end
    ]


class SessionList(Strict):
    """A file of sessions alone (what `peerpath schedule --format sessions` writes), for a CSV roster."""

    sessions: list[Session] = Field(min_length=1)


class Learner(Strict):
    id: Slug = Field(description="The trainer's id for the learner; stable across re-runs.")
    name: Text = Field(description="Printed on the certificate only; never stored in the registry.")
    attendance: dict[Slug, Attendance] = Field(default_factory=dict, description="Module id -> attendance.")
    sessions: dict[Slug, Annotated[SessionAttendance, BeforeValidator(session_attendance_long)]] = Field(
        default_factory=dict,
        description="Session id -> 'present', 'absent', minutes attended, or {status, minutes, attested}. "
        "A session not listed counts as absent. Use this or `attendance` (per module), not both.",
    )
    quiz_scores: dict[Slug, Annotated[float, Field(ge=0, le=100)]] = Field(
        default_factory=dict, description="Module id -> quiz score in percent, if the trainer records them."
    )
    language: Language | None = Field(
        default=None, description="Language of this learner's certificate or transcript (default: the cohort's)."
    )

    def language_in(self, cohort: Cohort) -> str:
        return self.language or cohort.language


class Roster(Strict):
    """A cohort and its learners, as a trainer keeps it (YAML) or exports it from a spreadsheet (CSV)."""

    cohort: Cohort
    learners: list[Learner] = Field(min_length=1)
    attendance_sheet: Text | None = Field(
        default=None,
        description="A CSV of attendance, one row per learner per session (learner_id, session, attendance, "
        "attested), relative to this file; as typed in from the sign-in sheets.",
    )
