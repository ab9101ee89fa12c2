"""`peerpath audit`: wiring from the command line to the curriculum audit and the cohort audit.

Exit codes: 0 meets; 1 falls short, or cannot confirm; 3 cannot count here (only the board's own
curriculum counts, or, for a cohort, an approved provider is required and none is recorded); 2 invalid input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import markdown
from markupsafe import Markup

from peerpath.audit.compute import audit
from peerpath.audit.conditions import approval_of
from peerpath.audit.report import confidence_words, render_audit
from peerpath.audit.summary import render_summary
from peerpath.audit.verdicts import CANNOT_COUNT, MEETS, labeller
from peerpath.cohorts.delivery import CohortAudit, cohort_audit
from peerpath.cohorts.roster import read_roster
from peerpath.curriculum.crosscheck import Curriculum
from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.site.generate import write_file
from peerpath.templating import render

EXIT = {MEETS: 0, CANNOT_COUNT: 3}


def exit_code(results: list[str]) -> int:
    if all(r == MEETS for r in results):
        return 0
    return 3 if all(r in (MEETS, CANNOT_COUNT) for r in results) else 1


def run_audit(curriculum: Curriculum, base: dict | None, args) -> int:
    lang = getattr(args, "lang", None)
    if args.all:
        lang = lang or SOURCE_LANGUAGE
        audits = [
            audit(curriculum, s, approval=approval_of(base, s.id, lang), lang=lang)
            for s in curriculum.standards.values()
        ]
        text, results = render_summary(audits, args.format, lang), [a.result for a in audits]
    else:
        standard = curriculum.standards.get(args.standard)
        if standard is None:
            known = ", ".join(sorted(curriculum.standards))
            print(f"no standard has the id '{args.standard}' (known: {known})", file=sys.stderr)
            return 2
        if args.cohort:
            roster, problems = read_roster(Path(args.cohort), args.cohort, curriculum)
            if problems or roster is None:
                for problem in problems:
                    print(problem, file=sys.stderr)
                return 2
            lang = lang or roster.cohort.language
            approval = approval_of(base, standard.id, lang)
            result = cohort_audit(curriculum, standard, roster.cohort, approval, lang)
            text, results = render_cohort_audit(result, args.format, lang), [result.result]
        else:
            lang = lang or SOURCE_LANGUAGE
            result = audit(curriculum, standard, approval=approval_of(base, standard.id, lang), lang=lang)
            text, results = render_audit(result, args.format, lang), [result.result]
    if args.out:
        write_file(Path(args.out), text)
        print(f"wrote {args.out}")
    else:
        sys.stdout.write(text)
    return exit_code(results)


def render_cohort_audit(result: CohortAudit, fmt: str, lang: str = SOURCE_LANGUAGE) -> str:
    """The cohort audit in any audit format and in `lang`. It holds no learner data: only the cohort's sessions."""
    rows = [{"rule": f.rule, "result": f.result, "text": f.text} for f in result.findings]
    if fmt == "json":
        data = {
            "standard": result.standard.id,
            "cohort": result.cohort_id,
            "result": result.result,
            "findings": rows,
            "minutes_by_mode": result.minutes_by_mode,
            "online_minutes_by_day": {d.isoformat(): m for d, m in sorted(result.online_minutes_by_day.items())},
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        import csv
        import io

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["standard", "cohort", "rule", "result", "finding"])
        for r in rows:
            writer.writerow([result.standard.id, result.cohort_id, r["rule"], r["result"], r["text"]])
        return out.getvalue()
    context = {"r": result, "rows": rows, "label": labeller(lang), "confidence": confidence_words(lang)}
    if fmt == "text":
        return render("cohort_audit.txt.j2", lang, **context)
    report = render("cohort_audit.md.j2", lang, **context)
    if fmt == "markdown":
        return report
    body = Markup(markdown.markdown(report, extensions=["tables"]))
    _ = gettext(lang)
    title = _("Cohort audit: {standard}").format(standard=result.standard.name)
    return render("standalone.html.j2", lang, title=title, body=body)
