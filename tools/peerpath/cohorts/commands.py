"""The trainer's cohort commands: schedule, sign-in sheets and the approval packet.

Command-line wiring only, as in `peerpath.cli`: read and check the inputs, call the cohorts package,
print what was written or every problem found, set the exit code.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys
from pathlib import Path

import markdown
from markupsafe import Markup

from peerpath.cohorts.roster import read_roster
from peerpath.cohorts.schedule import build_schedule, past_midnight, planned_sessions, sessions_yaml
from peerpath.curriculum.readtext import MAX_ROSTER_BYTES, decode_utf8, read_bytes
from peerpath.i18n import LANGUAGES, gettext
from peerpath.i18n.records import kind_name, weekday_date_text
from peerpath.models.counting import DELIVERY_MODES
from peerpath.models.siteextra import Provider
from peerpath.options import calendar_date, clock_time, day_count
from peerpath.pipeline import check
from peerpath.problems import Problem
from peerpath.project import Project
from peerpath.site.generate import write_file
from peerpath.templating import render


def add_commands(commands) -> None:
    """Add the cohort commands to `peerpath`'s subcommands."""
    sub = commands.add_parser("schedule", help="a printable day-by-day schedule for a live cohort")
    sub.add_argument("--cohort", metavar="ROSTER_OR_DATES", help="roster file, or 2027-03-01..2027-03-05")
    sub.add_argument("--days", type=day_count, help="number of days (default: from the cohort dates)")
    sub.add_argument("--start", type=clock_time, default="09:00", help="start time each day, HH:MM (default 09:00)")
    sub.add_argument("--format", choices=("markdown", "html", "sessions"), default="markdown", help="sessions: YAML")
    sub.add_argument("--mode", choices=DELIVERY_MODES, default="in-person", help="sessions' delivery mode")
    sub.add_argument("--place", help="sessions' place (room and address, or the video platform)")
    sub.add_argument("--out", metavar="FILE")
    add_lang(sub)
    sub.set_defaults(run=_schedule)
    sub = commands.add_parser("signin", help="printable sign-in sheets, one PDF per session (names, signature lines)")
    sub.add_argument("roster", help="cohort file with sessions and learners, .yml or .csv (keep it in private/)")
    sub.add_argument("--out", metavar="DIR", help="folder for the PDFs (default: private/sign-in)")
    sub.add_argument("--paper", choices=("letter", "a4"), default="letter")
    add_lang(sub)
    sub.set_defaults(run=_signin)
    sub = commands.add_parser("packet", help="the approval and audit packet for a cohort: one PDF and its CSVs")
    sub.add_argument("--cohort", required=True, metavar="FILE", help="cohort file, .yml or .csv (keep it in private/)")
    sub.add_argument("--standard", required=True, metavar="ID", help="standard whose domains and rules apply")
    sub.add_argument("--out", metavar="DIR", help="folder for the packet (default: private/packet)")
    sub.add_argument("--evaluations", metavar="CSV", help="the course evaluation summary, as a CSV table")
    sub.add_argument("--key", metavar="FILE", help="signing key (default: private/certificate-key)")
    sub.add_argument("--paper", choices=("letter", "a4"), default="letter")
    add_lang(sub)
    sub.set_defaults(run=_packet)


def add_lang(sub) -> None:
    """`--lang en|es`: the language of what the command prints (default: the cohort's, else English)."""
    sub.add_argument(
        "--lang", choices=tuple(LANGUAGES), help="language of the output (default: the cohort's, else English)"
    )


def report(problems: list[Problem], outcome: str = "nothing was generated") -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s) found; {outcome}", file=sys.stderr)
    return 1


def read_checked_roster(project: Project, value: str):
    """(curriculum, roster) or None after printing every problem (nothing is written then)."""
    curriculum, base, problems = check(project)
    if problems or curriculum is None:
        report(problems)
        return None
    roster, problems = read_roster(Path(value), value, curriculum)
    if problems or roster is None:
        report(problems, "nothing was written")
        return None
    return curriculum, roster, base


def _signin(project: Project, args: argparse.Namespace) -> int:
    from peerpath.cohorts.pdf_layout import FontMissing
    from peerpath.cohorts.signin import write_sheets

    checked = read_checked_roster(project, args.roster)
    if checked is None:
        return 1
    curriculum, roster, _ = checked
    if not roster.cohort.sessions:
        print(
            f"peerpath: {args.roster}: the cohort lists no sessions; see `peerpath schedule --format sessions`",
            file=sys.stderr,
        )
        return 1
    out = Path(args.out) if args.out else project.private / "sign-in"
    try:
        written = write_sheets(roster, curriculum, out, args.paper, args.lang)
    except FontMissing as error:
        print(f"peerpath: {error}", file=sys.stderr)
        return 1
    print(f"{len(written)} sign-in sheet(s) written to {project.shown(out)}")
    return 0


