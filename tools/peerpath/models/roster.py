"""Cohort rosters: who attended which modules. Rosters hold personal data; keep them in private/."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, NonNegativeInt, model_validator

from peerpath.models.common import Slug, Strict, Text


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


class Cohort(Strict):
    """One run of the training."""

    id: Slug
    title: Text
    start: dt.date
    end: dt.date
    delivery: Literal["in-person", "virtual-live", "self-paced"]
    trainers: list[Trainer] = Field(min_length=1)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Cohort:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
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
