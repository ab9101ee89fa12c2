"""Build speed: PeerPath's generation against a plain build, growth with content, live regeneration."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import synth
from measure import ENV, RUNS, builder, cold_generate, fresh_generate, median_of, wall

from peerpath.pipeline import SKIP_HOOK_ENV, generate
from peerpath.project import Project


def overhead(project: Project, engine: str) -> dict:
    """peerpath build (generate + builder) against the builder alone on the same generated Markdown.

    Twice: rebuilt with nothing changed (generation reuses the last good run), and after an edit (nothing reused).
    """
    plain_env = {**ENV, SKIP_HOOK_ENV: "1"}
    generate(project)

    def build() -> float:
        return wall(builder(project, engine), project.root, plain_env)

    # Interleaved, one of each per round: a machine that slows down part-way (a shared host) slows
    # both sides of every ratio alike, instead of whichever was measured last.
    rounds = [
        {
            "plain": build(),
            "generate": (gen := fresh_generate(project)),
            "whole": gen + build(),
            "cold_generate": (cold := cold_generate(project)),
            "cold_whole": cold + build(),
        }
        for _ in range(RUNS)
    ]
    median = {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
    return {
        **median,
        "ratio": median["whole"] / median["plain"],
        "cold_ratio": median["cold_whole"] / median["plain"],
    }


def scaling(work: Path) -> list[dict]:
    """Generation and each builder's own time on synthetic curricula of growing size."""
    rows = []
    env = {**ENV, SKIP_HOOK_ENV: "1"}
    for size in (10, 100, 1000):
        project = Project(synth.make(work / f"synth-{size}", size))
        runs = 3 if size < 1000 else 1
        gen = median_of(lambda p=project: cold_generate(p), runs)
        build = median_of(lambda p=project: wall(builder(p, "mkdocs"), p.root, env), runs)
        zensical = median_of(lambda p=project: wall(builder(p, "zensical"), p.root, env), runs)
        pages = sum(1 for _ in project.docs.rglob("*.md"))
        rows.append(
            {"modules": size, "pages": pages, "generate": gen, "build": build, "zensical": zensical, "runs": runs}
        )
    return rows


def live_regeneration(project: Project) -> float:
    """In-process, as the serve hook does it: one quiz file changed, everything regenerated, only changes written."""
    generate(project)
    quiz = sorted(project.quizzes.glob("*.yml"))[0]
    original = quiz.read_text()
    times = []
    for n in range(RUNS):
        quiz.write_text(original + f"# edit {n}\n")
        start = time.perf_counter()
        generate(project)
        times.append(time.perf_counter() - start)
    quiz.write_text(original)
    return statistics.median(times)
