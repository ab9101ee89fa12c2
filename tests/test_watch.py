"""The watcher behind `peerpath serve --engine zensical`: what it notices, and what a bad save does."""

from __future__ import annotations

import yaml

from peerpath.pipeline import generate
from peerpath.project import Project
from peerpath.site.watch import changed_files, regenerate, serve_config, snapshot, sources


def test_a_saved_quiz_a_new_module_and_a_deleted_standard_are_all_noticed(project: Project):
    before = snapshot(sources(project))
    quiz = project.quizzes / "listening-skills.yml"
    quiz.write_text(quiz.read_text() + "\n")
    (project.modules / "draft.md").write_text("---\n---\n")
    (project.standards / "fixture-open.yml").unlink()
    changed = changed_files(before, snapshot(sources(project)))
    assert {p.rsplit("/", 1)[-1] for p in changed} == {"draft.md", "fixture-open.yml", "listening-skills.yml"}


def test_nothing_changed_means_nothing_to_do(project: Project):
    assert changed_files(snapshot(sources(project)), snapshot(sources(project))) == []


def test_a_bad_save_is_reported_and_the_last_good_pages_stay(project: Project):
    generate(project)
    page = project.docs / "modules" / "listening-skills.md"
    good = page.read_text()
    quiz = project.quizzes / "listening-skills.yml"
    quiz.write_text(quiz.read_text().replace("pass_mark: 50", "pass_mark: 500"))
    said: list[str] = []
    assert regenerate(project, generate, said.append) is False
    assert "pass_mark" in said[0] and "last good version" in said[0]
    assert page.read_text() == good


def test_only_the_served_site_checks_for_a_newer_page(project: Project):
    """Zensical's reload can leave a page stale; under `peerpath serve` the page asks again. Built sites never do."""
    generate(project)
    built = project.build / "zensical.yml"
    served = yaml.safe_load(serve_config(project, built).read_text())
    assert served["docs_dir"] == "docs" and served["nav"] == yaml.safe_load(built.read_text())["nav"]
    assert any("Last-Modified" in script for script in served["extra"]["peerpath_head_scripts"])
    assert not any(
        "Last-Modified" in script for script in yaml.safe_load(built.read_text())["extra"]["peerpath_head_scripts"]
    )
