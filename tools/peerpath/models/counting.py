"""Who may count a curriculum's hours toward a credential, and how it must be delivered.

Part of a standard (standards/<id>.yml, key `counting`). Every rule a board has not stated is
recorded as unknown, never guessed: the audit then says it cannot confirm rather than "meets".
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from peerpath.models.common import Slug, Strict, Text

DeliveryMode = Literal["in-person", "virtual-live", "self-paced"]
DELIVERY_MODES: tuple[str, ...] = ("in-person", "virtual-live", "self-paced")
Credit = Literal["credited", "not-credited", "unknown"]
WhoMayDeliver = Literal["any", "approved-provider", "board-curriculum-only", "unknown"]

# Agenda segment kinds a board may or may not credit. Breaks are never contact time; every other kind
# is instruction, which every board credits.
UNCERTAIN_KINDS: tuple[str, ...] = ("opening", "closing", "quiz")


def _figure_or_word(unit: str, most: float):
    def check(value: Any) -> Any:
        if value in ("none", "unknown"):
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise ValueError(f"must be a number of {unit}, 'none' or 'unknown', got {value!r}")
        if not 0 < value <= most:
            raise ValueError(f"must be more than 0 and at most {most:g} {unit}, got {value!r}")
        return float(value)

    return BeforeValidator(check)


Percent = Annotated[float | Literal["none", "unknown"], _figure_or_word("percent", 100)]
HoursPerDay = Annotated[float | Literal["none", "unknown"], _figure_or_word("hours", 24)]


class DeliveryCredit(Strict):
    """Which delivery modes the board credits toward the training hours."""

    in_person: Credit = Field(alias="in-person", description="Classroom training with the trainer in the room.")
    virtual_live: Credit = Field(
        alias="virtual-live", description="Live online training: trainer and learners at the same time, on video."
    )
    self_paced: Credit = Field(
        alias="self-paced", description="Study alone (reading, recorded video). No board we know of credits it."
    )

    def of(self, mode: str) -> str:
        return getattr(self, mode.replace("-", "_"))


class SegmentCredit(Strict):
    """Whether the board counts agenda time that is not instruction. 'unknown' where the board is silent."""

    opening: Credit = Field(description="Welcomes, check-ins, introductions and group agreements.")
    closing: Credit = Field(description="Closing rounds and wrap-ups.")
    quiz: Credit = Field(description="Knowledge checks and tests taken during the training.")

    def of(self, kind: str) -> str:
        """'credited' for instruction, 'not-credited' for breaks, the board's rule for the rest."""
        if kind == "break":
            return "not-credited"
        return getattr(self, kind) if kind in UNCERTAIN_KINDS else "credited"


class Floor(Strict):
    """A minimum inside the total that cuts across domains, e.g. 'at least 30 h specific to peer/family work'."""

    id: Slug
    name: Text
    required_hours: float = Field(gt=0, le=1000, allow_inf_nan=False, description="Hours the board requires.")
    topics: list[Slug] = Field(
        default_factory=list,
        description="Topic ids (curriculum/topics.yml) counted toward it; empty when the board does not say.",
    )
    confidence: Literal["high", "medium", "low"] = Field(description="How sure we are which topics the board means.")
    note: Text = Field(description="The board's wording, and whose reading the topic list is.")


class Counting(Strict):
    """Who may deliver training that counts, in which modes, and which agenda time counts."""

    who_may_deliver: WhoMayDeliver = Field(
        description=(
            "'any': any training covering the content; 'approved-provider': only providers the board approves; "
            "'board-curriculum-only': only the board's own or pre-approved curriculum (an outside curriculum's "
            "hours cannot count); 'unknown': not stated."
        )
    )
    delivery: DeliveryCredit
    min_in_person_percent: Percent = Field(
        description="Least share of the hours delivered in person, in percent (e.g. 50); 'none' or 'unknown'.",
    )
    max_online_hours_per_day: HoursPerDay = Field(
        description="Most online (live virtual or self-paced) hours credited in one day; 'none' or 'unknown'.",
    )
    segments: SegmentCredit
    sources: list[Text] = Field(min_length=1, description="Addresses of the pages these rules come from.")
    confidence: Literal["high", "medium", "low"]
    note: Text = Field(description="What the board says, in a sentence or two, and what is not verified.")

    @model_validator(mode="after")
    def _share_needs_in_person(self) -> Counting:
        if isinstance(self.min_in_person_percent, float) and self.delivery.in_person == "not-credited":
            raise ValueError("a minimum in-person share needs in-person delivery to be credited")
        return self
