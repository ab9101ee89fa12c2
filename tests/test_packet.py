"""The approval and audit packet a board reviewer reads: one PDF front to back, and the CSVs behind it.

Figures are those of the fixture cohort (tests/fixtures/rosters/sessions.yml), worked out by hand.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import run_cli
from peerpath.project import Project

ROSTERS = Path(__file__).parent / "fixtures" / "rosters"
APPROVAL = """\
    provider:
      organisation: Fixture Recovery Community Organization
      approvals:
        - standard: fixture-board
          body: Fixture Board
          number: FB-1234
          statement: This training is approved by the Fixture Board for 3 contact hours.
          retention_years: 4
"""


@pytest.fixture
def cohort(project: Project) -> Path:
    """The fixture cohort in the trainer's private folder, with Dana Okafor's CV beside it."""
    folder = project.private / "autumn"
    (folder / "cv").mkdir(parents=True)
    shutil.copy(ROSTERS / "sessions.yml", folder / "cohort.yml")
    (folder / "cv" / "dana-okafor.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text() + APPROVAL)
    return folder / "cohort.yml"


def make_packet(project: Project, cohort: Path, *extra: str):
    result = run_cli("packet", "--cohort", str(cohort), "--standard", "fixture-board", *extra, cwd=project.root)
    assert result.returncode == 0, result.stderr
    return result


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_packet_reads_front_to_back_in_the_order_a_reviewer_expects(project: Project, cohort: Path):
    make_packet(project, cohort)
    text = pdf_text(project.private / "packet" / "packet.pdf")
    order = [
        "Approval and audit packet", "Course description and objectives", "Agenda and hours per domain",
        "Trainers and qualifications", "Sessions and attendance", "Quiz results", "Course evaluations",
        "Certificates issued", "Board rules", "Record retention",
    ]  # fmt: skip
    positions = [text.index(title) for title in order]
    assert positions == sorted(positions)
    assert "Approval: Fixture Board, number FB-1234" in text
    assert "Training provider: Fixture Recovery Community Organization" in text
    assert "Boundaries basics: What a boundary is and why it protects both people." in text
    assert "Explain what a professional boundary is." in text


def test_hours_per_domain_are_traced_to_agenda_segments(project: Project, cohort: Path):
    make_packet(project, cohort)
    folder = project.private / "packet"
    agenda = rows(folder / "agenda.csv")
    assert agenda[0] == ["Segment", "Title", "Kind", "Minutes", "Topic", "Domain"]
    assert agenda[1] == ["boundaries-basics#1", "Welcome", "opening", "15", "ethics-boundaries", "Ethics"]
    assert agenda[2][5] == "break, not contact time" and agenda[4][5] == "no domain"
    assert rows(folder / "domain-hours.csv")[1:] == [["Ethics", "60", "1", "1"], ["Skills", "90", "1.5", "2"]]
    text = pdf_text(folder / "packet.pdf")
    assert "Ethics 60 1 1" in text and "Skills 90 1.5 2" in text


def test_trainers_with_qualifications_and_cv(project: Project, cohort: Path):
    make_packet(project, cohort)
    trainers = rows(project.private / "packet" / "trainers.csv")
    assert trainers[1] == [
        "Dana Okafor", "CPRS",
        "Certified Peer Recovery Specialist since 2015; Eight years facilitating peer support groups",
        "cv/dana-okafor.pdf",
    ]  # fmt: skip
    assert trainers[2] == ["Sam Whitfield", "", "none recorded", "none given"]
    assert (project.private / "packet" / "cv--dana-okafor.pdf").read_bytes() == b"%PDF-1.4\n%%EOF\n"
    (cohort.parent / "cv" / "dana-okafor.pdf").unlink()
    make_packet(project, cohort)
    assert rows(project.private / "packet" / "trainers.csv")[1][3] == "cv/dana-okafor.pdf (file not found)"


def test_sessions_and_attendance_by_learner(project: Project, cohort: Path):
    make_packet(project, cohort)
    folder = project.private / "packet"
    sessions = rows(folder / "sessions.csv")
    assert sessions[1] == [
        "day-1", "2027-10-04", "09:00-10:30", "in person", "Room 4, 12 Main Street", "boundaries-basics",
        "2", "1", "0", "0",
    ]  # fmt: skip
    assert sessions[2][6:] == ["3", "0", "0", "1"]  # Amara Nwosu was there without the camera on
    assert sessions[3][6:] == ["2", "0", "1", "0"]
    attendance = rows(folder / "attendance.csv")
    assert attendance[0] == ["Learner", "day-1 (90 min)", "day-2 (60 min)", "day-3 (30 min)"]
    assert attendance[2] == ["Priya Castellanos", "45", "60", "0"]
    assert attendance[3] == ["Amara Nwosu", "90", "0 (not attested)", "30"]
    assert "Live online attendance is credited only when attested: camera on throughout." in pdf_text(
        folder / "packet.pdf"
    )


def test_quiz_results_and_certificates_with_their_code_hashes(project: Project, cohort: Path):
    issued = run_cli(
        "certificates", "issue", str(cohort), "--standard", "fixture-board", "--out", "private/out", cwd=project.root
    )
    assert issued.returncode == 0, issued.stderr
    make_packet(project, cohort)
    folder = project.private / "packet"
    assert rows(folder / "quiz-results.csv")[1] == ["Boundaries basics", "75 %", "1 of 3", "1", "0", "100.0 %"]
    certificates = rows(folder / "certificates.csv")
    assert [r[:4] for r in certificates[1:]] == [
        ["Zoë Marín-Quintero", "certificate", "2.75", "Ethics 1; Skills 1.5"],
        ["Priya Castellanos", "transcript", "1.75", "Ethics 0.5; Skills 1"],
        ["Amara Nwosu", "transcript", "1.75", "Ethics 1; Skills 0.5"],
    ]
    digest = certificates[1][4]
    assert f'"code_sha256": "{digest}"' in project.registry.read_text() and certificates[1][5] == "yes"
    assert certificates[2][4:] == ["", "no"]
    code = pdf_text(project.private / "out" / "autumn-2027--l01--certificate.pdf").split("Verification code: ")[1]
    assert code.split()[0] not in pdf_text(folder / "packet.pdf")


def test_evaluation_summary_goes_in_when_given(project: Project, cohort: Path):
    summary = project.private / "evaluation-summary.csv"
    summary.write_text("Question,Answers,Agree or strongly agree\nThe trainer was prepared,3,3\n")
    make_packet(project, cohort, "--evaluations", str(summary))
    folder = project.private / "packet"
    assert rows(folder / "evaluations.csv")[1] == ["The trainer was prepared", "3", "3"]
    assert "The trainer was prepared 3 3" in pdf_text(folder / "packet.pdf")


def test_retention_statement_names_the_body_and_the_date(project: Project, cohort: Path):
    make_packet(project, cohort)
    text = " ".join(pdf_text(project.private / "packet" / "packet.pdf").split())
    assert "Fixture Board asks that training records be kept 4 years" in text
    assert "until at least 2031-10-06" in text


def test_packet_goes_where_the_trainer_says_and_bad_cohorts_get_none(project: Project, cohort: Path, tmp_path: Path):
    out = tmp_path / "for-the-board"
    make_packet(project, cohort, "--out", str(out))
    assert (out / "packet.pdf").is_file() and not (project.private / "packet").exists()
    bad = Path(__file__).parent / "cases" / "rosters" / "minutes-above-session.yml"
    result = run_cli("packet", "--cohort", str(bad), "--standard", "fixture-board", cwd=project.root)
    assert result.returncode == 1 and "95 minutes is more than the session's 90" in result.stderr
    assert not (project.private / "packet").exists()


def test_board_rules_the_cohort_breaks_are_flagged_first(project: Project, cohort: Path):
    board = project.standards / "fixture-board.yml"
    board.write_text(
        board.read_text()
        .replace("min_in_person_percent: none", "min_in_person_percent: 75")
        .replace("max_online_hours_per_day: none", "max_online_hours_per_day: 0.5")
    )
    make_packet(project, cohort)
    folder = project.private / "packet"
    flags = rows(folder / "board-rules.csv")
    assert flags[0] == ["Rule", "Result", "Finding"]
    assert {r[0] for r in flags[1:3]} == {"in-person-share", "online-cap"}
    assert all(r[1] == "falls short" for r in flags[1:3])
    assert all(r[1] == "meets" for r in flags[3:])
    assert flags[-1][0] == "partial-attendance" and flags[-1][2].startswith("1 learner(s) attended part of a session")
    text = " ".join(pdf_text(folder / "packet.pdf").split())
    assert "The cohort breaks or cannot confirm 2 of the standard's rules; they come first." in text
