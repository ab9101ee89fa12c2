"""The packet's record sections: sessions and attendance, quiz results, certificates, evaluations,
the board rules the cohort breaks, and how long the records are kept. Pure functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from statistics import mean

from peerpath.audit.verdicts import MEETS, label
from peerpath.cohorts.attendance import session_share, unattested
from peerpath.cohorts.packet import MODE, Issued, Section, Table, _h
from peerpath.curriculum.crosscheck import Curriculum
from peerpath.models.roster import Roster
from peerpath.models.siteextra import Provider
from peerpath.models.standard import Standard


def sessions(roster: Roster, curriculum: Curriculum) -> Section:
    """Date, time and place of each session, what it covered, and who attended."""
    cohort = roster.cohort
    if not cohort.sessions:
        return Section("Sessions and attendance", ["This cohort's attendance is recorded per module, not per session."])
    rows = []
    for s in cohort.sessions:
        records = [lr.sessions.get(s.id) for lr in roster.learners]
        count = {
            k: sum(1 for r in records if (r.status if r else "absent") == k) for k in ("present", "partial", "absent")
        }
        rows.append([
            s.id, s.date.isoformat(), f"{s.start}-{s.end}", MODE[s.mode], s.place or "", ", ".join(s.segments),
            str(count["present"]), str(count["partial"]), str(count["absent"]),
            str(sum(1 for lr in roster.learners if s in unattested(lr, cohort))),
        ])  # fmt: skip
    table = Table(
        "sessions.csv",
        ["Session", "Date", "Time", "Mode", "Place", "Segments", "Present", "Partial", "Absent", "Not attested"],
        rows,
        [1.3, 1.9, 1.7, 1.4, 2.2, 2.6, 1.2, 1.1, 1.1, 1.4],
        "LLLLLLRRRR",
    )
    paragraphs = (
        [f"Live online attendance is credited only when attested: {cohort.attestation}."] if cohort.attestation else []
    )
    return Section("Sessions and attendance", paragraphs, [table, attendance(roster)])


def attendance(roster: Roster) -> Table:
    """Minutes credited per learner per session (partial credit only for time attended)."""
    cohort = roster.cohort
    rows = []
    for learner in roster.learners:
        cells = []
        for s in cohort.sessions:
            share = session_share(learner, s, cohort)
            mark = "" if s not in unattested(learner, cohort) else " (not attested)"
            cells.append(f"{float(share * s.minutes):g}{mark}")
        rows.append([learner.name, *cells])
    header = ["Learner", *(f"{s.id} ({s.minutes} min)" for s in cohort.sessions)]
    return Table("attendance.csv", header, rows, [3, *([2] * len(cohort.sessions))], "L" + "R" * len(cohort.sessions))


def quizzes(roster: Roster, curriculum: Curriculum) -> Section:
    """Per quiz: its pass mark and the scores the trainer recorded."""
    rows = []
    for module in curriculum.modules:
        quiz = curriculum.quizzes.get(module.meta.id)
        if quiz is None:
            continue
        scores = [lr.quiz_scores[module.meta.id] for lr in roster.learners if module.meta.id in lr.quiz_scores]
        passed = sum(1 for s in scores if s >= quiz.pass_mark)
        rows.append([
            module.meta.title, f"{quiz.pass_mark:g} %", f"{len(scores)} of {len(roster.learners)}", str(passed),
            str(len(scores) - passed), f"{mean(scores):.1f} %" if scores else "-",
        ])  # fmt: skip
    table = Table(
        "quiz-results.csv",
        ["Quiz", "Pass mark", "Scores recorded", "Passed", "Below pass mark", "Mean score"],
        rows,
        [3.5, 1.4, 1.8, 1.2, 1.8, 1.5],
        "LRRRRR",
    )
    return Section("Quiz results", ["Evaluation method: a quiz per module, scored against its pass mark."], [table])


def certificates(issued: list[Issued], standard: Standard) -> Section:
    """Who got a certificate and who a transcript, the hours, and each code's SHA-256 (the registry's key)."""
    rows = []
    for item in issued:
        r = item.result
        domains = "; ".join(f"{d.name} {_h(r.domain_minutes[d.id])}" for d in standard.domains)
        outcome = "certificate" if r.complete else "transcript"
        code = item.code_sha256 or ""
        rows.append([r.learner.name, outcome, _h(r.total_minutes), domains, code, "yes" if item.registered else "no"])
    table = Table(
        "certificates.csv",
        ["Learner", "Issued", "Hours", "Hours per domain", "Code SHA-256", "In registry"],
        rows,
        [2.4, 1.6, 1, 3, 4.2, 1.2],
        "LLRLLL",
    )
    note = (
        "A certificate's verification code is not printed here; its SHA-256 is what the public registry keeps "
        "(certificates/registry.jsonl) and what the verify page checks. Transcripts have no code."
    )
    return Section("Certificates issued", [note], [table])


def evaluations(summary_rows: Sequence[Sequence[str]] | None) -> Section:
    """HOOK for the course evaluation summary: rows of the summary table, the first row its header.

    `peerpath evaluations summarize` (another part of PeerPath) makes the summary; pass its rows here,
    or give `peerpath packet --evaluations FILE` the summary's CSV.
    """
    if not summary_rows:
        return Section(
            "Course evaluations",
            ["No evaluation summary was given: run `peerpath packet` with --evaluations SUMMARY.csv."],
        )
    header, *rows = [list(map(str, row)) for row in summary_rows]
    table = Table("evaluations.csv", header, rows, [3, *([1.5] * (len(header) - 1))])
    return Section("Course evaluations", ["Participants' answers, summarised per question."], [table])


def flags(findings: Sequence[tuple[str, str, str]], roster: Roster) -> Section:
    """The cohort audit's findings (online hours per day, in-person share, who may deliver, coverage),
    the rules a board would object to first, and learners who attended only part of a session."""
    objections = [f for f in findings if f[1] != MEETS]
    rows = [
        [rule, label(result), text] for rule, result, text in [*objections, *(f for f in findings if f[1] == MEETS)]
    ]
    partial = [lr for lr in roster.learners if any(r.status == "partial" for r in lr.sessions.values())]
    if partial:
        rows.append([
            "partial-attendance", label(MEETS),
            f"{len(partial)} learner(s) attended part of a session; each is credited only the minutes attended "
            "(see the attendance table).",
        ])  # fmt: skip
    if objections:
        summary = f"The cohort breaks or cannot confirm {len(objections)} of the standard's rules; they come first."
    else:
        summary = "The cohort breaks none of the standard's delivery rules we hold."
    table = Table("board-rules.csv", ["Rule", "Result", "Finding"], rows, [1.6, 1.6, 8])
    return Section("Board rules", [summary], [table])


def retention(roster: Roster, provider: Provider | None, standard: Standard, made: dt.date) -> Section:
    approval = provider.approval_for(standard.id) if provider else None
    lines = [f"Packet made on {made.isoformat()} by PeerPath from the cohort file and the curriculum."]
    if approval is not None and approval.retention_years:
        until = _years_after(roster.cohort.end, approval.retention_years)
        lines.append(
            f"{approval.body} asks that training records be kept {approval.retention_years} years: keep this packet, "
            f"the sign-in sheets, certificates and evaluations until at least {until.isoformat()}."
        )
    else:
        lines.append(
            "No retention period is recorded for this standard (retention_years in the provider's approval): "
            "keep these records as long as the approving body requires."
        )
    lines.append("This packet names learners: keep it private, as the roster is kept.")
    return Section("Record retention", lines)


def _years_after(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (28 February for 29 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
