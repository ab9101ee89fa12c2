"""The four results an audit gives, and how minutes become one of them. Pure functions."""

from __future__ import annotations

from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.i18n.records import N_

MEETS, FALLS_SHORT, CANNOT_CONFIRM, CANNOT_COUNT = "meets", "falls-short", "cannot-confirm", "cannot-count-here"
LABELS = {
    MEETS: N_("meets"),
    FALLS_SHORT: N_("falls short"),
    CANNOT_CONFIRM: N_("cannot confirm"),
    CANNOT_COUNT: N_("cannot count here"),
}
AS_BOOL = {MEETS: True, FALLS_SHORT: False, CANNOT_CONFIRM: None, CANNOT_COUNT: False}


def minutes_result(required: int | None, sure: int, possible: int) -> str:
    """`sure`: minutes the board certainly credits; `possible`: those plus minutes it may credit."""
    if required is None:
        return CANNOT_CONFIRM
    if sure >= required:
        return MEETS
    return CANNOT_CONFIRM if possible >= required else FALLS_SHORT


def combine(results: list[str]) -> str:
    """The worst of several results: cannot count here, then falls short, then cannot confirm."""
    for result in (CANNOT_COUNT, FALLS_SHORT, CANNOT_CONFIRM):
        if result in results:
            return result
    return MEETS


def label(result: str, lang: str = SOURCE_LANGUAGE) -> str:
    """The result in words, in `lang`."""
    return gettext(lang)(LABELS[result])


def labeller(lang: str):
    """`label` for one language, as templates call it: label(result)."""
    return lambda result: label(result, lang)
