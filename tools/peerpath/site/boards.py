"""The "For boards" pages: one audit per standard, an overview with what counts, and a crosswalk."""

from __future__ import annotations

from markupsafe import Markup

from peerpath.audit.compute import Audit, audit
from peerpath.audit.conditions import approval_of
from peerpath.audit.report import render_audit
from peerpath.audit.summary import summary_rows
from peerpath.curriculum.crosscheck import Curriculum
from peerpath.i18n import SOURCE_LANGUAGE
from peerpath.site.labels import BOARD_RESULT, CONFIDENCE, words
from peerpath.templating import render

CROSSWALK_STANDARD = "icrc-pr"


def board_pages(curriculum: Curriculum, base: dict | None = None, lang: str = SOURCE_LANGUAGE) -> dict[str, str]:
    """The "For boards" section: one audit page per standard, a crosswalk, and an overview."""
    if not curriculum.standards:
        return {}
    audits = [audit(curriculum, s, approval=approval_of(base, s.id), lang=lang) for s in curriculum.standards.values()]
    pages = {
        f"boards/{a.standard.id}.md": render(
            "board_standard.md.j2", lang, s=a.standard, report=Markup(render_audit(a, "markdown", lang))
        )
        for a in audits
    }
    results, confidence = words(BOARD_RESULT, lang), words(CONFIDENCE, lang)
    pages["boards/index.md"] = render(
        "boards_index.md.j2",
        lang,
        course=curriculum.course,
        rows=summary_rows(audits, lang),
        label=lambda result: results[result.replace("-", " ")],
        confidence=lambda level: confidence.get(level, level),
        marks={"meets": "✓", "falls-short": "✗", "cannot-confirm": "?", "cannot-count-here": "✗"},
        modules=curriculum.modules,
    )
    crosswalk_standard = curriculum.standards.get(CROSSWALK_STANDARD) or next(iter(curriculum.standards.values()))
    pages["boards/crosswalk.md"] = crosswalk_page(curriculum, audit(curriculum, crosswalk_standard), lang)
    return pages


def crosswalk_page(curriculum: Curriculum, result: Audit, lang: str = SOURCE_LANGUAGE) -> str:
    """Module x domain minutes for one standard."""
    rows = []
    for module in curriculum.modules:
        cells = [sum(c.minutes for c in d.contributions if c.module == module.meta.id) for d in result.domains]
        rows.append({"id": module.meta.id, "title": module.meta.title, "cells": cells, "total": sum(cells)})
    return render(
        "crosswalk.md.j2",
        lang,
        s=result.standard,
        domains=[d.domain for d in result.domains],
        rows=rows,
        totals=[d.provided_minutes for d in result.domains],
        grand_total=result.provided_minutes,
    )
