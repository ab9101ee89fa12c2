"""What every export package says about its module: title, objectives, contact hours."""

from __future__ import annotations

from typing import Any

from peerpath.curriculum.hours import hours_text
from peerpath.curriculum.load import Module


def package_metadata(module: Module, minutes: int, schema: str, schema_version: str) -> dict[str, Any]:
    """Context for templates/package_metadata.xml.j2 (IMS LOM inside a manifest)."""
    hours, rest = divmod(minutes, 60)
    return {
        "meta": module.meta,
        "hours": hours_text(minutes),
        "duration": f"PT{hours}H{rest}M" if rest else f"PT{hours}H",
        "schema": schema,
        "schema_version": schema_version,
    }


def metadata_json(module: Module, minutes: int) -> dict[str, Any]:
    """The same facts as JSON, for platforms and people who do not read LOM."""
    return {
        "module": module.meta.id,
        "title": module.meta.title,
        "contact_minutes": minutes,
        "contact_hours": hours_text(minutes),
        "objectives": list(module.meta.objectives),
    }
