"""load -> validate -> model -> generate -> build, as functions the CLI and the hooks adapter share."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from peerpath.cohorts.evaluations_form import load_form
from peerpath.cohorts.registry import registry_problems
from peerpath.curriculum.crosscheck import Curriculum, cross_check
from peerpath.curriculum.editions import Editions, editions
from peerpath.curriculum.load import load_project
from peerpath.curriculum.translations import TRANSLATED_LANGUAGES, Translations
from peerpath.i18n import SOURCE_LANGUAGE
from peerpath.problems import Problem, ProblemsFound
from peerpath.project import GENERATED_FOLDERS, Project
from peerpath.site.cache import input_key, links_checked, mark_links_checked, save_output, saved_output
from peerpath.site.edition import config_name, docs_folder, translated_nav, with_languages
from peerpath.site.generate import render_pages, write_file, write_tree
from peerpath.site.sitebuild import (
    authored_link_problems,
    run_builder,
    staging_folder,
    swap_in,
    translated_link_problems,
)
from peerpath.site.siteconfig import (
    ENGINES,
    GENERATED_LEARNER_PAGES,
    config_text,
    engine_config,
    navigation,
    read_base_config,
)
from peerpath.site.watch import serve_config, watch

SKIP_HOOK_ENV = "PEERPATH_ALREADY_GENERATED"


@dataclass
class Generated:
    curriculum: Curriculum | None  # None when the last good run's output was reused (nothing had changed)
    changed: list[str]
    key: str = ""
    translations: dict[str, Translations] = field(default_factory=dict)  # by language, for the link check


def check(project: Project) -> tuple[Curriculum | None, dict | None, list[Problem]]:
    """Validate every input; return the curriculum and site config, or every problem found."""
    curriculum, base, problems, _ = check_editions(project)
    return curriculum, base, problems


def check_editions(project: Project) -> tuple[Curriculum | None, dict | None, list[Problem], Editions]:
    """`check`, plus the translated editions (curriculum/<name>.es.md ... beside their sources)."""
    base, config_problems = (
        read_base_config(project)
        if project.config.exists() or project.config.is_symlink()
        else (None, [Problem("mkdocs.yml", 1, "", "file is missing")])
    )
    loaded = load_project(project)
    curriculum, problems = cross_check(loaded)
    problems += registry_problems(project.registry, project.shown(project.registry))
    form, form_problems = load_form(project)
    translated = editions(project, loaded, curriculum, form)
    problems += form_problems + translated.problems
    return curriculum, base, sorted(set(problems + config_problems)), translated


def generate(project: Project) -> Generated:
    """Write build/docs and build/<engine>.yml (and build/docs-es, build/<engine>-es.yml for a Spanish edition).

    Nothing is written unless every input is valid. When nothing generation reads has changed since the
    last good run, that run's output is written again instead of checking and rendering everything anew
    (site/cache.py says what "nothing" covers: translations are inputs like any other file).
    """
    key = input_key(project)
    saved = saved_output(project, key)
    if saved is not None:
        return Generated(None, _write_saved(project, saved), key)
    curriculum, base, problems, translated = check_editions(project)
    if problems or curriculum is None or base is None:
        raise ProblemsFound(problems)
    languages = [SOURCE_LANGUAGE, *translated.curricula]
    editions_by_lang = {SOURCE_LANGUAGE: curriculum, **translated.curricula}
    output: dict[str, str | bytes] = {}
    changed: list[str] = []
    for lang, edition in editions_by_lang.items():
        docs = docs_folder(project, lang)
        pages, nav = _edition_pages(project, edition, base, lang)
        changed += write_tree(pages, docs)
        output.update({f"{docs.name}/{rel}": content for rel, content in pages.items()})
        for engine in ENGINES:
            path = project.build / config_name(engine, lang)
            config = with_languages(engine_config(base, project, engine, nav), project, engine, lang, languages)
            output[path.name] = config_text(config)
            if write_file(path, output[path.name]):
                changed.append(project.shown(path))
    changed += _remove_old_editions(project, languages)
    save_output(project, key, output)
    return Generated(curriculum, changed, key, translated.in_step)


def _edition_pages(project: Project, edition: Curriculum, base: dict, lang: str) -> tuple[dict, list]:
    """One language's generated pages and its navigation."""
    pages = render_pages(
        edition, project, directory_urls=bool(base.get("use_directory_urls", True)), base=base, lang=lang
    )
    authored = [
        rel
        for rel in pages
        if rel.endswith(".md")
        and rel.split("/", 1)[0] not in GENERATED_FOLDERS
        and rel not in {path for _, path in GENERATED_LEARNER_PAGES}
    ]
    titles = {rel: page_title(str(pages[rel]), rel) for rel in authored}
    return pages, translated_nav(navigation(edition, authored, titles, lang), lang)


def _write_saved(project: Project, saved: dict[str, bytes]) -> list[str]:
    """The last good run's files written again: docs folders, and the configs beside them in build/."""
    changed: list[str] = []
    folders = sorted({rel.split("/", 1)[0] for rel in saved if "/" in rel})
    for folder in folders:
        files = {rel.split("/", 1)[1]: data for rel, data in saved.items() if rel.startswith(f"{folder}/")}
        changed += write_tree(files, project.build / folder)
    for name in (rel for rel in saved if "/" not in rel):
        if write_file(project.build / name, saved[name]):
            changed.append(project.shown(project.build / name))
    changed += _remove_old_editions(
        project, [SOURCE_LANGUAGE, *(f.removeprefix("docs-") for f in folders if f != "docs")]
    )
    return changed


