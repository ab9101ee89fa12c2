"""A fresh machine installs exactly what CI tested: every package in the venv is the locked version."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _pins(lines: list[str]) -> dict[str, str]:
    pins = {}
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#") and "==" in line:
            name, version = line.split("==", 1)
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_the_venv_holds_exactly_the_locked_versions():
    locked = _pins((REPO / "requirements.lock").read_text().splitlines())
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--all", "--exclude-editable"], capture_output=True, text=True
    ).stdout.splitlines()
    installed = {k: v for k, v in _pins(frozen).items() if k not in {"setuptools", "wheel"}}
    assert installed == locked


def test_both_builders_are_pinned_exactly():
    locked = _pins((REPO / "requirements.lock").read_text().splitlines())
    assert {"mkdocs", "mkdocs-material", "zensical"} <= locked.keys()
    assert locked["mkdocs"].startswith("1.")  # MkDocs 2 runs no plugins and no Material
