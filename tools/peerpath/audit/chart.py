"""The audit chart: each domain's required hours beside its instruction-only hours, as SVG rows."""

from __future__ import annotations

from typing import Any

from peerpath.audit.compute import Audit

CHART_WIDTH = 400  # viewBox units; shown at most 22rem wide, so text stays 12-16 px on a phone and a desktop
BAR_WIDTH = 390
LABEL_CHARS = 40  # a domain name wraps onto a second line after about this many characters


def wrap_label(text: str, width: int = LABEL_CHARS) -> list[str]:
    """Words of a chart label in lines of at most `width` characters (a longer single word keeps its line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def chart_rows(audit: Audit) -> dict[str, Any]:
    """Each domain as a labelled pair of bars (required dashed, instruction-only solid), scaled to the largest."""
    largest = max(
        [d.instruction_minutes for d in audit.domains] + [d.required_minutes or 0 for d in audit.domains] + [1]
    )
    rows, y = [], 40  # the legend takes the first 40 units
    for d in audit.domains:
        lines = wrap_label(d.domain.name)
        rows.append(
            {
                "y": y,
                "lines": lines,
                "figures_y": 20 * len(lines) + 2,
                "bars_y": 20 * len(lines) + 10,
                "required": d.required_minutes,
                "provided": d.instruction_minutes,
                "required_width": None if d.required_minutes is None else BAR_WIDTH * d.required_minutes / largest,
                "provided_width": BAR_WIDTH * d.instruction_minutes / largest,
                "meets": d.meets,
                "result": d.result,
            }
        )
        y += 20 * len(lines) + 52
    return {"rows": rows, "height": y, "width": CHART_WIDTH}
