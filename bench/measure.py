"""What every benchmark shares: where things are, how a command is timed, how results are worded."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from peerpath.pipeline import config_path
from peerpath.project import Project
from peerpath.site.cache import forget

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
BIN = Path(sys.executable).parent
RUNS = 5
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def wall(cmd: list[str], cwd: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env or ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def median_of(fn, runs: int = RUNS) -> float:
    return statistics.median(fn() for _ in range(runs))


def fresh_generate(project: Project) -> float:
    """`peerpath generate` into an empty docs folder; the last good run (build/.generate-cache) is reused."""
    shutil.rmtree(project.docs, ignore_errors=True)
    return wall([str(BIN / "peerpath"), "generate"], project.root)


def cold_generate(project: Project) -> float:
    """`peerpath generate` with nothing to reuse, as after an edit: every input checked, every page rendered."""
    forget(project)
    return fresh_generate(project)


def builder(project: Project, engine: str) -> list[str]:
    return [str(BIN / engine), "build", "--clean", "-f", config_path(project, engine)]


def growth_per_step(rows: list[dict], key: str) -> list[float]:
    """How much `key` grew from each size to the next (each step is 10× the content)."""
    return [later[key] / earlier[key] for earlier, later in zip(rows, rows[1:], strict=False)]


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def met(ok: bool) -> str:
    return "met" if ok else "**not met**"
