"""A trainer plans sessions with `peerpath schedule`, prints sign-in sheets, and keeps them private."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from pypdf import PdfReader

from conftest import run_cli
from peerpath.pipeline import build
from peerpath.project import Project

ROSTERS = Path(__file__).parent / "fixtures" / "rosters"
NAMES = ("Zoë Marín-Quintero", "Priya Castellanos", "Amara Nwosu")


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_schedule_writes_a_sessions_block_the_cohort_file_accepts(project: Project):
    result = run_cli(
        "schedule", "--cohort", "2027-10-04..2027-10-05", "--format", "sessions", "--place", "Room 4: upstairs",
        "--out", "private/sessions.yml", cwd=project.root,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    written = (project.root / "private/sessions.yml").read_text()
    sessions = yaml.safe_load(written)["sessions"]
    assert [s["id"] for s in sessions] == ["day-1", "day-2"]
    assert sessions[0] == {
        "id": "day-1", "date": "2027-10-04", "start": "09:00", "end": "10:30", "mode": "in-person",
        "place": "Room 4: upstairs", "segments": ["boundaries-basics"],
    }  # fmt: skip
    assert sessions[1]["segments"] == ["listening-skills"] and sessions[1]["start"] == "09:00"
    assert '"10:30"' in written  # times quoted: a YAML 1.1 reader would take 10:30 for a number
    cohort = yaml.safe_load((ROSTERS / "sessions.yml").read_text())
    cohort["cohort"]["sessions"] = sessions
    for learner in cohort["learners"]:
        learner["sessions"] = {"day-1": "present", "day-2": "present"}
    roster = project.root / "private/cohort.yml"
    roster.write_text(yaml.safe_dump(cohort, allow_unicode=True))
    issued = run_cli(
        "certificates", "issue", str(roster), "--standard", "fixture-board", "--out", "private/out", cwd=project.root
    )
    assert issued.returncode == 0, issued.stderr
    assert issued.stdout.startswith("3 certificate(s) and 0 transcript(s)")


def test_schedule_needs_dates_for_sessions(project: Project):
    result = run_cli("schedule", "--days", "2", "--format", "sessions", cwd=project.root)
    assert result.returncode == 1 and "sessions need dates" in result.stderr


def test_one_sign_in_sheet_per_session_with_names_and_signature_lines_only(project: Project):
    result = run_cli("signin", str(ROSTERS / "sessions.yml"), cwd=project.root)
    assert result.returncode == 0, result.stderr
    assert "3 sign-in sheet(s) written to private/sign-in" in result.stdout
    sheets = sorted((project.root / "private/sign-in").iterdir())
    assert [p.name for p in sheets] == [f"autumn-2027--day-{n}--sign-in.pdf" for n in (1, 2, 3)]
    day_1 = text_of(sheets[0])
    assert "Session day-1: Monday 2027-10-04, 09:00–10:30, In person, Room 4, 12 Main Street" in day_1
    assert "# Name Signature Arrived Left" in day_1 and "Attested" not in day_1
    assert all(name in day_1 for name in NAMES)
    assert "Trainer's signature" in day_1
    for private in ("l01", "l02", "100", "quiz", "present", "absent", "45"):  # ids, scores, attendance
        assert private not in day_1
    day_2 = text_of(sheets[1])
    assert "Live online, Video call" in day_2 and "Attested" in day_2 and "camera on throughout" in day_2


def test_sign_in_sheets_go_where_the_trainer_says(project: Project, tmp_path: Path):
    out = tmp_path / "usb-stick"
    result = run_cli("signin", str(ROSTERS / "sessions.csv"), "--out", str(out), "--paper", "a4", cwd=project.root)
    assert result.returncode == 0, result.stderr
    assert len(list(out.glob("*.pdf"))) == 3 and not (project.root / "private" / "sign-in").exists()


def test_bad_roster_gets_no_sign_in_sheets(project: Project):
    bad = Path(__file__).parent / "cases" / "rosters" / "overlapping-sessions.yml"
    result = run_cli("signin", str(bad), cwd=project.root)
    assert result.returncode == 1
    assert (
        "overlapping-sessions.yml:18: cohort.sessions[1].start: 10:00-11:00 overlaps session 'day-1'" in result.stderr
    )
    assert not (project.root / "private" / "sign-in").exists()


def test_no_learner_name_reaches_the_built_site(project: Project):
    assert run_cli("signin", str(ROSTERS / "sessions.yml"), cwd=project.root).returncode == 0
    shutil.copy(ROSTERS / "sessions.yml", project.private / "cohort.yml")
    assert build(project, "mkdocs") == 0
    built = [p for p in project.root.rglob("*") if p.is_file() and project.private not in p.parents]
    assert built and not any(p.suffix == ".pdf" for p in built)
    for page in built:
        text = page.read_bytes().decode("utf-8", errors="ignore")
        assert not any(name in text for name in NAMES), page
