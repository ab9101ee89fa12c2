"""Standards' names in other languages (standards/<id>.<lang>.yml), checked against their English file.

A translation names the standard and its domains; everything else comes from the English standard. It
must follow the English file's current bytes (`source`), and name only domains the standard has.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from peerpath.curriculum.validation import validate
from peerpath.curriculum.yamlsource import read_yaml
from peerpath.i18n import LANGUAGES, SOURCE_LANGUAGE
from peerpath.models.standard import Standard, StandardTranslation
from peerpath.problems import Problem

Translations = dict[str, dict[str, StandardTranslation]]  # standard id -> language -> translation


def language_of(path: Path) -> str | None:
    """'icrc-pr.es.yml' -> 'es'; an English standard file ('icrc-pr.yml') -> None."""
    stem, dot, lang = path.stem.rpartition(".")
    return lang if dot and stem and lang in LANGUAGES and lang != SOURCE_LANGUAGE else None


def source_version(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def load_translations(paths: list[Path], english: dict[Path, Standard], shown, problems: list[Problem]) -> Translations:
    """Every translation file in `paths`; `english` maps each English file to its standard."""
    found: Translations = {}
    for path in paths:
        lang = language_of(path)
        doc = read_yaml(path, shown(path))
        translation, errors = validate(doc, StandardTranslation)
        problems.extend(errors)
        source = path.with_name(path.name.replace(f".{lang}.", ".", 1))
        standard = english.get(source)
        if translation is None:
            continue
        if standard is None:
            problems.append(Problem(doc.path, 1, "", f"no English standard {source.name} beside it to translate"))
            continue
        problems.extend(_out_of_step(translation, standard, source, doc))
        found.setdefault(standard.id, {})[lang] = translation
    return found


def _out_of_step(translation: StandardTranslation, standard: Standard, source: Path, doc) -> list[Problem]:
    found = []
    now = source_version(source)
    if translation.source != now:
        message = (
            f"{source.name} changed since this translation (it is now {now}): update the translation, then its source"
        )
        found.append(Problem(doc.path, doc.line_of(("source",)), "source", message))
    for key, known in (("domains", standard.domains), ("floors", standard.floors)):
        ids = [item.id for item in known]
        for item_id in getattr(translation, key):
            if item_id not in ids:
                message = f"'{standard.id}' has no {key[:-1]} '{item_id}' (its {key}: {', '.join(ids) or 'none'})"
                found.append(Problem(doc.path, doc.line_of((key, item_id)), f"{key}.{item_id}", message))
    return found


@dataclass(frozen=True)
class StandardNames:
    """A standard's printed names in one language; English where it has no translation."""

    name: str
    domains: dict[str, str]  # domain id -> name
    floors: dict[str, str]  # floor id -> name


def names_in(standard: Standard, translations: Translations, lang: str) -> StandardNames:
    translation = translations.get(standard.id, {}).get(lang)
    domains = {d.id: d.name for d in standard.domains}
    floors = {f.id: f.name for f in standard.floors}
    if translation is None:
        return StandardNames(standard.name, domains, floors)
    return StandardNames(
        translation.name,
        {i: translation.domains.get(i, name) for i, name in domains.items()},
        {i: translation.floors.get(i, name) for i, name in floors.items()},
    )
