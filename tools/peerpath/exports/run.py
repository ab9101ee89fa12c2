"""Write every export of one kind to a folder; return the warnings for what a format cannot hold."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.hours import contact_minutes
from peerpath.exports.gift import quiz_to_gift
from peerpath.exports.moodle_xml import quiz_to_moodle_xml
from peerpath.exports.qti import qti12_package, qti21_package
from peerpath.exports.scorm import scorm_package
from peerpath.site.generate import write_file


def export(kind: str, curriculum: Curriculum, out: Path, qti_version: str = "2.1") -> tuple[list[Path], list[str]]:
    """Files written and warnings. Only modules with a quiz get QTI/GIFT files; every module gets SCORM.

    All or nothing: every package is made first, then written to a staging folder and moved into `out`.
    """
    files, warnings = [], []
    for module in curriculum.modules:
        quiz = curriculum.quizzes.get(module.meta.id)
        minutes = contact_minutes(module.meta)
        if kind == "scorm":
            path, data = out / f"{module.meta.id}-scorm12.zip", scorm_package(curriculum, module)
        elif quiz is None:
            continue
        elif kind == "moodle-xml":
            result = quiz_to_moodle_xml(quiz)
            path, data = out / f"{quiz.id}-moodle.xml", result.text
            warnings += result.skipped
        elif kind == "gift":
            result = quiz_to_gift(quiz, module.meta.title)
            path, data = out / f"{quiz.id}.gift", result.text
            warnings += result.skipped
        else:
            package = (qti12_package if qti_version == "1.2" else qti21_package)(module, quiz, minutes)
            path, data = out / package.name, package.data
            warnings += package.skipped
        files.append((path, data))
    if kind in ("gift", "moodle-xml") and curriculum.quizzes:
        warnings.append(question_bank_pass_marks(kind, list(curriculum.quizzes.values())))
    return write_all(out, files), warnings


def question_bank_pass_marks(kind: str, quizzes: list) -> str:
    """One line for the whole export: question files hold no quiz settings, so the pass mark is set in Moodle."""
    marks = sorted({f"{q.pass_mark:g} %" for q in quizzes})
    which = f"{marks[0]} for every quiz" if len(marks) == 1 else "see each quiz's pass_mark"
    fmt = "GIFT" if kind == "gift" else "Moodle XML"
    return f"{fmt} files carry no pass mark: in Moodle set each quiz's Grade to pass ({which}; README, Exports)"


def write_all(out: Path, files: list[tuple[Path, str | bytes]]) -> list[Path]:
    """Write every file into a staging folder inside `out`, then move each into place; on failure, none appear."""
    blocked = next((path for path, _ in files if path.is_dir()), None)
    if blocked is not None:  # found before anything moves, so no file of the batch appears
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(blocked))
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".peerpath-export-", dir=out))
    try:
        for path, data in files:
            write_file(staging / path.name, data)
        for path, _ in files:
            os.replace(staging / path.name, path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [path for path, _ in files]
