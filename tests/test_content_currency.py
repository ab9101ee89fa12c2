"""A board can see that each module is current and that its objectives can be measured."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import run_cli
from peerpath.curriculum.advice import months_before, unobservable_opening
from peerpath.pipeline import check
from peerpath.project import Project
from peerpath.site.generate import render_pages

MODULE = "curriculum/modules/boundaries-basics.md"


def add_review(project: Project, *reviews: tuple[dt.date, str]) -> None:
    path = project.root / MODULE
    entries = "".join(
        f'  - date: {day.isoformat()}\n    by: Independent content review\n    changes: ["{change}"]\n'
        for day, change in reviews
    )
    path.write_text(path.read_text().replace("competencies:", "reviewed:\n" + entries + "competencies:", 1))


def warnings_for(project: Project) -> list[str]:
    result = run_cli("check", cwd=project.root)
    assert result.returncode == 0, "a warning never fails the check"
    return [line for line in result.stderr.splitlines() if line.startswith(MODULE)]


@pytest.mark.parametrize(
    "objective",
    [
        "Understand why boundaries matter.",
        "Know the limits of confidentiality.",
        "Learn about the stages of change.",
        "Appreciate the value of lived experience.",
        "Be aware of mandated-reporting duties.",
        "Become familiar with 42 CFR Part 2.",
    ],
)
def test_an_objective_no_one_can_observe_is_flagged(objective: str):
    assert unobservable_opening(objective) is not None


@pytest.mark.parametrize(
    "objective",
    [
        "Explain why boundaries matter.",
        "Identify a dual relationship in a case.",
        "Demonstrate a warm handoff in a role-play.",
        "Knowledge-check: list three exceptions.",  # a word that merely starts with 'know'
    ],
)
def test_an_objective_a_trainer_can_see_or_test_passes(objective: str):
    assert unobservable_opening(objective) is None


def test_check_warns_at_the_objective_line_and_still_passes(project: Project):
    path = project.root / MODULE
    path.write_text(path.read_text().replace("Explain what a professional boundary is.", "Understand boundaries."))
    lines = warnings_for(project)
    assert any(line.startswith(f"{MODULE}:6: objectives[0]: warning: starts with 'understand'") for line in lines)


def test_a_module_with_no_review_recorded_is_flagged(project: Project):
    assert f"{MODULE}:2: reviewed: warning: no content review recorded" in "\n".join(warnings_for(project))


def test_a_review_older_than_twelve_months_is_flagged_at_its_date(project: Project):
    add_review(project, (dt.date.today() - dt.timedelta(days=400), "Part 2 wording"))
    lines = warnings_for(project)
    assert len(lines) == 1
    assert lines[0].startswith(f"{MODULE}:25: reviewed[0].date: warning: last reviewed ")
    assert "more than 12 months ago" in lines[0]


def test_a_recent_review_gives_no_warning(project: Project):
    add_review(project, (dt.date.today(), "Part 2 wording"))
    assert warnings_for(project) == []


def test_twelve_months_back_is_the_same_day_of_the_month_or_its_last_day():
    assert months_before(dt.date(2026, 12, 1), 12) == dt.date(2025, 12, 1)
    assert months_before(dt.date(2028, 2, 29), 12) == dt.date(2027, 2, 28)
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)


def test_a_misspelled_key_in_a_review_is_an_error(project: Project):
    add_review(project, (dt.date.today(), "Part 2 wording"))
    path = project.root / MODULE
    path.write_text(path.read_text().replace("    changes:", "    chanegs:", 1))
    result = run_cli("check", cwd=project.root)
    assert result.returncode == 1
    assert f"{MODULE}:27: reviewed[0].chanegs: unknown key (did you mean 'changes'?)" in result.stderr


def test_trainer_edition_and_boards_page_show_the_last_review(project: Project):
    add_review(
        project,
        (dt.date(2026, 6, 1), "Old review"),
        (dt.date(2026, 12, 1), "Revocation of consent must be in writing <since 2026>"),
    )
    curriculum, _, problems = check(project)
    assert not problems
    pages = render_pages(curriculum, project)
    trainer = str(pages["trainer/boundaries-basics.md"])
    assert "Content last reviewed 2026-12-01 by Independent content review" in trainer
    assert "must be in writing &lt;since 2026&gt;" in trainer, "authored text is escaped"
    boards = str(pages["boards/index.md"])
    assert "<strong>Boundaries basics</strong>: last reviewed 2026-12-01 by Independent content review." in boards
    assert "<strong>Listening skills</strong>: no review recorded." in boards
    assert "Old review" not in boards


def test_review_record_and_changelog_stay_out_of_the_site(project: Project):
    (project.curriculum / "reviews" / "2026-12-01").mkdir(parents=True)
    (project.curriculum / "reviews" / "2026-12-01" / "report.md").write_text("# Reviewer's report\n")
    (project.curriculum / "CHANGELOG.md").write_text("# Changelog\n")
    curriculum, _, _ = check(project)
    pages = render_pages(curriculum, project)
    assert not [rel for rel in pages if rel.startswith("reviews/") or rel == "CHANGELOG.md"]
    assert "for-trainers/guide.md" in pages, "other authored pages are still published"
