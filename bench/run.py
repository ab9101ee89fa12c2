"""`make bench`: build speed, scaling, live regeneration, page weight, page quality and certificates,
each measured side by side in one run and printed as one Markdown table (also bench/RESULTS.md).

Each kind of measure lives in its own file (speed.py, weight.py, lighthouse.py, certificates.py); this
one runs them in order and writes the table. Targets are reported as met or not; nothing here fails a build.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from certificates import certificates_per_second
from lighthouse import LIGHTHOUSE_RUNS, lighthouse, without_peerpath_scripts
from measure import BENCH, ENV, REPO, RUNS, builder, growth_per_step, kb, met
from notes import missed_target_notes
from packet import packet_seconds
from speed import live_regeneration, overhead, scaling
from weight import mkdocs_quiz_page, page_bytes, plain_material_page, quiz_assets_gz

from peerpath.curriculum.crosscheck import cross_check
from peerpath.curriculum.load import load_project
from peerpath.pipeline import SKIP_HOOK_ENV
from peerpath.project import Project, copy_sources


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="peerpath-bench-"))
    project = copy_sources(Project(REPO), work / "repo")
    print("measuring build overhead ...", file=sys.stderr)
    mk = overhead(project, "mkdocs")
    zs = overhead(project, "zensical")
    print("measuring scaling (10, 100, 1000 modules) ...", file=sys.stderr)
    scale = scaling(work)
    print("measuring live regeneration ...", file=sys.stderr)
    live = live_regeneration(project)
    print("measuring page weight ...", file=sys.stderr)
    for config in ("mkdocs.yml", "mkdocs-es.yml"):  # the English site, then the Spanish one inside it (site/es)
        command = [*builder(project, "mkdocs")[:-1], str(project.build / config)]
        subprocess.run(command, cwd=project.root, env={**ENV, SKIP_HOOK_ENV: "1"}, check=True, capture_output=True)
    site = project.site("mkdocs")
    curriculum, _ = cross_check(load_project(project))
    module_id = next(m.meta.id for m in curriculum.modules if m.meta.id in curriculum.quizzes)
    module_page = f"modules/{module_id}.html"
    weights = {
        "module page with its quiz": page_bytes(site, module_page),
        "progress page": page_bytes(site, "progress.html"),
        "plain Material page (same module Markdown)": plain_material_page(
            work, (project.docs / "modules" / f"{module_id}.md").read_text().split("\n---\n", 1)[1]
        ),
    }
    mq = mkdocs_quiz_page(work, project, module_id)
    if mq:
        weights[f"mkdocs-quiz page ({mq['questions']} of the same questions)"] = mq
    assets = quiz_assets_gz(site)
    print("running Lighthouse (mobile) ...", file=sys.stderr)
    scores = lighthouse(site, [module_page, "progress.html", "index.html", f"es/{module_page}", "es/index.html"])
    plain_scores = lighthouse(work / "plain" / "site", ["index.html"]).get("index.html")
    bare_scores = lighthouse(without_peerpath_scripts(site, work / "no-scripts"), [module_page]).get(module_page)
    print("issuing 1,000 certificates ...", file=sys.stderr)
    rate = certificates_per_second(project, work)
    print("writing the packet for a 30-learner cohort ...", file=sys.stderr)
    packet = packet_seconds(project, work)

    growth, build_growth, zensical_growth = (growth_per_step(scale, key) for key in ("generate", "build", "zensical"))
    lines = [
        f"# PeerPath benchmarks\n\nMeasured {dt.date.today().isoformat()} on a machine with {os.cpu_count()} CPUs "
        f"(Python {sys.version.split()[0]}). Times are medians of {RUNS} runs unless stated; ratios come from the "
        "same run, side by side (a build ratio is the median of its rounds' own ratios, each round one build of "
        "each kind, one after the other).\n",
        "| what | measured | target | result |",
        "|---|---|---|---|",
        f"| MkDocs: `peerpath generate` alone, nothing changed since the last run | {mk['generate']:.2f} s | | |",
        f"| MkDocs: plain `mkdocs build` of the generated Markdown | {mk['plain']:.2f} s | | |",
        f"| MkDocs: generate + build with nothing changed, against plain build | {mk['whole']:.2f} s, "
        f"×{mk['ratio']:.2f} "
        f"({(mk['ratio'] - 1) * 100:+.0f} %) | ≤ +15 % | {met(mk['ratio'] <= 1.15)} |",
        f"| MkDocs: `peerpath generate` after an edit (nothing reused) | {mk['cold_generate']:.2f} s | | |",
        f"| MkDocs: generate after an edit + build, against plain build | ×{mk['cold_ratio']:.2f} "
        f"({(mk['cold_ratio'] - 1) * 100:+.0f} %) | | |",
        f"| Zensical: plain `zensical build` | {zs['plain']:.2f} s | | |",
        f"| Zensical: generate + build with nothing changed, against plain build | {zs['whole']:.2f} s, "
        f"×{zs['ratio']:.2f} "
        f"({(zs['ratio'] - 1) * 100:+.0f} %) | ≤ +15 % | {met(zs['ratio'] <= 1.15)} |",
    ]
    for row in scale:
        lines.append(
            f"| scaling: {row['modules']} modules × 10-question quiz ({row['pages']} pages) | generate "
            f"{row['generate']:.2f} s (+{row['generate'] / row['build'] * 100:.0f} % on the MkDocs build), "
            f"MkDocs build {row['build']:.2f} s, Zensical build {row['zensical']:.2f} s "
            f"({row['runs']} run{'s' if row['runs'] > 1 else ''}) | | |"
        )
    lines.append(
        f"| scaling: `peerpath generate` growth per 10× content | ×{growth[0]:.1f}, ×{growth[1]:.1f} | "
        f"near ×10 (linear) | {met(all(g <= 13 for g in growth))} |"
    )
    lines.append(
        f"| scaling: MkDocs build growth per 10× content (the builder alone, on the generated Markdown) | "
        f"×{build_growth[0]:.1f}, ×{build_growth[1]:.1f} | near ×10 (linear) | "
        f"{met(all(g <= 13 for g in build_growth))} |"
    )
    lines.append(
        f"| scaling: Zensical build growth per 10× content (the builder alone) | "
        f"×{zensical_growth[0]:.1f}, ×{zensical_growth[1]:.1f} | near ×10 (linear) | "
        f"{met(all(g <= 13 for g in zensical_growth))} |"
    )
    lines.append(
        f"| live regeneration after saving one quiz (in-process, as under `mkdocs serve`) | {live * 1000:.0f} ms | | |"
    )
    for name, w in weights.items():
        lines.append(
            f"| weight: {name} | HTML {kb(w['html'])} ({kb(w['html_gz'])} gz), CSS {kb(w['css'])} "
            f"({kb(w['css_gz'])} gz), JS {kb(w['js'])} ({kb(w['js_gz'])} gz) | | |"
        )
    quiz_total = assets["quiz_js_gz"] + assets["css_gz"]
    lines.append(
        f"| quiz JS + all PeerPath CSS, gzipped | {kb(assets['quiz_js_gz'])} + {kb(assets['css_gz'])} = "
        f"{kb(quiz_total)} | < 12 KB | {met(quiz_total < 12 * 1024)} |"
    )
    for page, s in scores.items():
        ok = s.get("performance", 0) >= 95 and s.get("accessibility") == 100 and s.get("best-practices") == 100
        lines.append(
            f"| Lighthouse mobile, median of {LIGHTHOUSE_RUNS}: `{page}` | performance {s.get('performance')}, "
            f"accessibility {s.get('accessibility')}, best practices {s.get('best-practices')} | ≥ 95 / 100 / 100 | "
            f"{met(ok)} |"
        )
    if plain_scores:
        lines.append(
            f"| Lighthouse mobile, median of {LIGHTHOUSE_RUNS}: plain Material page of the same module Markdown, "
            "quiz markup included (no navigation, no PeerPath CSS or scripts; for comparison) | "
            f"performance {plain_scores.get('performance')}, "
            f"accessibility {plain_scores.get('accessibility')}, best practices {plain_scores.get('best-practices')} "
            "| | |"
        )
    if bare_scores:
        lines.append(
            f"| Lighthouse mobile, median of {LIGHTHOUSE_RUNS}: `{module_page}` with PeerPath's scripts emptied "
            f"(for comparison) | performance {bare_scores.get('performance')} | | |"
        )
    if not scores:
        lines.append("| Lighthouse | not run: bench/node_modules or Chromium missing | | **not met** |")
    lines.append(
        f"| certificates for a 1,000-learner roster (on {os.cpu_count()} processes) | {rate:.0f} per second | "
        f"≥ 50 per second | {met(rate >= 50)} |"
    )
    lines.append(f"| approval packet (`peerpath packet`) for 30 learners, daily 7-hour sessions | {packet:.2f} s | | |")
    missed = missed_target_notes(
        mk, zs, scale, build_growth, zensical_growth, scores, {"plain": plain_scores, "bare": bare_scores}, rate
    )
    if missed:
        lines += ["", "## Targets missed: why, and what would fix them", "", *missed]
    text = "\n".join(lines) + "\n"
    print(text)
    (BENCH / "RESULTS.md").write_text(text)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
