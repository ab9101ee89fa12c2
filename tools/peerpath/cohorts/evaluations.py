"""Course evaluation answers -> a summary per question (pure), and that summary as text, Markdown, CSV,
JSON, HTML or an SVG chart. The approval packet reads the same rows, so its figures match these."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from dataclasses import asdict, dataclass, field

from markupsafe import Markup

from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.models.evaluation import EvaluationForm
from peerpath.templating import render

FORMATS = ("text", "markdown", "csv", "json", "html", "svg")
CHART_WIDTH = 360  # fits a 390 px phone with the page's margins
WRAP = 44  # characters of question text per chart line at 14 px
BAR_X, BAR_MAX, ROW = 150, 170, 22


@dataclass(frozen=True)
class Response:
    """One learner's answers (question id -> rating 1-5 or text); where it came from, for messages."""

    source: str
    answers: dict[str, int | str]


@dataclass(frozen=True)
class QuestionSummary:
    """What one question's answers add up to. For ratings, counts[0] is the number of 1s."""

    id: str
    text: str
    kind: str
    group: str | None
    n: int  # responses that answered it
    unanswered: int
    counts: list[int] = field(default_factory=list)
    mean: float | None = None
    answers: list[str] = field(default_factory=list)


def summary_rows(form: EvaluationForm, responses: list[Response]) -> list[QuestionSummary]:
    """One summary per question of the form, in the form's order."""
    return [question_summary(form, q.id, responses) for q in form.questions]


def question_summary(form: EvaluationForm, question_id: str, responses: list[Response]) -> QuestionSummary:
    question = form.question(question_id)
    given = [r.answers[question_id] for r in responses if r.answers.get(question_id) not in (None, "")]
    common = {"id": question.id, "text": question.text, "kind": question.kind, "group": question.group}
    common |= {"n": len(given), "unanswered": len(responses) - len(given)}
    if question.kind == "text":
        return QuestionSummary(**common, answers=[str(a) for a in given])
    ratings = [int(a) for a in given]
    counts = [ratings.count(value) for value in range(1, 6)]
    mean = round(sum(ratings) / len(ratings), 2) if ratings else None
    return QuestionSummary(**common, counts=counts, mean=mean)


@dataclass(frozen=True)
class ChartRow:
    label: str
    count: int
    width: float
    y: int


@dataclass(frozen=True)
class Chart:
    question: QuestionSummary
    lines: list[str]
    rows: list[ChartRow]
    y: int
    height: int


def charts(form: EvaluationForm, rows: list[QuestionSummary]) -> list[Chart]:
    """Bar-chart geometry for each rating question, stacked top to bottom (highest rating first)."""
    out, y = [], 0
    for row in rows:
        if row.kind != "rating":
            continue
        lines = textwrap.wrap(row.text, WRAP)
        top = 20 * len(lines) + 8
        peak = max(row.counts) or 1
        bars = [
            ChartRow(f"{v} {form.scale[v - 1]}", row.counts[v - 1], BAR_MAX * row.counts[v - 1] / peak, top + i * ROW)
            for i, v in enumerate(range(5, 0, -1))
        ]
        height = top + 5 * ROW + 24
        out.append(Chart(row, lines, bars, y, height))
        y += height
    return out


def render_summary(
    form: EvaluationForm, rows: list[QuestionSummary], responses: int, fmt: str, lang: str = SOURCE_LANGUAGE
) -> str:
    """The summary in one of FORMATS, its own words in `lang` (the form's questions as the form words them)."""
    _ = gettext(lang)
    if fmt == "json":
        data = {"title": form.title, "responses": responses, "questions": [asdict(r) for r in rows]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return summary_csv(rows)
    all_charts = charts(form, rows)
    if fmt == "svg":
        return chart_svg(all_charts, _("Ratings per question"), lang) + "\n"
    by_id = {c.question.id: Markup(chart_svg([_alone(c)], c.question.text, lang)) for c in all_charts}
    context = {"form": form, "rows": rows, "responses": responses, "charts": by_id, "scale": form.scale}
    template = {"text": "evaluation_summary.txt.j2", "markdown": "evaluation_summary.md.j2"}.get(fmt)
    if template:
        return render(template, lang, **context)
    body = Markup(render("evaluation_summary.html.j2", lang, **context))
    return render("standalone.html.j2", lang, title=_("{title}: summary").format(title=form.title), body=body)


def _alone(chart: Chart) -> Chart:
    return Chart(chart.question, chart.lines, chart.rows, 0, chart.height)


def chart_svg(items: list[Chart], title: str, lang: str = SOURCE_LANGUAGE) -> str:
    height = sum(c.height for c in items) or 20
    return render(
        "evaluation_chart.svg.j2", lang, charts=items, title=title, width=CHART_WIDTH, height=height, bar_x=BAR_X
    )


def summary_csv(rows: list[QuestionSummary]) -> str:
    """One row per question: counts of each rating and the mean; a text question's answers one per line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["question_id", "question", "kind", "n", "unanswered", *(f"rating_{v}" for v in range(1, 6)),
                     "mean", "answers"])  # fmt: skip
    for r in rows:
        counts = r.counts or [""] * 5
        mean = "" if r.mean is None else f"{r.mean:.2f}"
        writer.writerow([r.id, r.text, r.kind, r.n, r.unanswered, *counts, mean, "\n".join(r.answers)])
    return out.getvalue()
