"""Certificate and transcript PDFs (fpdf2: pure Python, no browser, fast enough for large cohorts)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import segno
from fontTools import subset
from fpdf import FPDF

FONT_DIRS = [os.environ.get("PEERPATH_FONT_DIR", ""), "/usr/share/fonts/truetype/dejavu"]
PAPER = {"letter": "Letter", "a4": "A4"}


class FontMissing(Exception):
    pass


# Characters the certificate's own wording uses, beyond what a batch's data contains: printable
# ASCII and the bullet. Every glyph more is parsed again for every PDF, so keep this to what is printed.
WORDING_CHARACTERS = [*range(0x20, 0x7F), ord("•")]


@dataclass(frozen=True)
class Fonts:
    regular: Path
    bold: Path


def font_files() -> Fonts:
    """DejaVu Sans covers the names trainers will type (accents, many scripts); core PDF fonts do not."""
    for folder in FONT_DIRS:
        regular, bold = Path(folder) / "DejaVuSans.ttf", Path(folder) / "DejaVuSans-Bold.ttf"
        if folder and regular.is_file() and bold.is_file():
            return Fonts(regular, bold)
    raise FontMissing("DejaVu Sans not found: install Debian's fonts-dejavu-core, or set PEERPATH_FONT_DIR")


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
    """DejaVu cut down to the characters one batch prints, written to `folder`.

    Each PDF then reads a font of a few hundred glyphs instead of six thousand: parsing the full
    font for every learner was most of the time a large cohort took.
    """
    full = font_files()
    characters = set(WORDING_CHARACTERS) | {ord(c) for data in batch for c in printed_text(data)}
    options = subset.Options()
    options.notdef_outline = True
    options.name_IDs = ["*"]
    # Tables fpdf2 drops from every PDF anyway (layout, kerning, FontForge's timestamp):
    # dropping them here saves each PDF reading them.
    options.drop_tables += ["FFTM", "GDEF", "GPOS", "GSUB", "MATH", "kern", "hdmx"]
    cut = Fonts(folder / "regular.ttf", folder / "bold.ttf")
    for source, target in ((full.regular, cut.regular), (full.bold, cut.bold)):
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=characters)
        subsetter.subset(font)
        subset.save_font(font, str(target), options)
    return cut


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


def _add_fonts(pdf: FPDF, fonts: Fonts) -> None:
    """Embed DejaVu without recomputing every glyph's bounding box on output.

    Cutting a font down keeps its outlines, so the boxes stored in it are already right;
    recomputing them meant decoding and re-encoding every glyph of every PDF.
    """
    pdf.add_font("DejaVu", "", str(fonts.regular))
    pdf.add_font("DejaVu", "B", str(fonts.bold))
    for font in pdf.fonts.values():
        font.ttfont.recalcBBoxes = False


def _hours(value: float) -> str:
    return f"{value:g} h"


def render_pdf(data: CertificateData, paper: str = "letter", fonts: Fonts | None = None) -> bytes:
    fonts = fonts or font_files()
    pdf = FPDF(orientation="portrait", unit="mm", format=PAPER[paper])
    pdf.set_title(f"{data.kind.capitalize()}: {data.course_title}")
    pdf.set_creator("PeerPath")
    _add_fonts(pdf, fonts)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    width = pdf.w - 2 * pdf.l_margin
    heading = "Certificate of Completion" if data.kind == "certificate" else "Training Transcript"

    pdf.set_font("DejaVu", "B", 24)
    pdf.cell(width, 14, heading, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 12)
    pdf.cell(width, 7, data.organisation, align="C", new_x="LMARGIN", new_y="NEXT")
    if data.kind == "transcript":
        pdf.set_font("DejaVu", "B", 11)
        pdf.multi_cell(
            width,
            6,
            "This is a transcript of hours earned. It is not a certificate of completion.",
            align="C",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.ln(6)
    pdf.set_font("DejaVu", "", 12)
    lead = "This certifies that" if data.kind == "certificate" else "Hours earned by"
    pdf.cell(width, 7, lead, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 20)
    _text(pdf, width, 11, data.learner_name, align="C")
    pdf.set_font("DejaVu", "", 12)
    verb = "completed" if data.kind == "certificate" else "attended part of"
    _text(pdf, width, 7, f"{verb} {data.course_title} (version {data.course_version})", align="C")
    _text(pdf, width, 7, f"{data.cohort_title}, {data.cohort_dates}, delivered {data.delivery}", align="C")
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 13)
    pdf.cell(width, 8, f"Contact hours: {_hours(data.total_hours)}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    pdf.set_font("DejaVu", "B", 10)
    _text(pdf, width, 6, f"Hours by domain of {data.standard_name}")
    pdf.set_font("DejaVu", "", 10)
    rows = [
        (d.name, _hours(d.hours), _hours(d.required) if d.required is not None else "not public") for d in data.domains
    ]
    _table(pdf, ("Domain", "Hours", "Required"), rows, width)
    if data.missing:
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", 10)
        pdf.cell(width, 6, "Still needed for completion:", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        for item in data.missing:
            _text(pdf, width, 5.5, f"• {item}")

    pdf.ln(6)
    _signatures(pdf, data.trainers, width)
    _verification(pdf, data, width)
    return bytes(pdf.output())


def _fits(pdf: FPDF, text: str, width: float) -> bool:
    """Whether text fits on one line of a cell this wide, in the current font."""
    return "\n" not in text and pdf.get_string_width(text) <= width - 2 * pdf.c_margin


def _text(pdf: FPDF, width: float, height: float, text: str, align: str = "L") -> None:
    """One line of text, wrapped onto more only when it does not fit (wrapping is the slow path)."""
    if _fits(pdf, text, width):
        pdf.cell(width, height, text, align=align, new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.multi_cell(width, height, text, align=align, new_x="LMARGIN", new_y="NEXT")


def _table(pdf: FPDF, header: tuple[str, str, str], rows: list[tuple[str, str, str]], width: float) -> None:
    """A ruled table: a name column that wraps when it must, two figure columns set right."""
    widths = (width * 0.6, width * 0.2, width * 0.2)
    line = 6
    for n, (name, *figures) in enumerate([header, *rows]):
        pdf.set_font("DejaVu", "B" if n == 0 else "", 10)
        if _fits(pdf, name, widths[0]):
            height = line
            pdf.cell(widths[0], height, name, border=1)
        else:
            height = line * len(pdf.multi_cell(widths[0], line, name, dry_run=True, output="LINES"))
            pdf.multi_cell(widths[0], line, name, border=1, align="L", new_x="RIGHT", new_y="TOP")
        for text, column in zip(figures, widths[1:], strict=True):
            pdf.cell(column, height, text, border=1, align="R")
        pdf.ln(height)


def _signatures(pdf: FPDF, trainers: list[str], width: float) -> None:
    column = width / max(1, min(len(trainers), 3))
    y = pdf.get_y() + 10
    for i, trainer in enumerate(trainers[:3]):
        x = pdf.l_margin + i * column
        pdf.line(x + 4, y, x + column - 4, y)
        pdf.set_xy(x, y + 1)
        pdf.set_font("DejaVu", "", 9)
        _text(pdf, column, 5, trainer, align="C")
        pdf.set_x(x)
        _text(pdf, column, 5, "Trainer", align="C")
    pdf.set_y(y + 14)


def _verification(pdf: FPDF, data: CertificateData, width: float) -> None:
    pdf.set_font("DejaVu", "", 9)
    pdf.cell(width, 5, f"Issued {data.issued}", new_x="LMARGIN", new_y="NEXT")
    if not data.code:
        return
    top = pdf.get_y() + 2
    size = 28
    if data.verify_text:
        _qr(pdf, data.verify_text, pdf.l_margin, top, size)
    pdf.set_xy(pdf.l_margin + size + 4, top + 4)
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(width - size - 4, 6, f"Verification code: {data.code}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(pdf.l_margin + size + 4)
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(
        width - size - 4,
        5,
        "Scan the code, or enter the verification code on the training's verify "
        "page, to check that this certificate is genuine and has not been revoked.",
    )


def _qr(pdf: FPDF, text: str, x: float, y: float, size: float) -> None:
    """Draw the QR code as filled squares: crisp at any zoom, and no image files involved."""
    matrix = segno.make(text, error="m").matrix
    quiet = 2
    cells = len(matrix) + 2 * quiet
    step = size / cells
    pdf.set_fill_color(0, 0, 0)
    for r, row in enumerate(matrix):
        for start, length in dark_runs(row):
            pdf.rect(x + (start + quiet) * step, y + (r + quiet) * step, length * step, step, style="F")


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
