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
from peerpath.audit.verdicts import CANNOT_CONFIRM, CANNOT_COUNT, FALLS_SHORT, labeller
from peerpath.curriculum.competencies import CATEGORIES
from peerpath.curriculum.hours import hours_text
from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.i18n.records import N_, kind_name
from peerpath.templating import render
from peerpath.text import markdown_text

FORMATS = ("text", "markdown", "json", "csv", "html")
CONFIDENCE = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}
REQUIREMENTS = {
    "education": N_("Education"),
    "experience": N_("Experience"),
    "supervision": N_("Supervision"),
    "exam": N_("Exam"),
    "renewal": N_("Renewal"),
}


def reason(audit: Audit, lang: str = SOURCE_LANGUAGE) -> str:
    """Why the result is what it is, in one or two sentences a board member would accept."""
    _ = gettext(lang)
    s = audit.standard
    if audit.result == CANNOT_COUNT:
        return _("{note} (Sources: {sources}.)").format(note=s.counting.note, sources="; ".join(s.counting.sources))
    short = [d.domain.name for d in audit.domains if d.result == FALLS_SHORT]
    short += [f.floor.name for f in audit.floors if f.result == FALLS_SHORT]
    counted = [(d.domain.name, d) for d in audit.domains] + [(f.floor.name, f) for f in audit.floors]
    the_total = _("the total")
    counted.append((the_total, audit.total))
    unknown = [name for name, c in counted if c.result == CANNOT_CONFIRM and c.required_minutes is None]
    depends = [name for name, c in counted if c.result == CANNOT_CONFIRM and c.required_minutes is not None]
    parts = []
    if short or audit.total.result == FALLS_SHORT:
        where = short + ([the_total] if audit.total.result == FALLS_SHORT else [])
        parts.append(_("Short of the required hours in: {where}.").format(where="; ".join(where)))
    if audit.content_missing:
        parts.append(_("Required content not covered: {content}.").format(content="; ".join(audit.content_missing)))
    if unknown:
        message = _("Cannot confirm, because the required hours are not public: {where}.")
        parts.append(message.format(where="; ".join(unknown)))
    if depends:
        message = _(
            "Cannot confirm (met only if the board credits welcomes, closings or knowledge checks, which it has "
            "not said; instruction alone falls short): {where}."
        )
        parts.append(message.format(where="; ".join(depends)))
    if not parts:
        parts.append(_("Every domain, minimum and required content is met counting only what this board credits."))
    if s.counting.who_may_deliver == "approved-provider":
        parts.append(_("The hours count only when an approved provider delivers the training (see below)."))
    return " ".join(parts)


def _signed(minutes: int | None) -> str:
    return "–" if minutes is None else ("+" if minutes >= 0 else "−") + hours_text(abs(minutes))


def hour_rows(audit: Audit, lang: str = SOURCE_LANGUAGE) -> list[dict[str, Any]]:
    """Each domain and the total as display strings: required, contact, credited, instruction, margin, result."""
    _, label = gettext(lang), labeller(lang)
    unknown, at_least = _("unknown"), _("at least {hours}")

    def row(name: str, counted: Counted, minimum: bool, total: bool) -> dict[str, Any]:
        required = counted.required_minutes
        shown = unknown if required is None else hours_text(required)
        return {
            "name": name,
            "total": total,
            "required": at_least.format(hours=shown) if minimum and required is not None else shown,
            "contact": hours_text(counted.provided_minutes),
            "credited": hours_text(counted.credited_minutes),
            "instruction": hours_text(counted.instruction_minutes),
            "margin": _signed(counted.margin_minutes),
            "result": label(counted.result),
        }

    rows = [row(d.domain.name, d, d.domain.minimum_only, False) for d in audit.domains]
    return rows + [row(_("Total"), audit.total, False, True)]


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


def audit_dict(audit: Audit, lang: str = SOURCE_LANGUAGE) -> dict[str, Any]:
    """The audit with the stable keys documented in the README; prose values (reason, rounding) in `lang`."""
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
        "reason": reason(audit, lang),
        "hours_result": audit.hours_result,
        "meets": audit.meets,
        "counting": {
            **s.counting.model_dump(mode="json", by_alias=True),
            "conditions": [{"rule": c.rule, "text": c.text} for c in audit.conditions],
        },
        "rounding": gettext(lang)(ROUNDING),
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


def audit_json(audit: Audit, lang: str = SOURCE_LANGUAGE) -> str:
    return json.dumps(audit_dict(audit, lang), indent=2, ensure_ascii=False) + "\n"


def audit_csv(audit: Audit, lang: str = SOURCE_LANGUAGE) -> str:
    """One row per contributing segment, so a spreadsheet can re-add every domain total.

    The header and ids stay as they are in every language (a spreadsheet's formulas use them);
    the instruction column says yes or no in `lang`."""
    _ = gettext(lang)
    yes, no = _("yes"), _("no")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["standard", "domain", "required_hours", "module", "segment_number", "segment", "topic", "kind", "credit",
         "instruction", "minutes"]
    )  # fmt: skip
    for d in audit.domains:
        for c in d.contributions:
            instruction = yes if c.kind not in ("opening", "closing", "quiz") else no
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


def confidence_words(lang: str):
    """'high', 'medium', 'low' in `lang`, as templates call it: confidence(level)."""
    _ = gettext(lang)
    return lambda level: _(CONFIDENCE.get(level, level))


def _context(audit: Audit, lang: str) -> dict[str, Any]:
    _ = gettext(lang)
    return {
        "a": audit,
        "s": audit.standard,
        "label": labeller(lang),
        "confidence": confidence_words(lang),
        "kind_name": lambda kind: kind_name(kind, lang),
        "requirement_name": lambda key: _(REQUIREMENTS.get(key, key.capitalize())),
        "reason": reason(audit, lang),
        "rows": hour_rows(audit, lang),
        "credit_words": {key: _(words) for key, words in CREDIT_WORDS.items()},
        "hours": hours_text,
        "rounding": _(ROUNDING),
        "wpm": READING_WORDS_PER_MINUTE,
        "categories": {number: _(title) for number, title in CATEGORIES.items()},
        "chart": chart_rows(audit),
        "source_link": source_link,
    }


def render_audit(audit: Audit, fmt: str, lang: str = SOURCE_LANGUAGE) -> str:
    """The audit in one of FORMATS and in `lang`. HTML is the Markdown report as a standalone, printable page."""
    if fmt == "json":
        return audit_json(audit, lang)
    if fmt == "csv":
        return audit_csv(audit, lang)
    context = _context(audit, lang)
    if fmt == "text":
        return render("audit.txt.j2", lang, **context)
    chart = Markup(render("audit_chart.svg.j2", lang, **context).replace("\n", ""))
    report = render("audit.md.j2", lang, chart_svg=chart, **context)
    if fmt == "markdown":
        return report
    body = Markup(markdown.markdown(report, extensions=["tables"]))
    _ = gettext(lang)
    title = _("Audit: {standard}").format(standard=audit.standard.name)
    return render("standalone.html.j2", lang, title=title, body=body)
