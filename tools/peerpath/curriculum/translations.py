"""Read translation files (`<name>.es.md`, `<name>.es.yml`) beside their English sources, with their problems.

A translation holds texts only; what it may not change is checked against the English in
`translation_checks.py`, and the translated curriculum is put together in `translated.py`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from peerpath.curriculum.frontmatter import split_module
from peerpath.curriculum.load import Loaded
from peerpath.curriculum.markdown_safety import markdown_problems
from peerpath.curriculum.readtext import read_authored
from peerpath.curriculum.validation import validate
from peerpath.curriculum.yamlsource import YamlDoc, read_yaml
from peerpath.i18n import LANGUAGES, SOURCE_LANGUAGE
from peerpath.models.translation import (
    TAKEN_FROM_SOURCE,
    CourseTranslation,
    EvaluationTranslation,
    ModuleTranslation,
    PageTranslation,
    QuizTranslation,
    TopicsTranslation,
)
from peerpath.problems import Problem
from peerpath.project import Project

TRANSLATED_LANGUAGES = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)
TAKEN_MESSAGE = "is taken from the English source; a translation may not set it (remove it here)"


@dataclass
class TranslationFile:
    """One translation: its validated texts, where it came from, and the English file it follows."""

    path: str
    source_path: str
    doc: YamlDoc
    texts: Any  # the validated translation model
    body: str = ""
    body_first_line: int = 1


@dataclass
class Translations:
    """Every translation file of one language, by what it translates."""

    lang: str
    modules: dict[str, TranslationFile] = field(default_factory=dict)  # by module id
    quizzes: dict[str, TranslationFile] = field(default_factory=dict)  # by module id
    pages: dict[str, TranslationFile] = field(default_factory=dict)  # by English path under curriculum/
    course: TranslationFile | None = None
    topics: TranslationFile | None = None
    evaluation: TranslationFile | None = None
    problems: list[Problem] = field(default_factory=list)
    found: int = 0  # translation files seen, valid or not

    @property
    def any(self) -> bool:
        return self.found > 0


def source_of(path: Path) -> Path:
    """The English file a translation translates: the same name without the language."""
    return path.with_name(Path(path.stem).stem + path.suffix)


def translation_of(path: Path, lang: str) -> Path:
    return path.with_name(f"{path.stem}.{lang}{path.suffix}")


def source_hash(path: Path) -> str:
    """The version of an English file a translation records: the first 12 hex of the SHA-256 of its bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def load_translations(project: Project, loaded: Loaded, lang: str) -> Translations:
    """Read every translation into `lang` beside its source; problems are collected, never raised."""
    found = Translations(lang)
    english_modules = {m.path: m for m in loaded.modules}
    english_quizzes = {q.path: q for q in loaded.quizzes}
    modules = sorted(project.modules.rglob(f"*.{lang}.md")) if project.modules.is_dir() else []
    for path in modules:
        one = _read_markdown(project, path, ModuleTranslation, found)
        english = english_modules.get(project.shown(source_of(path)))
        if one and english:
            found.modules[english.meta.id] = one
    quizzes = sorted(project.quizzes.glob(f"*.{lang}.y*ml")) if project.quizzes.is_dir() else []
    for path in quizzes:
        one = _read_yaml(project, path, QuizTranslation, found)
        english = english_quizzes.get(project.shown(source_of(path)))
        if one and english:
            found.quizzes[english.quiz.module] = one
    for path in _page_translations(project, lang):
        one = _read_markdown(project, path, PageTranslation, found)
        if one:
            found.pages[source_of(path).relative_to(project.curriculum).as_posix()] = one
    for name, model in (("course", CourseTranslation), ("topics", TopicsTranslation)):
        path = project.curriculum / f"{name}.{lang}.yml"
        if path.exists() or path.is_symlink():
            setattr(found, name, _read_yaml(project, path, model, found))
    path = project.curriculum / f"evaluation.{lang}.yml"
    if path.exists() or path.is_symlink():
        found.evaluation = _read_yaml(project, path, EvaluationTranslation, found, english_optional=True)
    return found


def _page_translations(project: Project, lang: str) -> list[Path]:
    return [
        path
        for path in sorted(project.curriculum.rglob(f"*.{lang}.md")) if project.curriculum.is_dir()
        if path.relative_to(project.curriculum).parts[0] != "modules"
    ]  # fmt: skip


def _english(project: Project, path: Path, found: Translations, english_optional: bool) -> Path | None:
    """The English source beside `path`, or None after recording that there is none."""
    source = source_of(path)
    if source.is_file() or english_optional:
        return source
    found.problems.append(
        Problem(
            project.shown(path),
            1,
            "",
            f"there is no English file {project.shown(source)} beside this translation; "
            "name a translation after its source with the language before the extension",
        )
    )
    return None


def _read_markdown(project: Project, path: Path, model: type[BaseModel], found: Translations) -> TranslationFile | None:
    found.found += 1
    shown = project.shown(path)
    source = _english(project, path, found, english_optional=False)
    text, unreadable = read_authored(path, shown)
    if text is None or source is None:
        found.problems.extend([unreadable] if unreadable else [])
        return None
    split = split_module(text, shown)
    texts, problems = validate(split.meta, model)
    found.problems.extend(taken_from_source(problems))
    found.problems.extend(markdown_problems(split.body, shown, split.body_first_line))
    if texts is None:
        return None
    found.problems.extend(stale_source(split.meta, texts.source, source))
    for i, reference in enumerate(getattr(texts, "extra_references", [])):  # Markdown links, as in references
        where = split.meta.line_of(("extra_references", i))
        found.problems.extend(markdown_problems(reference, shown, where, f"extra_references[{i}]"))
    return TranslationFile(shown, project.shown(source), split.meta, texts, split.body, split.body_first_line)


def _read_yaml(
    project: Project, path: Path, model: type[BaseModel], found: Translations, english_optional: bool = False
) -> TranslationFile | None:
    found.found += 1
    shown = project.shown(path)
    source = _english(project, path, found, english_optional)
    doc = read_yaml(path, shown)
    texts, problems = validate(doc, model)
    found.problems.extend(taken_from_source(problems))
    if texts is None or source is None:
        return None
    if source.is_file():
        found.problems.extend(stale_source(doc, texts.source, source))
    return TranslationFile(shown, project.shown(source), doc, texts)


def taken_from_source(problems: list[Problem]) -> list[Problem]:
    """An unknown key that the English file has (`correct`, `minutes`...) is said to come from the source."""
    return [
        Problem(p.path, p.line, p.field, TAKEN_MESSAGE)
        if p.message.startswith("unknown key") and p.field.rsplit(".", 1)[-1] in TAKEN_FROM_SOURCE
        else p
        for p in problems
    ]


def stale_source(doc: YamlDoc, recorded: str, source: Path) -> list[Problem]:
    """A translation records the English version it follows; an English edit since then makes it stale."""
    current = source_hash(source)
    if recorded == current:
        return []
    return [
        Problem(
            doc.path,
            doc.line_of(("source",)),
            "source",
            f"the English was edited after this translation: update it, then set source: {current}",
        )
    ]
