"""The builder configuration: the project's mkdocs.yml plus the generated navigation and paths.

MkDocs and Zensical both read this format. The project's own mkdocs.yml stays the file people
edit; peerpath writes build/<engine>.yml next to the generated docs folder.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import yaml

from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.hours import contact_minutes, hours_text
from peerpath.curriculum.validation import validate
from peerpath.curriculum.yamlsource import read_yaml
from peerpath.i18n import N_, SOURCE_LANGUAGE, gettext
from peerpath.problems import Problem
from peerpath.project import Project
from peerpath.site.generate import ASSETS, SEARCH_SHIM
from peerpath.text import html_text

ENGINES = ("mkdocs", "zensical")
# Pages the generator writes for every site, in the order the navigation lists them.
GENERATED_LEARNER_PAGES = [
    (N_("Learner workbook"), "workbook.md"),
    (N_("My progress"), "progress.md"),
    (N_("Self-study record"), "study-record.md"),
    (N_("Course evaluation"), "evaluation.md"),
    (N_("Verify a certificate"), "verify.md"),
    (N_("Privacy"), "privacy.md"),
]
TRAINER_SECTION = N_("For trainers")  # the same name an authored for-trainers/ folder gets, so they share a section
HOOKS = Path(__file__).parent.parent / "mkdocs_hooks.py"  # the one MkDocs-specific file, at the top
STATIC = Path(__file__).parent.parent / "static"  # PeerPath's own scripts and styles
STYLESHEETS = [f"{ASSETS}/peerpath.css"]
STORAGE_GUARD = f"{ASSETS}/storage.js"  # which storage works; keeps the theme working when it is blocked
SEARCH_ON_DEMAND = f"{ASSETS}/search-on-demand.js"  # the search index is fetched when search is opened
SCRIPTS = [
    f"{ASSETS}/messages.js",  # generated: the scripts' words in the site's language
    f"{ASSETS}/i18n.js",  # t() and tn(), which read them
    f"{ASSETS}/site.js",
    f"{ASSETS}/progress-core.js",
    f"{ASSETS}/curriculum.js",
    f"{ASSETS}/quiz.js",
    f"{ASSETS}/progress.js",
    f"{ASSETS}/progress-pages.js",
    f"{ASSETS}/language.js",
]


def read_base_config(project: Project) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The project's mkdocs.yml, checked for the keys peerpath owns."""
    from peerpath.models.siteconfig import BaseConfig

    doc = read_yaml(project.config, project.shown(project.config))
    model, problems = validate(doc, BaseConfig)
    theme = doc.data.get("theme") if model and isinstance(doc.data, dict) else None
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(custom, str) and not (project.root / custom).is_dir():
        line = doc.line_of(("theme", "custom_dir"))
        missing = Problem(doc.path, line, "theme.custom_dir", f"there is no folder '{custom}' beside mkdocs.yml")
        problems = [*problems, missing]
        return None, problems
    return (doc.data if model else None), problems


def navigation(
    curriculum: Curriculum, authored: list[str], titles: dict[str, str], lang: str = SOURCE_LANGUAGE
) -> list[Any]:
    """Home, the parts with each module's hours, the workbook, then authored sections, in `lang`.

    Themes print navigation titles as HTML, so every title is made text first (`html_text`).
    """
    return _as_text(_navigation(curriculum, authored, titles, lang))


def _as_text(nav: Any) -> Any:
    if isinstance(nav, list):
        return [_as_text(item) for item in nav]
    if isinstance(nav, dict):
        return {html_text(title): _as_text(target) for title, target in nav.items()}
    return nav


def _navigation(curriculum: Curriculum, authored: list[str], titles: dict[str, str], lang: str) -> list[Any]:
    _ = gettext(lang)
    nav: list[Any] = [{_("Home"): "index.md"}]
    for title, modules in curriculum.parts():
        entries = [
            {f"{m.meta.title} ({hours_text(contact_minutes(m.meta), lang)})": f"modules/{m.meta.id}.md"}
            for m in modules
        ]
        nav.append({title: in_groups(entries, lang)})
    nav.extend({_(title): path} for title, path in GENERATED_LEARNER_PAGES)
    sections: dict[str, list[Any]] = {}
    for rel in authored:
        if "/" in rel:
            folder = rel.split("/")[0]
            name = folder.replace("-", " ").capitalize()
            sections.setdefault(_(name) if name == TRAINER_SECTION else name, []).append({titles[rel]: rel})
        elif rel != "index.md":
            nav.append({titles[rel]: rel})
    trainer = _(TRAINER_SECTION)
    sections.setdefault(trainer, []).append({_("Trainer editions"): trainer_navigation(curriculum, lang)})
    nav.extend({name: pages} for name, pages in sections.items())
    if curriculum.standards:
        boards = [{_("Overview"): "boards/index.md"}, {_("Crosswalk"): "boards/crosswalk.md"}]
        boards += [{s.name: f"boards/{s.id}.md"} for s in curriculum.standards.values()]
        nav.append({_("For boards"): boards})
    return nav


