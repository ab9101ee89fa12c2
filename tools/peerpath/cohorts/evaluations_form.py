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


def standard_form() -> EvaluationForm:
    """The standard form shipped with PeerPath: the questions boards and CE approvers expect."""
    text = resources.files("peerpath").joinpath("templates", STANDARD).read_text(encoding="utf-8")
    form, problems = validate(parse_yaml(text, STANDARD), EvaluationForm)
    if form is None:  # shipped data, checked by the tests: only a damaged install gets here
        raise RuntimeError("; ".join(map(str, problems)))
    return form


def load_form(project: Project) -> tuple[EvaluationForm | None, list[Problem]]:
    """The project's form, or the standard one when it has none; None and every problem when it is invalid."""
    path = form_path(project)
    if not (path.exists() or path.is_symlink()):
        return standard_form(), []
    doc = read_yaml(path, project.shown(path))
    return validate(doc, EvaluationForm)
