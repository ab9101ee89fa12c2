"""Pieces shared by every input model."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"),
    Field(description="Lowercase words joined by hyphens, e.g. 'ethics-foundations'. Never change it once published."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Base for every input model: unknown keys are errors, so a typo is never silently ignored."""

    # defer_build: a model's validator is built when it first validates, not when peerpath starts, so a
    # run that reuses the last good output (nothing changed) or never reads rosters does not pay for it.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)
