"""Trainer-issued certificates: what the PDFs say, the registry, revocation, bad rosters, privacy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import segno
from pypdf import PdfReader

from conftest import run_cli
from peerpath.pipeline import build
from peerpath.project import Project

ROSTERS = Path(__file__).parent / "fixtures" / "rosters"
CASES = Path(__file__).parent / "cases" / "rosters"
NAMES = ("Zoë Marín-Quintero", "Priya Castellanos")


def issue(project: Project, roster: str = "cohort.yml", *extra: str):
    return run_cli(
        "certificates",
        "issue",
        str(ROSTERS / roster),
        "--standard",
        "fixture-board",
        "--out",
        "private/out",
        *extra,
        cwd=project.root,
    )


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def code_in(text: str) -> str:
    return text.split("Verification code: ")[1].split()[0]


@pytest.mark.parametrize("roster", ["cohort.yml", "cohort.csv"])
def test_certificate_names_learner_hours_per_domain_and_code(project: Project, roster: str):
    result = issue(project, roster)
    assert result.returncode == 0, result.stderr
    text = text_of(project.root / "private/out/spring-2027--l01--certificate.pdf")
    assert "Certificate of Completion" in text and "Zoë Marín-Quintero" in text
    assert "Contact hours: 2.75 h" in text
    assert "Ethics 1 h 1 h" in text and "Skills 1.5 h 2 h" in text
    assert "Dana Okafor, CPRS" in text and "Sam Whitfield" in text and "Fixture Trainers" in text
    assert "2027-03-01 to 2027-03-05, delivered in person" in text
    assert len(code_in(text).replace("-", "")) == 12


def test_learner_short_of_completion_gets_a_transcript_saying_what_is_missing(project: Project):
    issue(project)
    assert not (project.root / "private/out/spring-2027--l02--certificate.pdf").exists()
    text = text_of(project.root / "private/out/spring-2027--l02--transcript.pdf")
    assert "It is not a certificate of completion" in text
    assert "Listening skills: 45 of 90 minutes not attended" in text
    assert "Skills 0.75 h 2 h" in text  # 45 of 90 minutes of a module that is all Skills
    assert "Verification code" not in text


def test_registry_keeps_no_names_and_rerunning_issues_no_duplicates(project: Project):
    issue(project)
    first = project.registry.read_text()
    code = code_in(text_of(project.root / "private/out/spring-2027--l01--certificate.pdf"))
    issue(project)
    assert project.registry.read_text() == first
    assert first.count('"event": "issued"') == 1
    assert code_in(text_of(project.root / "private/out/spring-2027--l01--certificate.pdf")) == code
    for name in NAMES:
        assert name not in first and name.split()[0] not in first
    assert '"initials": "Z.M."' in first and code.replace("-", "") not in first


def test_signing_key_is_private(project: Project):
    issue(project)
    key = project.private / "certificate-key"
    assert key.is_file() and (key.stat().st_mode & 0o077) == 0


def test_a4_paper(project: Project):
    issue(project, "cohort.yml", "--paper", "a4")
    box = PdfReader(project.root / "private/out/spring-2027--l01--certificate.pdf").pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 210 and round(float(box.height) / 72 * 25.4) == 297


def test_revocation_is_appended_and_never_rewrites(project: Project):
    issue(project)
    before = project.registry.read_text()
    code = code_in(text_of(project.root / "private/out/spring-2027--l01--certificate.pdf"))
    result = run_cli("certificates", "revoke", code, "--reason", "Issued in error", cwd=project.root)
    assert result.returncode == 0, result.stderr
    after = project.registry.read_text()
    assert after.startswith(before) and '"reason": "Issued in error"' in after
    again = run_cli("certificates", "revoke", code, "--reason", "Twice", cwd=project.root)
    assert again.returncode == 1 and "already revoked" in again.stderr
    unknown = run_cli("certificates", "revoke", "AAAA-BBBB-CCCC", "--reason", "No", cwd=project.root)
    assert unknown.returncode == 1 and "no certificate with that code" in unknown.stderr


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.suffix in {".csv", ".yml"}))
def test_bad_roster_lists_every_problem_by_row_and_writes_nothing(project: Project, case: str):
    result = run_cli(
        "certificates",
        "issue",
        str(CASES / case),
        "--standard",
        "fixture-board",
        "--out",
        "private/out",
        cwd=project.root,
    )
    expected = (CASES / case).with_suffix(".expected").read_text().splitlines()
    shown = [line.replace(str(CASES.parent.parent.parent) + "/", "") for line in result.stderr.splitlines()[:-1]]
    assert result.returncode == 1
    assert shown == expected
    assert "Traceback" not in result.stderr
    assert not (project.root / "private").exists() and not project.registry.exists()


def test_unknown_standard_issues_nothing(project: Project):
    result = run_cli(
        "certificates",
        "issue",
        str(ROSTERS / "cohort.yml"),
        "--standard",
        "no-such",
        "--out",
        "private/out",
        cwd=project.root,
    )
    assert result.returncode == 1 and "no standard has the id 'no-such'" in result.stderr
    assert not (project.root / "private").exists()


def test_no_learner_name_ever_appears_in_the_built_site(project: Project):
    issue(project)
    shutil.copy(ROSTERS / "cohort.csv", project.private / "cohort.csv")
    assert build(project, "mkdocs") == 0
    for path in project.site("mkdocs").rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for name in NAMES:
                for part in name.split():
                    assert part.encode() not in content, f"{part} found in {path}"


def test_a_large_cohort_gets_each_learner_their_own_certificate_with_names_in_any_script(
    project: Project, tmp_path: Path
):
    """Big cohorts are rendered on several processes; every file must still carry its own learner's name."""
    names = ["Nguyễn Thị Hương", "Олена Коваль", "Αλέξανδρος Παπαδόπουλος"] + [f"Learner {n}" for n in range(57)]
    learners = "".join(
        f"  - id: l{n:02d}\n    name: {name}\n    attendance:\n"
        "      boundaries-basics: complete\n      listening-skills: complete\n"
        for n, name in enumerate(names)
    )
    cohort = (ROSTERS / "cohort.yml").read_text().split("learners:")[0]
    roster = tmp_path / "large.yml"
    roster.write_text(cohort + "learners:\n" + learners)
    result = run_cli(
        "certificates", "issue", str(roster), "--standard", "fixture-board", "--out", "private/out", cwd=project.root
    )
    assert result.returncode == 0, result.stderr
    for n, name in enumerate(names):
        path = project.root / f"private/out/spring-2027--l{n:02d}--certificate.pdf"
        text = text_of(path).replace("\n", " ")
        assert name in text
        # Drawn with the rest of their chunk, then split: a file holds its learner's page and nobody else's.
        assert len(PdfReader(path).pages) == 1
        assert PdfReader(path).metadata.title.startswith("Certificate: ")
        others = [other for other in names if other != name and not name.startswith(other)]
        assert not any(f"{other} " in text or text.endswith(other) for other in others), name
    assert project.registry.read_text().count('"event": "issued"') == len(names)


def test_qr_code_on_the_certificate_holds_its_verification_code(project: Project):
    """Rebuild the QR symbol from the filled squares drawn on the page and compare it with the code's symbol."""
    issue(project)
    path = project.root / "private/out/spring-2027--l01--certificate.pdf"
    code = code_in(text_of(path))
    stream = PdfReader(path).pages[0].get_contents().get_data().decode("latin-1")
    squares = [tuple(map(float, line.split()[:4])) for line in stream.splitlines() if line.endswith(" re f")]
    step = min(abs(h) for *_, h in squares)
    left, top = min(x for x, *_ in squares), max(y for _, y, *_ in squares)
    expected = segno.make(code, error="m").matrix
    drawn = [[0] * len(expected) for _ in expected]
    for x, y, width, height in squares:  # one rectangle may cover the same run on several rows
        row, column = round((top - y) / step), round((x - left) / step)
        for r in range(row, row + round(abs(height) / step)):
            for c in range(column, column + round(width / step)):
                drawn[r][c] = 1
    assert drawn == [list(row) for row in expected]
