"""Page weight: what a learner's phone downloads for a page, beside a plain Material page and mkdocs-quiz."""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path

from measure import BENCH, BIN, ENV

from peerpath.project import Project


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
