"""A registry cut off mid-line (power loss during an append) is reported, never crashes, and loses nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from peerpath.cohorts.registry import append_events, read_events
from peerpath.project import Project

ROSTER = str(Path(__file__).parent / "fixtures" / "rosters" / "cohort.yml")
ISSUED = {"event": "issued", "code_sha256": "a" * 64, "issued": "2027-03-05", "initials": "A.R."}


def cut_off(project: Project) -> bytes:
    """A registry with one good record and a second one cut off halfway through."""
    project.registry.parent.mkdir(parents=True, exist_ok=True)
    good = json.dumps(ISSUED) + "\n"
    half = json.dumps({**ISSUED, "code_sha256": "b" * 64})[:40]
    project.registry.write_text(good + half)
    return project.registry.read_bytes()


@pytest.mark.parametrize(
    "command",
    [
        ("check",),
        ("build",),
        ("certificates", "issue", ROSTER, "--standard", "fixture-board", "--out", "out"),
        ("certificates", "revoke", "AAAA-BBBB-CCCC", "--reason", "issued in error"),
    ],
    ids=["check", "build", "issue", "revoke"],
)
def test_a_half_written_last_line_is_reported_with_its_line_and_nothing_is_appended(project: Project, command):
    before = cut_off(project)
    result = run_cli(*command, cwd=project.root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "certificates/registry.jsonl:2: the last line is incomplete, probably cut off while it was written "
        "(a crash or power cut); see 'Repairing the registry' in the README"
    ) in result.stderr
    assert project.registry.read_bytes() == before
    assert not (project.root / "out").exists()


def test_a_line_that_is_not_a_record_is_reported_with_its_line(project: Project):
    project.registry.parent.mkdir(parents=True)
    project.registry.write_text(json.dumps(ISSUED) + "\n" + '{"event": "issued"}\n' + json.dumps(ISSUED) + "\n")
    result = run_cli("check", cwd=project.root)
    assert result.returncode == 1
    assert "certificates/registry.jsonl:2: issued record has no code_sha256;" in result.stderr


def test_appending_after_a_hand_edit_without_final_newline_keeps_both_records(tmp_path: Path):
    registry = tmp_path / "registry.jsonl"
    registry.write_text(json.dumps(ISSUED))
    append_events(registry, [{**ISSUED, "code_sha256": "c" * 64}])
    assert [e["code_sha256"][0] for e in read_events(registry)] == ["a", "c"]


def test_issuing_after_the_repair_registers_the_lost_certificates_again(project: Project):
    """The README's repair: delete the incomplete line, issue the roster again; codes are the same each time."""
    issue = ("certificates", "issue", ROSTER, "--standard", "fixture-board", "--out", "out")
    assert run_cli(*issue, cwd=project.root).returncode == 0
    complete = project.registry.read_text()
    project.registry.write_text(complete[: len(complete) // 2])
    lines = project.registry.read_text().split("\n")
    project.registry.write_text("\n".join(lines[:-1]) + ("\n" if len(lines) > 1 else ""))
    assert run_cli(*issue, cwd=project.root).returncode == 0
    assert project.registry.read_text() == complete
