"""An audit as JSON, CSV, text, Markdown or HTML. Every format reads the same Audit object."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from typing import Any

import markdown
from markupsafe import Markup

from peerpath.audit.compute import READING_WORDS_PER_MINUTE, ROUNDING, Audit, quarter_hours
from peerpath.curriculum.competencies import CATEGORIES
from peerpath.curriculum.hours import hours_text
from peerpath.templating import render
from peerpath.text import markdown_text

FORMATS = ("text", "markdown", "json", "csv", "html")


def verdict(meets: bool | None) -> str:
    return {True: "meets", False: "falls short", None: "cannot confirm"}[meets]


def audit_dict(audit: Audit) -> dict[str, Any]:
    """The audit with the stable keys documented in the README."""
    s = audit.standard
    return {
        "standard": {
            "id": s.id,
            "name": s.name,
            "awarding_body": s.awarding_body,
            "jurisdiction": s.jurisdiction,
            "effective": s.effective.isoformat() if s.effective else None,
            "effective_note": s.effective_note,
            "sources": list(s.sources),
            "confidence": s.confidence,
            "confidence_note": s.confidence_note,
        },
        "meets": audit.meets,
        "rounding": ROUNDING,
        "total": {
            "required_hours": s.total_hours,
            "provided_hours": quarter_hours(audit.provided_minutes),
            "provided_minutes": audit.provided_minutes,
            "curriculum_minutes": audit.curriculum_minutes,
            "meets": audit.total_meets,
        },
        "domains": [
            {
                "id": d.domain.id,
                "name": d.domain.name,
                "required_hours": d.domain.required_hours,
                "provided_hours": quarter_hours(d.provided_minutes),
                "provided_minutes": d.provided_minutes,
                "difference_minutes": d.difference_minutes,
                "meets": d.meets,
                "contributions": [
                    {
                        "module": c.module,
                        "segment": c.segment,
                        "segment_number": c.segment_number,
                        "topic": c.topic,
                        "minutes": c.minutes,
                    }
                    for c in d.contributions
                ],
            }
            for d in audit.domains
        ],
        "content": {"required": audit.content_required, "missing": audit.content_missing},
        "competencies": {str(k): v for k, v in audit.competencies.items()},
        "warnings": audit.warnings,
        "reading_words_per_minute": READING_WORDS_PER_MINUTE,
    }


def audit_json(audit: Audit) -> str:
    return json.dumps(audit_dict(audit), indent=2, ensure_ascii=False) + "\n"


def audit_csv(audit: Audit) -> str:
    """One row per contributing segment, so a spreadsheet can re-add every domain total."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["standard", "domain", "required_hours", "module", "segment_number", "segment", "topic", "minutes"])
    for d in audit.domains:
        for c in d.contributions:
            writer.writerow(
                [
                    audit.standard.id,
                    d.domain.id,
                    d.domain.required_hours,
                    c.module,
                    c.segment_number,
                    c.segment,
                    c.topic,
                    c.minutes,
                ]
            )
        if not d.contributions:
            writer.writerow([audit.standard.id, d.domain.id, d.domain.required_hours, "", "", "", "", 0])
    return out.getvalue()


SAFE_URL = re.compile(r"https?://[^\s<>\"'`]+")


def source_link(source: str) -> Markup:
    """A source in a Markdown page: a leading web address becomes a link, the words after it stay text."""
    found = SAFE_URL.match(source)
    if not found:
        return Markup(markdown_text(source))
    url, rest = found.group(), source[found.end() :]
    href = html.escape(url.replace("|", "%7C"), quote=True)
    return Markup(f'<a href="{href}">{markdown_text(url)}</a>{markdown_text(rest)}')


def _context(audit: Audit) -> dict[str, Any]:
    return {
        "a": audit,
        "s": audit.standard,
        "verdict": verdict,
        "hours": hours_text,
        "rounding": ROUNDING,
        "wpm": READING_WORDS_PER_MINUTE,
        "categories": CATEGORIES,
        "chart": chart_rows(audit),
        "source_link": source_link,
    }


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
    """Each domain as a labelled pair of bars (required dashed, provided solid), scaled to the largest figure."""
    largest = max([d.provided_minutes for d in audit.domains] + [d.required_minutes or 0 for d in audit.domains] + [1])
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
                "provided": d.provided_minutes,
                "required_width": None if d.required_minutes is None else BAR_WIDTH * d.required_minutes / largest,
                "provided_width": BAR_WIDTH * d.provided_minutes / largest,
                "meets": d.meets,
            }
        )
        y += 20 * len(lines) + 52
    return {"rows": rows, "height": y, "width": CHART_WIDTH}


def render_audit(audit: Audit, fmt: str) -> str:
    """The audit in one of FORMATS. HTML is the Markdown report as a standalone, printable page."""
    if fmt == "json":
        return audit_json(audit)
    if fmt == "csv":
        return audit_csv(audit)
    context = _context(audit)
    if fmt == "text":
        return render("audit.txt.j2", **context)
    chart = Markup(render("audit_chart.svg.j2", **context).replace("\n", ""))
    report = render("audit.md.j2", chart_svg=chart, **context)
    if fmt == "markdown":
        return report
    body = Markup(markdown.markdown(report, extensions=["tables"]))
    return render("standalone.html.j2", title=f"Audit: {audit.standard.name}", body=body)


def summary_rows(audits: list[Audit]) -> list[dict[str, Any]]:
    return [
        {
            "id": a.standard.id,
            "name": a.standard.name,
            "confidence": a.standard.confidence,
            "required_hours": a.standard.total_hours,
            "provided_hours": quarter_hours(a.provided_minutes),
            "required_minutes": a.required_minutes,
            "provided_minutes": a.provided_minutes,
            "meets": a.meets,
            "short_domains": [d.domain.name for d in a.domains if d.meets is False],
            "unconfirmed_domains": [d.domain.name for d in a.domains if d.meets is None],
            "missing_content": a.content_missing,
        }
        for a in audits
    ]


def render_summary(audits: list[Audit], fmt: str) -> str:
    rows = summary_rows(audits)
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["standard", "name", "confidence", "required_hours", "provided_hours", "result"])
        for r in rows:
            writer.writerow(
                [r["id"], r["name"], r["confidence"], r["required_hours"], r["provided_hours"], verdict(r["meets"])]
            )
        return out.getvalue()
    template = {"text": "audit_summary.txt.j2", "markdown": "audit_summary.md.j2", "html": "audit_summary.html.j2"}
    return render(template[fmt], rows=rows, verdict=verdict, rounding=ROUNDING, hours=hours_text)
