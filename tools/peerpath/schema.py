"""JSON Schema for every file trainers write, so editors can autocomplete and check as they type."""

from __future__ import annotations

import json
from pathlib import Path

from peerpath.models.course import Course, Topics
from peerpath.models.evaluation import EvaluationForm
from peerpath.models.module import ModuleMeta
from peerpath.models.quiz import Quiz
from peerpath.models.roster import Roster, SessionList
from peerpath.models.standard import Standard, StandardTranslation
from peerpath.models.translation import (
    CourseTranslation,
    EvaluationTranslation,
    ModuleTranslation,
    PageTranslation,
    QuizTranslation,
    TopicsTranslation,
)

SCHEMAS = {
    "module.schema.json": (ModuleMeta, "PeerPath module front matter"),
    "quiz.schema.json": (Quiz, "PeerPath quiz"),
    "course.schema.json": (Course, "PeerPath course manifest"),
    "topics.schema.json": (Topics, "PeerPath topic vocabulary"),
    "standard.schema.json": (Standard, "PeerPath credential standard"),
    "roster.schema.json": (Roster, "PeerPath cohort roster"),
    "evaluation.schema.json": (EvaluationForm, "PeerPath course evaluation form"),
    "sessions.schema.json": (SessionList, "PeerPath cohort sessions (for a CSV roster)"),
    "module-translation.schema.json": (ModuleTranslation, "PeerPath module translation front matter (<id>.es.md)"),
    "quiz-translation.schema.json": (QuizTranslation, "PeerPath quiz translation (quizzes/<id>.es.yml)"),
    "page-translation.schema.json": (PageTranslation, "PeerPath page translation front matter (<page>.es.md)"),
    "course-translation.schema.json": (CourseTranslation, "PeerPath course translation (course.es.yml)"),
    "topics-translation.schema.json": (TopicsTranslation, "PeerPath topics translation (topics.es.yml)"),
    "evaluation-translation.schema.json": (
        EvaluationTranslation,
        "PeerPath evaluation translation (evaluation.es.yml)",
    ),
    "standard-translation.schema.json": (StandardTranslation, "PeerPath standard names in another language"),
}


def json_schemas() -> dict[str, dict]:
    """File name -> JSON Schema document."""
    out = {}
    for name, (model, title) in SCHEMAS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = title
        out[name] = schema
    return out


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in json_schemas().items():
        path = folder / name
        path.write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
