"""Split a module file into its YAML front matter and its Markdown body."""

from __future__ import annotations

from dataclasses import dataclass

from peerpath.curriculum.yamlsource import YamlDoc, parse_yaml
from peerpath.problems import Problem


@dataclass
class ModuleSource:
    """A module file split in two: the parsed front matter and the Markdown body."""

    meta: YamlDoc
    body: str
    body_first_line: int


def split_module(text: str, path: str) -> ModuleSource:
    """Front matter sits between a first line '---' and the next '---' line."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        doc = YamlDoc(
            path,
            None,
            None,
            1,
            [
                Problem(
                    path,
                    1,
                    "",
                    "a module starts with front matter: a line '---', the YAML, then '---'",
                )
            ],
        )
        return ModuleSource(doc, text, 1)
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            meta = parse_yaml("".join(lines[1:i]), path, first_line=2)
            return ModuleSource(meta, "".join(lines[i + 1 :]), i + 2)
    doc = YamlDoc(
        path,
        None,
        None,
        1,
        [Problem(path, 1, "", "front matter is not closed: add a line '---' after the YAML")],
    )
    return ModuleSource(doc, "", 1)
