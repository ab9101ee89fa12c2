"""PDF pieces shared by certificates, sign-in sheets and the packet: fonts, wrapped text, ruled tables.

fpdf2 is pure Python: no browser, nothing fetched, fast enough for large cohorts.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fpdf import FPDF

FONT_DIRS = [os.environ.get("PEERPATH_FONT_DIR", ""), "/usr/share/fonts/truetype/dejavu"]
PAPER = {"letter": "Letter", "a4": "A4"}
# Characters the documents' own wording uses, beyond their data: printable ASCII, the bullet and the
# dashes. Every glyph more is parsed again for every PDF, so keep this to what is printed.
WORDING_CHARACTERS = [*range(0x20, 0x7F), ord("•"), ord("–"), ord("—")]
LINE = 6  # mm, one line of table text


class FontMissing(Exception):
    pass


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


def subset_fonts(texts: Iterable[str], folder: Path) -> Fonts:
    """DejaVu cut down to the characters the documents print, written to `folder`.

    Each PDF then reads a font of a few hundred glyphs instead of six thousand: parsing the full
    font for every learner was most of the time a large cohort took.
    """
    full = font_files()
    characters = set(WORDING_CHARACTERS) | {ord(c) for text in texts for c in text}
    options = subset.Options()
    options.notdef_outline = True
    options.name_IDs = ["*"]
    # Tables fpdf2 drops from every PDF anyway (layout, kerning, FontForge's timestamp):
    # dropping them here saves each PDF reading them.
    options.drop_tables += ["FFTM", "GDEF", "GPOS", "GSUB", "MATH", "kern", "hdmx"]
    # No hinting: PDF viewers and printers scale outlines themselves. Each PDF is a third smaller
    # and embeds its fonts a sixth faster (hinting tables were parsed and written again per PDF).
    options.hinting = False
    options.drop_tables += ["gasp"]
    cut = Fonts(folder / "regular.ttf", folder / "bold.ttf")
    for source, target in ((full.regular, cut.regular), (full.bold, cut.bold)):
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=characters)
        subsetter.subset(font)
        subset.save_font(font, str(target), options)
    return cut


def add_fonts(pdf: FPDF, fonts: Fonts) -> None:
    """Embed DejaVu without recomputing every glyph's bounding box on output.

    Cutting a font down keeps its outlines, so the boxes stored in it are already right;
    recomputing them meant decoding and re-encoding every glyph of every PDF.
    """
    pdf.add_font("DejaVu", "", str(fonts.regular))
    pdf.add_font("DejaVu", "B", str(fonts.bold))
    for font in pdf.fonts.values():
        font.ttfont.recalcBBoxes = False


def document(title: str, paper: str, fonts: Fonts, orientation: str = "portrait") -> FPDF:
    pdf = FPDF(orientation=orientation, unit="mm", format=PAPER[paper])
    pdf.set_title(title)
    pdf.set_creator("PeerPath")
    add_fonts(pdf, fonts)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    return pdf


def content_width(pdf: FPDF) -> float:
    return pdf.w - pdf.l_margin - pdf.r_margin


def fits(pdf: FPDF, text: str, width: float) -> bool:
    """Whether text fits on one line of a cell this wide, in the current font."""
    return "\n" not in text and pdf.get_string_width(text) <= width - 2 * pdf.c_margin


def text(pdf: FPDF, width: float, height: float, words: str, align: str = "L", link: str = "") -> None:
    """One line of text, wrapped onto more only when it does not fit (wrapping is the slow path)."""
    if fits(pdf, words, width):
        pdf.cell(width, height, words, align=align, new_x="LMARGIN", new_y="NEXT", link=link)
    else:
        pdf.multi_cell(width, height, words, align=align, new_x="LMARGIN", new_y="NEXT", link=link)


_WRAPPED: dict[tuple, list[str]] = {}


def paragraph(pdf: FPDF, width: float, height: float, words: str) -> None:
    """Fixed wording printed on every document of a batch: wrapped once per font and width, then reused."""
    key = (words, width, pdf.font_family, pdf.font_style, pdf.font_size_pt)
    if key not in _WRAPPED:
        _WRAPPED[key] = pdf.multi_cell(width, height, words, dry_run=True, output="LINES")
    x = pdf.get_x()
    for line in _WRAPPED[key]:
        pdf.set_x(x)
        pdf.cell(width, height, line, new_x="LMARGIN", new_y="NEXT")


def heading(pdf: FPDF, words: str, size: float = 13) -> None:
    pdf.set_font("DejaVu", "B", size)
    text(pdf, content_width(pdf), size * 0.6, words)
    pdf.set_font("DejaVu", "", 10)


def table(
    pdf: FPDF,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    shares: Sequence[float],
    align: str = "",
    height: float = LINE,
) -> None:
    """A ruled table whose cells wrap when they must; the header repeats on a new page.

    `shares` are the columns' parts of the page width; `align` one letter per column (L, R or C).
    """
    width = content_width(pdf)
    widths = [width * s / sum(shares) for s in shares]
    align = align or "L" * len(widths)
    _row(pdf, header, widths, align, bold=True, least=LINE)
    for row in rows:
        if pdf.get_y() + _row_height(pdf, row, widths, height) > pdf.page_break_trigger:
            pdf.add_page()
            _row(pdf, header, widths, align, bold=True, least=LINE)
        _row(pdf, row, widths, align, bold=False, least=height)


def _lines(pdf: FPDF, words: str, width: float) -> int:
    if fits(pdf, words, width):
        return 1
    return len(pdf.multi_cell(width, LINE, words, dry_run=True, output="LINES"))


def _row_height(pdf: FPDF, row: Sequence[str], widths: Sequence[float], least: float) -> float:
    return max(least, max(LINE * _lines(pdf, str(c), w) for c, w in zip(row, widths, strict=True)))


def _row(pdf: FPDF, row: Sequence[str], widths: Sequence[float], align: str, bold: bool, least: float) -> None:
    pdf.set_font("DejaVu", "B" if bold else "", 10)
    tall = _row_height(pdf, row, widths, least)
    x, y = pdf.l_margin, pdf.get_y()
    for cell, column, side in zip(row, widths, align, strict=True):
        pdf.set_xy(x, y)
        words = str(cell)
        if fits(pdf, words, column):
            pdf.cell(column, tall, words, border=1, align=side)
        else:
            pdf.rect(x, y, column, tall)
            pdf.multi_cell(column, LINE, words, align=side, new_x="RIGHT", new_y="TOP")
        x += column
    pdf.set_xy(pdf.l_margin, y + tall)
