"""The curriculum's editions in other languages: one per language that has translation files."""

from __future__ import annotations

from dataclasses import dataclass, field

from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.frontmatter import split_module
from peerpath.curriculum.load import Loaded
from peerpath.curriculum.translated import (
    NOTICE,
    english_body,
    review_warnings,
    translated_curriculum,
    translation_problems,
)
from peerpath.curriculum.translations import TRANSLATED_LANGUAGES, Translations, load_translations
from peerpath.i18n import gettext
from peerpath.models.evaluation import EvaluationForm
from peerpath.problems import Problem
from peerpath.project import Project


@dataclass
class Editions:
    """The translated curricula (only when every translation is in step), their problems and warnings."""

    curricula: dict[str, Curriculum] = field(default_factory=dict)  # by language
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    translations: dict[str, Translations] = field(default_factory=dict)

    @property
    def in_step(self) -> dict[str, Translations]:
        """The translations of each language whose edition is built (every file in step with its source)."""
        return {lang: self.translations[lang] for lang in self.curricula}


def editions(project: Project, loaded: Loaded, english: Curriculum | None, form: EvaluationForm | None) -> Editions:
    found = Editions()
    for lang in TRANSLATED_LANGUAGES:
        translations = load_translations(project, loaded, lang)
        if not translations.any:
            continue
        found.translations[lang] = translations
        problems = translation_problems(loaded, translations, form)
        found.problems += problems
        found.warnings += review_warnings(translations)
        if english is not None and not problems:
            edition = translated_curriculum(english, translations, form)
            edition.authored = authored_pages(project, translations)
            found.curricula[lang] = edition
    return found


def authored_pages(project: Project, translations: Translations) -> dict[str, str | bytes]:
    """The authored pages of an edition: each page's translation, else the English marked as English."""
    notice = gettext(translations.lang)(NOTICE)
    pages: dict[str, str | bytes] = {}
    for path in project.authored_files():
        rel = path.relative_to(project.curriculum).as_posix()
        if path.suffix != ".md":
            pages[rel] = path.read_bytes()
        elif rel in translations.pages:
            pages[rel] = translations.pages[rel].body.lstrip("\n")
        else:
            pages[rel] = english_page(path.read_text(encoding="utf-8"), notice)
    return pages


def english_page(markdown: str, notice: str) -> str:
    """An English page in a translated site; its front matter, if any, stays at the top."""
    if markdown.startswith("---"):
        split = split_module(markdown, "")
        head = markdown[: len(markdown) - len(split.body)]
        return head + english_body(split.body, notice)
    return english_body(markdown, notice)
