"""A reading segment's reading: the module sections its `sections` name, and their words.

A section is a heading and everything under it, up to the next heading of the same or a higher
level (so `## Everyday privacy` includes its `###` subsections). Headings are matched as written,
ignoring case and surrounding spaces. Facilitator notes are not part of what a learner reads.
"""

from __future__ import annotations

import re

from peerpath.curriculum.load import Module
from peerpath.curriculum.notes import strip_facilitator_notes
from peerpath.problems import Problem

HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


def headings(markdown: str) -> list[tuple[int, int, str]]:
    """(line index, level, text) of every heading outside code fences."""
    found, fenced = [], False
    for index, line in enumerate(markdown.splitlines()):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and (match := HEADING.match(line)):
            found.append((index, len(match.group(1)), match.group(2)))
    return found


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def section_text(markdown: str, heading: str) -> str | None:
    """The Markdown of the section under `heading` (heading included), or None if there is none."""
    lines = markdown.splitlines()
    marks = headings(markdown)
    for n, (index, level, text) in enumerate(marks):
        if _key(text) == _key(heading):
            end = next((i for i, lvl, _ in marks[n + 1 :] if lvl <= level), len(lines))
            return "\n".join(lines[index:end])
    return None


def reading_words(markdown: str) -> int:
    """Words a learner reads (facilitator notes and Markdown marks left out)."""
    text = strip_facilitator_notes(markdown)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return len(re.findall(r"[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ'’\-]*", text))


def segment_reading_words(module: Module, sections: list[str]) -> int:
    """Words in the named sections of the module (a section named twice counts once)."""
    texts = {_key(h): section_text(module.body, h) for h in sections}
    return sum(reading_words(t) for t in texts.values() if t)


def reading_problems(module: Module) -> list[Problem]:
    """A reading segment that names a heading the module does not have."""
    found = []
    known = {_key(text) for _, _, text in headings(module.body)}
    for i, segment in enumerate(module.meta.agenda):
        for j, heading in enumerate(segment.sections):
            if _key(heading) not in known:
                found.append(
                    Problem(
                        module.path,
                        module.doc.line_of(("agenda", i, "sections", j)),
                        f"agenda[{i}].sections[{j}]",
                        f"the module has no heading '{heading}'; name a heading exactly as it is written",
                    )
                )
    return found