def _packet(project: Project, args: argparse.Namespace) -> int:
    from peerpath.cohorts.packet_files import outcomes, sections, write_packet
    from peerpath.cohorts.pdf_layout import FontMissing

    checked = read_checked_roster(project, args.cohort)
    if checked is None:
        return 1
    curriculum, roster, base = checked
    standard = curriculum.standards.get(args.standard)
    if standard is None:
        print(
            f"peerpath: no standard has the id '{args.standard}' (standards: {', '.join(curriculum.standards)})",
            file=sys.stderr,
        )
        return 1
    rows, problems = evaluation_rows(args.evaluations)
    if problems:
        return report(problems, "nothing was written")
    settings = base["extra"]["peerpath"]
    provider = Provider.model_validate(settings["provider"]) if settings.get("provider") else None
    key_path = Path(args.key) if args.key else project.private / "certificate-key"
    key = bytes.fromhex(key_path.read_text(encoding="ascii").strip()) if key_path.is_file() else None
    folder = Path(args.cohort).parent
    found = {t.cv: (folder / t.cv).is_file() for t in roster.cohort.trainers if t.cv}
    lang = args.lang or roster.cohort.language
    issued = outcomes(roster, curriculum, standard, provider, key, project.registry, lang)
    findings = board_findings(curriculum, standard, roster, base, lang)
    parts = sections(
        roster, curriculum, standard, provider, issued,
        cv_found=found, evaluation_rows=rows, findings=findings, made=dt.date.today(), lang=lang,
    )  # fmt: skip
    out = Path(args.out) if args.out else project.private / "packet"
    try:
        cvs = {cv: folder / cv for cv, there in found.items() if there}
        _ = gettext(lang)
        title = _("Packet: {cohort}, {standard}").format(cohort=roster.cohort.title, standard=standard.name)
        written = write_packet(parts, title, out, args.paper, cvs)
    except FontMissing as error:
        print(f"peerpath: {error}", file=sys.stderr)
        return 1
    print(f"packet written to {project.shown(out)}: {len(written)} file(s)")
    if key is None:
        print("note: no signing key, so certificates' code hashes are left out; issue the certificates first")
    return 0


def evaluation_rows(value: str | None) -> tuple[list[list[str]] | None, list[Problem]]:
    """The evaluation summary CSV's rows (header first), or the problem reading it."""
    if not value:
        return None, []
    data, problem = read_bytes(Path(value), value, MAX_ROSTER_BYTES)
    text, problem = decode_utf8(data, value) if data is not None else (None, problem)
    if text is None:
        return None, [problem] if problem else []
    rows = [row for row in csv.reader(io.StringIO(text)) if row]
    if not rows:
        return None, [Problem(value, 1, "", "file is empty")]
    return rows, []


def board_findings(curriculum, standard, roster, base, lang: str = "en") -> list[tuple[str, str, str]]:
    """The cohort audit's findings (peerpath.cohorts.delivery) as (rule, result, text), worded in `lang`."""
    from peerpath.audit.conditions import approval_of
    from peerpath.cohorts.delivery import cohort_audit

    result = cohort_audit(curriculum, standard, roster.cohort, approval_of(base, standard.id, lang), lang)
    return [(f.rule, f.result, f.text) for f in result.findings]


def _schedule(project: Project, args: argparse.Namespace) -> int:
    curriculum, _, problems = check(project)
    if problems or curriculum is None:
        return report(problems)
    first_date, days, lang = None, args.days, args.lang
    if args.cohort:
        try:
            first_date, last_date, cohort_lang = cohort_dates(args.cohort, curriculum)
        except ValueError as error:
            print(f"peerpath: {error}", file=sys.stderr)
            return 1
        if last_date and not days:
            days = (last_date - first_date).days + 1
        lang = lang or cohort_lang
    if not days:
        print("peerpath: give --days, or a --cohort with start and end dates", file=sys.stderr)
        return 1
    plan = build_schedule(curriculum, days, args.start, first_date)
    if too_few := past_midnight(plan):
        print(f"peerpath: {too_few}", file=sys.stderr)
        return 1
    if args.format == "sessions":
        if first_date is None:
            print("peerpath: sessions need dates: give --cohort with the cohort file or its dates", file=sys.stderr)
            return 1
        text = sessions_yaml(planned_sessions(plan, curriculum), curriculum, args.mode, args.place)
        return _write_or_print(text, args.out)
    lang = lang or "en"
    text = render(
        "schedule.md.j2",
        lang,
        course=curriculum.course,
        days=plan,
        start=args.start,
        total_contact=sum(d.contact_minutes for d in plan),
        weekday_date=lambda day: weekday_date_text(day, lang),
        kind_name=lambda kind: kind_name(kind, lang),
    )
    if args.format == "html":
        body = Markup(markdown.markdown(text, extensions=["tables"]))
        _ = gettext(lang)
        text = render("standalone.html.j2", lang, title=_("Schedule"), body=body)
    return _write_or_print(text, args.out)


def _write_or_print(text: str, out: str | None) -> int:
    if out:
        write_file(Path(out), text)
        print(f"wrote {out}")
    else:
        sys.stdout.write(text)
    return 0


def cohort_dates(value: str, curriculum) -> tuple[dt.date, dt.date | None, str | None]:
    """A roster file's cohort dates and language, or 'YYYY-MM-DD..YYYY-MM-DD', or a single start date."""
    path = Path(value)
    if path.is_file():
        roster, problems = read_roster(path, value, curriculum)
        if problems or roster is None:
            raise ValueError("the roster has problems; run `peerpath certificates issue` on it to list them")
        return roster.cohort.start, roster.cohort.end, roster.cohort.language
    first, _, last = value.partition("..")
    start, end = calendar_date(first, value), calendar_date(last, value) if last else None
    if end is not None and end < start:
        raise ValueError(f"--cohort: the end date {end} is before the start date {start}")
    return start, end, None
