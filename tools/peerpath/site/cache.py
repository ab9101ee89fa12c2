"""The last good generation, kept in build/ and reused while nothing it was made from has changed.

The key is a hash of everything generation reads: the project's inputs (mkdocs.yml, the curriculum,
quizzes, standards, certificate registry, theme overrides, vendored browser files), the names at the
project's top level, PeerPath's own code and templates, and the versions of Python and every installed
package. The same key gives the same pages and the same problems (none: only a run without problems is
kept), so skipping the work loses no check. Any edit, anywhere in those, means a full run.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

from peerpath.project import Project
from peerpath.site.generate import write_tree

PACKAGE = Path(__file__).resolve().parent.parent  # peerpath's code, templates and static files
SKIPPED_PARTS = {"__pycache__", ".git"}  # bytecode follows the code it was compiled from


def cache_folder(project: Project) -> Path:
    return project.build / ".generate-cache"


def input_key(project: Project) -> str:
    """One hash of everything generation reads, and of the code and packages that read it.

    "" when something cannot be read: then nothing is reused, and the full run reports the file.
    """
    try:
        return _hash_inputs(project)
    except (OSError, ValueError):
        return ""


def _hash_inputs(project: Project) -> str:
    digest = hashlib.sha256()
    digest.update(sys.version.encode())
    digest.update("\n".join(sorted(_package_versions())).encode())
    digest.update("\n".join(sorted(p.name for p in project.root.iterdir())).encode())
    sources = [project.config, project.curriculum, project.quizzes, project.standards, project.registry.parent]
    for path in sorted(p for root in [*sources, project.overrides, project.vendor] for p in _files(root)):
        digest.update(f"\0{os.path.relpath(path, project.root)}\0".encode())
        digest.update(path.read_bytes())
    for path in sorted(_files(PACKAGE)):
        digest.update(f"\0peerpath/{path.relative_to(PACKAGE).as_posix()}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _files(root: Path) -> Iterator[Path]:
    if root.is_file():
        yield root
    elif root.is_dir():
        for path in root.rglob("*"):
            if path.is_file() and not SKIPPED_PARTS.intersection(path.parts) and path.suffix != ".pyc":
                yield path


def _package_versions() -> Iterator[str]:
    """Installed distributions, by folder name (e.g. mkdocs_material-9.8.2.dist-info): cheap, and exact."""
    for entry in sys.path:
        folder = Path(entry)
        if folder.is_dir():
            yield from (p.name for p in folder.glob("*.dist-info"))


def saved_output(project: Project, key: str) -> dict[str, bytes] | None:
    """The files (build/docs/... and build/<engine>.yml) of the last good run with this key, if kept."""
    folder = cache_folder(project)
    stamp = folder / "key"
    if not key or not stamp.is_file() or stamp.read_text(encoding="utf-8") != key:
        return None
    files = folder / "files"
    return {p.relative_to(files).as_posix(): p.read_bytes() for p in files.rglob("*") if p.is_file()}


def save_output(project: Project, key: str, files: dict[str, str | bytes]) -> None:
    """Keep this run's files under its key. The key is written last: a half-written cache is never used."""
    folder = cache_folder(project)
    (folder / "key").unlink(missing_ok=True)
    (folder / "links-checked").unlink(missing_ok=True)
    if not key:
        return
    write_tree(files, folder / "files")
    (folder / "key").write_text(key, encoding="utf-8")


def links_checked(project: Project, key: str) -> bool:
    """True when the authored links were found sound for exactly these inputs."""
    mark = cache_folder(project) / "links-checked"
    return bool(key) and mark.is_file() and mark.read_text(encoding="utf-8") == key


def mark_links_checked(project: Project, key: str) -> None:
    if (cache_folder(project) / "key").is_file():
        (cache_folder(project) / "links-checked").write_text(key, encoding="utf-8")


def forget(project: Project) -> None:
    shutil.rmtree(cache_folder(project), ignore_errors=True)
