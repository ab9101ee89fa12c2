"""Warnings: things in a valid curriculum a board would question, printed by `peerpath check` without failing it."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable

from peerpath.curriculum.load import Module
from peerpath.problems import Problem

REVIEW_EVERY_MONTHS = 12

# Openings that name a state of mind, not something a trainer can see or a quiz can test.
UNOBSERVABLE = (
    "understand",
    "know",
    "learn",
    "appreciate",
    "be aware",
    "become aware",
    "be familiar",
    "become familiar",
    "be able to",
    "gain",
    "grasp",
    "comprehend",
    "realize",
    "internalize",
    "believe",
    "value",
)
OBSERVABLE_EXAMPLES = "explain, identify, describe, demonstrate, apply, list, compare, write, role-play"


def unobservable_opening(objective: str) -> str | None:
    """The unobservable words an objective starts with, or None when it starts with a verb a board can check."""
    words = " ".join(re.findall(r"[a-z'-]+", objective.lower()))
    return next((w for w in UNOBSERVABLE if words == w or words.startswith(w + " ")), None)


def objective_warnings(module: Module) -> list[Problem]:
    return [
        Problem(
            module.path,
            module.doc.line_of(("objectives", i)),
            f"objectives[{i}]",
            f"warning: starts with '{opening}', which no one can observe; "
            f"start with a verb a trainer can see or test ({OBSERVABLE_EXAMPLES})",
        )
        for i, objective in enumerate(module.meta.objectives)
        if (opening := unobservable_opening(objective))
    ]


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def review_warnings(module: Module, today: dt.date) -> list[Problem]:
    last = module.meta.last_review
    if last is None:
        return [
            Problem(
                module.path,
                module.doc.line_of(("id",)),
                "reviewed",
                "warning: no content review recorded; add a 'reviewed:' entry (see the authoring guide)",
            )
        ]
    if last.date < months_before(today, REVIEW_EVERY_MONTHS):
        index = module.meta.reviewed.index(last)
        return [
            Problem(
                module.path,
                module.doc.line_of(("reviewed", index, "date")),
                f"reviewed[{index}].date",
                f"warning: last reviewed {last.date.isoformat()}, more than {REVIEW_EVERY_MONTHS} months ago; "
                "check it against its sources again",
            )
        ]
    return []


def curriculum_warnings(modules: Iterable[Module], today: dt.date) -> list[Problem]:
    """Every warning for these modules, sorted like problems."""
    found: list[Problem] = []
    for module in modules:
        found += objective_warnings(module) + review_warnings(module, today)
    return sorted(found)
