"""A fixture curriculum with hostile text in every field an author types, as a careless paste would put it."""

from __future__ import annotations

from pathlib import Path

import yaml

from peerpath.project import Project

# Each payload tries one way out of "text": a tag, an event handler, breaking out of an attribute or of
# <title>, a Markdown link to javascript:, template syntax, an attribute list, a table cell.
PAYLOAD = (
    '<script>alert(1)</script> <img src=x onerror=alert(2)> "><svg onload=alert(3)> '
    "[x](javascript:alert(4)) </title><img src=y onerror=alert(5)> {{ 7*7 }} {% raw %} "
    "{ onclick=alert(6) } | cell | *em* &lt;b&gt; IC&RC"
)
# References may hold Markdown, so a link to javascript: or raw HTML there is refused by `peerpath check`;
# what is left is text that only looks like code.
REFERENCE = "**Ref** `<img src=x onerror=alert(7)>` *title* {{ 7*7 }} | &lt;i&gt; <https://example.org/a_b>"


def _text(field: str) -> str:
    return f"{PAYLOAD} {field.upper()}"


def poison(project: Project) -> None:
    """Put the payload into every authored text field of the fixture curriculum."""
    _edit_yaml(project.curriculum / "course.yml", _course)
    _edit_yaml(project.curriculum / "topics.yml", _topics)
    for path in project.modules.glob("*.md"):
        _edit_module(path)
    for path in project.quizzes.glob("*.yml"):
        _edit_yaml(path, _quiz)
    for path in project.standards.glob("*.yml"):
        _edit_yaml(path, _standard)


def _edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _course(data: dict) -> None:
    data["title"] = _text("course")
    for part in data["parts"]:
        part["title"] = _text("part")


def _topics(data: dict) -> None:
    for topic in data.values():
        topic["label"] = _text("topic")
        topic["description"] = _text("topic description")


def _edit_module(path: Path) -> None:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    meta["title"] = _text("title")
    meta["summary"] = _text("summary")
    meta["objectives"] = [_text("objective") for _ in meta["objectives"]]
    for segment in meta["agenda"]:
        segment["title"] = _text("segment")
    meta["references"] = [REFERENCE]
    path.write_text(f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n{body}", encoding="utf-8")


def _quiz(data: dict) -> None:
    for question in data["questions"]:
        for key in ("prompt", "rationale", "feedback", "hint"):
            if key in question:
                question[key] = _text(key)
        for choice in question.get("choices", []):
            choice["text"] = _text(f"choice {choice['id']}")  # choices a learner can tell apart
            if "feedback" in choice:
                choice["feedback"] = _text("feedback")


def _standard(data: dict) -> None:
    for key in ("name", "awarding_body", "jurisdiction", "confidence_note", "effective_note"):
        data[key] = _text(key)
    data["sources"] = [_text("source"), "https://example.org/a_b?x=1&y=2"]
    for domain in data["domains"]:
        domain["name"] = _text("domain")
        domain["note"] = _text("domain note")
    for content in data.get("required_content", []):
        content["description"] = _text("content")
