"""`peerpath translations`: for translators, every file that can be translated and where its translation stands."""

from __future__ import annotations

from pathlib import Path

from peerpath.curriculum.frontmatter import split_module
from peerpath.curriculum.readtext import read_authored
from peerpath.curriculum.translations import source_hash, translation_of
from peerpath.curriculum.yamlsource import parse_yaml
from peerpath.project import Project, is_translation

UP_TO_DATE, STALE, MISSING, UNREADABLE = "up to date", "stale", "missing", "unreadable"


def sources(project: Project) -> list[Path]:
    """English files a translation may sit beside: modules, quizzes, authored pages, course, topics, evaluation."""
    found = [project.curriculum / name for name in ("course.yml", "topics.yml", "evaluation.yml")]
    found += sorted(project.modules.rglob("*.md")) if project.modules.is_dir() else []
    found += sorted(project.quizzes.glob("*.y*ml")) if project.quizzes.is_dir() else []
    found += [p for p in project.authored_files() if p.suffix == ".md"]
    return [p for p in found if p.is_file() and not is_translation(p)]


def recorded_source(path: Path) -> str | None:
    """The `source:` a translation records, or None when it cannot be read (`peerpath check` says why)."""
    text, _ = read_authored(path, path.name)
    if text is None:
        return None
    doc = split_module(text, path.name).meta if path.suffix == ".md" else parse_yaml(text, path.name)
    value = doc.data.get("source") if isinstance(doc.data, dict) else None
    return str(value) if value is not None else None


def status(source: Path, lang: str) -> tuple[str, str]:
    """(status, what to do) for the translation of one English file."""
    current = source_hash(source)
    translation = translation_of(source, lang)
    if not translation.exists():
        return MISSING, f"to translate: start it with source: {current}"
    recorded = recorded_source(translation)
    if recorded is None:
        return UNREADABLE, "peerpath check says what is wrong with it"
    if recorded != current:
        return STALE, f"the English changed since {recorded}: update the translation, then set source: {current}"
    return UP_TO_DATE, ""


def status_lines(project: Project, lang: str) -> list[str]:
    lines, counts = [], {UP_TO_DATE: 0, STALE: 0, MISSING: 0, UNREADABLE: 0}
    for source in sources(project):
        state, todo = status(source, lang)
        counts[state] += 1
        shown = project.shown(translation_of(source, lang))
        lines.append(f"{state:<11} {shown}" + (f"  ({todo})" if todo else ""))
    lines.append(", ".join(f"{n} {state}" for state, n in counts.items() if n or state != UNREADABLE))
    return lines
