"""A standard's counting rules in words: who may deliver, how, and which agenda time counts.

Shown in every audit beside the hours, because a board applies them before it counts anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peerpath.models.counting import DELIVERY_MODES, UNCERTAIN_KINDS, Counting

MODE_NAMES = {"in-person": "in person", "virtual-live": "live online", "self-paced": "self-paced study"}
KIND_NAMES = {
    "opening": "welcomes and check-ins",
    "closing": "closings",
    "quiz": "knowledge checks",
}
CREDIT_WORDS = {"credited": "credited", "not-credited": "not credited", "unknown": "not known"}
NOT_A_PROVIDER = "PeerPath is a curriculum, not an approved provider"


@dataclass(frozen=True)
class Condition:
    rule: str  # who-may-deliver, delivery, in-person-share, online-cap, segments
    text: str


def who_may_deliver(counting: Counting, approval: str | None) -> str:
    rule = counting.who_may_deliver
    if rule == "board-curriculum-only":
        return "Only the board's own (or pre-approved) curriculum counts: this curriculum's hours cannot count here."
    if rule == "approved-provider":
        held = (
            f" This site records an approval: {approval}."
            if approval
            else (" No approval is recorded for this site (mkdocs.yml, extra.peerpath.provider.approvals).")
        )
        return (
            "Hours count only when a provider the board approves delivers the training. "
            f"{NOT_A_PROVIDER}: a provider delivering it must seek approval from the board.{held}"
        )
    if rule == "any":
        return "Any training that covers the required content counts (no approved provider is required)."
    return "Whether the board requires an approved provider is not known: ask the board."


ONE_LINE = {
    "any": "any training that covers the required content",
    "approved-provider": "only training delivered by a provider the board approves",
    "board-curriculum-only": "only the board's own curriculum: PeerPath's hours cannot count",
    "unknown": "whether an approved provider is required is not known (ask the board)",
}


def one_line(counting: Counting) -> str:
    """What a board requires before it counts an hour, in one line (the For boards overview)."""
    parts = [ONE_LINE[counting.who_may_deliver]]
    not_credited = [MODE_NAMES[m] for m in DELIVERY_MODES if counting.delivery.of(m) == "not-credited"]
    if not_credited and counting.who_may_deliver != "board-curriculum-only":
        parts.append(f"no hours for {' or '.join(not_credited)}")
    if isinstance(counting.min_in_person_percent, float):
        parts.append(f"at least {counting.min_in_person_percent:g}% in person")
    if isinstance(counting.max_online_hours_per_day, float):
        parts.append(f"at most {counting.max_online_hours_per_day:g} online hours a day")
    return "; ".join(parts) + "."


def conditions(counting: Counting, approval: str | None = None) -> list[Condition]:
    """Every counting rule of the standard, one sentence each."""
    modes = {c: [MODE_NAMES[m] for m in DELIVERY_MODES if counting.delivery.of(m) == c] for c in CREDIT_WORDS}
    delivery = " ".join(f"{CREDIT_WORDS[c].capitalize()}: {', '.join(names)}." for c, names in modes.items() if names)
    share = counting.min_in_person_percent
    cap = counting.max_online_hours_per_day
    kinds = {c: [KIND_NAMES[k] for k in UNCERTAIN_KINDS if counting.segments.of(k) == c] for c in CREDIT_WORDS}
    segments = " ".join(f"{CREDIT_WORDS[c].capitalize()}: {', '.join(names)}." for c, names in kinds.items() if names)
    return [
        Condition("who-may-deliver", who_may_deliver(counting, approval)),
        Condition("delivery", f"How it is delivered. {delivery}"),
        Condition(
            "in-person-share",
            f"At least {share:g}% of the hours in person."
            if isinstance(share, float)
            else "No minimum in-person share."
            if share == "none"
            else "Any minimum in-person share is not known.",
        ),
        Condition(
            "online-cap",
            f"At most {cap:g} online hours credited in one day."
            if isinstance(cap, float)
            else "No daily cap on online hours."
            if cap == "none"
            else "Any daily cap on online hours is not known.",
        ),
        Condition("segments", f"Agenda time that is not instruction. {segments} Breaks never count."),
    ]


def approval_of(base: dict[str, Any] | None, standard_id: str) -> str | None:
    """The provider's approval for a standard (mkdocs.yml extra.peerpath.provider), in words, or None."""
    provider = ((base or {}).get("extra", {}).get("peerpath", {}) or {}).get("provider") or {}
    for approval in provider.get("approvals", []):
        if approval.get("standard") == standard_id:
            number = f", number {approval['number']}" if approval.get("number") else ""
            return f"{provider.get('organisation', 'the provider')}, approved by {approval['body']}{number}"
    return None
