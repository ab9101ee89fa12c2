"""The append-only registry of issued certificates: hashes of codes, hours, dates. No names.

Each line of certificates/registry.jsonl is one event, `issued` or `revoked`; lines are only ever
added, never rewritten. A damaged line is reported with its line number and stops every command that
reads the registry, so nothing is appended after it and nothing already in it is lost.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from peerpath.curriculum.readtext import decode_utf8, read_bytes
from peerpath.problems import Problem, ProblemsFound

MAX_REGISTRY_BYTES = 500_000_000  # about a million certificates
REPAIR = "see 'Repairing the registry' in the README"
REQUIRED = {"issued": ("code_sha256", "issued"), "revoked": ("code_sha256", "date", "reason")}
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def read_events(path: Path, shown: str | None = None) -> list[dict[str, Any]]:
    """Every event in the registry; raises ProblemsFound, with the line, if any line is damaged."""
    events, problems = load_events(path, shown or path.as_posix())
    if problems:
        raise ProblemsFound(problems)
    return events


def registry_problems(path: Path, shown: str) -> list[Problem]:
    """What is wrong with the registry file, line by line (nothing when it is sound or absent)."""
    return load_events(path, shown)[1]


def load_events(path: Path, shown: str) -> tuple[list[dict[str, Any]], list[Problem]]:
    if not path.exists() and not path.is_symlink():
        return [], []
    data, problem = read_bytes(path, shown, MAX_REGISTRY_BYTES)
    text, problem = decode_utf8(data, shown) if data is not None else (None, problem)
    if text is None:
        return [], [problem] if problem else []
    events, problems = [], []
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        event, message = _event(line)
        if message is None:
            events.append(event)
            continue
        if number == len(lines) and not text.endswith("\n"):
            message = "the last line is incomplete, probably cut off while it was written (a crash or power cut)"
        problems.append(Problem(shown, number, "", f"{message}; {REPAIR}"))
    return events, problems


def _event(line: str) -> tuple[dict[str, Any], str | None]:
    """One parsed event, or why the line is not one."""
    try:
        event = json.loads(line)
    except ValueError:
        return {}, "is not a complete registry record"
    if not isinstance(event, dict) or event.get("event") not in REQUIRED:
        return {}, "is not an 'issued' or 'revoked' record"
    missing = [key for key in REQUIRED[event["event"]] if not isinstance(event.get(key), str)]
    if missing:
        return {}, f"{event['event']} record has no {missing[0]}"
    if not SHA256.match(event["code_sha256"]):
        return {}, "code_sha256 is not a SHA-256 hash"
    return event, None


def issued_hashes(events: list[dict[str, Any]]) -> set[str]:
    return {e["code_sha256"] for e in events if e["event"] == "issued"}


def append_events(path: Path, events: list[dict[str, Any]]) -> None:
    """Append whole lines in one write and flush them to disk, so a crash never leaves half a line."""
    if not events:
        return
    created = not path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(e, sort_keys=True, ensure_ascii=False) + "\n" for e in events)
    if not created and not _ends_with_newline(path):
        text = "\n" + text  # a last line edited by hand without its newline stays its own line
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        data = text.encode("utf-8")
        written = 0
        while written < len(data):
            written += os.write(fd, data[written:])
        os.fsync(fd)
    finally:
        os.close(fd)
    if created:
        _fsync_folder(path.parent)


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as f:
        if f.seek(0, os.SEEK_END) == 0:
            return True
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"


def _fsync_folder(folder: Path) -> None:
    """A new file's name survives a power cut only once its folder is flushed too."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def status_by_hash(events: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """code hash -> what the verify page shows: the issue record plus any revocation."""
    out: dict[str, dict[str, Any]] = {}
    for e in events:
        if e["event"] == "issued":
            out[e["code_sha256"]] = {k: v for k, v in e.items() if k != "event"}
        elif e["event"] == "revoked" and e["code_sha256"] in out:
            out[e["code_sha256"]]["revoked"] = {"date": e["date"], "reason": e["reason"]}
    return out
