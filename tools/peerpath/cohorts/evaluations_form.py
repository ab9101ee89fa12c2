"""Which evaluation form a project uses, read and checked: curriculum/evaluation.yml, else the standard one."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from peerpath.curriculum.validation import validate
from peerpath.curriculum.yamlsource import parse_yaml, read_yaml
from peerpath.models.evaluation import EvaluationForm
from peerpath.problems import Problem
from peerpath.project import Project

STANDARD = "evaluation_standard.yml"


def form_path(project: Project) -> Path:
    """Where the provider's own form lives (it may not exist)."""
    return project.curriculum / "evaluation.yml"


def standard_form(lang: str = "en") -> EvaluationForm:
    """The standard form shipped with PeerPath: the questions boards and CE approvers expect.

    In Spanish, the same questions (same ids, kinds and order) from evaluation_standard.es.yml."""
    name = STANDARD if lang == "en" else STANDARD.replace(".yml", f".{lang}.yml")
    text = resources.files("peerpath").joinpath("templates", name).read_text(encoding="utf-8")
    form, problems = validate(parse_yaml(text, name), EvaluationForm)
    if form is None:  # shipped data, checked by the tests: only a damaged install gets here
        raise RuntimeError("; ".join(map(str, problems)))
    return form


def load_form(project: Project, lang: str = "en") -> tuple[EvaluationForm | None, list[Problem]]:
    """The project's form, or the standard one (in `lang`) when it has none; None and every problem when invalid.

    A provider's own form is printed as the provider wrote it, in whatever language that is."""
    path = form_path(project)
    if not (path.exists() or path.is_symlink()):
        return standard_form(lang), []
    doc = read_yaml(path, project.shown(path))
    return validate(doc, EvaluationForm)
