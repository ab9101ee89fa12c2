"""What a board would refuse even when the minutes add up: checked on the fixture, figures by hand.

Fixture agendas (minutes, kind):
  boundaries-basics: Welcome 15 (opening), Break 10, Role-play 45, Stages refresher 20  (ethics-boundaries x2,
                     stages-of-change)
  listening-skills:  Skill drill 60 (practice), Knowledge check 30 (quiz)            (motivational-interviewing)
fixture-board: Ethics 1 h (ethics-boundaries), Skills 2 h (motivational-interviewing), total 3 h.
So Ethics = 60 contact / 45 instruction; Skills = 90 contact / 60 instruction; the total 150 / 105.
"""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
from peerpath.audit.compute import audit
from peerpath.curriculum.crosscheck import cross_check
from peerpath.curriculum.load import load_project
from peerpath.project import Project

COHORT = """\
cohort:
  id: autumn
  title: Autumn cohort
  start: 2027-09-06
  end: 2027-09-08
  delivery: in-person
  trainers:
    - name: Dana Okafor
  sessions:
    - id: day-1
      date: 2027-09-06
      start: "09:00"
      end: "10:30"
      mode: in-person
      place: Room 2, 14 Main Street
      segments: [boundaries-basics]
    - id: day-2
      date: 2027-09-07
      start: "09:00"
      end: "10:30"
      mode: virtual-live
      place: Video call
      segments: [listening-skills]
learners:
  - id: l01
    name: Zoë Marín-Quintero
    attendance: {boundaries-basics: complete, listening-skills: complete}
"""


def rules(project: Project, standard: str = "fixture-board", **changes: str) -> None:
    """Edit one line each of a standard's counting block, e.g. who_may_deliver="approved-provider"."""
    path = project.standards / f"{standard}.yml"
    text = path.read_text()
    for key, value in changes.items():
        lines = [line for line in text.splitlines() if line.strip().startswith(f"{key}:")]
        assert lines, key
        indent = lines[0][: len(lines[0]) - len(lines[0].lstrip())]
        text = text.replace(lines[0], f"{indent}{key}: {value}")
    path.write_text(text)


def audited(project: Project, standard: str = "fixture-board", approval: str | None = None):
    curriculum, problems = cross_check(load_project(project))
    assert problems == []
    return audit(curriculum, curriculum.standards[standard], approval=approval)


def test_welcomes_and_knowledge_checks_are_told_apart_from_instruction(project: Project):
    ethics, skills = audited(project).domains
    assert (ethics.provided_minutes, ethics.credited_minutes, ethics.instruction_minutes) == (60, 60, 45)
    assert (skills.provided_minutes, skills.credited_minutes, skills.instruction_minutes) == (90, 90, 60)
    assert (ethics.margin_minutes, skills.margin_minutes) == (-15, -60)


def test_a_board_silent_on_welcomes_cannot_be_confirmed_on_them(project: Project):
    rules(project, segments="{opening: unknown, closing: unknown, quiz: credited}")
    ethics, _ = audited(project).domains
    assert (ethics.credited_minutes, ethics.possible_minutes) == (45, 60)
    assert ethics.result == "cannot-confirm"  # 1 h is met only if the 15-minute welcome counts


def test_knowledge_checks_a_board_does_not_credit_are_not_counted(project: Project):
    rules(project, segments="{opening: credited, closing: credited, quiz: not-credited}")
    standard = project.standards / "fixture-board.yml"
    standard.write_text(standard.read_text().replace("required_hours: 2", "required_hours: 1"))
    _, skills = audited(project).domains
    assert (skills.credited_minutes, skills.required_minutes, skills.result) == (60, 60, "meets")
    assert skills.margin_minutes == 0
    rules(project, segments="{opening: credited, closing: credited, quiz: not-credited}")
    standard.write_text(
        standard.read_text().replace(
            "required_hours: 1\n    topics: [motivational", "required_hours: 1.25\n    topics: [motivational"
        )
    )
    assert audited(project).domains[1].result == "falls-short"  # 60 credited of 75


def test_only_the_boards_own_curriculum_cannot_count_here_in_every_format(project: Project):
    rules(project, who_may_deliver="board-curriculum-only")
    assert audited(project).result == "cannot-count-here"
    for fmt in ("text", "markdown", "html", "csv", "json"):
        result = run_cli("audit", "--standard", "fixture-board", "--format", fmt, cwd=project.root)
        assert result.returncode == 3, fmt
        if fmt == "json":
            assert json.loads(result.stdout)["result"] == "cannot-count-here"
        elif fmt != "csv":
            assert "cannot count here" in result.stdout.lower(), fmt
    summary = run_cli("audit", "--all", cwd=project.root)
    assert "cannot count here" in summary.stdout and summary.returncode == 1  # fixture-open still falls short


