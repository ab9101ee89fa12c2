"""Read YAML while keeping the line of every key, so errors can point at the offending line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from peerpath.problems import Problem

# libyaml's parser when PyYAML was built with it (the wheels are): many times faster than pure Python.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDoc:
    """Parsed YAML data plus the node tree that knows where each value came from."""

    path: str
    data: Any
    node: yaml.Node | None
    first_line: int = 1  # file line of the YAML text's first line (front matter starts at 2)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, loc: tuple[Any, ...]) -> int:
        """File line of the key or item at `loc` (deepest part of it that exists)."""
        node = self.node
        line = node.start_mark.line if node is not None else 0
        for part in loc:
            child, key_line = _child(node, part)
            if child is None:
                if key_line is not None:
                    line = key_line
                continue
            node = child
            line = key_line if key_line is not None else child.start_mark.line
        return line + self.first_line


def _child(node: yaml.Node | None, part: Any) -> tuple[yaml.Node | None, int | None]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part) or (isinstance(part, bool) and key.value == str(part).lower()):
                return value, key.start_mark.line
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part], None
    return None, None


def parse_yaml(text: str, path: str, first_line: int = 1) -> YamlDoc:
    """Parse YAML text; syntax errors and duplicate keys become problems, never exceptions."""
    try:
        node = yaml.compose(text, Loader=LOADER)
        data = yaml.constructor.SafeConstructor().construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = (mark.line if mark else 0) + first_line
        reason = getattr(error, "problem", None) or str(error)
        return YamlDoc(path, None, None, first_line, [Problem(path, line, "", f"invalid YAML: {reason}")])
    doc = YamlDoc(path, data, node, first_line)
    doc.problems.extend(_duplicate_keys(node, doc))
    return doc


def read_yaml(path: Path, shown_as: str) -> YamlDoc:
    """Read and parse a YAML file."""
    return parse_yaml(path.read_text(encoding="utf-8"), shown_as)


def _duplicate_keys(node: yaml.Node | None, doc: YamlDoc) -> list[Problem]:
    found: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                found.append(
                    Problem(
                        doc.path,
                        key.start_mark.line + doc.first_line,
                        str(key.value),
                        "key appears twice; the second would silently replace the first",
                    )
                )
            seen.add(key.value)
            found.extend(_duplicate_keys(value, doc))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found.extend(_duplicate_keys(item, doc))
    return found
