"""Attendance by session: what a trainer records at each session becomes the hours on each certificate.

The fixture cohort (tests/fixtures/rosters/sessions.yml) has three sessions; its comments show the
hours of each learner worked out by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import run_cli
from peerpath.project import Project

ROSTERS = Path(__file__).parent / "fixtures" / "rosters"
PROVIDER = """\
    verify_url: https://example.org/peerpath/verify.html
    provider:
      organisation: Fixture Recovery Community Organization
      require_passing_score: {strict}
      approvals:
        - standard: fixture-board
          body: Fixture Board
          number: FB-1234
          statement: This training is approved by the Fixture Board for 3 contact hours.
"""


def issue(project: Project, roster: str = "sessions.yml"):
    result = run_cli(
        "certificates", "issue", str(ROSTERS / roster), "--standard", "fixture-board", "--out", "private/out",
        cwd=project.root,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result


def text_of(project: Project, learner: str, kind: str) -> str:
    path = project.root / f"private/out/autumn-2027--{learner}--{kind}.pdf"
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def with_provider(project: Project, strict: bool) -> None:
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text() + PROVIDER.format(strict=str(strict).lower()))


@pytest.mark.parametrize("roster", ["sessions.yml", "sessions.csv", "sheet.yml"])
def test_learner_at_every_session_gets_a_certificate_with_the_dates_and_modes_attended(project: Project, roster):
    issue(project, roster)
    text = text_of(project, "l01", "certificate")
    assert "Contact hours: 2.75 h" in text
    assert "Ethics 1 h 1 h" in text and "Skills 1.5 h 2 h" in text
    assert "Dates attended: 2027-10-04, 2027-10-05 and 2027-10-06" in text
    assert "delivered in person and live online" in text
    assert "Dana Okafor, CPRS" in text


@pytest.mark.parametrize("roster", ["sessions.yml", "sessions.csv", "sheet.yml"])
def test_partial_attendance_is_credited_only_for_the_time_attended(project: Project, roster):
    issue(project, roster)
    text = text_of(project, "l02", "transcript")
    assert "Contact hours: 1.75 h" in text
    assert "Ethics 0.5 h 1 h" in text and "Skills 1 h 2 h" in text
    assert "Boundaries basics: 40 of 80 minutes not attended" in text
    assert "Listening skills: 30 of 90 minutes not attended" in text
    assert "Dates attended: 2027-10-04 and 2027-10-05" in text


@pytest.mark.parametrize("roster", ["sessions.yml", "sessions.csv", "sheet.yml"])
def test_live_online_session_without_the_attestation_is_not_credited(project: Project, roster):
    issue(project, roster)
    text = text_of(project, "l03", "transcript")
    assert "Contact hours: 1.75 h" in text and "Skills 0.5 h 2 h" in text
    assert "Session day-2 (2027-10-05): live online attendance not attested (camera on throughout)" in text
    assert "Dates attended: 2027-10-04 and 2027-10-06" in text
    assert "delivered in person\n" in text


def test_certificate_carries_the_providers_approval_and_a_link_a_reader_can_click(project: Project):
    with_provider(project, strict=False)
    issue(project)
    text = text_of(project, "l01", "certificate")
    assert "Training provider: Fixture Recovery Community Organization" in text
    assert "Approved by Fixture Board, provider number FB-1234" in text
    assert "approved by the Fixture Board for 3 contact hours" in text
    page = PdfReader(project.root / "private/out/autumn-2027--l01--certificate.pdf").pages[0]
    links = [a.get_object()["/A"]["/URI"] for a in page["/Annots"] if a.get_object()["/Subtype"] == "/Link"]
    code = text.split("Verification code: ")[1].split()[0]
    assert links == [f"https://example.org/peerpath/verify.html#code={code}"]


def test_provider_that_requires_a_passing_score_issues_no_certificate_without_one(project: Project):
    with_provider(project, strict=True)
    roster = project.root / "private" / "no-score.yml"
    roster.parent.mkdir(exist_ok=True)
    roster.write_text((ROSTERS / "sessions.yml").read_text().replace("boundaries-basics: 100", "{}").replace(
        "quiz_scores:\n      {}", "quiz_scores: {}"))  # fmt: skip
    result = run_cli(
        "certificates", "issue", str(roster), "--standard", "fixture-board", "--out", "private/out", cwd=project.root
    )
    assert result.returncode == 0, result.stderr
    text = text_of(project, "l01", "transcript")
    assert "Boundaries basics: no quiz score recorded; a passing score is required" in text
    assert not (project.root / "private/out/autumn-2027--l01--certificate.pdf").exists()


def test_module_attendance_rosters_still_show_the_cohort_dates(project: Project):
    result = run_cli(
        "certificates", "issue", str(ROSTERS / "cohort.yml"), "--standard", "fixture-board", "--out", "private/out",
        cwd=project.root,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = "\n".join(
        p.extract_text() for p in PdfReader(project.root / "private/out/spring-2027--l01--certificate.pdf").pages
    )
    assert "2027-03-01 to 2027-03-05, delivered in person" in text and "Dates attended" not in text


def test_hours_a_board_does_not_credit_are_left_out_of_its_domains_but_not_of_contact_hours(project: Project):
    standard = project.standards / "fixture-board.yml"
    standard.write_text(standard.read_text().replace("quiz: credited", "quiz: not-credited"))
    issue(project)
    text = text_of(project, "l01", "certificate")
    assert "Contact hours: 2.75 h" in text  # the 30-minute knowledge check was attended
    assert "Ethics 1 h 1 h" in text and "Skills 1 h 2 h" in text  # but Skills counts only the 60-minute drill
