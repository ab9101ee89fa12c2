"""Contact hours derived from agenda segments. Pure functions: no disk, no site builder.

Minutes are always summed first; hours are computed from the minute total only when shown,
so the site, the audit and certificates can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.models.module import ModuleMeta


def contact_minutes(module: ModuleMeta) -> int:
    """Minutes of contact time: every segment except breaks."""
    return sum(s.minutes for s in module.agenda if s.is_contact)


def minutes_by_topic(module: ModuleMeta) -> dict[str, int]:
    """Contact minutes per topic, in the order topics first appear in the agenda."""
    totals: dict[str, int] = {}
    for segment in module.agenda:
        if segment.is_contact and segment.topic is not None:
            totals[segment.topic] = totals.get(segment.topic, 0) + segment.minutes
    return totals


def total_minutes(modules: Iterable[ModuleMeta]) -> int:
    """Contact minutes of several modules together."""
    return sum(contact_minutes(m) for m in modules)


def hours_text(minutes: int, lang: str = SOURCE_LANGUAGE) -> str:
    """Minutes as hours to the nearest quarter hour, e.g. 165 -> '2.75 h', 180 -> '3 h'.

    English and US Spanish both write a decimal point and the symbol h (glossary-es.md).
    """
    quarters = round(Fraction(minutes, 15))
    hours = Fraction(quarters, 4)
    shown = f"{float(hours):.2f}".rstrip("0").rstrip(".")
    _ = gettext(lang)
    return _("%(hours)s h") % {"hours": shown}
