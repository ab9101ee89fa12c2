"""Read course evaluation answers: a spreadsheet's or form tool's CSV, or files learners downloaded
from the Course evaluation page. Every problem is located (file, row, column); nothing is summarised
from files with any problem."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from peerpath.cohorts.evaluations import Response
from peerpath.cohorts.roster_text import roster_text
from peerpath.models.evaluation import EvaluationForm
from peerpath.problems import Problem

EXPORT_FORMAT = "peerpath-evaluation"  # the same as FORMAT in static/evaluation.js
EXPORT_VERSION = 1


def read_responses(files: list[tuple[Path, str]], form: EvaluationForm) -> tuple[list[Response], list[Problem]]:
    """Every response in the files (path, name shown in messages), or every problem found."""
    responses: list[Response] = []
    problems: list[Problem] = []
    for path, shown in files:
        found, bad = read_file(path, shown, form)
        responses += found
        problems += bad
    return (responses if not problems else []), sorted(set(problems))


def read_file(path: Path, shown: str, form: EvaluationForm) -> tuple[list[Response], list[Problem]]:
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".json"}:
        return [], [Problem(shown, 1, "", "expected a .csv file (a spreadsheet's export) or a .json file (the page's)")]
    text, problem = answers_text(path, shown)
    if text is None:
        return [], [problem] if problem else []
    return csv_responses(text, shown, form) if suffix == ".csv" else json_responses(text, shown, form)


def answers_text(path: Path, shown: str) -> tuple[str | None, Problem | None]:
    """The file's text: UTF-8 with or without BOM, or Windows-1252 as Excel saves a CSV by default."""
    return roster_text(path, shown, path.suffix.lower() == ".csv", binary="export the answers as CSV")


def _key(text: str) -> str:
    """Headers match however a tool spaced or capitalised them."""
    return " ".join(text.split()).casefold()


def column_map(form: EvaluationForm) -> dict[str, str | None]:
    """Header (normalised) -> question id; None for columns the form says to ignore."""
    found: dict[str, str | None] = {_key(c): None for c in form.ignore_columns}
    for q in form.questions:
        found[_key(q.id)] = q.id
        found[_key(q.text)] = q.id
    return found


def csv_rows(text: str) -> list[tuple[int, list[str]]]:
    """(file line where the row starts, cells); a quoted answer may span lines."""
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","  # Excel in many European locales
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows, start = [], 1
    for cells in reader:
        rows.append((start, cells))
        start = reader.line_num + 1
    return rows


def csv_responses(text: str, shown: str, form: EvaluationForm) -> tuple[list[Response], list[Problem]]:
    try:
        rows = csv_rows(text)
    except csv.Error as error:
        return [], [Problem(shown, 1, "", f"is not valid CSV: {error}")]
    (_, header), body = rows[0], [(n, cells) for n, cells in rows[1:] if any(c.strip() for c in cells)]
    columns, problems = header_columns(header, shown, form)
    if not body:
        problems.append(Problem(shown, 1, "", "has a header row but no answers below it"))
    if problems:
        return [], problems
    responses = []
    for line, cells in body:
        if len(cells) > len(header):
            problems.append(Problem(shown, line, "", f"has more cells than the header has columns ({len(header)})"))
            continue
        answers: dict[str, int | str] = {}
        for name, question_id, cell in zip(header, columns, cells, strict=False):
            if question_id is None or not cell.strip():
                continue
            value, problem = answer_value(form, question_id, cell)
            if problem:
                problems.append(Problem(shown, line, name.strip(), problem))
            else:
                answers[question_id] = value
        responses.append(Response(f"{shown}:{line}", answers))
    return responses, problems


def header_columns(header: list[str], shown: str, form: EvaluationForm) -> tuple[list[str | None], list[Problem]]:
    """Question id (or None, ignored) for each column, and a problem for each column no question matches."""
    known = column_map(form)
    columns: list[str | None] = []
    problems: list[Problem] = []
    for name in header:
        question_id = known.get(_key(name), "")
        if question_id == "":
            ids = ", ".join(q.id for q in form.questions)
            message = f"unknown column; name it by a question's id or its text (ids: {ids})"
            problems.append(Problem(shown, 1, name.strip() or "(empty header)", message))
        elif question_id is not None and question_id in columns:
            problems.append(Problem(shown, 1, name.strip(), f"a second column for question '{question_id}'; keep one"))
        columns.append(question_id or None)
    return columns, problems


def answer_value(form: EvaluationForm, question_id: str, value: Any) -> tuple[Any, str | None]:
    """A rating as 1-5 (a number or the scale's label), or text; or what is wrong with it."""
    if form.question(question_id).kind == "text":
        return (value.strip(), None) if isinstance(value, str) else (None, f"must be text, got {value!r}")
    labels = {_key(label): n for n, label in enumerate(form.scale, start=1)}
    text = "" if isinstance(value, bool) else str(value).strip()
    if text in {"1", "2", "3", "4", "5"}:
        return int(text), None
    if _key(text) in labels:
        return labels[_key(text)], None
    return None, f"a rating must be 1 to 5 or one of {', '.join(form.scale)}; got {value!r}"


def json_responses(text: str, shown: str, form: EvaluationForm) -> tuple[list[Response], list[Problem]]:
    """One file downloaded from the Course evaluation page."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [Problem(shown, error.lineno, "", f"is not valid JSON: {error.msg}")]
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT or not isinstance(data.get("answers"), dict):
        return [], [Problem(shown, 1, "", "is not a file downloaded from the Course evaluation page")]
    if data.get("version") != EXPORT_VERSION:
        return [], [Problem(shown, 1, "version", f"is {data.get('version')!r}; this PeerPath reads version 1")]
    answers: dict[str, int | str] = {}
    problems = []
    for question_id, value in data["answers"].items():
        field = f"answers.{question_id}"
        if question_id not in {q.id for q in form.questions}:
            problems.append(Problem(shown, _line_of(text, question_id), field, "no question of the form has this id"))
            continue
        if value in (None, ""):
            continue
        parsed, problem = answer_value(form, question_id, value)
        if problem:
            problems.append(Problem(shown, _line_of(text, question_id), field, problem))
        else:
            answers[question_id] = parsed
    return [Response(shown, answers)], problems


def _line_of(text: str, key: str) -> int:
    """Line of the first `"key":` in the file (the page writes one key per line)."""
    at = text.find(json.dumps(key) + ":")
    return text.count("\n", 0, at) + 1 if at >= 0 else 1
