"""Facilitator notes: admonitions of type `facilitator`, kept in the trainer edition only."""

from __future__ import annotations

import re

NOTE_START = re.compile(r"^(!!!|\?\?\?\+?)\s+facilitator\b")


def strip_facilitator_notes(markdown: str) -> str:
    """Remove every `!!! facilitator` block (its opening line and indented body) from Markdown."""
    kept: list[str] = []
    inside = False
    for line in markdown.splitlines(keepends=True):
        if NOTE_START.match(line):
            inside = True
            continue
        if inside and (not line.strip() or line.startswith(("    ", "\t"))):
            continue
        inside = False
        kept.append(line)
    return "".join(kept)


def count_facilitator_notes(markdown: str) -> int:
    """How many facilitator notes a module body holds."""
    return sum(1 for line in markdown.splitlines() if NOTE_START.match(line))
