"""Read a file a trainer wrote as text, or say in their words why it cannot be read.

Every reader goes through here, so a folder named `notes.md`, a broken link, a file saved by Word
in Windows-1252, a picture renamed `.yml` or an empty file is a located problem, never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

from peerpath.problems import Problem

MAX_BYTES = 1_000_000  # an authored module, quiz or standard is at most a few hundred kB; 1 MB is surely a mistake
MAX_ROSTER_BYTES = 5_000_000  # a roster of 10,000 learners with 20 modules stays under this
RESAVE = "open it in your editor and save it as UTF-8 (in Word or Notepad: Save As, Encoding: UTF-8)"


def read_authored(
    path: Path, shown: str, limit: int = MAX_BYTES, empty_ok: bool = False
) -> tuple[str | None, Problem | None]:
    """The file's text, or None and the one problem that stops it being read."""
    data, problem = read_bytes(path, shown, limit)
    if problem is not None or data is None:
        return None, problem
    if not data.strip() and not empty_ok:
        return None, Problem(shown, 1, "", "file is empty")
    if b"\0" in data:
        return None, Problem(shown, _line_at(data, data.index(b"\0")), "", "is not a text file (it holds binary data)")
    return decode_utf8(data, shown)


def read_bytes(path: Path, shown: str, limit: int) -> tuple[bytes | None, Problem | None]:
    """Raw bytes of a regular file no larger than `limit`, or the problem in a trainer's words."""
    if path.is_symlink() and not path.exists():
        return None, Problem(shown, 1, "", "is a link to a file that does not exist (a broken or looping link)")
    if path.is_dir():
        return None, Problem(shown, 1, "", "is a folder, but a file is expected here; rename or move the folder")
    if not path.exists():
        return None, Problem(shown, 1, "", "file is missing")
    try:
        size = path.stat().st_size
        if size > limit:
            return None, Problem(shown, 1, "", f"file is {size:,} bytes; PeerPath reads files up to {limit:,} bytes")
        with path.open("rb") as f:
            return f.read(limit + 1), None
    except OSError as error:
        return None, Problem(shown, 1, "", f"cannot be read: {os.strerror(error.errno or 0) or error}")


def decode_utf8(data: bytes, shown: str) -> tuple[str | None, Problem | None]:
    """UTF-8 text (a leading byte-order mark is dropped), or the line of the first byte that is not UTF-8."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        return None, Problem(
            shown, _line_at(data, error.start), "", f"is not UTF-8 text (byte 0x{byte:02X} on this line); {RESAVE}"
        )
    return text.replace("\r\n", "\n"), None


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
