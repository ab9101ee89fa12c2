"""Thin MkDocs hooks adapter: regenerate before each build under `mkdocs serve`.

This is the only file that knows about MkDocs. Zensical ignores hooks; under it,
`peerpath serve --engine zensical` regenerates with PeerPath's own watcher (site/watch.py).
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from peerpath.pipeline import SKIP_HOOK_ENV, generate
from peerpath.problems import ProblemsFound
from peerpath.project import Project


def on_pre_build(config, **kwargs) -> None:
    """The generated config lives in <project>/build/, so the project is two folders up."""
    if os.environ.get(SKIP_HOOK_ENV):
        return
    try:
        generate(Project(Path(config.config_file_path).resolve().parent.parent))
    except ProblemsFound as found:
        raise PluginError("peerpath check found problems:\n" + str(found)) from None
