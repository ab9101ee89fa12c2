"""Quiz files (quizzes/<module-id>.yml): a module's knowledge check."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, field_validator, model_validator

from peerpath.models.common import Slug, Strict, Text

Scoring = Literal["all-or-nothing", "partial"]


class Choice(Strict):
    """One answer option of a single or multiple choice question."""

    id: Slug
    text: Text = Field(description="Inline Markdown: **bold**, *italic*, `code`, [link](#anchor).")
    correct: bool = False
    feedback: Text | None = Field(default=None, description="Shown after submission when this choice was picked.")


class _Question(Strict):
    id: Slug = Field(description="Stable id, unique within the quiz.")
    prompt: Text = Field(description="The question. Inline Markdown allowed.")
    hint: Text | None = None
    section: str | None = Field(
        default=None, description="Heading anchor in the module that teaches this, e.g. 'gifts'."
    )


class _Graded(_Question):
    rationale: Text = Field(description="Shown after submission: why the answer is right.")


def _unique_ids(items: list, what: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ValueError(f"{what} id '{item.id}' is used twice")
        seen.add(item.id)


def _same_text(items: list, what: str) -> list:
    """Two options a learner cannot tell apart make the question unfair, whichever is the key."""
    seen: dict[str, str] = {}
    for item in items:
        key = " ".join(item.text.split()).casefold()
        if key in seen:
            raise ValueError(
                f"{what} '{seen[key]}' and '{item.id}' have the same text, so a learner cannot tell them apart"
            )
        seen[key] = item.id
    return items


class SingleChoice(_Graded):
    """Exactly one correct choice."""

    type: Literal["single"]
    choices: list[Choice] = Field(min_length=2)

    @field_validator("choices")
    @classmethod
    def _distinct(cls, choices: list[Choice]) -> list[Choice]:
        return _same_text(choices, "choices")

    @model_validator(mode="after")
    def _one_correct(self) -> SingleChoice:
        _unique_ids(self.choices, "choice")
        correct = sum(c.correct for c in self.choices)
        if correct == 0:
            raise ValueError("no choice is marked correct: true")
        if correct > 1:
            raise ValueError(
                f"a single-choice question has exactly one correct choice, found {correct}; use type: multiple"
            )
        return self


class MultipleSelect(_Graded):
    """One or more correct choices; all-or-nothing unless scoring is partial."""

    type: Literal["multiple"]
    choices: list[Choice] = Field(min_length=2)

    @field_validator("choices")
    @classmethod
    def _distinct(cls, choices: list[Choice]) -> list[Choice]:
        return _same_text(choices, "choices")

    scoring: Scoring = "all-or-nothing"

    @model_validator(mode="after")
    def _some_correct(self) -> MultipleSelect:
        _unique_ids(self.choices, "choice")
        if not any(c.correct for c in self.choices):
            raise ValueError("no choice is marked correct: true")
        return self


class TrueFalse(_Graded):
    """A statement the learner marks true or false."""

    type: Literal["true-false"]
    answer: bool
    feedback_true: Text | None = Field(default=None, description="Shown when the learner answered True.")
    feedback_false: Text | None = Field(default=None, description="Shown when the learner answered False.")


class OrderItem(Strict):
    id: Slug
    text: Text


class Ordering(_Graded):
    """Items listed in the correct order; learners see them shuffled and put them in order."""

    type: Literal["ordering"]
    items: list[OrderItem] = Field(min_length=2)

    @field_validator("items")
    @classmethod
    def _distinct(cls, items: list[OrderItem]) -> list[OrderItem]:
        return _same_text(items, "items")

    scoring: Scoring = "all-or-nothing"

    @model_validator(mode="after")
    def _unique(self) -> Ordering:
        _unique_ids(self.items, "item")
        return self


class Pair(Strict):
    id: Slug
    left: Text = Field(description="The statement or term to match.")
    right: Text = Field(description="Its correct match.")
    feedback: Text | None = None


def _one_answer_per_left(pairs: list[Pair]) -> list[Pair]:
    """Each left side has one right answer; a repeated left either repeats a pair or contradicts it."""
    first: dict[str, Pair] = {}
    for pair in pairs:
        key = " ".join(pair.left.split()).casefold()
        earlier = first.setdefault(key, pair)
        if earlier is pair:
            continue
        if " ".join(earlier.right.split()).casefold() == " ".join(pair.right.split()).casefold():
            raise ValueError(f"pairs '{earlier.id}' and '{pair.id}' are the same pair; keep one")
        raise ValueError(
            f"'{pair.left}' is matched to two answers ({earlier.right!r} in '{earlier.id}', {pair.right!r} in "
            f"'{pair.id}'); a learner can choose only one, so one of the keys would mark a right answer wrong"
        )
    return pairs


class Matching(_Graded):
    """Each left item is matched to one right-hand option."""

    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=2)

    @field_validator("pairs")
    @classmethod
    def _consistent(cls, pairs: list[Pair]) -> list[Pair]:
        return _one_answer_per_left(pairs)

    distractors: list[Text] = Field(default_factory=list, description="Extra right-hand options that match nothing.")
    scoring: Scoring = "all-or-nothing"

    @model_validator(mode="after")
    def _unique(self) -> Matching:
        _unique_ids(self.pairs, "pair")
        clash = set(self.distractors) & {p.right for p in self.pairs}
        if clash:
            raise ValueError(f"distractor {sorted(clash)[0]!r} is also a correct match")
        return self

    @property
    def options(self) -> list[str]:
        """Right-hand options, each once, in a stable order."""
        return list(dict.fromkeys([p.right for p in self.pairs] + list(self.distractors)))


class Reflection(_Question):
    """A free-text prompt, never graded; the answer stays in the learner's browser."""

    type: Literal["reflection"]
    guidance: Text | None = Field(
        default=None, description="Shown after submission: what a thoughtful answer considers."
    )


SubQuestion = Annotated[
    Union[SingleChoice, MultipleSelect, TrueFalse, Ordering, Matching, Reflection],  # noqa: UP007
    Field(discriminator="type"),
]


class Scenario(Strict):
    """A short case followed by several sub-questions."""

    type: Literal["scenario"]
    id: Slug
    vignette: Text = Field(description="The case. Blank lines separate paragraphs; inline Markdown allowed.")
    questions: list[SubQuestion] = Field(min_length=1)
    section: str | None = None

    @model_validator(mode="after")
    def _unique(self) -> Scenario:
        _unique_ids(self.questions, "question")
        return self


Question = Annotated[
    Union[SingleChoice, MultipleSelect, TrueFalse, Ordering, Matching, Scenario, Reflection],  # noqa: UP007
    Field(discriminator="type"),
]


class Shuffle(Strict):
    choices: bool = Field(default=True, description="Shuffle choices, items and options on every attempt.")
    questions: bool = Field(default=False, description="Also shuffle the order of questions.")


class Quiz(Strict):
    """A module's knowledge check."""

    id: Slug
    module: Slug = Field(description="Id of the module this quiz belongs to.")
    pass_mark: float = Field(ge=0, le=100, description="Percent needed to pass.")
    shuffle: Shuffle = Field(default_factory=Shuffle)
    questions: list[Question] = Field(min_length=1)

    def graded(self) -> list:
        """Every graded question, scenario sub-questions included, in order."""
        found = []
        for q in self.questions:
            inner = q.questions if isinstance(q, Scenario) else [q]
            found.extend(x for x in inner if not isinstance(x, Reflection))
        return found
