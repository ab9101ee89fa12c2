"""The board audit: curriculum hours against a credential standard, traced to agenda segments.

Pure functions. Minutes are summed first and compared exactly; hours are only rounded (to the
nearest quarter hour) when shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.hours import contact_minutes
from peerpath.curriculum.notes import strip_facilitator_notes
from peerpath.models.standard import Domain, Standard

READING_WORDS_PER_MINUTE = 200  # a typical adult reading study material; stated in every audit
READING_TOLERANCE = 2.0  # warn when reading time is off by more than this factor either way
ROUNDING = "Minutes are summed first; hours are minutes / 60, shown to the nearest 0.25 h."


@dataclass(frozen=True)
class Contribution:
    """One agenda segment's minutes counted toward a domain."""

    module: str
    module_title: str
    segment: str
    segment_number: int  # 1-based position in the module's agenda
    topic: str
    minutes: int
    topic_label: str = ""  # the topic as trainers and boards read it (curriculum/topics.yml)


@dataclass
class DomainResult:
    domain: Domain
    contributions: list[Contribution]

    @property
    def provided_minutes(self) -> int:
        return sum(c.minutes for c in self.contributions)

    @property
    def required_minutes(self) -> int | None:
        return None if self.domain.required_hours is None else round(self.domain.required_hours * 60)

    @property
    def meets(self) -> bool | None:
        """True or False when the requirement is known; None when it cannot be confirmed."""
        required = self.required_minutes
        return None if required is None else self.provided_minutes >= required

    @property
    def difference_minutes(self) -> int | None:
        """Surplus (positive) or shortfall (negative)."""
        required = self.required_minutes
        return None if required is None else self.provided_minutes - required


@dataclass
class Audit:
    standard: Standard
    domains: list[DomainResult]
    content_required: list[str]
    content_missing: list[str]
    competencies: dict[int, list[str]]
    warnings: list[str] = field(default_factory=list)
    curriculum_minutes: int = 0

    @property
    def provided_minutes(self) -> int:
        return sum(d.provided_minutes for d in self.domains)

    @property
    def required_minutes(self) -> int | None:
        total = self.standard.total_hours
        return None if total is None else round(total * 60)

    @property
    def total_meets(self) -> bool | None:
        required = self.required_minutes
        return None if required is None else self.provided_minutes >= required

    @property
    def meets(self) -> bool | None:
        """False if anything known falls short; None if all known parts are met but some cannot be confirmed."""
        verdicts = [d.meets for d in self.domains] + [self.total_meets, not self.content_missing]
        if False in verdicts:
            return False
        return None if None in verdicts else True


def audit(curriculum: Curriculum, standard: Standard, quiz_modules: set[str] | None = None) -> Audit:
    """Audit the curriculum against one standard."""
    domain_of = {topic: d.id for d in standard.domains for topic in d.topics}
    found: dict[str, list[Contribution]] = {d.id: [] for d in standard.domains}
    warnings: list[str] = []
    for module in curriculum.modules:
        for number, segment in enumerate(module.meta.agenda, 1):
            if not segment.is_contact or segment.topic is None:
                continue
            topic = curriculum.topics.get(segment.topic)
            contribution = Contribution(
                module.meta.id,
                module.meta.title,
                segment.title,
                number,
                segment.topic,
                segment.minutes,
                topic.label if topic else segment.topic,
            )
            if segment.topic in domain_of:
                found[domain_of[segment.topic]].append(contribution)
            else:
                warnings.append(
                    f"{module.meta.id}, segment {number} '{segment.title}': topic '{segment.topic}' "
                    f"counts toward no domain of {standard.id}, so its {segment.minutes} minutes are not counted"
                )
    domains = [DomainResult(d, found[d.id]) for d in standard.domains]
    for result in domains:
        if result.meets is None and result.domain.required_hours is None:
            warnings.append(
                f"domain '{result.domain.name}': the required hours are not known, so the audit cannot confirm it"
            )
    warnings += module_warnings(curriculum, quiz_modules if quiz_modules is not None else set(curriculum.quizzes))
    covered = {s.topic for m in curriculum.modules for s in m.meta.agenda if s.is_contact}
    missing = [c.description for c in standard.required_content if not covered & set(c.topics)]
    return Audit(
        standard=standard,
        domains=domains,
        content_required=[c.description for c in standard.required_content],
        content_missing=missing,
        competencies=competency_matrix(curriculum),
        warnings=warnings,
        curriculum_minutes=sum(contact_minutes(m.meta) for m in curriculum.modules),
    )


def module_warnings(curriculum: Curriculum, quiz_modules: set[str]) -> list[str]:
    """What a board would question in any module, whatever the standard."""
    warnings = []
    for module in curriculum.modules:
        meta = module.meta
        if not meta.objectives:
            warnings.append(f"{meta.id}: no objectives")
        if not meta.references:
            warnings.append(f"{meta.id}: no references")
        if meta.id not in quiz_modules:
            warnings.append(f"{meta.id}: no quiz")
        reading = sum(s.minutes for s in meta.agenda if s.kind == "reading")
        if reading:
            words = reading_words(module.body)
            expected = words / READING_WORDS_PER_MINUTE
            if reading > expected * READING_TOLERANCE or reading < expected / READING_TOLERANCE:
                warnings.append(
                    f"{meta.id}: reading segments take {reading} minutes, but the reading has {words} words, "
                    f"about {expected:.0f} minutes at {READING_WORDS_PER_MINUTE} words per minute"
                )
    return warnings


def reading_words(markdown: str) -> int:
    """Words a learner reads in a module body (facilitator notes and Markdown marks left out)."""
    text = strip_facilitator_notes(markdown)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’\-]*", text))


def competency_matrix(curriculum: Curriculum) -> dict[int, list[str]]:
    """SAMHSA competency category -> ids of the modules that address it (every category listed)."""
    matrix: dict[int, list[str]] = {c: [] for c in range(1, 13)}
    for module in curriculum.modules:
        for category in module.meta.competencies:
            matrix[category].append(module.meta.id)
    return matrix


def quarter_hours(minutes: int | None) -> float | None:
    """Minutes as hours rounded to the nearest 0.25."""
    return None if minutes is None else round(minutes / 15) / 4
