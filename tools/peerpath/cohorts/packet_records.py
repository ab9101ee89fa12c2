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
from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.i18n.records import date_text
from peerpath.models.roster import Roster
from peerpath.models.siteextra import Provider
from peerpath.models.standard import Standard


def sessions(roster: Roster, curriculum: Curriculum, lang: str = SOURCE_LANGUAGE) -> Section:
    """Date, time and place of each session, what it covered, and who attended."""
    _ = gettext(lang)
    cohort = roster.cohort
    title = _("Sessions and attendance")
    if not cohort.sessions:
        return Section(title, [_("This cohort's attendance is recorded per module, not per session.")])
    rows = []
    for s in cohort.sessions:
        records = [lr.sessions.get(s.id) for lr in roster.learners]
        count = {
            k: sum(1 for r in records if (r.status if r else "absent") == k) for k in ("present", "partial", "absent")
        }
        rows.append([
            s.id, date_text(s.date, lang), f"{s.start}-{s.end}", _(MODE[s.mode]), s.place or "", ", ".join(s.segments),
            str(count["present"]), str(count["partial"]), str(count["absent"]),
            str(sum(1 for lr in roster.learners if s in unattested(lr, cohort))),
        ])  # fmt: skip
    header = [_("Session"), _("Date"), _("Time"), _("Mode"), _("Place"), _("Segments"), _("Present"), _("Partial"),
              _("Absent"), _("Not attested")]  # fmt: skip
    table = Table("sessions.csv", header, rows, [1.3, 1.9, 1.7, 1.4, 2.2, 2.6, 1.2, 1.1, 1.1, 1.4], "LLLLLLRRRR")
    attested = _("Live online attendance is credited only when attested: {attestation}.")
    paragraphs = [attested.format(attestation=cohort.attestation)] if cohort.attestation else []
    return Section(title, paragraphs, [table, attendance(roster, lang)])


def attendance(roster: Roster, lang: str = SOURCE_LANGUAGE) -> Table:
    """Minutes credited per learner per session (partial credit only for time attended)."""
    _ = gettext(lang)
    cohort = roster.cohort
    not_attested = " " + _("(not attested)")
    rows = []
    for learner in roster.learners:
        cells = []
        for s in cohort.sessions:
            share = session_share(learner, s, cohort)
            mark = "" if s not in unattested(learner, cohort) else not_attested
            cells.append(f"{float(share * s.minutes):g}{mark}")
        rows.append([learner.name, *cells])
    header = [_("Learner"), *(f"{s.id} ({s.minutes} min)" for s in cohort.sessions)]
    return Table("attendance.csv", header, rows, [3, *([2] * len(cohort.sessions))], "L" + "R" * len(cohort.sessions))


def quizzes(roster: Roster, curriculum: Curriculum, lang: str = SOURCE_LANGUAGE) -> Section:
    """Per quiz: its pass mark and the scores the trainer recorded."""
    _ = gettext(lang)
    rows = []
    for module in curriculum.modules:
        quiz = curriculum.quizzes.get(module.meta.id)
        if quiz is None:
            continue
        scores = [lr.quiz_scores[module.meta.id] for lr in roster.learners if module.meta.id in lr.quiz_scores]
        passed = sum(1 for s in scores if s >= quiz.pass_mark)
        recorded = _("{count} of {learners}").format(count=len(scores), learners=len(roster.learners))
        rows.append([
            module.meta.title, f"{quiz.pass_mark:g} %", recorded, str(passed),
            str(len(scores) - passed), f"{mean(scores):.1f} %" if scores else "-",
        ])  # fmt: skip
    table = Table(
        "quiz-results.csv",
        [_("Quiz"), _("Pass mark"), _("Scores recorded"), _("Passed"), _("Below pass mark"), _("Mean score")],
        rows,
        [3.5, 1.4, 1.8, 1.2, 1.8, 1.5],
        "LRRRRR",
    )
    method = _("Evaluation method: a quiz per module, scored against its pass mark.")
    return Section(_("Quiz results"), [method], [table])


