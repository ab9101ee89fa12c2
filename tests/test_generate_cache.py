"""Rebuilding reuses the last good output only while nothing it was made from has changed.

What a trainer checks: an edit always shows up after the next build, a mistake is always reported,
and a site rebuilt with nothing changed is the same site.
"""

from __future__ import annotations

import pytest

from peerpath.pipeline import build, generate
from peerpath.problems import ProblemsFound
from peerpath.project import Project


def _quiz_page(project: Project) -> str:
    return (project.docs / "modules" / "boundaries-basics.md").read_text()


def test_an_unchanged_project_is_regenerated_from_the_last_good_run_with_the_same_files(project: Project):
    first = generate(project)
    assert first.curriculum is not None, "the first run checks and renders everything"
    files = {p.relative_to(project.docs): p.read_bytes() for p in project.docs.rglob("*") if p.is_file()}
    again = generate(project)
    assert again.curriculum is None, "nothing changed, so the last good output was reused"
    assert again.changed == []
    assert {p.relative_to(project.docs): p.read_bytes() for p in project.docs.rglob("*") if p.is_file()} == files


def test_deleted_generated_files_come_back_when_nothing_else_changed(project: Project):
    generate(project)
    page = project.docs / "modules" / "boundaries-basics.md"
    text = page.read_text()
    page.unlink()
    (project.docs / "stray.md").write_text("# Not generated\n")
    generate(project)
    assert page.read_text() == text
    assert not (project.docs / "stray.md").exists()


def test_an_edited_quiz_shows_on_its_page_after_the_next_generation(project: Project):
    generate(project)
    quiz = project.quizzes / "boundaries-basics.yml"
    quiz.write_text(quiz.read_text().replace("Keep it quietly.", "Keep it and say nothing."))
    result = generate(project)
    assert result.curriculum is not None, "a changed quiz means a full run"
    assert "Keep it and say nothing." in _quiz_page(project)
    assert "Keep it quietly." not in _quiz_page(project)


def test_an_edited_module_shows_in_the_built_site(project: Project):
    build(project, "mkdocs")
    module = project.modules / "listening-skills.md"
    module.write_text(module.read_text() + "\nA sentence added by the trainer.\n")
    assert build(project, "mkdocs") == 0
    page = project.site("mkdocs") / "modules" / "listening-skills.html"
    assert "A sentence added by the trainer." in page.read_text()


def test_undoing_an_edit_gives_back_the_original_page(project: Project):
    generate(project)
    original = _quiz_page(project)
    quiz = project.quizzes / "boundaries-basics.yml"
    text = quiz.read_text()
    quiz.write_text(text.replace("Keep it quietly.", "Keep it and say nothing."))
    generate(project)
    quiz.write_text(text)
    generate(project)
    assert _quiz_page(project) == original


def test_a_mistake_is_reported_even_right_after_a_good_run(project: Project):
    generate(project)
    module = project.modules / "listening-skills.md"
    module.write_text(module.read_text().replace("minutes: 60", "minutes: -60"))
    with pytest.raises(ProblemsFound, match="agenda"):
        generate(project)


def test_a_broken_link_is_reported_on_every_build_until_it_is_fixed(project: Project):
    module = project.modules / "listening-skills.md"
    text = module.read_text()
    module.write_text(text + "\nSee [the missing page](no-such-module.md).\n")
    for _ in range(2):  # the second build has nothing new to generate, and still checks the links
        with pytest.raises(ProblemsFound, match="no-such-module"):
            build(project, "mkdocs")
    module.write_text(text)
    assert build(project, "mkdocs") == 0


def test_a_changed_site_setting_reaches_the_builder_config(project: Project):
    generate(project)
    project.config.write_text(project.config.read_text().replace("site_name: ", "site_name: Renamed "))
    generate(project)
    assert "site_name: Renamed " in (project.build / "mkdocs.yml").read_text()
