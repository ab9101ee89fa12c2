"""Cohort rosters: who attended which modules. Rosters hold personal data; keep them in private/."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, NonNegativeInt, model_validator

from peerpath.models.common import Slug, Strict, Text
from peerpath.models.counting import DeliveryMode

ClockTime = Annotated[
    str,
    Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="24-hour clock time, e.g. '09:00' or '13:30'."),
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
    credential: Text | None = Field(default=None, description="e.g. 'CPRS, certified trainer'.")


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


class Cohort(Strict):
    """One run of the training."""

    id: Slug
    title: Text
    start: dt.date
    end: dt.date
    delivery: DeliveryMode = Field(description="How the cohort is delivered; sessions may say per session.")
    trainers: list[Trainer] = Field(min_length=1)
    sessions: list[Session] = Field(default_factory=list, description="Dated sessions; see `peerpath schedule`.")

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


class Learner(Strict):
    id: Slug = Field(description="The trainer's id for the learner; stable across re-runs.")
    name: Text = Field(description="Printed on the certificate only; never stored in the registry.")
    attendance: dict[Slug, Attendance] = Field(default_factory=dict, description="Module id -> attendance.")
    quiz_scores: dict[Slug, Annotated[float, Field(ge=0, le=100)]] = Field(
        default_factory=dict, description="Module id -> quiz score in percent, if the trainer records them."
    )


class Roster(Strict):
    """A cohort and its learners, as a trainer keeps it (YAML) or exports it from a spreadsheet (CSV)."""

    cohort: Cohort
    learners: list[Learner] = Field(min_length=1)
