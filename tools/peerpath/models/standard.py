"""Credential standards (standards/<id>.yml): what a board requires, and which topics count where."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from peerpath.models.common import Slug, Strict, Text
from peerpath.models.counting import Counting, Floor

MAX_HOURS = 1000  # no peer credential asks for more training than this; a bigger figure is a typo


class Domain(Strict):
    """A block of required training hours and the curriculum topics that count toward it."""

    id: Slug
    name: Text
    required_hours: float | None = Field(
        ge=0,
        le=MAX_HOURS,
        allow_inf_nan=False,
        description="Hours the board requires in this domain; null when the figure is not public or not verified.",
    )
    minimum_only: bool = Field(
        default=False,
        description="True when the board sets a floor inside a larger total (e.g. 'at least 6 hours of ethics').",
    )
    topics: list[Slug] = Field(default_factory=list, description="Topic ids (curriculum/topics.yml) that count here.")
    note: Text | None = None


class RequiredContent(Strict):
    """Content the board requires to be covered, regardless of hours."""

    id: Slug
    description: Text
    topics: list[Slug] = Field(min_length=1, description="Covered when any agenda segment has one of these topics.")


class OtherRequirements(Strict):
    """Requirements beyond training, shown to readers as information only."""

    education: Text | None = None
    experience: Text | None = None
    supervision: Text | None = None
    exam: Text | None = None
    renewal: Text | None = None


class Standard(Strict):
    """One credential's training requirements, with where they come from and how sure we are."""

    id: Slug
    name: Text
    awarding_body: Text
    jurisdiction: Text
    effective: dt.date | None = Field(description="Date these requirements took effect; null when not verified.")
    effective_note: Text | None = Field(default=None, description="What is known about the effective date.")
    sources: list[Text] = Field(min_length=1, description="Addresses of the pages the figures come from.")
    confidence: Literal["high", "medium", "low"]
    confidence_note: Text = Field(description="What is verified and what is not.")
    total_hours: float | None = Field(
        ge=0, le=MAX_HOURS, allow_inf_nan=False, description="Total training hours required; null when unknown."
    )
    counting: Counting = Field(description="Who may deliver training that counts, how, and which agenda time counts.")
    domains: list[Domain] = Field(min_length=1)
    floors: list[Floor] = Field(
        default_factory=list, description="Minimums that cut across domains (e.g. hours specific to peer/family work)."
    )
    required_content: list[RequiredContent] = Field(default_factory=list)
    other_requirements: OtherRequirements = Field(default_factory=OtherRequirements)

    @model_validator(mode="after")
    def _unique_domains(self) -> Standard:
        ids = [d.id for d in self.domains]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"domain id '{dupes[0]}' is used twice")
        return self


class StandardTranslation(Strict):
    """standards/<id>.<lang>.yml: what a certificate prints of a standard, in another language.

    Hours, topics and rules are never retyped here: they are taken from the English source."""

    source: str = Field(
        pattern=r"^[0-9a-f]{12}$",
        description="First 12 hex digits of the SHA-256 of the English file this translation follows.",
    )
    name: Text = Field(description="The credential's name in this language.")
    domains: dict[Slug, Text] = Field(default_factory=dict, description="Domain id -> its name in this language.")
    floors: dict[Slug, Text] = Field(
        default_factory=dict, description="Floor id (a minimum across domains) -> its name in this language."
    )
