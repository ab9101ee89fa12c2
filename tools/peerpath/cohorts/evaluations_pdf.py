"""The printable course evaluation form (fpdf2, DejaVu Sans: the same approach as the certificates)."""

from __future__ import annotations

from fpdf import FPDF

from peerpath.cohorts.pdf_layout import PAPER, Fonts, font_files
from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.models.evaluation import EvaluationForm, EvaluationQuestion

WRITING_LINES = 5  # ruled lines under a free-text question
LINE = 9  # mm between ruled lines: room for handwriting


def render_form_pdf(
    form: EvaluationForm,
    course_title: str,
    paper: str = "letter",
    fonts: Fonts | None = None,
    lang: str = SOURCE_LANGUAGE,
) -> bytes:
    """The blank form, one question never split across pages; PeerPath's own words in `lang`."""
    _ = gettext(lang)
    fonts = fonts or font_files()
    pdf = FPDF(orientation="portrait", unit="mm", format=PAPER[paper])
    pdf.set_title(f"{form.title}: {course_title}")
    pdf.set_creator("PeerPath")
    pdf.add_font("DejaVu", "", str(fonts.regular))
    pdf.add_font("DejaVu", "B", str(fonts.bold))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    width = pdf.w - 2 * pdf.l_margin
    _heading(pdf, form, course_title, width, lang)
    group = None
    for number, question in enumerate(form.questions, start=1):
        needed = _height(pdf, question, width) + (10 if question.group != group else 0)
        if pdf.get_y() + needed > pdf.h - pdf.b_margin:
            pdf.add_page()
        if question.group and question.group != group:
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 12)
            pdf.multi_cell(width, 7, question.group, new_x="LMARGIN", new_y="NEXT")
        group = question.group
        _question(pdf, form, number, question, width)
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(width, 5, _("Thank you. Hand the form to your trainer or leave it where they ask."))
    return bytes(pdf.output())


def _heading(pdf: FPDF, form: EvaluationForm, course_title: str, width: float, lang: str) -> None:
    _ = gettext(lang)
    pdf.set_font("DejaVu", "B", 20)
    pdf.multi_cell(width, 10, form.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 12)
    pdf.multi_cell(width, 6, course_title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(width, 5, form.intro, new_x="LMARGIN", new_y="NEXT")
    if form.anonymous:
        pdf.set_font("DejaVu", "B", 10)
        anonymous = _("This form is anonymous: do not write your name on it.")
        pdf.multi_cell(width, 5, anonymous, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    scale = ", ".join(f"{n} = {label}" for n, label in enumerate(form.scale, start=1))
    tick = _("For each statement, tick one box: {scale}.").format(scale=scale)
    pdf.multi_cell(width, 5, tick, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _text_height(pdf: FPDF, text: str, width: float, line: float) -> float:
    return line * len(pdf.multi_cell(width, line, text, dry_run=True, output="LINES"))


def _height(pdf: FPDF, question: EvaluationQuestion, width: float) -> float:
    pdf.set_font("DejaVu", "B", 10)
    text = _text_height(pdf, question.text, width, 5.5)
    return text + (16 if question.kind == "rating" else WRITING_LINES * LINE + 3)


def _question(pdf: FPDF, form: EvaluationForm, number: int, question: EvaluationQuestion, width: float) -> None:
    pdf.ln(2)
    pdf.set_font("DejaVu", "B", 10)
    pdf.multi_cell(width, 5.5, f"{number}. {question.text}", new_x="LMARGIN", new_y="NEXT")
    if question.kind == "rating":
        _boxes(pdf, form, width)
    else:
        _writing_lines(pdf, width)


def _boxes(pdf: FPDF, form: EvaluationForm, width: float) -> None:
    """Five tick boxes in a row, each with its number and label beneath."""
    column, top = width / 5, pdf.get_y() + 1.5
    pdf.set_font("DejaVu", "", 8)
    for i, label in enumerate(form.scale):
        x = pdf.l_margin + i * column
        pdf.rect(x + column / 2 - 2.5, top, 5, 5)
        pdf.set_xy(x, top + 5.5)
        pdf.multi_cell(column, 3.5, f"{i + 1} {label}", align="C")
    pdf.set_y(top + 14)


def _writing_lines(pdf: FPDF, width: float) -> None:
    y = pdf.get_y()
    pdf.set_draw_color(120, 120, 120)
    for n in range(1, WRITING_LINES + 1):
        pdf.line(pdf.l_margin, y + n * LINE, pdf.l_margin + width, y + n * LINE)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_y(y + WRITING_LINES * LINE + 3)
