"""`make bench`: build speed, scaling, live regeneration, page weight, page quality and certificates,
each measured side by side in one run and printed as one Markdown table (also bench/RESULTS.md).

Targets are reported as met or not; nothing here fails a build.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import synth

from peerpath.curriculum import cross_check
from peerpath.issue import issue
from peerpath.load import load_project
from peerpath.models.roster import Roster
from peerpath.pipeline import SKIP_HOOK_ENV, config_path, generate
from peerpath.project import Project, copy_sources

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
BIN = Path(sys.executable).parent
RUNS = 5
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"


def wall(cmd: list[str], cwd: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env or ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def median_of(fn, runs: int = RUNS) -> float:
    return statistics.median(fn() for _ in range(runs))


def fresh_generate(project: Project) -> float:
    shutil.rmtree(project.docs, ignore_errors=True)
    return wall([str(BIN / "peerpath"), "generate"], project.root)


def builder(project: Project, engine: str) -> list[str]:
    return [str(BIN / engine), "build", "--clean", "-f", config_path(project, engine)]


def overhead(project: Project, engine: str) -> dict:
    """peerpath build (generate + builder) against the builder alone on the same generated Markdown."""
    plain_env = {**ENV, SKIP_HOOK_ENV: "1"}
    generate(project)
    plain = median_of(lambda: wall(builder(project, engine), project.root, plain_env))
    gen = median_of(lambda: fresh_generate(project))
    whole = median_of(lambda: fresh_generate(project) + wall(builder(project, engine), project.root, plain_env))
    return {"generate": gen, "plain": plain, "whole": whole, "ratio": whole / plain}


def scaling(work: Path) -> list[dict]:
    """Generation and each builder's own time on synthetic curricula of growing size."""
    rows = []
    env = {**ENV, SKIP_HOOK_ENV: "1"}
    for size in (10, 100, 1000):
        project = Project(synth.make(work / f"synth-{size}", size))
        runs = 3 if size < 1000 else 1
        gen = median_of(lambda p=project: fresh_generate(p), runs)
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


def page_bytes(site: Path, page: str) -> dict:
    """HTML plus every local stylesheet and script it loads, raw and gzipped."""
    html_path = site / page
    html = html_path.read_text()
    assets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    assets += re.findall(r'<script[^>]+src="([^"]+)"', html)
    sizes = {
        "html": len(html.encode()),
        "html_gz": len(gzip.compress(html.encode())),
        "css": 0,
        "css_gz": 0,
        "js": 0,
        "js_gz": 0,
    }
    for ref in assets:
        path = (html_path.parent / ref.split("?")[0]).resolve()
        if not path.is_file():
            continue
        data = path.read_bytes()
        kind = "css" if path.suffix == ".css" else "js"
        sizes[kind] += len(data)
        sizes[f"{kind}_gz"] += len(gzip.compress(data))
    return sizes


def plain_material_page(work: Path, markdown: str) -> dict:
    """The same module Markdown built by Material alone, with no PeerPath assets."""
    folder = work / "plain"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text(markdown)
    (folder / "mkdocs.yml").write_text(
        "site_name: Plain\nuse_directory_urls: false\ntheme:\n  name: material\n"
        "  font: false\nmarkdown_extensions: [admonition, attr_list, md_in_html, tables]\n"
    )
    subprocess.run([str(BIN / "mkdocs"), "build", "-q"], cwd=folder, env=ENV, check=True, capture_output=True)
    return page_bytes(folder / "site", "index.html")


def mkdocs_quiz_page(work: Path, project: Project, quiz_id: str) -> dict | None:
    """The same 10 choice questions with mkdocs-quiz, in a separate virtual environment."""
    venv = BENCH / ".venv"
    if not (venv / "bin" / "mkdocs").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "mkdocs-material>=9.5,<10", "mkdocs-quiz"], check=True
        )
    import yaml

    data = yaml.safe_load((project.quizzes / f"{quiz_id}.yml").read_text())
    flat = []
    for q in data["questions"]:
        flat += q.get("questions", [q]) if q["type"] == "scenario" else [q]
    choice = [q for q in flat if q["type"] in ("single", "multiple")][:10]
    blocks = []
    for q in choice:
        lines = [q["prompt"]] + [f"- [{'x' if c.get('correct') else ' '}] {c['text']}" for c in q["choices"]]
        blocks.append("<quiz>\n" + "\n".join(lines) + f"\n\n{q['rationale']}\n</quiz>")
    folder = work / "mkdocs-quiz"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Quiz\n\n" + "\n\n".join(blocks) + "\n")
    (folder / "mkdocs.yml").write_text(
        "site_name: Q\nuse_directory_urls: false\ntheme:\n  name: material\n  font: false\nplugins: [mkdocs_quiz]\n"
    )
    done = subprocess.run([str(venv / "bin" / "mkdocs"), "build", "-q"], cwd=folder, env=ENV, capture_output=True)
    if done.returncode:
        return None
    sizes = page_bytes(folder / "site", "index.html")
    sizes["questions"] = len(choice)
    return sizes


