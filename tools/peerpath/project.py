"""Where a PeerPath project keeps its inputs and its generated output."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

GENERATED_FOLDERS = {"modules", "trainer", "assets", "boards", "workbook"}  # authored pages may not use these names
# The project's own records, kept beside the curriculum but never published: the review record and the changelog.
UNPUBLISHED = {"reviews", "CHANGELOG.md"}
# A translation is named for its language before the extension (`boundaries.es.md`): read with its source.
TRANSLATION_NAME = re.compile(r"\.[a-z]{2}$")


def is_translation(path: Path) -> bool:
    return bool(TRANSLATION_NAME.search(Path(path.stem).suffix))


@dataclass(frozen=True)
class Project:
    """Paths of one project, all derived from its root folder."""

    root: Path

    @property
    def curriculum(self) -> Path:
        return self.root / "curriculum"

    @property
    def modules(self) -> Path:
        return self.curriculum / "modules"

    @property
    def quizzes(self) -> Path:
        return self.root / "quizzes"

    @property
    def standards(self) -> Path:
        return self.root / "standards"

    @property
    def overrides(self) -> Path:
        return self.root / "overrides"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def docs(self) -> Path:
        """Generated Markdown/HTML/JSON: the site builder's docs folder."""
        return self.build / "docs"

    @property
    def registry(self) -> Path:
        """Append-only record of issued and revoked certificates (hashes, hours, dates; no names)."""
        return self.root / "certificates" / "registry.jsonl"

    @property
    def private(self) -> Path:
        """Git-ignored folder for rosters, certificates and the signing key."""
        return self.root / "private"

    @property
    def vendor(self) -> Path:
        """Third-party browser files installed by `make install` from the npm registry (not committed)."""
        return self.build / "vendor"

    @property
    def search_shim(self) -> Path:
        """iframe-worker's shim: lets the theme's search worker run when the site is opened from disk."""
        return self.vendor / "iframe-worker" / "shim" / "index.js"

    def site(self, engine: str) -> Path:
        """Built site. Zensical insists on a site folder inside its config's folder (build/)."""
        return self.root / "site" if engine == "mkdocs" else self.build / f"site-{engine}"

    def authored_files(self) -> list[Path]:
        """Files under curriculum/ published as they are (home, guides, images): not modules, data or records."""
        found = []
        for path in sorted(self.curriculum.rglob("*")):
            rel = path.relative_to(self.curriculum)
            skip = rel.parts[0] in GENERATED_FOLDERS | UNPUBLISHED or path.suffix in {".yml", ".yaml"}
            skip = skip or (path.suffix == ".md" and is_translation(path))  # published in its own language's site
            if not skip and (path.is_file() or path.is_symlink()):  # a broken link is found, then refused
                found.append(path)
        return found

    def shown(self, path: Path) -> str:
        """A path as trainers see it in messages: relative to the project root."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


SOURCES = ("mkdocs.yml", "curriculum", "quizzes", "standards", "overrides", "certificates")


def copy_sources(source: Project, dest: Path) -> Project:
    """A copy of a project's inputs (and its installed vendor files) in `dest`, e.g. to build it elsewhere."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        src = source.root / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.is_file():
            shutil.copy(src, dest / name)
    copy = Project(dest)
    if source.vendor.is_dir():
        shutil.copytree(source.vendor, copy.vendor)
    return copy


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds mkdocs.yml and curriculum/."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "curriculum").is_dir():
            return folder
    return start
