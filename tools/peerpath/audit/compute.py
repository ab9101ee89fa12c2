"""The board audit: curriculum hours against a credential standard, traced to agenda segments.

Pure functions. Minutes are summed first and compared exactly; hours are only rounded (to the
nearest quarter hour) when shown. Each domain is counted three ways: every contact segment, the
segments the board credits (some boards do not say whether welcomes, closings and knowledge checks
count), and instruction only. The margin is instruction-only minutes over the requirement.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peerpath.audit.conditions import Condition, conditions
from peerpath.audit.verdicts import AS_BOOL, CANNOT_COUNT, combine, minutes_result
from peerpath.audit.warnings import READING_WORDS_PER_MINUTE, module_warnings
from peerpath.curriculum.crosscheck import Curriculum
from peerpath.curriculum.hours import contact_minutes
from peerpath.i18n.records import N_
from peerpath.models.counting import Floor
from peerpath.models.standard import Domain, Standard

__all__ = ["READING_WORDS_PER_MINUTE", "ROUNDING", "Audit", "audit", "quarter_hours"]
ROUNDING = N_("Minutes are summed first; hours are minutes / 60, shown to the nearest 0.25 h.")


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
    kind: str = "presentation"
    credit: str = "credited"  # whether this board credits the segment's kind: credited, not-credited, unknown


@dataclass
class Counted:
    """Minutes toward one requirement, counted the three ways."""

    contributions: list[Contribution]
    required_minutes: int | None

    @property
    def provided_minutes(self) -> int:
        """Every contact segment (all agenda time except breaks)."""
        return sum(c.minutes for c in self.contributions)

    @property
    def credited_minutes(self) -> int:
        """Segments whose kind the board is known to credit."""
        return sum(c.minutes for c in self.contributions if c.credit == "credited")

    @property
    def possible_minutes(self) -> int:
        return sum(c.minutes for c in self.contributions if c.credit != "not-credited")

    @property
    def instruction_minutes(self) -> int:
        return sum(c.minutes for c in self.contributions if c.kind not in ("opening", "closing", "quiz"))

    @property
    def margin_minutes(self) -> int | None:
        """Instruction-only minutes over (positive) or under (negative) the requirement."""
        return None if self.required_minutes is None else self.instruction_minutes - self.required_minutes

    @property
    def difference_minutes(self) -> int | None:
        """Credited minutes over or under the requirement."""
        return None if self.required_minutes is None else self.credited_minutes - self.required_minutes

    @property
    def result(self) -> str:
        return minutes_result(self.required_minutes, self.credited_minutes, self.possible_minutes)

    @property
    def meets(self) -> bool | None:
        return AS_BOOL[self.result]


@dataclass
class DomainResult(Counted):
    domain: Domain | None = None


@dataclass
class FloorResult(Counted):
    floor: Floor | None = None


def _minutes(hours: float | None) -> int | None:
    return None if hours is None else round(hours * 60)


@dataclass
class Audit:
    standard: Standard
    domains: list[DomainResult]
    content_required: list[str]
    content_missing: list[str]
    competencies: dict[int, list[str]]
    warnings: list[str] = field(default_factory=list)
    curriculum_minutes: int = 0
    floors: list[FloorResult] = field(default_factory=list)
    conditions: list[Condition] = field(default_factory=list)

    @property
    def total(self) -> Counted:
        return Counted([c for d in self.domains for c in d.contributions], _minutes(self.standard.total_hours))

    @property
    def provided_minutes(self) -> int:
        return self.total.provided_minutes

    @property
    def required_minutes(self) -> int | None:
        return self.total.required_minutes

    @property
    def total_meets(self) -> bool | None:
        return self.total.meets

    @property
    def hours_result(self) -> str:
        """What the hours and content say, before the question of who may deliver the training."""
        parts = [d.result for d in self.domains] + [f.result for f in self.floors] + [self.total.result]
        return combine(parts + (["falls-short"] if self.content_missing else []))

    @property
    def result(self) -> str:
        """meets, falls-short, cannot-confirm, or cannot-count-here (only the board's own curriculum counts)."""
        return CANNOT_COUNT if self.standard.counting.who_may_deliver == "board-curriculum-only" else self.hours_result

    @property
    def meets(self) -> bool | None:
        return AS_BOOL[self.result]


def audit(
    curriculum: Curriculum,
    standard: Standard,
    quiz_modules: set[str] | None = None,
    approval: str | None = None,
    lang: str = "en",
) -> Audit:
    """Audit the curriculum against one standard. `approval`: the provider's approval for it, in words.

    `lang`: the language the counting conditions are worded in (the figures are the same in every language)."""
    contributions = _contributions(curriculum, standard)
    domain_of = {topic: d.id for d in standard.domains for topic in d.topics}
    warnings = [
        f"{c.module}, segment {c.segment_number} '{c.segment}': topic '{c.topic}' counts toward no domain of "
        f"{standard.id}, so its {c.minutes} minutes are not counted"
        for c in contributions
        if c.topic not in domain_of
    ]
    domains = [
        DomainResult([c for c in contributions if domain_of.get(c.topic) == d.id], _minutes(d.required_hours), d)
        for d in standard.domains
    ]
    floors = [
        FloorResult([c for c in contributions if c.topic in f.topics], _minutes(f.required_hours), f)
        for f in standard.floors
    ]
    warnings += [
        f"domain '{d.domain.name}': the required hours are not known, so the audit cannot confirm it"
        for d in domains
        if d.required_minutes is None
    ]
    warnings += module_warnings(curriculum, quiz_modules if quiz_modules is not None else set(curriculum.quizzes))
    covered = {s.topic for m in curriculum.modules for s in m.meta.agenda if s.is_contact}
    return Audit(
        standard=standard,
        domains=domains,
        content_required=[c.description for c in standard.required_content],
        content_missing=[c.description for c in standard.required_content if not covered & set(c.topics)],
        competencies=competency_matrix(curriculum),
        warnings=warnings,
        curriculum_minutes=sum(contact_minutes(m.meta) for m in curriculum.modules),
        floors=floors,
        conditions=conditions(standard.counting, approval, lang),
    )


def _contributions(curriculum: Curriculum, standard: Standard) -> list[Contribution]:
    found = []
    for module in curriculum.modules:
        for number, segment in enumerate(module.meta.agenda, 1):
            if not segment.is_contact or segment.topic is None:
                continue
            topic = curriculum.topics.get(segment.topic)
            found.append(
                Contribution(
                    module.meta.id,
                    module.meta.title,
                    segment.title,
                    number,
                    segment.topic,
                    segment.minutes,
                    topic.label if topic else segment.topic,
                    segment.kind,
                    standard.counting.segments.of(segment.kind),
                )
            )
    return found


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
