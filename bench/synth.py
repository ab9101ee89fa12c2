"""Synthetic curricula for benchmarks: N modules, each with a 10-question quiz, in a fresh project folder."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TOPICS = ["ethics-boundaries", "motivational-interviewing", "stages-of-change", "advocacy-foundations"]

PARAGRAPH = (
    "Peer support workers use their lived experience to build trust, and they keep to the limits of their role. "
    "This paragraph stands in for the reading of a real module so that page sizes are realistic. "
) * 4


def module_text(n: int) -> str:
    agenda = "\n".join(
        f"  - title: Segment {s}\n    minutes: {20 + 5 * s}\n    topic: {TOPICS[(n + s) % 4]}\n    kind: discussion"
        for s in range(1, 6)
    )
    sections = "\n\n".join(f"## Section {s}\n\n{PARAGRAPH}" for s in range(1, 7))
    return (
        f"---\nid: module-{n:04d}\ntitle: Module {n}\nsummary: Synthetic module {n}.\nobjectives:\n"
        f"  - Explain topic {n}.\n  - Describe practice {n}.\nagenda:\n{agenda}\ncompetencies: [1, 9]\n"
        f'references:\n  - "Synthetic reference {n}."\n---\n\n{sections}\n\n!!! facilitator "Notes"\n'
        f"    Facilitator note for module {n}.\n"
    )


def quiz_text(n: int) -> str:
    questions = []
    for q in range(1, 11):
        questions.append(
            f"  - id: q{q}\n    type: single\n    prompt: Question {q} of module {n}?\n    choices:\n"
            f"      - id: a\n        text: Right answer\n        correct: true\n        feedback: Yes.\n"
            f"      - id: b\n        text: Wrong answer\n        feedback: No.\n"
            f"      - id: c\n        text: Another wrong answer\n    rationale: Because of reason {q}."
        )
    return f"id: module-{n:04d}\nmodule: module-{n:04d}\npass_mark: 80\nquestions:\n" + "\n".join(questions) + "\n"


def make(folder: Path, modules: int) -> Path:
    """Write a project with `modules` modules into `folder` (replacing it)."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "curriculum" / "modules").mkdir(parents=True)
    (folder / "quizzes").mkdir()
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", folder / "overrides")  # mkdocs.yml names it as the theme's custom_dir
    shutil.copy(REPO / "curriculum" / "topics.yml", folder / "curriculum" / "topics.yml")
    (folder / "curriculum" / "index.md").write_text("# Synthetic curriculum\n")
    ids = [f"module-{n:04d}" for n in range(1, modules + 1)]
    (folder / "curriculum" / "course.yml").write_text(
        'title: Synthetic\nversion: "1"\nparts:\n  - title: All\n    modules:\n'
        + "".join(f"      - {i}\n" for i in ids)
    )
    for n in range(1, modules + 1):
        (folder / "curriculum" / "modules" / f"module-{n:04d}.md").write_text(module_text(n))
        (folder / "quizzes" / f"module-{n:04d}.yml").write_text(quiz_text(n))
    return folder


if __name__ == "__main__":
    make(Path(sys.argv[1]), int(sys.argv[2]))
