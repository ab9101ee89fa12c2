"""Rosters as spreadsheets really save them are read; anything else is one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import run_cli
from peerpath.project import Project

ROSTERS = Path(__file__).parent / "fixtures" / "rosters"


@pytest.mark.parametrize("roster", ["excel-utf8-bom.csv", "excel-windows-1252-semicolons.csv"])
def test_a_roster_saved_by_excel_with_its_defaults_is_read_with_names_intact(project: Project, roster: str):
    result = run_cli(
        "certificates", "issue", str(ROSTERS / roster), "--standard", "fixture-board", "--out", "out", cwd=project.root
    )
    assert result.returncode == 0, result.stderr
    text = PdfReader(project.root / "out" / "spring-2027--l01--certificate.pdf").pages[0].extract_text()
    assert "Zoë Marín-Quintero" in text
    assert "Dana Okafor, CPRS" in text and "Sam Whitfield" in text


def test_a_folder_given_as_the_roster_is_reported(project: Project):
    (project.root / "private").mkdir()
    result = run_cli(
        "certificates", "issue", "private", "--standard", "fixture-board", "--out", "out", cwd=project.root
    )
    assert result.returncode == 1
    assert "private:1: is a folder, but a file is expected here" in result.stderr
    assert "Traceback" not in result.stderr
