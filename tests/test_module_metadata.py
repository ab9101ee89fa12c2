"""A trainer who makes a mistake in a module's front matter is told exactly where."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import run_cli
from peerpath.project import Project

CASES = Path(__file__).parent / "cases" / "modules"


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.md")))
def test_each_malformed_module_gets_located_errors_and_no_site(case: str, project: Project):
    shutil.copy(CASES / f"{case}.md", project.modules)
    result = run_cli("check", cwd=project.root)
    expected = (CASES / f"{case}.expected").read_text().splitlines()
    assert result.returncode == 1
    assert result.stderr.splitlines()[:-1] == expected
    assert "Traceback" not in result.stderr
    assert run_cli("generate", cwd=project.root).returncode == 1
    assert not project.docs.exists(), "a failed check must not leave a half-written site"


def test_misspelled_key_unknown_topic_and_missing_id_are_all_reported_in_one_run(project: Project):
    for case in ("misspelled-key", "unknown-topic", "missing-id"):
        shutil.copy(CASES / f"{case}.md", project.modules)
    result = run_cli("check", cwd=project.root)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "curriculum/modules/misspelled-key.md:5: objectves: unknown key (did you mean 'objectives'?)" in lines
    assert any(
        line.startswith("curriculum/modules/unknown-topic.md:11: agenda[0].topic: unknown topic") for line in lines
    )
    assert "curriculum/modules/missing-id.md:2: id: is required but missing" in lines
    assert "Traceback" not in result.stderr


def test_valid_curriculum_passes_check(project: Project):
    result = run_cli("check", cwd=project.root)
    assert result.returncode == 0, result.stderr
    assert "2 modules, 2 quizzes" in result.stdout


def test_duplicate_yaml_key_is_an_error_not_a_silent_overwrite(project: Project):
    path = project.modules / "boundaries-basics.md"
    path.write_text(path.read_text().replace("summary:", "title: Second title\nsummary:", 1))
    result = run_cli("check", cwd=project.root)
    assert result.returncode == 1
    assert "curriculum/modules/boundaries-basics.md:4: title: key appears twice" in result.stderr


def test_module_missing_from_course_is_reported(project: Project):
    course = project.curriculum / "course.yml"
    course.write_text(course.read_text().replace("modules: [listening-skills]", "modules: [listening-skill]"))
    result = run_cli("check", cwd=project.root)
    assert "curriculum/course.yml:7: parts[1].modules[0]: no module has the id 'listening-skill'" in result.stderr
    assert "module 'listening-skills' is not listed in curriculum/course.yml" in result.stderr
