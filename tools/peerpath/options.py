"""Command-line option values checked as they are parsed, each refusal saying the accepted form."""

from __future__ import annotations

import argparse
import datetime as dt
import re

MAX_DAYS = 366  # a schedule longer than a year is a typo


def calendar_date(text: str, value: str) -> dt.date:
    """A YYYY-MM-DD date that exists on the calendar, or a message naming the option and the form."""
    form = "--cohort takes a roster file or dates like 2027-03-01..2027-03-05"
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise ValueError(f"{form}, got {value!r}")
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"--cohort: {text.strip()} is not a date on the calendar ({form})") from None


def clock_time(text: str) -> str:
    """--start: a 24-hour time HH:MM."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"use a 24-hour time HH:MM, like 09:00 or 13:30; got {text!r}")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def day_count(text: str) -> int:
    """--days: a whole number of days, 1 to MAX_DAYS."""
    if not text.strip().isdigit() or not 1 <= int(text) <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"use a whole number of days from 1 to {MAX_DAYS}; got {text!r}")
    return int(text)


def address(text: str) -> str:
    """--address: HOST:PORT, the port from 1 to 65535."""
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or not 1 <= int(port) <= 65535:
        raise argparse.ArgumentTypeError(f"use HOST:PORT, like 127.0.0.1:8000; got {text!r}")
    return text


def os_message(error: OSError) -> str:
    """What went wrong writing or reading a path the user named, in their words."""
    name = str(error.filename2 or error.filename or "")  # a rename's target is the path the user named
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return f"{name}: is a file, but a folder is needed here; choose another --out"
    if isinstance(error, IsADirectoryError):
        return f"{name}: is a folder, but a file is needed here; give a file name"
    return f"{name + ': ' if name else ''}{error.strerror or error}"