def certificates(issued: list[Issued], standard: Standard, lang: str = SOURCE_LANGUAGE) -> Section:
    """Who got a certificate and who a transcript, the hours, and each code's SHA-256 (the registry's key)."""
    _ = gettext(lang)
    words = {True: _("certificate"), False: _("transcript")}
    yes, no = _("yes"), _("no")
    rows = []
    for item in issued:
        r = item.result
        domains = "; ".join(f"{d.name} {_h(r.domain_minutes[d.id])}" for d in standard.domains)
        code = item.code_sha256 or ""
        rows.append(
            [r.learner.name, words[r.complete], _h(r.total_minutes), domains, code, yes if item.registered else no]
        )
    table = Table(
        "certificates.csv",
        [_("Learner"), _("Issued"), _("Hours"), _("Hours per domain"), _("Code SHA-256"), _("In registry")],
        rows,
        [2.4, 1.6, 1, 3, 4.2, 1.2],
        "LLRLLL",
    )
    note = _(
        "A certificate's verification code is not printed here; its SHA-256 is what the public registry keeps "
        "(certificates/registry.jsonl) and what the verify page checks. Transcripts have no code."
    )
    return Section(_("Certificates issued"), [note], [table])


def evaluations(summary_rows: Sequence[Sequence[str]] | None, lang: str = SOURCE_LANGUAGE) -> Section:
    """HOOK for the course evaluation summary: rows of the summary table, the first row its header.

    `peerpath evaluations summarize` (another part of PeerPath) makes the summary; pass its rows here,
    or give `peerpath packet --evaluations FILE` the summary's CSV.
    """
    _ = gettext(lang)
    if not summary_rows:
        return Section(
            _("Course evaluations"),
            [_("No evaluation summary was given: run `peerpath packet` with --evaluations SUMMARY.csv.")],
        )
    header, *rows = [list(map(str, row)) for row in summary_rows]
    table = Table("evaluations.csv", header, rows, [3, *([1.5] * (len(header) - 1))])
    return Section(_("Course evaluations"), [_("Participants' answers, summarised per question.")], [table])


def flags(findings: Sequence[tuple[str, str, str]], roster: Roster, lang: str = SOURCE_LANGUAGE) -> Section:
    """The cohort audit's findings (online hours per day, in-person share, who may deliver, coverage),
    the rules a board would object to first, and learners who attended only part of a session."""
    _ = gettext(lang)
    objections = [f for f in findings if f[1] != MEETS]
    rows = [
        [rule, label(result, lang), text]
        for rule, result, text in [*objections, *(f for f in findings if f[1] == MEETS)]
    ]
    partial = [lr for lr in roster.learners if any(r.status == "partial" for r in lr.sessions.values())]
    if partial:
        message = _(
            "{count} learner(s) attended part of a session; each is credited only the minutes attended "
            "(see the attendance table)."
        )
        rows.append(["partial-attendance", label(MEETS, lang), message.format(count=len(partial))])
    if objections:
        message = _("The cohort breaks or cannot confirm {count} of the standard's rules; they come first.")
        summary = message.format(count=len(objections))
    else:
        summary = _("The cohort breaks none of the standard's delivery rules we hold.")
    table = Table("board-rules.csv", [_("Rule"), _("Result"), _("Finding")], rows, [1.6, 1.6, 8])
    return Section(_("Board rules"), [summary], [table])


def retention(
    roster: Roster, provider: Provider | None, standard: Standard, made: dt.date, lang: str = SOURCE_LANGUAGE
) -> Section:
    _ = gettext(lang)
    approval = provider.approval_for(standard.id) if provider else None
    made_line = _("Packet made on {date} by PeerPath from the cohort file and the curriculum.")
    lines = [made_line.format(date=date_text(made, lang))]
    if approval is not None and approval.retention_years:
        until = _years_after(roster.cohort.end, approval.retention_years)
        message = _(
            "{body} asks that training records be kept {years} years: keep this packet, "
            "the sign-in sheets, certificates and evaluations until at least {until}."
        )
        lines.append(message.format(body=approval.body, years=approval.retention_years, until=date_text(until, lang)))
    else:
        lines.append(
            _(
                "No retention period is recorded for this standard (retention_years in the provider's approval): "
                "keep these records as long as the approving body requires."
            )
        )
    lines.append(_("This packet names learners: keep it private, as the roster is kept."))
    return Section(_("Record retention"), lines)


def _years_after(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (28 February for 29 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
