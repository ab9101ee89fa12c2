"""load -> validate -> model -> generate -> build, as functions the CLI and the hooks adapter share."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from peerpath.cohorts.registry import registry_problems
from peerpath.curriculum.crosscheck import Curriculum, cross_check
from peerpath.curriculum.load import load_project
from peerpath.problems import Problem, ProblemsFound
from peerpath.project import GENERATED_FOLDERS, Project
from peerpath.site.generate import render_pages, write_file, write_tree
from peerpath.site.sitebuild import authored_link_problems, run_builder, staging_folder, swap_in
from peerpath.site.siteconfig import (
    ENGINES,
    GENERATED_LEARNER_PAGES,
    config_text,
    engine_config,
    navigation,
    read_base_config,
)
from peerpath.site.watch import watch

SKIP_HOOK_ENV = "PEERPATH_ALREADY_GENERATED"


@dataclass
class Generated:
    curriculum: Curriculum
    changed: list[str]


def check(project: Project) -> tuple[Curriculum | None, dict | None, list[Problem]]:
    """Validate every input; return the curriculum and site config, or every problem found."""
    base, config_problems = (
        read_base_config(project)
        if project.config.exists() or project.config.is_symlink()
        else (None, [Problem("mkdocs.yml", 1, "", "file is missing")])
    )
    curriculum, problems = cross_check(load_project(project))
    problems += registry_problems(project.registry, project.shown(project.registry))
    return curriculum, base, sorted(set(problems + config_problems))


def generate(project: Project) -> Generated:
    """Write build/docs and build/<engine>.yml. Nothing is written unless every input is valid."""
    curriculum, base, problems = check(project)
    if problems or curriculum is None or base is None:
        raise ProblemsFound(problems)
    pages = render_pages(curriculum, project, directory_urls=bool(base.get("use_directory_urls", True)), base=base)
    authored = [
        rel
        for rel in pages
        if rel.endswith(".md")
        and rel.split("/", 1)[0] not in GENERATED_FOLDERS
        and rel not in {path for _, path in GENERATED_LEARNER_PAGES}
    ]
    titles = {rel: page_title(str(pages[rel]), rel) for rel in authored}
    nav = navigation(curriculum, authored, titles)
    changed = write_tree(pages, project.docs)
    for engine in ENGINES:
        path = Path(config_path(project, engine))
        if write_file(path, config_text(engine_config(base, project, engine, nav))):
            changed.append(project.shown(path))
    return Generated(curriculum, changed)


def page_title(markdown: str, rel: str) -> str:
    """A page's title: front matter `title:`, else its first level-1 heading, else its file name."""
    match = re.search(r"^title:\s*(.+)$", markdown.split("\n---", 1)[0], re.M) if markdown.startswith("---") else None
    if match:
        return match.group(1).strip().strip("\"'")
    heading = re.search(r"^#\s+(.+?)\s*$", markdown, re.M)
    return heading.group(1) if heading else rel.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ").capitalize()


def config_path(project: Project, engine: str) -> str:
    return str(project.build / f"{engine}.yml")


def build(project: Project, engine: str = "mkdocs") -> int:
    """Generate, check links, then run the chosen builder in strict mode into a staging folder.

    The last good site is replaced only when the builder succeeds.
    """
    result = generate(project)
    broken = authored_link_problems(project, result.curriculum)
    if broken:
        raise ProblemsFound(broken, f"the site was not built; {project.shown(project.site(engine))} is unchanged")
    env = {**os.environ, SKIP_HOOK_ENV: "1"}
    site = project.site(engine)
    staging = staging_folder(site)
    shutil.rmtree(staging, ignore_errors=True)
    config = Path(config_path(project, engine))
    staged_config = config.with_name(f".{config.stem}-staging.yml")
    text = config.read_text(encoding="utf-8")
    staged = yaml.safe_load(text)
    staged["site_dir"] = os.path.relpath(staging, project.build)
    write_file(staged_config, config_text(staged))
    tool = "mkdocs" if engine == "mkdocs" else "zensical"
    cmd = [_tool(tool), "build", "--strict", "--clean", "-f", str(staged_config)]
    try:
        code = run_builder(cmd, project.root, env)
        if code == 0:
            swap_in(staging, site)
        else:
            print(
                f"peerpath: the {tool} build failed; {project.shown(site)} still holds the last good site",
                file=sys.stderr,
            )
        return code
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        staged_config.unlink(missing_ok=True)


def serve(project: Project, address: str, engine: str = "mkdocs") -> int:
    """Generate, then serve with live reload.

    MkDocs regenerates through the hooks adapter; Zensical runs no hooks, so PeerPath's own watcher
    regenerates build/docs and Zensical, which watches that folder, rebuilds and reloads the page.
    """
    generate(project)
    if engine == "mkdocs":
        cmd = [_tool("mkdocs"), "serve", "-a", address, "-f", config_path(project, "mkdocs")]
        return subprocess.run(cmd, cwd=project.root).returncode
    server = subprocess.Popen([_tool("zensical"), "serve", "-a", address, "-f", config_path(project, engine)])
    try:
        watch(project, generate, keep_going=lambda: server.poll() is None, say=lambda text: print(text, flush=True))
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
