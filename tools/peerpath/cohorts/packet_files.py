"""Write the approval and audit packet: one PDF read front to back, and the CSV behind each table.

The packet names learners, so it is written only where the trainer says (private/packet by default),
and all at once: the files appear only when the PDF and every CSV were made.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from peerpath.cohorts import packet as p
from peerpath.cohorts import packet_records as records
from peerpath.cohorts.certificates import certificate_code, code_hash, learner_result
from peerpath.cohorts.packet import Issued, Section
from peerpath.cohorts.pdf_layout import content_width, document, heading, subset_fonts, table, text
from peerpath.cohorts.registry import issued_hashes, read_events
from peerpath.curriculum.crosscheck import Curriculum
from peerpath.models.roster import Roster
from peerpath.models.siteextra import Provider
from peerpath.models.standard import Standard

PDF_NAME = "packet.pdf"


def outcomes(
    roster: Roster,
    curriculum: Curriculum,
    standard: Standard,
    provider: Provider | None,
    key: bytes | None,
    registry: Path,
    lang: str = "en",
) -> list[Issued]:
    """Each learner's result and, for a certificate, its code's hash (needs the signing key).

    What a learner still needs is worded in `lang`, the packet's language."""
    strict = provider is not None and provider.require_passing_score
    known = issued_hashes(read_events(registry))
    issued = []
    for learner in roster.learners:
        result = learner_result(learner, curriculum, standard, roster.cohort, strict, lang)
        digest = None
        if result.complete and key is not None:
            digest = code_hash(certificate_code(key, roster.cohort, learner, curriculum.course.version, standard))
        issued.append(Issued(result, digest, digest in known))
    return issued


def sections(
    roster: Roster,
    curriculum: Curriculum,
    standard: Standard,
    provider: Provider | None,
    issued: list[Issued],
    *,
    cv_found: dict[str, bool],
    evaluation_rows: Sequence[Sequence[str]] | None = None,
    findings: Sequence[tuple[str, str, str]] = (),
    made: dt.date,
    lang: str = "en",
) -> list[Section]:
    """The packet in reading order, in `lang`."""
    return [
        p.cover(roster, curriculum, standard, provider, lang),
        p.description(curriculum, lang),
        p.agenda(curriculum, standard, lang),
        p.trainers(roster, cv_found, lang),
        records.sessions(roster, curriculum, lang),
        records.quizzes(roster, curriculum, lang),
        records.evaluations(evaluation_rows, lang),
        records.certificates(issued, standard, lang),
        records.flags(findings, roster, lang),
        records.retention(roster, provider, standard, made, lang),
    ]


def render_packet(parts: list[Section], title: str, paper: str, folder: Path) -> bytes:
    fonts = subset_fonts(_strings(parts), folder)
    pdf = document(title, paper, fonts, orientation="landscape")
    pdf.set_auto_page_break(auto=True, margin=12)
    width = content_width(pdf)
    for n, part in enumerate(parts):
        if n and pdf.get_y() > pdf.page_break_trigger - 40:
            pdf.add_page()
        pdf.ln(3 if n else 0)
        heading(pdf, part.title, 18 if n == 0 else 13)
        pdf.set_font("DejaVu", "", 10)
        for paragraph in part.paragraphs:
            text(pdf, width, 5.5, paragraph)
        for t in part.tables:
            pdf.ln(2)
            table(pdf, t.header, t.rows, t.shares, t.align)
            pdf.set_font("DejaVu", "", 10)
    return bytes(pdf.output())


def _strings(parts: list[Section]):
    for part in parts:
        yield part.title
        yield from part.paragraphs
        for t in part.tables:
            yield from t.header
            for row in t.rows:
                yield from row


def csv_text(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def write_packet(
    parts: list[Section], title: str, out: Path, paper: str = "letter", attachments: dict[str, Path] | None = None
) -> list[Path]:
    """packet.pdf, one CSV per table and the attachments (trainers' CVs, by their names) into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".peerpath-packet-", dir=out))
    try:
        files = {PDF_NAME: render_packet(parts, title, paper, staging)}
        for part in parts:
            for t in part.tables:
                files[t.csv] = csv_text(t.header, t.rows).encode("utf-8")
        for name, source in (attachments or {}).items():
            files[f"cv--{Path(name).name}"] = source.read_bytes()
        for name, data in files.items():
            (staging / name).write_bytes(data)
        for name in files:
            os.replace(staging / name, out / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out / name for name in files]