def _remove_old_editions(project: Project, languages: list[str]) -> list[str]:
    """A language whose translations were all removed leaves no docs folder or config behind to be built."""
    removed = []
    for lang in TRANSLATED_LANGUAGES:
        if lang in languages:
            continue
        for path in [project.build / config_name(engine, lang) for engine in ENGINES]:
            if path.is_file():
                path.unlink()
                removed.append(project.shown(path))
        shutil.rmtree(docs_folder(project, lang), ignore_errors=True)
    return removed


def page_title(markdown: str, rel: str) -> str:
    """A page's title: front matter `title:`, else its first level-1 heading, else its file name."""
    match = re.search(r"^title:\s*(.+)$", markdown.split("\n---", 1)[0], re.M) if markdown.startswith("---") else None
    if match:
        return match.group(1).strip().strip("\"'")
    heading = re.search(r"^#\s+(.+?)\s*$", markdown, re.M)
    return heading.group(1) if heading else rel.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ").capitalize()


def config_path(project: Project, engine: str) -> str:
    return str(project.build / f"{engine}.yml")


def link_problems(project: Project, result: Generated) -> list[Problem]:
    """Broken relative links in what trainers and translators wrote, each by its own file and line."""
    if result.curriculum is None:  # a reused run whose links were never checked
        curriculum, _, _, translated = check_editions(project)
        result = Generated(curriculum, result.changed, result.key, translated.in_step)
    assert result.curriculum is not None  # generate() raised on anything that left it None
    broken = authored_link_problems(project, result.curriculum)
    for lang, translations in result.translations.items():
        broken += translated_link_problems(project, translations, docs_folder(project, lang))
    return sorted(set(broken))


def build(project: Project, engine: str = "mkdocs") -> int:
    """Generate, check links, then run the chosen builder in strict mode into a staging folder.

    The last good site is replaced only when the builder succeeds.
    """
    result = generate(project)
    if not links_checked(project, result.key):
        broken = link_problems(project, result)
        if broken:
            raise ProblemsFound(broken, f"the site was not built; {project.shown(project.site(engine))} is unchanged")
        mark_links_checked(project, result.key)
    env = {**os.environ, SKIP_HOOK_ENV: "1"}
    site = project.site(engine)
    staging = staging_folder(site)
    shutil.rmtree(staging, ignore_errors=True)
    tool = "mkdocs" if engine == "mkdocs" else "zensical"
    # English first (a builder empties its site folder), then each translated site inside it: es/.
    languages = [SOURCE_LANGUAGE] + [
        lang for lang in TRANSLATED_LANGUAGES if (project.build / config_name(engine, lang)).is_file()
    ]
    try:
        for lang in languages:
            target = staging if lang == SOURCE_LANGUAGE else staging / lang
            code = _run_staged(project, project.build / config_name(engine, lang), target, tool, env)
            if code != 0:
                print(
                    f"peerpath: the {tool} build failed; {project.shown(site)} still holds the last good site",
                    file=sys.stderr,
                )
                return code
        swap_in(staging, site)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _run_staged(project: Project, config: Path, target: Path, tool: str, env: dict[str, str]) -> int:
    """Build one config into `target` instead of its own site folder."""
    staged_config = config.with_name(f".{config.stem}-staging.yml")
    staged = yaml.safe_load(config.read_text(encoding="utf-8"))
    staged["site_dir"] = os.path.relpath(target, project.build)
    write_file(staged_config, config_text(staged))
    cmd = [_tool(tool), "build", "--strict", "--clean", "-f", str(staged_config)]
    try:
        return run_builder(cmd, project.root, env)
    finally:
        staged_config.unlink(missing_ok=True)


def serve(project: Project, address: str, engine: str = "mkdocs", lang: str = SOURCE_LANGUAGE) -> int:
    """Generate, then serve with live reload.

    MkDocs regenerates through the hooks adapter; Zensical runs no hooks, so PeerPath's own watcher
    regenerates build/docs and Zensical, which watches that folder, rebuilds and reloads the page.
    """
    generate(project)
    config = project.build / config_name(engine, lang)
    if not config.is_file():
        print(f"peerpath: the curriculum has no translation into '{lang}' yet", file=sys.stderr)
        return 1
    if engine == "mkdocs":
        cmd = [_tool("mkdocs"), "serve", "-a", address, "-f", str(config)]
        return subprocess.run(cmd, cwd=project.root).returncode
    server = subprocess.Popen([_tool("zensical"), "serve", "-a", address, "-f", str(serve_config(project, config))])

    def regenerate(project: Project) -> None:
        generate(project)
        serve_config(project, config)  # a new module or page changes the navigation in the config

    try:
        watch(project, regenerate, keep_going=lambda: server.poll() is None, say=lambda text: print(text, flush=True))
    except KeyboardInterrupt:
        pass
    finally:
        if server.poll() is None:
            server.terminate()
        server.wait()
    return 0 if server.returncode in (0, -15) else server.returncode


def _tool(name: str) -> str:
    """The builder's command next to this Python, so a venv's builder is used without activating it."""
    local = os.path.join(os.path.dirname(sys.executable), name)
    return local if os.path.exists(local) else name
