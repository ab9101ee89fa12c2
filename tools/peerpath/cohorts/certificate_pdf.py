"""Certificate and transcript PDFs (fpdf2: pure Python, no browser, fast enough for large cohorts)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import segno
from fpdf import FPDF

from peerpath.cohorts.pdf_layout import (
    FontMissing,
    Fonts,
    content_width,
    document,
    font_files,
    paragraph,
    subset_fonts,
    table,
)
from peerpath.cohorts.pdf_layout import text as _text
from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.i18n.records import catalog_characters

__all__ = [
    "CertificateData",
    "DomainLine",
    "FontMissing",
    "Fonts",
    "fonts_for_batch",
    "render_pdf",
    "dark_runs",
    "dark_blocks",
]


def printed_text(data: CertificateData) -> str:
    """Every string a certificate prints from its data (names, titles, trainers, missing items)."""

    def strings(value) -> Iterable[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list | tuple):
            for item in value:
                yield from strings(item)

    return "".join(strings(dataclasses.asdict(data)))


def fonts_for_batch(batch: Iterable[CertificateData], folder: Path) -> Fonts:
    """DejaVu cut down to the characters one batch prints (see `pdf_layout.subset_fonts`)."""
    batch = list(batch)
    wording = {catalog_characters(data.lang) for data in batch}  # the documents' own words, once per language
    return subset_fonts([*(printed_text(data) for data in batch), *wording], folder)


@dataclass(frozen=True)
class DomainLine:
    name: str
    hours: float
    required: float | None


@dataclass(frozen=True)
class CertificateData:
    """Everything printed on one certificate or transcript, already worded and rounded."""

    kind: str  # "certificate" or "transcript"
    organisation: str
    learner_name: str
    course_title: str
    course_version: str
    cohort_title: str
    cohort_dates: str
    delivery: str
    total_hours: float
    standard_name: str
    domains: list[DomainLine]
    trainers: list[str]
    issued: str
    code: str | None
    verify_text: str | None  # what the QR code holds (verify address with the code, or the code)
    missing: list[str]
    dates_attended: str = ""  # days the learner attended, when attendance is kept per session
    provider: list[str] = dataclasses.field(default_factory=list)  # approval lines for the chosen standard
    verify_link: str | None = None  # the verify address with the code: a link a reader can click
    lang: str = SOURCE_LANGUAGE  # the language every fixed word is printed in (the learner's)


def _hours(value: float) -> str:
    return f"{value:g} h"


def document_title(data: CertificateData) -> str:
    _ = gettext(data.lang)
    kind = _("Certificate") if data.kind == "certificate" else _("Transcript")
    return f"{kind}: {data.course_title}"


def render_pdf(data: CertificateData, paper: str = "letter", fonts: Fonts | None = None, into: FPDF | None = None):
    """One certificate or transcript: its own PDF, or drawn on the current page of `into` (see certificate_batch)."""
    _ = gettext(data.lang)
    certificate = data.kind == "certificate"
    pdf = into if into is not None else document(document_title(data), paper, fonts or font_files())
    width = content_width(pdf)
    heading = _("Certificate of Completion") if certificate else _("Training Transcript")

    pdf.set_font("DejaVu", "B", 24)
    pdf.cell(width, 14, heading, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 12)
    pdf.cell(width, 7, data.organisation, align="C", new_x="LMARGIN", new_y="NEXT")
    if not certificate:
        pdf.set_font("DejaVu", "B", 11)
        pdf.multi_cell(
            width,
            6,
            _("This is a transcript of hours earned. It is not a certificate of completion."),
            align="C",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.ln(6)
    pdf.set_font("DejaVu", "", 12)
    lead = _("This certifies that") if certificate else _("Hours earned by")
    pdf.cell(width, 7, lead, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 20)
    _text(pdf, width, 11, data.learner_name, align="C")
    pdf.set_font("DejaVu", "", 12)
    course = {"course": data.course_title, "version": data.course_version}
    what = (
        _("completed {course} (version {version})")
        if certificate
        else _("attended part of {course} (version {version})")
    )
    _text(pdf, width, 7, what.format(**course), align="C")
    delivered = _("{cohort}, {dates}, delivered {delivery}")
    _text(
        pdf,
        width,
        7,
        delivered.format(cohort=data.cohort_title, dates=data.cohort_dates, delivery=data.delivery),
        align="C",
    )
    if data.dates_attended:
        _text(pdf, width, 7, _("Dates attended: {dates}").format(dates=data.dates_attended), align="C")
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 13)
    contact = _("Contact hours: {hours}").format(hours=_hours(data.total_hours))
    pdf.cell(width, 8, contact, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    pdf.set_font("DejaVu", "B", 10)
    _text(pdf, width, 6, _("Hours by domain of {standard}").format(standard=data.standard_name))
    pdf.set_font("DejaVu", "", 10)
    not_public = _("not public")
    rows = [
        (d.name, _hours(d.hours), _hours(d.required) if d.required is not None else not_public) for d in data.domains
    ]
    table(pdf, (_("Domain"), _("Hours"), _("Required")), rows, (0.6, 0.2, 0.2), "LRR")
    if data.missing:
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", 10)
        pdf.cell(width, 6, _("Still needed for completion:"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        for item in data.missing:
            _text(pdf, width, 5.5, f"• {item}")

    pdf.ln(6)
    _signatures(pdf, data.trainers, width, _("Trainer"))
    _provider(pdf, data.provider, width)
    _verification(pdf, data, width)
    return bytes(pdf.output()) if into is None else None


def _provider(pdf: FPDF, lines: list[str], width: float) -> None:
    """The provider's approval: body, number and the wording the body asks for."""
    pdf.set_font("DejaVu", "", 9)
    for line in lines:
        _text(pdf, width, 5, line)
    if lines:
        pdf.ln(1)


