"""A standard's counting rules in words: who may deliver, how, and which agenda time counts.

Shown in every audit beside the hours, because a board applies them before it counts anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.i18n.records import N_
from peerpath.models.counting import DELIVERY_MODES, UNCERTAIN_KINDS, Counting

MODE_NAMES = {"in-person": N_("in person"), "virtual-live": N_("live online"), "self-paced": N_("self-paced study")}
KIND_NAMES = {
    "opening": N_("welcomes and check-ins"),
    "closing": N_("closings"),
    "quiz": N_("knowledge checks"),
}
CREDIT_WORDS = {"credited": N_("credited"), "not-credited": N_("not credited"), "unknown": N_("not known")}
NOT_A_PROVIDER = "PeerPath is a curriculum, not an approved provider"


@dataclass(frozen=True)
class Condition:
    rule: str  # who-may-deliver, delivery, in-person-share, online-cap, segments
    text: str


def who_may_deliver(counting: Counting, approval: str | None, lang: str = SOURCE_LANGUAGE) -> str:
    _ = gettext(lang)
    rule = counting.who_may_deliver
    if rule == "board-curriculum-only":
        return _("Only the board's own (or pre-approved) curriculum counts: this curriculum's hours cannot count here.")
    if rule == "approved-provider":
        held = (
            " " + _("This site records an approval: {approval}.").format(approval=approval)
            if approval
            else " " + _("No approval is recorded for this site (mkdocs.yml, extra.peerpath.provider.approvals).")
        )
        return (
            _("Hours count only when a provider the board approves delivers the training.")
            + " "
            + _(
                "PeerPath is a curriculum, not an approved provider: "
                "a provider delivering it must seek approval from the board."
            )
            + held
        )
    if rule == "any":
        return _("Any training that covers the required content counts (no approved provider is required).")
    return _("Whether the board requires an approved provider is not known: ask the board.")


ONE_LINE = {
    "any": N_("any training that covers the required content"),
    "approved-provider": N_("only training delivered by a provider the board approves"),
    "board-curriculum-only": N_("only the board's own curriculum: PeerPath's hours cannot count"),
    "unknown": N_("whether an approved provider is required is not known (ask the board)"),
}


def one_line(counting: Counting, lang: str = SOURCE_LANGUAGE) -> str:
    """What a board requires before it counts an hour, in one line (the For boards overview), in `lang`."""
    _ = gettext(lang)
    parts = [_(ONE_LINE[counting.who_may_deliver])]
    not_credited = [_(MODE_NAMES[m]) for m in DELIVERY_MODES if counting.delivery.of(m) == "not-credited"]
    if not_credited and counting.who_may_deliver != "board-curriculum-only":
        parts.append(_("no hours for %(modes)s") % {"modes": _(" or ").join(not_credited)})
    if isinstance(counting.min_in_person_percent, float):
        parts.append(_("at least %(percent)s%% in person") % {"percent": f"{counting.min_in_person_percent:g}"})
    if isinstance(counting.max_online_hours_per_day, float):
        hours = f"{counting.max_online_hours_per_day:g}"
        parts.append(_("at most %(hours)s online hours a day") % {"hours": hours})
    return "; ".join(parts) + "."


def conditions(counting: Counting, approval: str | None = None, lang: str = SOURCE_LANGUAGE) -> list[Condition]:
    """Every counting rule of the standard, one sentence each, in `lang`."""
    _ = gettext(lang)
    modes = {c: [_(MODE_NAMES[m]) for m in DELIVERY_MODES if counting.delivery.of(m) == c] for c in CREDIT_WORDS}
    delivery = " ".join(
        f"{_(CREDIT_WORDS[c]).capitalize()}: {', '.join(names)}." for c, names in modes.items() if names
    )
    share = counting.min_in_person_percent
    cap = counting.max_online_hours_per_day
    kinds = {c: [_(KIND_NAMES[k]) for k in UNCERTAIN_KINDS if counting.segments.of(k) == c] for c in CREDIT_WORDS}
    segments = " ".join(
        f"{_(CREDIT_WORDS[c]).capitalize()}: {', '.join(names)}." for c, names in kinds.items() if names
    )
    return [
        Condition("who-may-deliver", who_may_deliver(counting, approval, lang)),
        Condition("delivery", _("How it is delivered. {modes}").format(modes=delivery)),
        Condition(
            "in-person-share",
            _("At least {share}% of the hours in person.").format(share=f"{share:g}")
            if isinstance(share, float)
            else _("No minimum in-person share.")
            if share == "none"
            else _("Any minimum in-person share is not known."),
        ),
        Condition(
            "online-cap",
            _("At most {cap} online hours credited in one day.").format(cap=f"{cap:g}")
            if isinstance(cap, float)
            else _("No daily cap on online hours.")
            if cap == "none"
            else _("Any daily cap on online hours is not known."),
        ),
        Condition(
            "segments", _("Agenda time that is not instruction. {kinds} Breaks never count.").format(kinds=segments)
        ),
    ]


def approval_of(base: dict[str, Any] | None, standard_id: str, lang: str = SOURCE_LANGUAGE) -> str | None:
    """The provider's approval for a standard (mkdocs.yml extra.peerpath.provider), in words, or None."""
    _ = gettext(lang)
    provider = ((base or {}).get("extra", {}).get("peerpath", {}) or {}).get("provider") or {}
    for approval in provider.get("approvals", []):
        if approval.get("standard") == standard_id:
            organisation = provider.get("organisation", _("the provider"))
            if approval.get("number"):
                words = _("{organisation}, approved by {body}, number {number}")
            else:
                words = _("{organisation}, approved by {body}")
            return words.format(organisation=organisation, body=approval["body"], number=approval.get("number"))
    return None
