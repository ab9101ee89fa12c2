"""Translation files: a Spanish (or other) file beside each English source, holding only its texts.

Everything a translation may not change (minutes, kinds, topics, ids, correct answers, pass marks,
orders, references) is taken from the English source and never retyped, so these models hold text
fields only. `source` records which version of the English the translation follows.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from peerpath.models.common import Slug, Strict, Text
from peerpath.models.module import Review

SourceHash = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{12}$"),
    Field(
        description=(
            "The English file this translation follows: the first 12 hex digits of the SHA-256 of its bytes "
            "(`peerpath translations` prints it)."
        )
    ),
]
# Keys a translator may find in the English file but may not set: said so, instead of "unknown key".
TAKEN_FROM_SOURCE = frozenset(
    {
        "id", "module", "pass_mark", "shuffle", "type", "correct", "answer", "scoring", "section", "minutes",
        "kind", "topic", "sections", "competencies", "references", "anonymous", "ignore_columns", "group",
        "version", "modules",
    }
)  # fmt: skip


class SegmentTranslation(Strict):
    """One agenda segment: its title only; minutes, kind, topic and sections come from the English."""

    title: Text


class ModuleTranslation(Strict):
    """The front matter of `curriculum/modules/<id>.es.md`."""

    source: SourceHash
    title: Text
    summary: Text
    objectives: list[Text] = Field(min_length=1, description="One per English objective, in the same order.")
    agenda: list[SegmentTranslation] = Field(
        min_length=1, description="One `{title}` per English segment, in the same order."
    )
    extra_references: list[Text] = Field(
        default_factory=list,
        description="Sources in the translation's language, added after the English references.",
    )
    reviewed: list[Review] = Field(
        default_factory=list, description="Reviews of this translation against the English and the glossary."
    )


class ChoiceTranslation(Strict):
    id: Slug = Field(description="The English choice's id (which one is correct comes from the English).")
    text: Text
    feedback: Text | None = None


class ItemTranslation(Strict):
    id: Slug
    text: Text


class PairTranslation(Strict):
    id: Slug = Field(description="The English pair's id: the matching itself comes from the English.")
    left: Text
    right: Text
    feedback: Text | None = None


class QuestionTranslation(Strict):
    """The texts of one question (or scenario). Which fields apply follows the English question's type."""

    id: Slug = Field(description="The English question's id, in the English order.")
    prompt: Text | None = None
    hint: Text | None = None
    rationale: Text | None = None
    choices: list[ChoiceTranslation] | None = None
    feedback_true: Text | None = None
    feedback_false: Text | None = None
    items: list[ItemTranslation] | None = None
    pairs: list[PairTranslation] | None = None
    distractors: list[Text] | None = None
    guidance: Text | None = None
    vignette: Text | None = None
    questions: list[QuestionTranslation] | None = Field(default=None, description="A scenario's sub-questions.")


class QuizTranslation(Strict):
    """`quizzes/<id>.es.yml`: the texts of a quiz, question by question."""

    source: SourceHash
    questions: list[QuestionTranslation] = Field(min_length=1)


class PageTranslation(Strict):
    """The front matter of an authored page's translation, `curriculum/<path>.es.md`."""

    source: SourceHash
    reviewed: list[Review] = Field(
        default_factory=list, description="Reviews of this translation against the English and the glossary."
    )


class PartTranslation(Strict):
    title: Text


class CourseTranslation(Strict):
    """`curriculum/course.es.yml`: the course title and the part titles, in the English order."""

    source: SourceHash
    title: Text
    parts: list[PartTranslation] = Field(min_length=1)


class TopicTranslation(Strict):
    label: Text
    description: Text


class TopicsTranslation(Strict):
    """`curriculum/topics.es.yml`: each topic id's label and description."""

    source: SourceHash
    topics: dict[Slug, TopicTranslation]


class EvaluationTranslation(Strict):
    """`curriculum/evaluation.es.yml`: the form's texts; question ids and kinds come from the English."""

    source: SourceHash
    title: Text
    intro: Text
    scale: list[Text] = Field(min_length=5, max_length=5, description="Labels of ratings 1 to 5, lowest first.")
    groups: dict[str, Text] = Field(default_factory=dict, description="Each English group heading -> its translation.")
    questions: dict[Slug, Text] = Field(description="Question id -> the question's text.")
