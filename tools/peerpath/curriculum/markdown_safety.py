"""Markdown that authors write (module readings, guides) may format text, never carry HTML or code.

The site builder passes raw HTML in Markdown straight to the page, and Python-Markdown keeps any link
address as written. So a reading is checked before anything is generated: no raw HTML tags, no
`javascript:`/`data:` links or images, no attribute lists that set event handlers or addresses.
Code (fenced blocks and `inline code`) is shown as text, so anything inside it is fine.
"""

from __future__ import annotations

import re

from peerpath.problems import Problem
from peerpath.text import unsafe_url

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_AUTOLINK = re.compile(r"<(?:https?://|ftp://|mailto:)[^<>\s]*>|<[\w.+-]+@[\w.-]+>", re.IGNORECASE)
_TAG = re.compile(r"<(/?[A-Za-z][\w:-]*|!--|!\[CDATA\[|\?)")
_INLINE_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")
_REFERENCE_TARGET = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_ATTRIBUTE_LIST = re.compile(r"\{:?[^{}\n]*\}")
_RISKY_ATTRIBUTE = re.compile(r"(?<![\w-])(on\w+|href|src|srcdoc|style|action|formaction|xlink:href)\s*=", re.I)


def markdown_problems(text: str, path: str, first_line: int, field: str = "") -> list[Problem]:
    """Every line of authored Markdown that would put HTML, a script or a data link in the page."""
    problems: list[Problem] = []
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=first_line):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        prose = _AUTOLINK.sub("", _CODE_SPAN.sub("", line))
        for message in _line_problems(prose):
            problems.append(Problem(path, number, field, message))
    return problems


def _line_problems(line: str) -> list[str]:
    found = []
    tag = _TAG.search(line)
    if tag:
        found.append(
            f"raw HTML ({tag.group(0)}…) is not allowed here: write it in Markdown, or put it in `backticks` "
            "to show it as text"
        )
    targets = _INLINE_TARGET.findall(line) + _REFERENCE_TARGET.findall(line)
    for url in targets:
        if unsafe_url(url):
            found.append(f"link to {url.split(':', 1)[0]}: is not allowed: links must point to a page or a web address")
    for attributes in _ATTRIBUTE_LIST.findall(line):
        risky = _RISKY_ATTRIBUTE.search(attributes)
        if risky:
            found.append(
                f"attribute '{risky.group(1)}' in {{…}} is not allowed: attribute lists may set only ids and classes"
            )
    return found
