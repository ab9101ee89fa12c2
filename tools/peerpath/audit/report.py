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

from peerpath.audit.chart import chart_rows
from peerpath.audit.compute import READING_WORDS_PER_MINUTE, ROUNDING, Audit, Counted, quarter_hours
from peerpath.audit.conditions import CREDIT_WORDS
from peerpath.audit.verdicts import CANNOT_CONFIRM, CANNOT_COUNT, FALLS_SHORT, label
from peerpath.curriculum.competencies import CATEGORIES
from peerpath.curriculum.hours import hours_text
from peerpath.templating import render
from peerpath.text import markdown_text

FORMATS = ("text", "markdown", "json", "csv", "html")


def verdict(meets: bool | None) -> str:
    return {True: "meets", False: "falls short", None: "cannot confirm"}[meets]


def reason(audit: Audit) -> str:
    """Why the result is what it is, in one or two sentences a board member would accept."""
    s = audit.standard
    if audit.result == CANNOT_COUNT:
        return f"{s.counting.note} (Sources: {'; '.join(s.counting.sources)}.)"
    short = [d.domain.name for d in audit.domains if d.result == FALLS_SHORT]
    short += [f.floor.name for f in audit.floors if f.result == FALLS_SHORT]
    counted = [(d.domain.name, d) for d in audit.domains] + [(f.floor.name, f) for f in audit.floors]
    counted.append(("the total", audit.total))
    unknown = [name for name, c in counted if c.result == CANNOT_CONFIRM and c.required_minutes is None]
    depends = [name for name, c in counted if c.result == CANNOT_CONFIRM and c.required_minutes is not None]
    parts = []
    if short or audit.total.result == FALLS_SHORT:
        where = short + (["the total"] if audit.total.result == FALLS_SHORT else [])
        parts.append(f"Short of the required hours in: {'; '.join(where)}.")
    if audit.content_missing:
        parts.append(f"Required content not covered: {'; '.join(audit.content_missing)}.")
    if unknown:
        parts.append(f"Cannot confirm, because the required hours are not public: {'; '.join(unknown)}.")
    if depends:
        parts.append(
            f"Cannot confirm: {'; '.join(depends)} are met only if the board credits welcomes, closings or "
            "knowledge checks, which it has not said (instruction alone falls short)."
        )
    if not parts:
        parts.append("Every domain, minimum and required content is met counting only what this board credits.")
    if s.counting.who_may_deliver == "approved-provider":
        parts.append("The hours count only when an approved provider delivers the training (see below).")
    return " ".join(parts)


def _signed(minutes: int | None) -> str:
    return "–" if minutes is None else ("+" if minutes >= 0 else "−") + hours_text(abs(minutes))


def hour_rows(audit: Audit) -> list[dict[str, Any]]:
    """Each domain and the total as display strings: required, contact, credited, instruction, margin, result."""

    def row(name: str, counted: Counted, minimum: bool, total: bool) -> dict[str, Any]:
        required = counted.required_minutes
        return {
            "name": name,
            "total": total,
            "required": "unknown" if required is None else ("at least " if minimum else "") + hours_text(required),
            "contact": hours_text(counted.provided_minutes),
            "credited": hours_text(counted.credited_minutes),
            "instruction": hours_text(counted.instruction_minutes),
            "margin": _signed(counted.margin_minutes),
            "result": label(counted.result),
        }

    rows = [row(d.domain.name, d, d.domain.minimum_only, False) for d in audit.domains]
    return rows + [row("Total", audit.total, False, True)]


def counted_dict(counted: Counted) -> dict[str, Any]:
    return {
        "provided_hours": quarter_hours(counted.provided_minutes),
        "provided_minutes": counted.provided_minutes,
        "credited_minutes": counted.credited_minutes,
        "possible_minutes": counted.possible_minutes,
        "instruction_minutes": counted.instruction_minutes,
        "instruction_hours": quarter_hours(counted.instruction_minutes),
        "margin_minutes": counted.margin_minutes,
        "difference_minutes": counted.difference_minutes,
        "result": counted.result,
        "meets": counted.meets,
    }


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
        "result": audit.result,
        "reason": reason(audit),
        "hours_result": audit.hours_result,
        "meets": audit.meets,
        "counting": {
            **s.counting.model_dump(mode="json", by_alias=True),
            "conditions": [{"rule": c.rule, "text": c.text} for c in audit.conditions],
        },
        "rounding": ROUNDING,
        "total": {
            "required_hours": s.total_hours,
            **counted_dict(audit.total),
            "curriculum_minutes": audit.curriculum_minutes,
        },
        "domains": [
            {
                "id": d.domain.id,
                "name": d.domain.name,
                "required_hours": d.domain.required_hours,
                **counted_dict(d),
                "contributions": [
                    {
                        "module": c.module,
                        "segment": c.segment,
                        "segment_number": c.segment_number,
                        "topic": c.topic,
                        "kind": c.kind,
                        "credit": c.credit,
                        "minutes": c.minutes,
                    }
                    for c in d.contributions
                ],
            }
            for d in audit.domains
        ],
        "floors": [
            {
                "id": f.floor.id,
                "name": f.floor.name,
                "required_hours": f.floor.required_hours,
                "topics": list(f.floor.topics),
                "confidence": f.floor.confidence,
                "note": f.floor.note,
                **counted_dict(f),
            }
            for f in audit.floors
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
    writer.writerow(
        ["standard", "domain", "required_hours", "module", "segment_number", "segment", "topic", "kind", "credit",
         "instruction", "minutes"]
    )  # fmt: skip
    for d in audit.domains:
        for c in d.contributions:
            instruction = "yes" if c.kind not in ("opening", "closing", "quiz") else "no"
            writer.writerow(
                [
                    audit.standard.id,
                    d.domain.id,
                    d.domain.required_hours,
                    c.module,
                    c.segment_number,
                    c.segment,
                    c.topic,
                    c.kind,
                    c.credit,
                    instruction,
                    c.minutes,
                ]
            )
        if not d.contributions:
            writer.writerow([audit.standard.id, d.domain.id, d.domain.required_hours, "", "", "", "", "", "", "", 0])
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
        "label": label,
        "reason": reason(audit),
        "rows": hour_rows(audit),
        "credit_words": CREDIT_WORDS,
        "hours": hours_text,
        "rounding": ROUNDING,
        "wpm": READING_WORDS_PER_MINUTE,
        "categories": CATEGORIES,
        "chart": chart_rows(audit),
        "source_link": source_link,
    }


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
