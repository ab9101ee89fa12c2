"""The course manifest (curriculum/course.yml) and the topic vocabulary (curriculum/topics.yml)."""

from __future__ import annotations

from pydantic import Field, RootModel

from peerpath.models.common import Slug, Strict, Text


class Part(Strict):
    """A group of modules shown together in the navigation."""

    title: Text
    modules: list[Slug] = Field(min_length=1, description="Module ids in teaching order.")


class Course(Strict):
    """What the curriculum is called, its version, and the order of its modules."""

    title: Text
    version: Text = Field(description="Printed on certificates and exports; change it when content changes.")
    parts: list[Part] = Field(min_length=1)


class Topic(Strict):
    """One entry of the controlled vocabulary of agenda topics."""

    label: Text
    description: Text


class Topics(RootModel[dict[Slug, Topic]]):
    """topics.yml: topic id -> label and description."""
