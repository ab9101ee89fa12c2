"""Live regeneration for any builder: watch the sources, regenerate build/docs when one changes.

MkDocs runs PeerPath's hook on every rebuild (mkdocs_hooks.py); Zensical runs no hooks, so under it
this watcher does the same job from outside: the builder serves build/docs and reloads the browser
when the generated files change. Polling the sources' times and sizes needs nothing beyond the
standard library and behaves the same on every file system.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml

from peerpath.problems import ProblemsFound
from peerpath.project import Project
from peerpath.site.generate import ASSETS, write_file
from peerpath.site.siteconfig import config_text, head_script_text

LIVE_RELOAD = f"{ASSETS}/live-reload.js"  # see static/live-reload.js: why Zensical's own reload is not enough

Snapshot = dict[str, tuple[int, int]]


def sources(project: Project) -> list[Path]:
    """What a change to should regenerate the site: the same folders the MkDocs adapter watches."""
    return [project.config, project.curriculum, project.quizzes, project.standards, project.overrides]


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """Every file under `paths` with its modification time and size."""
    seen: Snapshot = {}
    for root in paths:
        files = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for path in files:
            try:
                stat = path.stat()
            except OSError:  # removed while we looked
                continue
            if path.is_file():
                seen[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return seen


def changed_files(before: Snapshot, after: Snapshot) -> list[str]:
    """Files added, removed or changed between two snapshots."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def regenerate(project: Project, generate: Callable[[Project], object], say: Callable[[str], None]) -> bool:
    """Regenerate once; on bad input say what is wrong and keep the last good pages (nothing is written)."""
    try:
        generate(project)
    except ProblemsFound as found:
        say(f"peerpath check found problems; the site keeps its last good version:\n{found}")
        return False
    say("peerpath: regenerated build/docs")
    return True


def watch(
    project: Project,
    generate: Callable[[Project], object],
    keep_going: Callable[[], bool],
    say: Callable[[str], None] = print,
    interval: float = 0.4,
) -> None:
    """Regenerate whenever a source changes, until `keep_going()` is false."""
    before = snapshot(sources(project))
    while keep_going():
        time.sleep(interval)
        after = snapshot(sources(project))
        if changed_files(before, after):
            regenerate(project, generate, say)
        before = after


def serve_config(project: Project, config: Path) -> Path:
    """The generated Zensical config plus the live-reload check, written beside it for `peerpath serve` only.

    Built sites never carry the check: it asks the server for the open page once a second.
    """
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    extra = data.setdefault("extra", {})
    extra["peerpath_head_scripts"] = [*extra.get("peerpath_head_scripts", []), head_script_text(project, LIVE_RELOAD)]
    target = config.with_name(f"{config.stem}-serve{config.suffix}")
    write_file(target, config_text(data))
    return target
