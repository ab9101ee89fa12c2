"""The append-only registry of issued certificates: hashes of codes, hours, dates. No names.

Each line of certificates/registry.jsonl is one event, `issued` or `revoked`; lines are only ever
added, never rewritten.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def read_events(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def issued_hashes(events: list[dict[str, Any]]) -> set[str]:
    return {e["code_sha256"] for e in events if e["event"] == "issued"}


def append_events(path: Path, events: list[dict[str, Any]]) -> None:
    """Append whole lines in one write and flush to disk, so a crash never leaves half a line."""
    if not events:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(e, sort_keys=True, ensure_ascii=False) + "\n" for e in events)
    with path.open("a", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())


def status_by_hash(events: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """code hash -> what the verify page shows: the issue record plus any revocation."""
    out: dict[str, dict[str, Any]] = {}
    for e in events:
        if e["event"] == "issued":
            out[e["code_sha256"]] = {k: v for k, v in e.items() if k != "event"}
        elif e["event"] == "revoked" and e["code_sha256"] in out:
            out[e["code_sha256"]]["revoked"] = {"date": e["date"], "reason": e["reason"]}
    return out