def _signatures(pdf: FPDF, trainers: list[str], width: float, role: str) -> None:
    column = width / max(1, min(len(trainers), 3))
    y = pdf.get_y() + 10
    for i, trainer in enumerate(trainers[:3]):
        x = pdf.l_margin + i * column
        pdf.line(x + 4, y, x + column - 4, y)
        pdf.set_xy(x, y + 1)
        pdf.set_font("DejaVu", "", 9)
        _text(pdf, column, 5, trainer, align="C")
        pdf.set_x(x)
        _text(pdf, column, 5, role, align="C")
    pdf.set_y(y + 14)


def _verification(pdf: FPDF, data: CertificateData, width: float) -> None:
    _ = gettext(data.lang)
    pdf.set_font("DejaVu", "", 9)
    pdf.cell(width, 5, _("Issued {date}").format(date=data.issued), new_x="LMARGIN", new_y="NEXT")
    if not data.code:
        return
    top = pdf.get_y() + 2
    size = 28
    if data.verify_text:
        _qr(pdf, data.verify_text, pdf.l_margin, top, size)
    pdf.set_xy(pdf.l_margin + size + 4, top + 4)
    pdf.set_font("DejaVu", "B", 11)
    code = _("Verification code: {code}").format(code=data.code)
    pdf.cell(width - size - 4, 6, code, new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(pdf.l_margin + size + 4)
    pdf.set_font("DejaVu", "", 9)
    paragraph(
        pdf,
        width - size - 4,
        5,
        _(
            "Scan the code, or enter the verification code on the training's verify "
            "page, to check that this certificate is genuine and has not been revoked."
        ),
    )
    if data.verify_link:
        pdf.set_x(pdf.l_margin + size + 4)
        pdf.set_text_color(0, 0, 160)
        _text(pdf, width - size - 4, 5, data.verify_link, link=data.verify_link)
        pdf.set_text_color(0, 0, 0)


def _qr(pdf: FPDF, text: str, x: float, y: float, size: float) -> None:
    """Draw the QR code as filled squares: crisp at any zoom, and no image files involved."""
    matrix = segno.make(text, error="m").matrix
    quiet = 2
    cells = len(matrix) + 2 * quiet
    step = size / cells
    pdf.set_fill_color(0, 0, 0)
    for column, top, length, rows in dark_blocks(matrix):
        pdf.rect(x + (column + quiet) * step, y + (top + quiet) * step, length * step, rows * step, style="F")


def dark_blocks(matrix: Iterable[Iterable[int]]) -> list[tuple[int, int, int, int]]:
    """(column, row, width, height) rectangles covering the dark modules: each row's runs, with the
    same run in the rows below merged into one taller rectangle (fewer shapes, a faster PDF)."""
    done: list[tuple[int, int, int, int]] = []
    growing: dict[tuple[int, int], int] = {}  # (column, width) -> first row, for runs still growing
    row = -1
    for row, cells in enumerate(matrix):
        runs = set(dark_runs(cells))
        for run in [r for r in growing if r not in runs]:
            top = growing.pop(run)
            done.append((run[0], top, run[1], row - top))
        for run in runs - growing.keys():
            growing[run] = row
    done += [(run[0], top, run[1], row + 1 - top) for run, top in growing.items()]
    return sorted(done, key=lambda b: (b[1], b[0]))


def dark_runs(row: Iterable[int]) -> list[tuple[int, int]]:
    """(first column, length) of each run of dark modules in one QR row: one rectangle per run."""
    runs: list[tuple[int, int]] = []
    for column, on in enumerate(row):
        if not on:
            continue
        if runs and runs[-1][0] + runs[-1][1] == column:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((column, 1))
    return runs
