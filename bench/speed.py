"""Build speed: PeerPath's generation against a plain build, growth with content, live regeneration."""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path

import synth
from measure import ENV, RUNS, builder, cold_generate, fresh_generate, median_of, wall

from peerpath.curriculum.translations import source_hash, translation_of
from peerpath.pipeline import SKIP_HOOK_ENV, generate
from peerpath.project import Project, is_translation


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
    # Each ratio is the median of the rounds' own ratios: the two sides of a round ran seconds apart,
    # so a slow minute on a shared host cancels out instead of landing on one side.
    return {
        **median,
        "ratio": statistics.median(r["whole"] / r["plain"] for r in rounds),
        "cold_ratio": statistics.median(r["cold_whole"] / r["plain"] for r in rounds),
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
    quiz = sorted(p for p in project.quizzes.glob("*.yml") if not is_translation(p))[0]
    original = quiz.read_text()
    translation = translation_of(quiz, "es")  # follows the English version, or it would be stale
    translated = translation.read_text() if translation.is_file() else None
    times = []
    for n in range(RUNS):
        quiz.write_text(original + f"# edit {n}\n")
        if translated is not None:
            followed = re.sub(r"^source: .*$", f"source: {source_hash(quiz)}", translated, count=1, flags=re.M)
            translation.write_text(followed)
        start = time.perf_counter()
        generate(project)
        times.append(time.perf_counter() - start)
    quiz.write_text(original)
    if translated is not None:
        translation.write_text(translated)
    return statistics.median(times)
