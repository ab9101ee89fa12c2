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
from peerpath.i18n import SOURCE_LANGUAGE, gettext
from peerpath.i18n.records import N_, date_text, kind_name
from peerpath.models.roster import Roster
from peerpath.models.siteextra import Provider
from peerpath.models.standard import Standard

MODE = {"in-person": N_("in person"), "virtual-live": N_("live online"), "self-paced": N_("self-paced")}


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


def cover(
    roster: Roster, curriculum: Curriculum, standard: Standard, provider: Provider | None, lang: str = SOURCE_LANGUAGE
) -> Section:
    _ = gettext(lang)
    cohort = roster.cohort
    course = curriculum.course
    lines = [
        _("Course: {title} (version {version})").format(title=course.title, version=course.version),
        _("Cohort: {title} ({id}), {start} to {end}, delivered {mode}").format(
            title=cohort.title,
            id=cohort.id,
            start=date_text(cohort.start, lang),
            end=date_text(cohort.end, lang),
            mode=_(MODE[cohort.delivery]),
        ),
        _("Standard: {name} ({body}, {jurisdiction})").format(
            name=standard.name, body=standard.awarding_body, jurisdiction=standard.jurisdiction
        ),
    ]
    approval = provider.approval_for(standard.id) if provider else None
    if provider:
        lines.append(_("Training provider: {organisation}").format(organisation=provider.organisation))
    else:
        lines.append(_("Training provider: not set"))
    if approval is not None:
        if approval.number:
            lines.append(_("Approval: {body}, number {number}").format(body=approval.body, number=approval.number))
        else:
            lines.append(_("Approval: {body}").format(body=approval.body))
        lines += (
            [_("Approval statement: {statement}").format(statement=approval.statement)] if approval.statement else []
        )
    else:
        message = _("Approval: none recorded for {standard} (extra.peerpath.provider.approvals in mkdocs.yml)")
        lines.append(message.format(standard=standard.id))
    return Section(_("Approval and audit packet"), lines)


def description(curriculum: Curriculum, lang: str = SOURCE_LANGUAGE) -> Section:
    """Course description and objectives, module by module."""
    _ = gettext(lang)
    section = Section(_("Course description and objectives"))
    for module in curriculum.modules:
        objectives = "; ".join(module.meta.objectives)
        line = _("{title}: {summary} Objectives: {objectives}")
        section.paragraphs.append(
            line.format(title=module.meta.title, summary=module.meta.summary, objectives=objectives)
        )
    return section


def agenda(curriculum: Curriculum, standard: Standard, lang: str = SOURCE_LANGUAGE) -> Section:
    """Every segment with its minutes, topic and the standard's domain; then the hours per domain."""
    _ = gettext(lang)
    domain_of = {t: d for d in standard.domains for t in d.topics}
    rows, totals = [], {d.id: 0 for d in standard.domains}
    not_contact, no_domain = _("break, not contact time"), _("no domain")
    for module in curriculum.modules:
        for n, seg in enumerate(module.meta.agenda, 1):
            domain = domain_of.get(seg.topic) if seg.is_contact else None
            if domain:
                totals[domain.id] += seg.minutes
            counted = domain.name if domain else (not_contact if not seg.is_contact else no_domain)
            kind = kind_name(seg.kind, lang)
            rows.append([f"{module.meta.id}#{n}", seg.title, kind, str(seg.minutes), seg.topic or "", counted])
    segments = Table(
        "agenda.csv",
        [_("Segment"), _("Title"), _("Kind"), _("Minutes"), _("Topic"), _("Domain")],
        rows,
        [2.6, 2.6, 1.4, 1.1, 2.4, 2.2],
        "LLLRLL",
    )
    not_public = _("not public")
    domains = Table(
        "domain-hours.csv",
        [_("Domain"), _("Minutes"), _("Hours"), _("Required hours")],
        [
            [
                d.name,
                str(totals[d.id]),
                hours_text(totals[d.id]).removesuffix(" h"),
                f"{d.required_hours:g}" if d.required_hours is not None else not_public,
            ]
            for d in standard.domains
        ],
        [4, 1.2, 1.2, 1.6],
        "LRRR",
    )
    note = _("Hours per domain are the sums of the contact segments whose topic the standard maps to the domain.")
    return Section(_("Agenda and hours per domain"), [note], [segments, domains])


def trainers(roster: Roster, cv_found: dict[str, bool], lang: str = SOURCE_LANGUAGE) -> Section:
    _ = gettext(lang)
    rows = []
    for t in roster.cohort.trainers:
        if not t.cv:
            cv = _("none given")
        else:
            cv = t.cv if cv_found.get(t.cv) else _("{file} (file not found)").format(file=t.cv)
        rows.append([t.name, t.credential or "", "; ".join(t.qualifications) or _("none recorded"), cv])
    header = [_("Trainer"), _("Credential"), _("Qualifications"), _("CV")]
    table = Table("trainers.csv", header, rows, [2, 1.5, 5, 2.5])
    note = _("Each CV found is copied beside this packet as cv--<file name>.")
    return Section(_("Trainers and qualifications"), [note], [table])
