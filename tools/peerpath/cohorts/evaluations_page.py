"""The Course evaluation page of the site: the form a learner fills in, keeps in the browser, downloads or prints."""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from peerpath.cohorts.evaluations_form import load_form
from peerpath.cohorts.evaluations_read import EXPORT_FORMAT, EXPORT_VERSION
from peerpath.i18n import SOURCE_LANGUAGE
from peerpath.models.course import Course
from peerpath.models.evaluation import EvaluationForm, EvaluationQuestion
from peerpath.project import Project
from peerpath.templating import render

ASSETS = "assets/peerpath"
STORAGE_KEY = "peerpath.evaluation"  # the same name as KEY in static/evaluation.js


@dataclass(frozen=True)
class Numbered:
    number: int
    question: EvaluationQuestion
    heading: str | None  # the group heading shown above it, when a new group starts here


def numbered(form: EvaluationForm) -> list[Numbered]:
    """Questions with their numbers, and a group heading where the group changes."""
    out, group = [], None
    for number, question in enumerate(form.questions, start=1):
        heading = question.group if question.group and question.group != group else None
        group = question.group
        out.append(Numbered(number, question, heading))
    return out


def page_settings(form: EvaluationForm, course: Course) -> str:
    """What the page's script needs, as JSON safe inside a <script> element."""
    data = {
        "key": STORAGE_KEY,
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "form": form.title,
        "course": course.title,
        "courseVersion": course.version,
        "questions": {q.id: q.kind for q in form.questions},
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def form_html(form: EvaluationForm, course: Course, lang: str = SOURCE_LANGUAGE) -> str:
    html = render(
        "evaluation_form.html.j2", lang, form=form, items=numbered(form), settings=Markup(page_settings(form, course))
    )
    # Markdown ends a raw HTML block at a blank line: keep the form in one block.
    return "\n".join(line for line in html.splitlines() if line.strip())


def evaluation_pages(
    project: Project,
    course: Course,
    directory_urls: bool,
    lang: str = SOURCE_LANGUAGE,
    form: EvaluationForm | None = None,
) -> dict[str, str]:
    """evaluation.md in `lang`: from `form` (a translated edition's), else the project's form or the standard one."""
    form = form or load_form(project)[0]
    if form is None:
        return {}
    return {
        "evaluation.md": render(
            "evaluation.md.j2",
            lang,
            form=form,
            course=course,
            form_html=Markup(form_html(form, course, lang)),
            assets=f"../{ASSETS}" if directory_urls else ASSETS,  # the page is evaluation/ or evaluation.html
        )
    }
