"""The course evaluation form: the questions a provider asks learners at the end of a training."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from peerpath.models.common import Slug, Strict, Text

DEFAULT_SCALE = ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree")


class EvaluationQuestion(Strict):
    """One question: a rating on the form's 1-5 scale, or free text."""

    id: Slug = Field(description="Stable id; a spreadsheet column may be named by it. Never change it once in use.")
    text: Text = Field(description="The question or statement as the learner reads it (plain text).")
    kind: Literal["rating", "text"] = Field(
        description="'rating': the learner picks 1-5 on the form's scale; 'text': the learner writes an answer."
    )
    group: Text | None = Field(default=None, description="Heading the question is shown under, e.g. 'The trainer'.")


class EvaluationForm(Strict):
    """curriculum/evaluation.yml: the standard course evaluation, editable by the provider."""

    title: Text = Field(description="Heading of the form, e.g. 'Course evaluation'.")
    intro: Text = Field(description="A sentence or two telling learners what the form is for (plain text).")
    anonymous: bool = Field(
        default=True,
        description="The form asks no name. Set false only if you add a question that asks for one.",
    )
    scale: list[Text] = Field(
        default=list(DEFAULT_SCALE),
        min_length=5,
        max_length=5,
        description="Labels of ratings 1 to 5, lowest first.",
    )
    ignore_columns: list[Text] = Field(
        default_factory=list,
        description="CSV columns a form tool adds that are not answers (e.g. Google Forms' 'Timestamp').",
    )
    questions: list[EvaluationQuestion] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_unique(self) -> EvaluationForm:
        seen: set[str] = set()
        for question in self.questions:
            if question.id in seen:
                raise ValueError(f"two questions have the id '{question.id}'; each needs its own")
            seen.add(question.id)
        texts = [q.text.casefold() for q in self.questions]
        twice = next((q.text for q in self.questions if texts.count(q.text.casefold()) > 1), None)
        if twice:
            raise ValueError(f"two questions have the text {twice!r}; a CSV column could not tell them apart")
        return self

    def question(self, question_id: str) -> EvaluationQuestion:
        return next(q for q in self.questions if q.id == question_id)
