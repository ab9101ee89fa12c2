"""Turn pydantic validation errors into located problems written in a trainer's words."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from peerpath.curriculum.yamlsource import YamlDoc
from peerpath.problems import Problem

M = TypeVar("M", bound=BaseModel)

# Tags pydantic puts into error locations for discriminated unions; they are not keys in the file.
UNION_TAGS = {"single", "multiple", "true-false", "ordering", "matching", "scenario", "reflection"}


def validate(doc: YamlDoc, model: type[M], context: dict[str, Any] | None = None) -> tuple[M | None, list[Problem]]:
    """Validate a parsed document against `model`; return the model or every problem found."""
    if doc.problems and doc.data is None:
        return None, list(doc.problems)
    if not isinstance(doc.data, dict):
        return None, [
            *doc.problems,
            Problem(doc.path, doc.first_line, "", "expected a mapping of keys to values"),
        ]
    try:
        return model.model_validate(doc.data, context=context), list(doc.problems)
    except ValidationError as error:
        problems = [_problem(doc, model, err) for err in error.errors(include_url=False)]
        return None, [*doc.problems, *problems]


def field_path(loc: tuple[Any, ...]) -> str:
    """('agenda', 2, 'minutes') -> 'agenda[2].minutes'."""
    text = ""
    for part in _file_loc(loc):
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _file_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    kept = []
    for i, part in enumerate(loc):
        if part in UNION_TAGS and i > 0 and isinstance(loc[i - 1], int):
            continue
        if isinstance(part, str) and part.startswith(("function-", "union[")):
            continue
        kept.append(part)
    return tuple(kept)


def _problem(doc: YamlDoc, model: type[BaseModel], err: dict[str, Any]) -> Problem:
    loc = _file_loc(tuple(err["loc"]))
    return Problem(doc.path, doc.line_of(loc), field_path(loc), _message(doc, model, err, loc))


def _message(doc: YamlDoc, model: type[BaseModel], err: dict[str, Any], loc: tuple[Any, ...]) -> str:
    kind = err["type"]
    given = err.get("input")
    if kind == "extra_forbidden":
        known = _sibling_keys(model, doc.data, loc[:-1])
        guess = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f" (did you mean '{guess[0]}'?)" if guess else f" (allowed: {', '.join(sorted(known))})"
        return f"unknown key{hint}"
    if kind == "missing":
        return "is required but missing"
    if kind == "string_type" and isinstance(given, (bool, int, float)):
        return _quote_hint(doc, loc, given)
    if kind == "union_tag_invalid":
        tags = err.get("ctx", {}).get("expected_tags", "")
        return f"unknown question type {err['ctx'].get('tag')!r}; expected one of {tags}"
    if kind in {"int_type", "int_parsing"}:
        return f"must be a whole number, got {given!r}"
    if kind == "greater_than":
        return f"must be greater than {err['ctx']['gt']}, got {given!r}"
    if kind in {"less_than_equal", "greater_than_equal"}:
        bound = err["ctx"].get("le", err["ctx"].get("ge"))
        bound = int(bound) if float(bound).is_integer() else bound
        return f"must be {'at most' if kind == 'less_than_equal' else 'at least'} {bound}, got {given!r}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return f"needs at least {err['ctx']['min_length']} item(s), got {err['ctx']['actual_length']}"
    if kind == "string_pattern_mismatch":
        return f"must be lowercase words joined by hyphens (like 'ethics-foundations'), got {given!r}"
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    return f"{err['msg'][0].lower()}{err['msg'][1:]}" + (f", got {given!r}" if _short(given) else "")


def _quote_hint(doc: YamlDoc, loc: tuple[Any, ...], given: Any) -> str:
    """YAML reads an unquoted Yes, No, On, Off or 1.0 as a boolean or a number, not as text."""
    written = getattr(doc, "written_as", lambda _: None)(loc) or str(given)
    kind = "true or false" if isinstance(given, bool) else "a number"
    return f'must be text, but YAML reads {written} as {kind}; put it in quotes: "{written}"'


def _short(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool)) and len(str(value)) <= 60


def _sibling_keys(model: type[BaseModel], data: Any, loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model that holds the unknown key, found by walking `loc` through the schema."""
    current: type[BaseModel] | None = model
    annotation: Any = None
    value = data
    for part in loc:
        if isinstance(part, str):
            field = current.model_fields.get(part) if current is not None else None
            if field is None:
                return []
            annotation = field.annotation
        value = value[part] if isinstance(value, (dict, list)) else None
        if isinstance(value, dict) and annotation is not None:
            current = _model_of(annotation, value)
    if current is None:
        return []
    return [f.alias or name for name, f in current.model_fields.items()]


def _model_of(annotation: Any, value: Any) -> Any:
    """The BaseModel class inside an annotation like list[Segment] or Question union."""
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    candidates = [_model_of(arg, value) for arg in get_args(annotation)]
    candidates = [c for c in candidates if c is not None]
    if len(candidates) > 1 and isinstance(value, dict):
        for cand in candidates:
            tag = cand.model_fields.get("type")
            if tag is not None and value.get("type") in get_args(tag.annotation):
                return cand
    return candidates[0] if candidates else None
