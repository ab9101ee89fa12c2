"""The approval and audit packet: what a board reviewer reads, as sections of text and tables. Pure functions.

Each table is also written as a CSV (`packet_files.py`), so every figure in the PDF can be traced
to the rows behind it. Hours per domain come from the agenda segments, attendance from the roster.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from peerpath.cohorts.certificates import LearnerResult, quarter_hours_of
from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.hours import hours_text
from peerpath.models.roster import Roster
from peerpath.models.siteextra import Provider
from peerpath.models.standard import Standard

MODE = {"in-person": "in person", "virtual-live": "live online", "self-paced": "self-paced"}


@dataclass(frozen=True)
class Table:
    csv: str  # file name of the CSV behind the table
    header: list[str]
    rows: list[list[str]]
    shares: list[float]  # column widths in the PDF, as parts of the page
    align: str = ""


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass(frozen=True)
class Issued:
    """One learner's outcome, as the packet lists it: the code's hash, never the code."""

    result: LearnerResult
    code_sha256: str | None  # None for a transcript
    registered: bool


def _h(minutes: Fraction | int) -> str:
    return f"{quarter_hours_of(minutes):g}"


def cover(roster: Roster, curriculum: Curriculum, standard: Standard, provider: Provider | None) -> Section:
    cohort = roster.cohort
    lines = [
        f"Course: {curriculum.course.title} (version {curriculum.course.version})",
        f"Cohort: {cohort.title} ({cohort.id}), {cohort.start} to {cohort.end}, delivered {MODE[cohort.delivery]}",
        f"Standard: {standard.name} ({standard.awarding_body}, {standard.jurisdiction})",
    ]
    approval = provider.approval_for(standard.id) if provider else None
    lines.append(f"Training provider: {provider.organisation}" if provider else "Training provider: not set")
    if approval is not None:
        number = f", number {approval.number}" if approval.number else ""
        lines.append(f"Approval: {approval.body}{number}")
        lines += [f"Approval statement: {approval.statement}"] if approval.statement else []
    else:
        lines.append(f"Approval: none recorded for {standard.id} (extra.peerpath.provider.approvals in mkdocs.yml)")
    return Section("Approval and audit packet", lines)


def description(curriculum: Curriculum) -> Section:
    """Course description and objectives, module by module."""
    section = Section("Course description and objectives")
    for module in curriculum.modules:
        objectives = "; ".join(module.meta.objectives)
        section.paragraphs.append(f"{module.meta.title}: {module.meta.summary} Objectives: {objectives}")
    return section


def agenda(curriculum: Curriculum, standard: Standard) -> Section:
    """Every segment with its minutes, topic and the standard's domain; then the hours per domain."""
    domain_of = {t: d for d in standard.domains for t in d.topics}
    rows, totals = [], {d.id: 0 for d in standard.domains}
    for module in curriculum.modules:
        for n, seg in enumerate(module.meta.agenda, 1):
            domain = domain_of.get(seg.topic) if seg.is_contact else None
            if domain:
                totals[domain.id] += seg.minutes
            counted = domain.name if domain else ("break, not contact time" if not seg.is_contact else "no domain")
            rows.append([f"{module.meta.id}#{n}", seg.title, seg.kind, str(seg.minutes), seg.topic or "", counted])
    segments = Table(
        "agenda.csv",
        ["Segment", "Title", "Kind", "Minutes", "Topic", "Domain"],
        rows,
        [2.6, 2.6, 1.4, 1.1, 2.4, 2.2],
        "LLLRLL",
    )
    domains = Table(
        "domain-hours.csv",
        ["Domain", "Minutes", "Hours", "Required hours"],
        [
            [
                d.name,
                str(totals[d.id]),
                hours_text(totals[d.id]).removesuffix(" h"),
                f"{d.required_hours:g}" if d.required_hours is not None else "not public",
            ]
            for d in standard.domains
        ],
        [4, 1.2, 1.2, 1.6],
        "LRRR",
    )
    note = "Hours per domain are the sums of the contact segments whose topic the standard maps to the domain."
    return Section("Agenda and hours per domain", [note], [segments, domains])


def trainers(roster: Roster, cv_found: dict[str, bool]) -> Section:
    rows = []
    for t in roster.cohort.trainers:
        cv = "none given" if not t.cv else (t.cv if cv_found.get(t.cv) else f"{t.cv} (file not found)")
        rows.append([t.name, t.credential or "", "; ".join(t.qualifications) or "none recorded", cv])
    table = Table("trainers.csv", ["Trainer", "Credential", "Qualifications", "CV"], rows, [2, 1.5, 5, 2.5])
    note = "Each CV found is copied beside this packet as cv--<file name>."
    return Section("Trainers and qualifications", [note], [table])