def test_approved_provider_rule_is_stated_and_a_cohort_without_approval_cannot_count(project: Project):
    rules(project, who_may_deliver="approved-provider")
    report = run_cli("audit", "--standard", "fixture-board", cwd=project.root).stdout
    assert "only when a provider the board approves delivers the training" in report
    assert "PeerPath is a curriculum, not an approved provider" in report
    roster = project.root / "private" / "autumn.yml"
    roster.parent.mkdir(exist_ok=True)
    roster.write_text(COHORT)
    cohort = run_cli("audit", "--standard", "fixture-board", "--cohort", str(roster), cwd=project.root)
    assert cohort.returncode == 3 and "CANNOT COUNT HERE" in cohort.stdout
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  peerpath:\n",
            "  peerpath:\n    provider:\n      organisation: Eastside RCO\n      approvals:\n"
            "        - {standard: fixture-board, body: Fixture Board, number: FB-0042}\n",
            1,
        )
    )
    cohort = run_cli(
        "audit", "--standard", "fixture-board", "--cohort", str(roster), "--format", "json", cwd=project.root
    )
    found = {f["rule"]: f for f in json.loads(cohort.stdout)["findings"]}
    assert found["who-may-deliver"]["result"] == "meets" and "FB-0042" in found["who-may-deliver"]["text"]


@pytest.mark.parametrize(("share", "expected"), [("40", "meets"), ("50", "falls-short"), ("unknown", "cannot-confirm")])
def test_face_to_face_share(project: Project, share: str, expected: str):
    # in person: boundaries-basics 80 contact minutes; live online: listening-skills 90 -> 80 / 170 = 47 %
    rules(project, min_in_person_percent=share)
    roster = project.root / "autumn.yml"
    roster.write_text(COHORT)
    result = run_cli(
        "audit", "--standard", "fixture-board", "--cohort", str(roster), "--format", "json", cwd=project.root
    )
    data = json.loads(result.stdout)
    assert data["minutes_by_mode"] == {"in-person": 80, "virtual-live": 90}
    share_finding = next(f for f in data["findings"] if f["rule"] == "in-person-share")
    assert "(47%)" in share_finding["text"]
    assert share_finding["result"] == expected


def test_online_hours_per_day_cap(project: Project):
    roster = project.root / "autumn.yml"
    roster.write_text(COHORT)
    rules(project, max_online_hours_per_day="1")  # 90 minutes online on 2027-09-07
    data = json.loads(
        run_cli(
            "audit", "--standard", "fixture-board", "--cohort", str(roster), "--format", "json", cwd=project.root
        ).stdout
    )
    cap = next(f for f in data["findings"] if f["rule"] == "online-cap")
    assert cap["result"] == "falls-short" and "2027-09-07 (1.5 h)" in cap["text"]
    rules(project, max_online_hours_per_day="2")
    data = json.loads(
        run_cli(
            "audit", "--standard", "fixture-board", "--cohort", str(roster), "--format", "json", cwd=project.root
        ).stdout
    )
    assert next(f for f in data["findings"] if f["rule"] == "online-cap")["result"] == "meets"


def test_self_paced_sessions_earn_no_hours_and_a_missing_segment_is_flagged(project: Project):
    roster = project.root / "autumn.yml"
    roster.write_text(
        COHORT.replace("mode: virtual-live", "mode: self-paced").replace(
            "[boundaries-basics]", '["boundaries-basics#1"]'
        )
    )
    data = json.loads(
        run_cli(
            "audit", "--standard", "fixture-board", "--cohort", str(roster), "--format", "json", cwd=project.root
        ).stdout
    )
    rules_found = {(f["rule"], f["result"]) for f in data["findings"]}
    assert ("delivery", "falls-short") in rules_found  # self-paced: not credited
    coverage = next(f for f in data["findings"] if f["rule"] == "coverage")
    assert "boundaries-basics#3" in coverage["text"] and "boundaries-basics#4" in coverage["text"]


def test_cohort_audit_prints_no_learner_names(project: Project):
    roster = project.root / "autumn.yml"
    roster.write_text(COHORT)
    for fmt in ("text", "markdown", "html", "csv", "json"):
        out = run_cli(
            "audit", "--standard", "fixture-board", "--cohort", str(roster), "--format", fmt, cwd=project.root
        )
        assert "Zoë" not in out.stdout and "Marín" not in out.stdout and "l01" not in out.stdout


def test_reading_time_is_checked_against_its_own_sections(project: Project):
    module = project.modules / "boundaries-basics.md"
    text = module.read_text().replace(
        "  - title: Stages refresher\n    minutes: 20\n    topic: stages-of-change\n    kind: presentation\n",
        "  - title: Stages refresher\n    minutes: 20\n    topic: stages-of-change\n    kind: reading\n"
        "    sections: [Gifts]\n",
    )
    module.write_text(text)
    warnings = audited(project).warnings
    # "Gifts" + "Small gifts can still blur the role." + "See also listening": 11 words, about 0 minutes, not 20
    assert any("segment 4 'Stages refresher'" in w and "(Gifts) have 11 words" in w for w in warnings), warnings
    module.write_text(text.replace("sections: [Gifts]", "sections: [Gift shop]"))
    result = run_cli("check", cwd=project.root)
    assert result.returncode == 1
    assert "agenda[3].sections[0]: the module has no heading 'Gift shop'" in result.stderr


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("min_in_person_percent", "150", "must be more than 0 and at most 100 percent, got 150"),
        ("max_online_hours_per_day", "0", "must be more than 0 and at most 24 hours, got 0"),
        ("delivery", "{in-person: credited, video: credited, self-paced: not-credited}", "video"),
    ],
)
def test_bad_counting_rules_are_located_and_nothing_is_written(project: Project, key: str, value: str, message: str):
    rules(project, **{key: value})
    result = run_cli("build", cwd=project.root)
    assert result.returncode == 1
    assert "standards/fixture-board.yml:" in result.stderr and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (project.root / "site").exists()
