"""`peerpath audit --all`: one row per standard, with each domain's instruction-only hours and margin."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from peerpath.audit.compute import ROUNDING, Audit, quarter_hours
from peerpath.audit.conditions import one_line
from peerpath.audit.report import confidence_words, reason
from peerpath.audit.verdicts import CANNOT_CONFIRM, FALLS_SHORT, labeller
from peerpath.curriculum.hours import hours_text
from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.templating import render


def summary_rows(audits: list[Audit], lang: str = SOURCE_LANGUAGE) -> list[dict[str, Any]]:
    _ = gettext(lang)
    return [
        {
            "id": a.standard.id,
            "name": a.standard.name,
            "confidence": a.standard.confidence,
            "result": a.result,
            "reason": reason(a, lang),
            "who_may_deliver": a.standard.counting.who_may_deliver,
            "counting_line": one_line(a.standard.counting, lang),
            "required_hours": a.standard.total_hours,
            "provided_hours": quarter_hours(a.provided_minutes),
            "instruction_hours": quarter_hours(a.total.instruction_minutes),
            "required_minutes": a.required_minutes,
            "provided_minutes": a.provided_minutes,
            "instruction_minutes": a.total.instruction_minutes,
            "meets": a.meets,
            "domains": [
                {
                    "id": d.domain.id,
                    "name": d.domain.name,
                    "required_minutes": d.required_minutes,
                    "instruction_minutes": d.instruction_minutes,
                    "margin_minutes": d.margin_minutes,
                    "result": d.result,
                }
                for d in a.domains
            ]
            + [
                {
                    "id": f.floor.id,
                    "name": _("At least: {floor}").format(floor=f.floor.name),
                    "required_minutes": f.required_minutes,
                    "instruction_minutes": f.instruction_minutes,
                    "margin_minutes": f.margin_minutes,
                    "result": f.result,
                }
                for f in a.floors
            ],
            "short_domains": [d.domain.name for d in a.domains if d.result == FALLS_SHORT],
            "unconfirmed_domains": [d.domain.name for d in a.domains if d.result == CANNOT_CONFIRM],
            "missing_content": a.content_missing,
        }
        for a in audits
    ]


def render_summary(audits: list[Audit], fmt: str, lang: str = SOURCE_LANGUAGE) -> str:
    rows = summary_rows(audits, lang)
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["standard", "domain", "required_minutes", "instruction_minutes", "margin_minutes", "result"])
        for r in rows:
            for d in r["domains"]:
                writer.writerow(
                    [
                        r["id"],
                        d["id"],
                        d["required_minutes"],
                        d["instruction_minutes"],
                        d["margin_minutes"],
                        d["result"],
                    ]
                )
            writer.writerow(
                [r["id"], "total", r["required_minutes"], r["instruction_minutes"],
                 None if r["required_minutes"] is None else r["instruction_minutes"] - r["required_minutes"],
                 r["result"]]
            )  # fmt: skip
        return out.getvalue()
    template = {"text": "audit_summary.txt.j2", "markdown": "audit_summary.md.j2", "html": "audit_summary.html.j2"}
    return render(
        template[fmt],
        lang,
        rows=rows,
        label=labeller(lang),
        confidence=confidence_words(lang),
        rounding=gettext(lang)(ROUNDING),
        hours=hours_text,
        signed=signed,
    )


def signed(minutes: int | None) -> str:
    return "–" if minutes is None else ("+" if minutes >= 0 else "−") + hours_text(abs(minutes))
