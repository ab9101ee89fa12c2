"""Small rewrites of authored Markdown when it is placed somewhere other than where it was written."""

from __future__ import annotations

import posixpath
import re

_LINK_TARGET = re.compile(r"(\]\()([^)\s#]+\.md)(#[^)\s]*)?(\))")
_HEADING = re.compile(r"^(#{1,5})(\s)", re.M)


def rebase_links(markdown: str, from_folder: str) -> str:
    """Make relative `.md` links written in `from_folder` work from the docs root."""

    def fix(match: re.Match[str]) -> str:
        target = match.group(2)
        if "://" in target or target.startswith("/"):
            return match.group(0)
        moved = posixpath.normpath(posixpath.join(from_folder, target))
        return f"{match.group(1)}{moved}{match.group(3) or ''}{match.group(4)}"

    return _LINK_TARGET.sub(fix, markdown)


def demote_headings(markdown: str) -> str:
    """Push every heading one level down (## -> ###), for pages that nest a module under a heading."""
    return _HEADING.sub(lambda m: f"#{m.group(1)}{m.group(2)}", markdown)
