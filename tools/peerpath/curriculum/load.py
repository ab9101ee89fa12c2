"""Read every input file into validated models, collecting problems instead of raising."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from peerpath.curriculum.frontmatter import split_module
from peerpath.curriculum.markdown_safety import markdown_problems
from peerpath.curriculum.readtext import read_authored
from peerpath.curriculum.standard_translations import Translations, language_of, load_translations
from peerpath.curriculum.validation import validate
from peerpath.curriculum.yamlsource import YamlDoc, read_yaml
from peerpath.models.course import Course, Topic, Topics
from peerpath.models.module import ModuleMeta
from peerpath.models.quiz import Quiz
from peerpath.models.standard import Standard
from peerpath.problems import Problem
from peerpath.project import Project, is_translation

CLAIMED_ID = re.compile(r"^id:\s*['\"]?([a-z0-9-]+)", re.M)


@dataclass
class Module:
    """A module: validated front matter, Markdown body, and where it came from."""

    meta: ModuleMeta
    body: str
    path: str
    doc: YamlDoc


@dataclass
class QuizSource:
    quiz: Quiz
    path: str
    doc: YamlDoc


@dataclass
class StandardSource:
    standard: Standard
    path: str
    doc: YamlDoc


@dataclass
class Loaded:
    """Everything read from disk; a field is None or short where its files had problems."""

    course: Course | None = None
    course_doc: YamlDoc | None = None
    topics: dict[str, Topic] = field(default_factory=dict)
    modules: list[Module] = field(default_factory=list)
    quizzes: list[QuizSource] = field(default_factory=list)
    standards: list[StandardSource] = field(default_factory=list)
    standard_translations: Translations = field(default_factory=dict)  # standards/<id>.<lang>.yml
    unreadable_module_ids: set[str] = field(default_factory=set)  # ids of modules that failed validation
    problems: list[Problem] = field(default_factory=list)


def load_project(project: Project) -> Loaded:
    """Read course, topics, modules and quizzes; every file is read even after a problem."""
    loaded = Loaded()
    loaded.course, loaded.course_doc = _load_yaml(project, project.curriculum / "course.yml", Course, loaded)
    topics, _ = _load_yaml(project, project.curriculum / "topics.yml", Topics, loaded)
    loaded.topics = dict(topics.root) if topics else {}
    for path in _sources(project.modules.rglob("*.md")) if project.modules.is_dir() else []:
        module = load_module(path, project.shown(path), loaded.problems)
        if isinstance(module, Module):
            loaded.modules.append(module)
        elif module:
            loaded.unreadable_module_ids.add(module)
    loaded.problems += authored_page_problems(project)
    for path in _sources(project.quizzes.glob("*.y*ml")) if project.quizzes.is_dir() else []:
        quiz, doc = _load_yaml(project, path, Quiz, loaded)
        if quiz and doc:
            loaded.quizzes.append(QuizSource(quiz, doc.path, doc))
    standard_files = sorted(project.standards.glob("*.y*ml")) if project.standards.is_dir() else []
    english = {}
    for path in [p for p in standard_files if not language_of(p)]:
        standard, doc = _load_yaml(project, path, Standard, loaded)
        if standard and doc:
            loaded.standards.append(StandardSource(standard, doc.path, doc))
            english[path] = standard
    translated = [p for p in standard_files if language_of(p)]
    loaded.standard_translations = load_translations(translated, english, project.shown, loaded.problems)
    return loaded


def _sources(paths) -> list[Path]:
    """English source files; translations beside them are read by curriculum/translations.py."""
    return sorted(path for path in paths if not is_translation(path))


def load_module(path: Path, shown: str, problems: list[Problem]) -> Module | str | None:
    """Read one module file and append its problems to `problems`.

    An invalid module still returns the id it claims (or, if its front matter cannot be parsed, the id
    it seems to claim, else its file name), so other files that name it are not blamed for its absence.
    """
    text, unreadable = read_authored(path, shown)
    if text is None:
        problems.extend([unreadable] if unreadable else [])
        return path.stem
    source = split_module(text, shown)
    meta, found = validate(source.meta, ModuleMeta)
    problems.extend(found)
    problems.extend(markdown_problems(source.body, shown, source.body_first_line))
    if meta:
        problems.extend(_reference_problems(meta, source.meta, shown))
        return Module(meta, source.body, shown, source.meta)
    data = source.meta.data
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        return data["id"]
    claimed = CLAIMED_ID.search(text.split("\n---", 1)[0])
    return claimed.group(1) if claimed else path.stem


def _reference_problems(meta: ModuleMeta, doc: YamlDoc, shown: str) -> list[Problem]:
    """References may hold Markdown links: the same rules as a reading, line by line."""
    return [
        problem
        for i, reference in enumerate(meta.references)
        for problem in markdown_problems(reference, shown, doc.line_of(("references", i)), f"references[{i}]")
    ]


def authored_page_problems(project: Project) -> list[Problem]:
    """Pages trainers write directly (home, guides) are Markdown under the same rules as readings.

    Other files there (images, handouts) are copied into the site, so each must at least be a readable file.
    """
    problems: list[Problem] = []
    for path in project.authored_files():
        shown = project.shown(path)
        if path.suffix == ".md":
            text, unreadable = read_authored(path, shown, empty_ok=True)
            problems += [unreadable] if unreadable else markdown_problems(text or "", shown, 1)
        elif path.is_symlink() and not path.exists():
            problems += [Problem(shown, 1, "", "is a link to a file that does not exist (a broken or looping link)")]
    return problems


def _load_yaml(project: Project, path: Path, model, loaded: Loaded):
    shown = project.shown(path)
    doc = read_yaml(path, shown)
    value, found = validate(doc, model)
    loaded.problems.extend(found)
    return value, doc