def trainer_navigation(curriculum: Curriculum, lang: str = SOURCE_LANGUAGE) -> list[Any]:
    """The trainer editions, in course order, after the page that lists them all."""
    _ = gettext(lang)
    editions = [{m.meta.title: f"trainer/{m.meta.id}.md"} for m in curriculum.modules]
    return [{_("All trainer editions"): "trainer/index.md"}, *in_groups(editions, lang)]


FLAT_LIMIT = 40  # a list this long stays one list in the sidebar
GROUP_LEAST = 20  # a longer one is cut into groups of at least this many


def in_groups(entries: list[Any], lang: str = SOURCE_LANGUAGE) -> list[Any]:
    """A long list of modules as consecutive groups ("Modules 1–32", "Modules 33–64", ...).

    The theme lists every module of every part on every page; a closed group shows as one link. So a
    page carries about 2·√n links instead of n, and a build of n pages grows near n, not n².
    Lists of up to FLAT_LIMIT entries (every part of the shipped course) are left as they are.
    """
    if len(entries) <= FLAT_LIMIT:
        return entries
    _ = gettext(lang)
    size = max(GROUP_LEAST, math.ceil(math.sqrt(len(entries))))
    groups = []
    for start in range(0, len(entries), size):
        chunk = entries[start : start + size]
        label = _("Modules {first}–{last}").format(first=start + 1, last=start + len(chunk))
        groups.append({label: chunk})
    return groups


def engine_config(
    base: dict[str, Any], project: Project, engine: str, nav: list[Any], lang: str = SOURCE_LANGUAGE
) -> dict[str, Any]:
    """The config one engine builds from; paths are relative to the build folder it is written to."""
    config = dict(base)
    rel = lambda path: os.path.relpath(path, project.build)  # noqa: E731
    config["docs_dir"] = rel(project.docs)
    config["site_dir"] = rel(project.site(engine))
    config["nav"] = nav
    config["not_in_nav"] = "/trainer/answer-keys/\n/workbook/\n"  # reached from their index pages
    theme = dict(config.get("theme", {}))
    overrides = project.root / theme["custom_dir"] if theme.get("custom_dir") else project.overrides
    if overrides.is_dir():
        theme["custom_dir"] = rel(overrides)  # mkdocs.yml names it from the project; builders read it from build/
    config["theme"] = theme
    config["extra_css"] = [*STYLESHEETS, *config.get("extra_css", [])]
    # MkDocs can mark scripts `defer` so they never block rendering; Zensical takes plain paths.
    scripts = [{"path": s, "defer": True} for s in SCRIPTS] if engine == "mkdocs" else list(SCRIPTS)
    config["extra_javascript"] = [*scripts, *config.get("extra_javascript", [])]
    # The theme runs polyfills first: the storage guard must be in place before its own scripts.
    polyfills = [STORAGE_GUARD, SEARCH_ON_DEMAND]
    if project.search_shim.is_file():
        # Search from disk: both builders' offline plugin makes search work without a server; the shim
        # is served locally, so neither adds its CDN address (Zensical skips it when one is listed).
        config["plugins"] = [*config.get("plugins", []), "offline"]
        polyfills.append(SEARCH_SHIM)
    # overrides/main.html writes these small head scripts into each page instead of linking them:
    # fewer requests that hold up the first paint on a phone.
    inline = [head_script_text(project, path) for path in polyfills]
    config["extra"] = {
        **config.get("extra", {}),
        "polyfills": polyfills,
        "peerpath_head_scripts": inline,
        "peerpath_text": theme_text(lang),
    }
    if engine == "mkdocs":
        config["hooks"] = [rel(HOOKS)]
        folders = (project.curriculum, project.quizzes, project.standards, project.overrides)
        config["watch"] = [rel(d) for d in folders if d.is_dir()]
    return config


def theme_text(lang: str) -> dict[str, str]:
    """The words overrides/main.html adds to the theme's pages, in the site's language."""
    _ = gettext(lang)
    return {
        "trainer_edition": _("Trainer edition."),
        "trainer_banner": _("Facilitator notes and answers are on this page; learners read the learner pages."),
    }


def head_script_text(project: Project, path: str) -> str:
    """A head script's text, safe inside <script>: no "</" can close the element early."""
    source = project.search_shim if path == SEARCH_SHIM else STATIC / Path(path).name
    return source.read_text(encoding="utf-8").replace("</", "<\\/")


def config_text(config: dict[str, Any]) -> str:
    header = "# Generated by `peerpath generate` from ../mkdocs.yml. Do not edit: edit ../mkdocs.yml.\n"
    return header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=120)
