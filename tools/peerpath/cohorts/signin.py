"""Printable sign-in sheets, one PDF per session: learners' names and signature lines, nothing else personal.

They hold names, so they are written only where the trainer says (private/sign-in by default).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from fpdf import FPDF

from peerpath.cohorts.pdf_layout import Fonts, content_width, document, heading, subset_fonts, table, text
from peerpath.curriculum.crosscheck import Curriculum
from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.i18n.records import N_, catalog_characters, weekday_date_text
from peerpath.models.roster import Roster, Session

MODE = {"in-person": N_("In person"), "virtual-live": N_("Live online"), "self-paced": N_("Self-paced")}
ROW_HEIGHT = 11  # mm: room for a signature


def sheet_columns(session: Session, roster: Roster, lang: str = SOURCE_LANGUAGE) -> tuple[list[str], list[float]]:
    """Header and column widths; a live online session with an attestation gets a column for it."""
    _ = gettext(lang)
    header, shares = ["#", _("Name"), _("Signature"), _("Arrived"), _("Left")], [0.5, 4, 4, 1.3, 1.3]
    if session.mode == "virtual-live" and roster.cohort.attestation:
        header, shares = [*header, _("Attested")], [*shares, 1.4]
    return header, shares


def session_line(session: Session, lang: str = SOURCE_LANGUAGE) -> str:
    where = f", {session.place}" if session.place else ""
    mode = gettext(lang)(MODE[session.mode])
    return f"{weekday_date_text(session.date, lang)}, {session.start}–{session.end}, {mode}{where}"


def render_sheet(
    roster: Roster, session: Session, curriculum: Curriculum, paper: str, fonts: Fonts, lang: str = SOURCE_LANGUAGE
) -> bytes:
    _ = gettext(lang)
    cohort = roster.cohort
    title = _("Sign-in sheet: {cohort}, session {session}").format(cohort=cohort.title, session=session.id)
    pdf = document(title, paper, fonts)
    width = content_width(pdf)
    heading(pdf, _("Sign-in sheet"), 18)
    pdf.set_font("DejaVu", "", 11)
    course = curriculum.course
    line = _("{course} (version {version}), {cohort}")
    text(pdf, width, 6, line.format(course=course.title, version=course.version, cohort=cohort.title))
    line = _("Session {session}: {when}")
    text(pdf, width, 6, line.format(session=session.id, when=session_line(session, lang)))
    text(pdf, width, 6, _("Trainers: {names}").format(names="; ".join(t.name for t in cohort.trainers)))
    pdf.set_font("DejaVu", "", 9)
    text(
        pdf,
        width,
        5,
        _("Sign when you arrive. The trainer writes the times you arrive and leave if you miss part of it."),
    )
    if session.mode == "virtual-live" and cohort.attestation:
        line = _("Live online: the trainer ticks 'Attested' for each learner who met this: {attestation}.")
        text(pdf, width, 5, line.format(attestation=cohort.attestation))
    pdf.ln(2)
    header, shares = sheet_columns(session, roster, lang)
    blanks = [""] * (len(header) - 2)
    rows = [[str(n), learner.name, *blanks] for n, learner in enumerate(roster.learners, 1)]
    table(pdf, header, rows, shares, "RL" + "L" * len(blanks), height=ROW_HEIGHT)
    _trainer_lines(pdf, width, (_("Trainer's signature"), _("Date")))
    return bytes(pdf.output())


def _trainer_lines(pdf: FPDF, width: float, labels: tuple[str, str]) -> None:
    if pdf.get_y() + 25 > pdf.page_break_trigger:
        pdf.add_page()
    y = pdf.get_y() + 14
    half = width / 2
    for i, label in enumerate(labels):
        x = pdf.l_margin + i * half
        pdf.line(x + 2, y, x + half - 6, y)
        pdf.set_xy(x, y + 1)
        pdf.set_font("DejaVu", "", 9)
        pdf.cell(half, 5, label)
    pdf.set_y(y + 8)


def sheet_name(roster: Roster, session: Session) -> str:
    return f"{roster.cohort.id}--{session.id}--sign-in.pdf"


def write_sheets(
    roster: Roster, curriculum: Curriculum, out: Path, paper: str = "letter", lang: str | None = None
) -> list[Path]:
    """One PDF per session in `out`, in `lang` (default: the cohort's language); all sheets or none."""
    lang = lang or roster.cohort.language
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".peerpath-sign-in-", dir=out))
    try:
        printed = [learner.name for learner in roster.learners] + [t.name for t in roster.cohort.trainers]
        printed += [roster.cohort.title, curriculum.course.title, roster.cohort.attestation or ""]
        printed += [session_line(s, lang) for s in roster.cohort.sessions] + [catalog_characters(lang)]
        fonts = subset_fonts(printed, staging)
        for session in roster.cohort.sessions:
            pdf = render_sheet(roster, session, curriculum, paper, fonts, lang)
            (staging / sheet_name(roster, session)).write_bytes(pdf)
        written = []
        for session in roster.cohort.sessions:
            os.replace(staging / sheet_name(roster, session), out / sheet_name(roster, session))
            written.append(out / sheet_name(roster, session))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written