def quiz_assets_gz(site: Path) -> dict:
    js = (site / "assets/peerpath/quiz.js").read_bytes()
    css = (site / "assets/peerpath/peerpath.css").read_bytes()
    return {"quiz_js_gz": len(gzip.compress(js)), "css_gz": len(gzip.compress(css))}


def serve_gzipped(folder: Path):
    """A static server that compresses text, as any ordinary web host does (http.server does not)."""
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            text = path.suffix in {".html", ".css", ".js", ".json", ".svg"}
            if not (path.is_file() and text and "gzip" in self.headers.get("Accept-Encoding", "")):
                return super().send_head()
            body = gzip.compress(path.read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io

            return io.BytesIO(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


LIGHTHOUSE_RUNS = 5  # Lighthouse's own advice: scores vary run to run, so report the median of several


def lighthouse(site: Path, pages: list[str]) -> dict:
    """Median score per category over LIGHTHOUSE_RUNS runs of each page (mobile preset, gzip-serving host)."""
    tool = BENCH / "node_modules" / ".bin" / "lighthouse"
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    if not tool.exists() or not chrome:
        return {}
    url, server = serve_gzipped(site)
    scores = {}
    try:
        for page in pages:
            runs = [lighthouse_once(tool, chrome, f"{url}/{page}") for _ in range(LIGHTHOUSE_RUNS)]
            scores[page] = {k: round(statistics.median(r[k] for r in runs)) for k in runs[0]}
    finally:
        server.shutdown()
        server.server_close()
    return scores


def without_peerpath_scripts(site: Path, folder: Path) -> Path:
    """A copy of the built site with PeerPath's own scripts emptied: how much of a score is ours."""
    shutil.copytree(site, folder)
    for script in (folder / "assets" / "peerpath").glob("*.js"):
        script.write_text("")
    return folder


def lighthouse_once(tool: Path, chrome: str, url: str) -> dict:
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    subprocess.run(
        [
            str(tool),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=performance,accessibility,best-practices",
        ],
        env={**ENV, "CHROME_PATH": chrome},
        check=True,
        capture_output=True,
        timeout=240,
    )
    categories = json.loads(out.read_text())["categories"]
    out.unlink()
    return {k: v["score"] * 100 for k, v in categories.items()}


def certificates_per_second(project: Project, work: Path, learners: int = 1000) -> float:
    curriculum, problems = cross_check(load_project(project))
    assert curriculum and not problems, problems
    standard = curriculum.standards.get("icrc-pr") or next(iter(curriculum.standards.values()))
    roster = Roster.model_validate(
        {
            "cohort": {
                "id": "bench",
                "title": "Benchmark cohort",
                "start": "2027-01-04",
                "end": "2027-01-08",
                "delivery": "in-person",
                "trainers": [{"name": "Bench Trainer"}],
            },
            "learners": [
                {
                    "id": f"l{n:04d}",
                    "name": f"Learner Number{n}",
                    "attendance": {m.meta.id: "complete" for m in curriculum.modules},
                }
                for n in range(learners)
            ],
        }
    )
    start = time.perf_counter()
    issue(
        roster,
        curriculum,
        standard,
        organisation="Bench",
        verify_url="https://example.org/verify.html",
        key=b"k" * 32,
        registry=work / "registry.jsonl",
        out=work / "certificates",
    )
    return learners / (time.perf_counter() - start)


def growth_per_step(rows: list[dict], key: str) -> list[float]:
    """How much `key` grew from each size to the next (each step is 10× the content)."""
    return [later[key] / earlier[key] for earlier, later in zip(rows, rows[1:], strict=False)]


def missed_target_notes(mk, zs, scale, build_growth, zensical_growth, scores, baselines, rate) -> list[str]:
    """One paragraph per target this run missed, with the figures that explain it."""
    notes = []
    if mk["ratio"] > 1.15 or zs["ratio"] > 1.15:
        shares = ", ".join(f"+{r['generate'] / r['build'] * 100:.0f} % at {r['modules']} modules" for r in scale)
        notes.append(
            f"- **Generation overhead.** `peerpath generate` costs about {mk['generate']:.1f} s whatever the builder: "
            "starting Python, building the pydantic models, validating every module, quiz and standard, and "
            "rendering every audit and answer key. Against a small site's build that fixed cost is more than 15 %; "
            f"as content grows it shrinks ({shares} on the MkDocs build). What would fix it for small sites: "
            "skip re-reading unchanged sources (a cache keyed by file contents in build/), or run generation "
            "inside the builder's process, as the `mkdocs serve` hook already does."
        )
    if any(g > 13 for g in build_growth + zensical_growth):
        notes.append(
            "- **Builder scaling.** Both builders grow faster than the content because every page carries the "
            "whole navigation: n pages × n links. PeerPath's own step stays near linear. What would fix it for "
            "very large curricula: Material's `navigation.prune` (renders only the open part of the navigation) "
            "with modules grouped into sections, or splitting a very large curriculum into several sites."
        )
    plain, bare = baselines.get("plain") or {}, baselines.get("bare") or {}
    for page, s in scores.items():
        if s.get("performance", 0) < 95:
            ours = s.get("performance", 0)
            if "performance" in bare:
                extra = bare["performance"] - ours
                share = (
                    "so they are not the cause: it is the theme's bundle with style and layout of a long page "
                    "carrying the whole course navigation"
                    if extra <= 5
                    else f"so they cost about {extra} points"
                )
                cause = f"with PeerPath's scripts emptied the module page scores {bare['performance']}, {share}"
            else:
                cause = "the share of PeerPath's scripts was not measured"
            notes.append(
                f"- **Lighthouse performance on `{page}`: {ours}.** The plain Material page of one module, with no "
                f"navigation, scores {plain.get('performance', '?')}; {cause}. Lighthouse simulates a throttled "
                "phone from what it observes, so single runs on a shared machine vary widely (hence the median). "
                "What might fix it (not yet measured): the quiz on a page of its own, so module pages are shorter, "
                "or a lighter theme once Zensical's own is ready."
            )
    if rate < 50:
        notes.append(
            f"- **Certificates: {rate:.0f} per second.** Each PDF embeds a cut-down DejaVu Sans, and fpdf2 subsets "
            "and re-encodes the font for every file; that and line breaking are most of the time. What would fix "
            "it: embedding one shared font subset (not possible through fpdf2's public API), or more cores."
        )
    return notes


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def met(ok: bool) -> str:
    return "met" if ok else "**not met**"


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
    subprocess.run(
        builder(project, "mkdocs"), cwd=project.root, env={**ENV, SKIP_HOOK_ENV: "1"}, check=True, capture_output=True
    )
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
    scores = lighthouse(site, [module_page, "progress.html", "index.html"])
    plain_scores = lighthouse(work / "plain" / "site", ["index.html"]).get("index.html")
    bare_scores = lighthouse(without_peerpath_scripts(site, work / "no-scripts"), [module_page]).get(module_page)
    print("issuing 1,000 certificates ...", file=sys.stderr)
    rate = certificates_per_second(project, work)

    growth, build_growth, zensical_growth = (growth_per_step(scale, key) for key in ("generate", "build", "zensical"))
    lines = [
        f"# PeerPath benchmarks\n\nMeasured {dt.date.today().isoformat()} on a machine with {os.cpu_count()} CPUs "
        f"(Python {sys.version.split()[0]}). Times are medians of {RUNS} runs unless stated; ratios come from the "
        "same run, side by side.\n",
        "| what | measured | target | result |",
        "|---|---|---|---|",
        f"| MkDocs: `peerpath generate` alone | {mk['generate']:.2f} s | | |",
        f"| MkDocs: plain `mkdocs build` of the generated Markdown | {mk['plain']:.2f} s | | |",
        f"| MkDocs: generate + build, against plain build | {mk['whole']:.2f} s, ×{mk['ratio']:.2f} "
        f"({(mk['ratio'] - 1) * 100:+.0f} %) | ≤ +15 % | {met(mk['ratio'] <= 1.15)} |",
        f"| Zensical: plain `zensical build` | {zs['plain']:.2f} s | | |",
        f"| Zensical: generate + build, against plain build | {zs['whole']:.2f} s, ×{zs['ratio']:.2f} "
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
