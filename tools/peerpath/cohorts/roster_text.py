"""A roster's (or an evaluation export's) text, as a trainer's editor or spreadsheet saved it."""

from __future__ import annotations

from pathlib import Path

from peerpath.curriculum.readtext import MAX_ROSTER_BYTES, decode_utf8, read_bytes
from peerpath.problems import Problem


def roster_text(
    path: Path, shown: str, is_csv: bool, binary: str = "export the roster as CSV or write it as YAML"
) -> tuple[str | None, Problem | None]:
    """The file's text. A CSV may be what Excel writes by default: UTF-8 with or without BOM, or Windows-1252.

    `binary` says what to do instead when the file is not text at all."""
    data, problem = read_bytes(path, shown, MAX_ROSTER_BYTES)
    if data is None:
        return None, problem
    if not data.strip():
        return None, Problem(shown, 1, "", "file is empty")
    if b"\0" in data:
        return None, Problem(shown, 1, "", f"is not a text file; {binary}")
    text, problem = decode_utf8(data, shown)
    if text is None and is_csv:
        try:
            return data.decode("cp1252").replace("\r\n", "\n"), None
        except UnicodeDecodeError:
            message = "is neither UTF-8 nor Windows-1252 text; in Excel use Save As, 'CSV UTF-8 (Comma delimited)'"
            return None, Problem(shown, 1, "", message)
    return text, problem
