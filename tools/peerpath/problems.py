"""The one type every loader and checker returns for bad input, and how it prints."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong in a file a trainer wrote, located so they can go straight to it."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.path}:{self.line}:{field} {self.message}"


class ProblemsFound(Exception):
    """Raised at a boundary (CLI, hooks) when input is invalid; carries every problem."""

    def __init__(self, problems: list[Problem], outcome: str = "nothing was generated"):
        self.problems = sorted(problems)
        self.outcome = outcome  # what the user is told happened, after the list
        super().__init__("\n".join(str(p) for p in self.problems))
