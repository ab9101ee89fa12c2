"""A translated site beside the English one: its docs folder, its builder configs and the language switcher.

The English site is `site/` (or `build/site-zensical/`); the Spanish one is `es/` inside it, a whole site
with its own search and navigation. Both sites give each page the same path, so the switcher in the
header (overrides/partials/alternate.html) links to the same page in the other language, from disk too.
Progress is kept under one storage key by module and question id, so it follows a learner across languages.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from peerpath.i18n import LANGUAGES, SOURCE_LANGUAGE, gettext
from peerpath.project import Project
from peerpath.site.siteconfig import GENERATED_LEARNER_PAGES, TRAINER_SECTION

# Navigation labels PeerPath writes itself (module and part titles come from the translations).
NAV_LABELS = {
    "Home", "Trainer editions", "All trainer editions", "For boards", "Overview", "Crosswalk", TRAINER_SECTION,
    *(title for title, _ in GENERATED_LEARNER_PAGES),
}  # fmt: skip


def docs_folder(project: Project, lang: str) -> Path:
    return project.docs if lang == SOURCE_LANGUAGE else project.build / f"docs-{lang}"


def config_name(engine: str, lang: str) -> str:
    return f"{engine}.yml" if lang == SOURCE_LANGUAGE else f"{engine}-{lang}.yml"


def site_folder(project: Project, engine: str, lang: str) -> Path:
    return project.site(engine) if lang == SOURCE_LANGUAGE else project.site(engine) / lang


def alternates(lang: str, languages: list[str]) -> list[dict[str, str]]:
    """extra.alternate: each language's name and the prefix that leads from this site's root to its root."""
    if len(languages) < 2:
        return []
    root = "" if lang == SOURCE_LANGUAGE else "../"  # from this site's root to the English root
    return [{"name": LANGUAGES[code], "lang": code, "link": _prefix(root, lang, code)} for code in languages]


def _prefix(root: str, lang: str, code: str) -> str:
    if code == lang:
        return "./"
    return root + ("" if code == SOURCE_LANGUAGE else f"{code}/") or "./"


def with_languages(config: dict[str, Any], project: Project, engine: str, lang: str, languages: list[str]) -> dict:
    """An engine's config for one language: its docs, site folder, theme language and switcher."""
    config = dict(config)
    config["extra"] = {**config.get("extra", {}), "alternate": alternates(lang, languages)}
    if not config["extra"]["alternate"]:
        del config["extra"]["alternate"]
    if lang == SOURCE_LANGUAGE:
        return config
    rel = lambda path: os.path.relpath(path, project.build)  # noqa: E731
    config["docs_dir"] = rel(docs_folder(project, lang))
    config["site_dir"] = rel(site_folder(project, engine, lang))
    config["theme"] = {**config.get("theme", {}), "language": lang}  # the theme's own strings and search
    return config


def translated_nav(nav: Any, lang: str) -> Any:
    """The labels PeerPath writes into the navigation, in `lang`."""
    _ = gettext(lang)
    if isinstance(nav, list):
        return [translated_nav(item, lang) for item in nav]
    if isinstance(nav, dict):
        return {(_(k) if k in NAV_LABELS else k): translated_nav(v, lang) for k, v in nav.items()}
    return nav
