"""Course evaluations: the form a provider edits, and the summary a board or CE approver reads."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml
from lxml import etree
from pypdf import PdfReader

from conftest import REPO, run_cli
from peerpath.cohorts.evaluations import Response, render_summary, summary_rows
from peerpath.cohorts.evaluations_form import load_form, standard_form
from peerpath.cohorts.evaluations_read import read_responses
from peerpath.project import Project

ANSWERS = Path(__file__).parent / "fixtures" / "evaluations"
FORM_TOOL = ANSWERS / "form-tool.csv"


def summarize(*files: Path, form=None):
    form = form or standard_form()
    responses, problems = read_responses([(f, f.name) for f in files], form)
    assert problems == []
    return {row.id: row for row in summary_rows(form, responses)}, responses


def test_standard_form_asks_what_an_approver_expects_and_no_name():
    form = standard_form()
    ids = [q.id for q in form.questions]
    for expected in ("objectives-met", "relevance", "trainer-knowledge", "trainer-delivery", "materials",
                     "environment", "recommend", "improve"):  # fmt: skip
        assert expected in ids
    assert form.anonymous
    assert not any("name" in q.id or "name" in q.text.lower() for q in form.questions)
    assert {q.kind for q in form.questions} == {"rating", "text"}
    assert form.scale == ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]


def test_the_shipped_evaluation_file_is_valid_and_is_the_standard_form():
    form, problems = load_form(Project(REPO))
    assert problems == []
    assert form == standard_form()


def test_form_tool_csv_summary_matches_the_hand_count():
    # Counted by hand from tests/fixtures/evaluations/form-tool.csv (4 responses; "Strongly agree" is a 5).
    rows, responses = summarize(FORM_TOOL)
    assert len(responses) == 4
    objectives = rows["objectives-met"]
    assert (objectives.counts, objectives.n, objectives.mean) == ([0, 0, 1, 1, 2], 4, 4.25)
    relevance = rows["relevance"]  # one learner left it blank: 4 + 4 + 5 over 3
    assert (relevance.counts, relevance.n, relevance.unanswered, relevance.mean) == ([0, 0, 0, 2, 1], 3, 1, 4.33)
    assert (rows["materials"].counts, rows["materials"].mean) == ([0, 1, 1, 1, 1], 3.5)
    assert (rows["environment"].counts, rows["environment"].mean) == ([0, 2, 1, 1, 0], 2.75)
    assert rows["improve"].answers == [
        "More breaks; the room was cold.\nCaptions on the videos.",
        "Slides were hard to read from the back",
    ]
    useful = ["The role plays on listening", "Hearing other people's pathways, MOUD included"]
    assert rows["most-useful"].answers == useful


def test_a_question_nobody_answered_has_no_mean():
    form = standard_form()
    row = summary_rows(form, [Response("a", {}), Response("b", {"recommend": 5})])[0]
    assert (row.n, row.unanswered, row.mean, row.counts) == (0, 2, None, [0, 0, 0, 0, 0])


def test_excel_windows_1252_csv_with_semicolons_keeps_its_accents():
    rows, _ = summarize(ANSWERS / "excel-windows-1252-semicolons.csv")
    assert rows["improve"].answers == ["Café breaks – longer please", "The trainer’s slides were small"]
    assert rows["recommend"].counts == [0, 1, 0, 1, 0]  # "Disagree" is a 2


def test_columns_match_question_text_whatever_the_case_and_spacing(tmp_path: Path):
    answers = tmp_path / "answers.csv"
    answers.write_text("  i would RECOMMEND this training   to a peer. ,Objectives-Met\n5,4\n", encoding="utf-8")
    rows, _ = summarize(answers)
    assert rows["recommend"].counts == [0, 0, 0, 0, 1] and rows["objectives-met"].counts == [0, 0, 0, 1, 0]


def test_files_downloaded_from_the_page_are_counted_with_a_csv(tmp_path: Path):
    exported = tmp_path / "course-evaluation-2027-03-05.json"
    record = {"format": "peerpath-evaluation", "version": 1, "answers": {"objectives-met": 1, "improve": "Slower"}}
    exported.write_text(json.dumps(record, indent=2))
    rows, responses = summarize(FORM_TOOL, exported)
    assert len(responses) == 5
    assert rows["objectives-met"].counts == [1, 0, 1, 1, 2]
    assert rows["improve"].answers[-1] == "Slower"


def cli_problems(project: Project, *files: Path, out: str = "summary.md") -> str:
    result = run_cli("evaluations", "summarize", *map(str, files), "--out", out, cwd=project.root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert not (project.root / out).exists(), "nothing is written from answers with a problem"
    return result.stderr


def test_unknown_column_is_reported_with_path_line_and_column(project: Project):
    stderr = cli_problems(project, ANSWERS / "unknown-column.csv")
    assert "unknown-column.csv:1: recomend: unknown column; name it by a question's id or its text" in stderr


def test_empty_file_is_reported(project: Project):
    assert "empty.csv:1: file is empty" in cli_problems(project, ANSWERS / "empty.csv")


def test_header_without_answers_is_reported(project: Project, tmp_path: Path):
    header = tmp_path / "header.csv"
    header.write_text("objectives-met,improve\n")
    assert "header.csv:1: has a header row but no answers below it" in cli_problems(project, header)


def test_a_rating_outside_1_to_5_names_its_row_and_column(project: Project, tmp_path: Path):
    bad = tmp_path / "bad.csv"
    bad.write_text('improve,recommend\n"two\nlines",5\nfine,6\n')  # the second response starts on line 4
    stderr = cli_problems(project, bad)
    assert "bad.csv:4: recommend: a rating must be 1 to 5 or one of Strongly disagree" in stderr
    assert "got '6'" in stderr


def test_a_page_file_with_a_question_the_form_lacks_is_reported(project: Project, tmp_path: Path):
    exported = tmp_path / "old.json"
    exported.write_text(json.dumps({"format": "peerpath-evaluation", "version": 1, "answers": {"pace": 3}}, indent=2))
    assert "old.json:5: answers.pace: no question of the form has this id" in cli_problems(project, exported)


def test_a_progress_export_given_by_mistake_is_reported(project: Project, tmp_path: Path):
    progress = tmp_path / "peerpath-progress.json"
    progress.write_text('{"version": 1, "modules": {}}')
    assert "is not a file downloaded from the Course evaluation page" in cli_problems(project, progress)


def test_misspelled_key_in_the_providers_form_is_reported_by_check(project: Project):
    (project.curriculum / "evaluation.yml").write_text(
        "title: Feedback\nintro: Tell us.\nquestions:\n  - id: pace\n    kind: rating\n    txt: The pace was right.\n"
    )
    result = run_cli("check", cwd=project.root)
    assert result.returncode == 1
    assert "curriculum/evaluation.yml:6: questions[0].txt: unknown key (did you mean 'text'?)" in result.stderr


def test_a_provider_adds_a_question_and_the_summary_reads_its_column(project: Project, tmp_path: Path):
    (project.curriculum / "evaluation.yml").write_text(
        "title: Feedback\nintro: Tell us.\nquestions:\n  - {id: pace, kind: rating, text: The pace was right.}\n"
    )
    answers = tmp_path / "a.csv"
    answers.write_text("The pace was right.\n4\n2\n")
    result = run_cli("evaluations", "summarize", str(answers), "--format", "json", cwd=project.root)
    assert result.returncode == 0, result.stderr
    pace = json.loads(result.stdout)["questions"][0]
    assert (pace["id"], pace["counts"], pace["mean"]) == ("pace", [0, 1, 0, 1, 0], 3.0)


def test_summary_csv_reads_back_into_a_spreadsheet():
    form = standard_form()
    rows, responses = summarize(FORM_TOOL)
    table = list(csv.DictReader(io.StringIO(render_summary(form, list(rows.values()), len(responses), "csv"))))
    objectives = table[0]
    assert objectives["question_id"] == "objectives-met" and objectives["n"] == "4" and objectives["mean"] == "4.25"
    assert [objectives[f"rating_{v}"] for v in range(1, 6)] == ["0", "0", "1", "1", "2"]
    assert table[-1]["answers"].startswith("More breaks; the room was cold.\nCaptions")


def test_markdown_and_html_show_a_table_and_a_chart_per_rating_question():
    form = standard_form()
    rows, responses = summarize(FORM_TOOL)
    markdown = render_summary(form, list(rows.values()), 4, "markdown")
    assert "| 5 Strongly agree | 2 |" in markdown and "| **Mean** | 4.25 |" in markdown
    html = render_summary(form, list(rows.values()), 4, "html")
    ratings = [q for q in form.questions if q.kind == "rating"]
    assert html.count("<svg") == len(ratings)
    assert "<li>Slides were hard to read from the back</li>" in html


def test_the_chart_is_valid_svg_with_every_count_written_on_it():
    form = standard_form()
    rows, _ = summarize(FORM_TOOL)
    svg = etree.fromstring(render_summary(form, list(rows.values()), 4, "svg").encode())
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text") if t.text]
    assert texts.count("n = 4, mean 4.25") == 3  # objectives, trainer delivery, recommend
    assert "n = 3, mean 4.33" in texts


def test_answers_are_shown_as_text_never_as_markup(tmp_path: Path):
    hostile = tmp_path / "h.csv"
    hostile.write_text('improve\n"<script>alert(1)</script> [link](javascript:x) *bold*"\n')
    form = standard_form()
    rows, _ = summarize(hostile)
    html = render_summary(form, list(rows.values()), 1, "html")
    markdown = render_summary(form, list(rows.values()), 1, "markdown")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "[link](javascript:x)" not in markdown and "*bold*" not in markdown


def test_the_printable_form_lists_every_question_and_asks_no_name(project: Project):
    result = run_cli("evaluations", "form", "--out", "private/evaluation.pdf", "--paper", "a4", cwd=project.root)
    assert result.returncode == 0, result.stderr
    text = " ".join(p.extract_text() for p in PdfReader(project.root / "private" / "evaluation.pdf").pages)
    text = " ".join(text.split())
    for number, question in enumerate(standard_form().questions, start=1):
        assert f"{number}. {question.text}" in text
    assert "do not write your name" in text
    assert "1 = Strongly disagree" in text and "5 Strongly agree" in text


def test_schema_for_the_evaluation_file_is_exported(project: Project):
    assert run_cli("schema", "--out", "schemas", cwd=project.root).returncode == 0
    schema = json.loads((project.root / "schemas" / "evaluation.schema.json").read_text())
    assert schema["additionalProperties"] is False
    assert "questions" in schema["required"]


def test_a_providers_question_text_shows_as_text_on_the_page_and_the_form(project: Project):
    hostile = "Was it <b>clear</b>? [see](javascript:alert(1)) *really*"
    (project.curriculum / "evaluation.yml").write_text(
        f"title: 'Feedback <i>now</i>'\nintro: Tell us.\nquestions:\n"
        f"  - id: clear\n    kind: rating\n    text: '{hostile}'\n"
    )
    assert run_cli("generate", cwd=project.root).returncode == 0
    page = (project.docs / "evaluation.md").read_text()
    assert "<b>" not in page and "&lt;b&gt;clear&lt;/b&gt;" in page
    assert "[see](javascript" not in page and "*really*" not in page
    assert yaml.safe_load(page.split("---")[1])["title"] == "Feedback &lt;i&gt;now&lt;/i&gt;"
    result = run_cli("evaluations", "form", "--out", "form.pdf", cwd=project.root)
    assert result.returncode == 0, result.stderr
    text = " ".join(PdfReader(project.root / "form.pdf").pages[0].extract_text().split())
    assert f"1. {hostile}" in text
