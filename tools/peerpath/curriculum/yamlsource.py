"""Read YAML while keeping the line of every key, so errors can point at the offending line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from peerpath.curriculum.readtext import read_authored
from peerpath.problems import Problem

# libyaml's parser when PyYAML was built with it (the wheels are): many times faster than pure Python.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 40  # authored files nest four or five levels; deeper is a mistake or an attack
# Where an unclosed quote or bracket opened, said so a trainer can find it.
UNCLOSED = {
    "while scanning a quoted scalar": "the quote that opens on this line is never closed",
    "while parsing a flow sequence": "the '[' that opens on this line is never closed",
    "while parsing a flow mapping": "the '{' that opens on this line is never closed",
}


class _Constructor(yaml.constructor.SafeConstructor):
    """Safe YAML, except dates stay text: the schema parses them and names the field when one is impossible."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: str(node.value))


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

    def written_as(self, loc: tuple[Any, ...]) -> str | None:
        """The text exactly as written for the plain value at `loc` (e.g. `Yes`), or None."""
        node = self.node
        for part in loc:
            node, _ = _child(node, part)
        return node.value if isinstance(node, yaml.ScalarNode) and not node.style else None


def _child(node: yaml.Node | None, part: Any) -> tuple[yaml.Node | None, int | None]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part) or (isinstance(part, bool) and key.value == str(part).lower()):
                return value, key.start_mark.line
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part], None
    return None, None


def parse_yaml(text: str, path: str, first_line: int = 1) -> YamlDoc:
    """Parse YAML text; syntax errors, aliases, deep nesting and duplicate keys become problems, never exceptions."""
    try:
        refused = _refused_structure(text, path, first_line)
        if refused:
            return YamlDoc(path, None, None, first_line, [refused])
        node = yaml.compose(text, Loader=LOADER)
        data = _Constructor().construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        return YamlDoc(path, None, None, first_line, [_syntax_problem(error, path, first_line)])
    doc = YamlDoc(path, data, node, first_line)
    doc.problems.extend(_duplicate_keys(node, doc))
    return doc


def _refused_structure(text: str, path: str, first_line: int) -> Problem | None:
    """Anchors and aliases (`&a`, `*a`) can expand a small file into gigabytes; authored files need none."""
    depth = 0
    for event in yaml.parse(text, Loader=LOADER):
        line = event.start_mark.line + first_line
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return Problem(
                path, line, "", "YAML anchors and aliases (&name, *name) are not allowed; write the value out"
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return Problem(path, line, "", f"nested more than {MAX_DEPTH} levels deep; no PeerPath file needs that")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return None


def _syntax_problem(error: yaml.YAMLError, path: str, first_line: int) -> Problem:
    """Point at an unclosed quote or bracket where it opens, not only where the parser gave up."""
    mark = getattr(error, "problem_mark", None)
    line = (mark.line if mark else 0) + first_line
    reason = getattr(error, "problem", None) or str(error)
    context, opened = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context in UNCLOSED and opened is not None:
        return Problem(path, opened.line + first_line, "", f"invalid YAML: {UNCLOSED[context]} (line {line}: {reason})")
    return Problem(path, line, "", f"invalid YAML: {reason}")


def read_yaml(path: Path, shown_as: str) -> YamlDoc:
    """Read and parse a YAML file; a file that cannot be read as text is one problem."""
    text, problem = read_authored(path, shown_as)
    if text is None:
        return YamlDoc(shown_as, None, None, 1, [problem] if problem else [])
    return parse_yaml(text, shown_as)


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
