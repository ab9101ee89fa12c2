"""Module front matter: the schema trainers fill in at the top of every module."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, PositiveInt, field_validator, model_validator

from peerpath.models.common import Slug, Strict, Text

MAX_SEGMENT_MINUTES = 480  # 8 hours: a whole training day; longer is a typo (e.g. 900 for 90)
MAX_MODULE_MINUTES = 2400  # 40 hours: longer than most complete peer certification courses

SegmentKind = Literal[
    "presentation", "discussion", "role-play", "practice", "case-study",
    "small-group", "reading", "reflection", "quiz", "opening", "closing", "break",
]  # fmt: skip
NOT_INSTRUCTION = ("opening", "closing", "quiz", "break")  # what a board may not credit as instruction


class Segment(Strict):
    """One block of the agenda. Its minutes count as contact time unless it is a break."""

    title: Text = Field(description="What happens in this segment, e.g. 'Role-play: the gift'.")
    minutes: PositiveInt = Field(description=f"Length in whole minutes, at most {MAX_SEGMENT_MINUTES} (8 hours).")
    kind: SegmentKind = Field(
        description=(
            "How the time is spent. 'opening' (welcome, check-in, group agreements), 'closing' (closing round, "
            "wrap-up) and 'quiz' are contact time that some boards do not credit; 'break' is not contact time."
        )
    )
    sections: list[Text] = Field(
        default_factory=list,
        description=(
            "Reading segments only: the headings of the module sections the learner reads in this segment, "
            "each section running to the next heading of the same or a higher level."
        ),
    )
    topic: Slug | None = Field(
        default=None,
        description="Exactly one topic id from curriculum/topics.yml. Required unless kind is 'break'.",
    )

    @field_validator("minutes")
    @classmethod
    def _within_a_day(cls, minutes: int) -> int:
        if minutes > MAX_SEGMENT_MINUTES:
            raise ValueError(
                f"{minutes} minutes is longer than a training day; a segment is at most {MAX_SEGMENT_MINUTES} "
                "minutes (8 hours): split it, or check for a typo"
            )
        return minutes

    @model_validator(mode="after")
    def _topic_matches_kind(self) -> Segment:
        if self.kind == "break" and self.topic is not None:
            raise ValueError("a break is not contact time, so it takes no topic")
        if self.kind != "break" and self.topic is None:
            raise ValueError("topic is required: name one topic id from curriculum/topics.yml")
        if self.kind == "reading" and not self.sections:
            raise ValueError("a reading segment names the headings of its reading in 'sections'")
        if self.kind != "reading" and self.sections:
            raise ValueError("only a reading segment has 'sections'")
        return self

    @property
    def is_contact(self) -> bool:
        return self.kind != "break"

    @property
    def is_instruction(self) -> bool:
        """Contact time every board credits: not a welcome, closing, knowledge check or break."""
        return self.kind not in NOT_INSTRUCTION


class Review(Strict):
    """One content review of a module: when, by whom, and what it changed."""

    date: dt.date = Field(description="Day the review was finished, written YYYY-MM-DD.")
    by: Text = Field(description="Who reviewed it: a name, a role, or 'Independent content review'.")
    changes: list[Text] = Field(
        min_length=1,
        description="What changed for learners or boards, one short line each ('No changes needed' if none).",
    )


class ModuleMeta(Strict):
    """The front matter of a module file."""

    id: Slug = Field(description="Stable id: used in the page address, quizzes, rosters and certificates.")
    title: Text = Field(description="Module title as trainees see it.")
    summary: Text = Field(description="One or two sentences shown in module lists.")
    objectives: list[Text] = Field(
        min_length=2,
        description="Measurable learning objectives, each starting with a verb (explain, identify, ...).",
    )
    agenda: list[Segment] = Field(
        min_length=1, description="Segments in teaching order; contact hours are derived from them."
    )
    competencies: list[Annotated[int, Field(ge=1, le=12)]] = Field(
        default_factory=list,
        description="SAMHSA Core Competencies for Peer Workers categories (1-12) the module addresses.",
    )
    references: list[Text] = Field(
        default_factory=list, description="Sources, one citation each; Markdown links allowed."
    )
    reviewed: list[Review] = Field(
        default_factory=list,
        description="Content reviews, one entry each (any order); boards see the latest one.",
    )

    @property
    def last_review(self) -> Review | None:
        return max(self.reviewed, key=lambda r: r.date, default=None)

    @field_validator("agenda")
    @classmethod
    def _within_a_course(cls, agenda: list[Segment]) -> list[Segment]:
        total = sum(s.minutes for s in agenda)
        if total > MAX_MODULE_MINUTES:
            raise ValueError(
                f"the agenda adds up to {total} minutes; a module is at most {MAX_MODULE_MINUTES} minutes "
                "(40 hours): split it into several modules, or check the minutes for a typo"
            )
        return agenda
