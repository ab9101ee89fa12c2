"""The board audit, checked against figures worked out by hand for the fixture curriculum.

Fixture agendas (contact minutes):
  boundaries-basics: ethics-boundaries 15 + 45 = 60, stages-of-change 20 (a 10-minute break is not counted)
  listening-skills:  motivational-interviewing 60 + 30 = 90
fixture-board requires Ethics 1 h (ethics-boundaries) and Skills 2 h (motivational-interviewing), 3 h in all;
stages-of-change counts toward none of its domains.
"""

from __future__ import annotations

import json

from conftest import run_cli
from peerpath.audit.compute import audit
from peerpath.curriculum.crosscheck import cross_check
from peerpath.curriculum.load import load_project
from peerpath.project import Project


def curriculum_of(project: Project):
    curriculum, problems = cross_check(load_project(project))
    assert problems == []
    return curriculum


def test_hours_per_domain_match_the_hand_computed_figures(project: Project):
    result = audit(curriculum_of(project), curriculum_of(project).standards["fixture-board"])
    ethics, skills = result.domains
    assert (ethics.provided_minutes, ethics.required_minutes, ethics.meets) == (60, 60, True)
    assert (skills.provided_minutes, skills.required_minutes, skills.meets) == (90, 120, False)
    assert skills.difference_minutes == -30
    assert result.provided_minutes == 150 and result.required_minutes == 180
    assert result.meets is False


def test_audit_traces_every_hour_to_a_segment(project: Project):
    result = audit(curriculum_of(project), curriculum_of(project).standards["fixture-board"])
    ethics = result.domains[0]
    assert [(c.module, c.segment_number, c.segment, c.minutes) for c in ethics.contributions] == [
        ("boundaries-basics", 1, "Welcome", 15),
        ("boundaries-basics", 3, "Role-play", 45),
    ]


def test_topic_mapped_to_no_domain_is_a_warning_and_not_counted(project: Project):
    result = audit(curriculum_of(project), curriculum_of(project).standards["fixture-board"])
    assert any("topic 'stages-of-change' counts toward no domain of fixture-board" in w for w in result.warnings)
    assert result.content_missing == []  # required content is still covered by that segment


def test_unknown_requirement_cannot_be_confirmed(project: Project):
    result = audit(curriculum_of(project), curriculum_of(project).standards["fixture-open"])
    ethics, skills = result.domains
    assert ethics.provided_minutes == 80 and ethics.meets is True
    assert skills.meets is None
    assert result.meets is None
    assert any("cannot confirm" in w for w in result.warnings)


def test_exit_codes_meet_fall_short_invalid(project: Project):
    assert run_cli("audit", "--standard", "fixture-board", cwd=project.root).returncode == 1
    assert run_cli("audit", "--standard", "fixture-open", cwd=project.root).returncode == 1
    standard = project.standards / "fixture-board.yml"
    standard.write_text(standard.read_text().replace("required_hours: 2", "required_hours: 1.5"))
    met = run_cli("audit", "--standard", "fixture-board", cwd=project.root)
    assert met.returncode == 1  # total is still 3 h against 2.5 h provided
    standard.write_text(standard.read_text().replace("total_hours: 3", "total_hours: 2.5"))
    assert run_cli("audit", "--standard", "fixture-board", cwd=project.root).returncode == 0
    assert run_cli("audit", "--standard", "no-such-board", cwd=project.root).returncode == 2


def test_double_counted_topic_is_a_validation_error(project: Project):
    standard = project.standards / "fixture-board.yml"
    standard.write_text(
        standard.read_text().replace(
            "topics: [motivational-interviewing]", "topics: [motivational-interviewing, ethics-boundaries]"
        )
    )
    result = run_cli("audit", "--standard", "fixture-board", cwd=project.root)
    assert result.returncode == 2
    assert (
        "standards/fixture-board.yml:19: domains[1].topics[1]: topic 'ethics-boundaries' already counts "
        "toward domain 'ethics'"
    ) in result.stderr
    assert "Traceback" not in result.stderr


def test_json_output_has_the_documented_keys(project: Project):
    result = run_cli("audit", "--standard", "fixture-board", "--format", "json", cwd=project.root)
    data = json.loads(result.stdout)
    assert set(data) >= {"standard", "meets", "total", "domains", "content", "competencies", "warnings"}
    assert data["standard"]["effective"] == "2024-07-01"
    assert data["result"] == "falls-short" and data["counting"]["who_may_deliver"] == "any"
    assert data["total"] == {
        "required_hours": 3,
        "provided_hours": 2.5,
        "provided_minutes": 150,
        "credited_minutes": 150,
        "possible_minutes": 150,
        "instruction_minutes": 105,
        "instruction_hours": 1.75,
        "margin_minutes": -75,
        "difference_minutes": -30,
        "result": "falls-short",
        "meets": False,
        "curriculum_minutes": 170,
    }
    skills = data["domains"][1]
    assert (skills["required_hours"], skills["provided_hours"], skills["meets"]) == (2, 1.5, False)
    assert skills["contributions"][0] == {
        "module": "listening-skills",
        "segment": "Skill drill",
        "segment_number": 1,
        "topic": "motivational-interviewing",
        "kind": "practice",
        "credit": "credited",
        "minutes": 60,
    }


def test_csv_rows_add_up_to_the_domain_totals(project: Project):
    rows = run_cli("audit", "--standard", "fixture-board", "--format", "csv", cwd=project.root).stdout.splitlines()
    ethics = [int(r.split(",")[-1]) for r in rows[1:] if ",ethics," in r]
    assert sum(ethics) == 60


def test_reading_segment_must_name_its_sections(project: Project):
    module = project.modules / "listening-skills.md"
    module.write_text(module.read_text().replace("kind: practice", "kind: reading"))
    result = run_cli("check", cwd=project.root)
    assert result.returncode == 1
    assert (
        "curriculum/modules/listening-skills.md:9: agenda[0]: a reading segment names the headings of its "
        "reading in 'sections'"
    ) in result.stderr


def test_module_without_quiz_or_references_is_warned(project: Project):
    (project.quizzes / "listening-skills.yml").unlink()
    result = audit(curriculum_of(project), curriculum_of(project).standards["fixture-board"])
    assert "listening-skills: no quiz" in result.warnings
    assert "boundaries-basics: no quiz" not in result.warnings


def test_summary_across_all_standards(project: Project):
    result = run_cli("audit", "--all", cwd=project.root)
    assert result.returncode == 1
    assert "fixture-board" in result.stdout and "fixture-open" in result.stdout
    assert "cannot confirm" in result.stdout and "falls short" in result.stdout
