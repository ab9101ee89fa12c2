"""Every option a trainer can mistype is answered with the accepted form, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from peerpath.project import Project

CASES = [
    (
        ("schedule", "--days", "2", "--start", "9am"),
        "--start: use a 24-hour time HH:MM, like 09:00 or 13:30; got '9am'",
    ),
    (("schedule", "--days", "2", "--start", "25:00"), "--start: use a 24-hour time HH:MM"),
    (("schedule", "--days", "0"), "--days: use a whole number of days from 1 to 366; got '0'"),
    (("schedule", "--days", "-3"), "--days: use a whole number of days from 1 to 366"),
    (("schedule", "--cohort", "2026-02-30..2026-03-02"), "--cohort: 2026-02-30 is not a date on the calendar"),
    (("schedule", "--cohort", "2026-03-05..2026-03-01"), "the end date 2026-03-01 is before the start date 2026-03-05"),
    (("schedule", "--cohort", "next week"), "--cohort takes a roster file or dates like 2027-03-01..2027-03-05"),
    (("serve", "--address", "localhost"), "--address: use HOST:PORT, like 127.0.0.1:8000; got 'localhost'"),
    (("audit", "--standard", "fixture-board", "--out", "curriculum"), "curriculum: is a folder, but a file is needed"),
    (("export", "gift", "--out", "mkdocs.yml"), "mkdocs.yml: is a file, but a folder is needed here"),
    (("schema", "--out", "mkdocs.yml"), "mkdocs.yml: is a file, but a folder is needed here"),
]


@pytest.mark.parametrize(("args", "message"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_a_mistyped_option_says_the_accepted_form(project: Project, args: tuple[str, ...], message: str):
    result = run_cli(*args, cwd=project.root)
    assert result.returncode in (1, 2)  # 2: argparse's usage error, before anything runs
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_signing_key_that_is_not_a_key_is_refused_and_nothing_issued(project: Project):
    (project.root / "key.txt").write_text("my password\n")

    roster = str(Path(__file__).parent / "fixtures" / "rosters" / "cohort.yml")
    result = run_cli(
        "certificates", "issue", roster, "--standard", "fixture-board", "--out", "out", "--key", "key.txt",
        cwd=project.root,
    )  # fmt: skip
    assert result.returncode == 1
    assert "key.txt: is not a signing key (64 hexadecimal digits)" in result.stderr
    assert not (project.root / "out").exists() and not project.registry.exists()


def test_an_export_blocked_by_a_folder_writes_none_of_its_files(project: Project):
    out = project.root / "out"
    (out / "listening-skills.gift").mkdir(parents=True)
    result = run_cli("export", "gift", "--out", "out", cwd=project.root)
    assert result.returncode == 1
    assert "listening-skills.gift: is a folder, but a file is needed here" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["listening-skills.gift"]
