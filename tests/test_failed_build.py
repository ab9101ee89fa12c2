"""A failed build keeps the last good site, and a broken link is reported where the trainer wrote it."""

from __future__ import annotations

import pytest

from conftest import run_cli
from peerpath.project import Project

ENGINES = ["mkdocs", "zensical"]


def built(project: Project, engine: str) -> bytes:
    result = run_cli("build", "--engine", engine, cwd=project.root)
    assert result.returncode == 0, result.stderr
    return (project.site(engine) / "index.html").read_bytes()


def leftovers(project: Project, engine: str) -> list[str]:
    site = project.site(engine)
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}."))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_link_to_a_renamed_page_names_the_authored_line_and_keeps_the_site(project: Project, engine: str):
    good = built(project, engine)
    module = project.modules / "listening-skills.md"
    lines = module.read_text().splitlines()
    module.write_text("\n".join([*lines, "", "See [the old page](old-page.md) for more.", ""]))
    result = run_cli("build", "--engine", engine, cwd=project.root)
    assert result.returncode == 1
    expected = f"curriculum/modules/listening-skills.md:{len(lines) + 2}: link 'old-page.md' points at no page or file"
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert (project.site(engine) / "index.html").read_bytes() == good
    assert leftovers(project, engine) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_a_builder_that_fails_leaves_the_last_good_site_in_place(project: Project, engine: str):
    good = built(project, engine)
    project.overrides.mkdir(exist_ok=True)
    (project.overrides / "main.html").write_text('{% extends "base.html" %}{% block content %}{{ super() ')
    result = run_cli("build", "--engine", engine, cwd=project.root)
    assert result.returncode != 0
    assert "still holds the last good site" in result.stderr
    assert "Traceback" not in result.stderr
    assert (project.site(engine) / "index.html").read_bytes() == good
    assert leftovers(project, engine) == []


def test_a_link_in_a_guide_to_a_missing_picture_is_reported_at_its_line(project: Project):
    guide = project.curriculum / "for-trainers" / "guide.md"
    guide.write_text(guide.read_text() + "\n![Room layout](room.png)\n")
    result = run_cli("build", cwd=project.root)
    assert result.returncode == 1
    assert "curriculum/for-trainers/guide.md:" in result.stderr and "link 'room.png' points at no page" in result.stderr
    assert not project.site("mkdocs").exists()


def test_links_that_work_and_links_in_code_are_not_reported(project: Project):
    guide = project.curriculum / "for-trainers" / "guide.md"
    guide.write_text(
        guide.read_text() + "\n[Home](../index.md), [a module](../modules/listening-skills.md#open-questions), "
        "[web](https://example.org), `[code](nowhere.md)`\n\n```\n[fenced](nowhere.md)\n```\n"
    )
    assert built(project, "mkdocs")
