"""Authored text is text: how a field a trainer typed is made safe for each place it is shown.

Generated pages are Markdown that the site builder renders, with HTML fragments inside. A title or a
standard's name must show exactly as typed in all of them, never become a tag, a link or emphasis:
- `markdown_text` for text inside a generated page (Markdown or raw HTML: both show it the same);
- `html_text` for the builder's navigation and page titles, which themes print without escaping;
- `unsafe_url` for links an author may write where the schema allows Markdown.
"""

from __future__ import annotations

import html
import re

# Characters that start Markdown syntax (links, emphasis, code, tables, attribute lists, escapes).
# Written as numeric character references they read the same in HTML and in Markdown, but are inert.
# A character reference already in the text (`&amp;`, `&#x27;`) is kept whole.
_MARKDOWN_MARKS = re.compile(r"(&#?\w+;)|[\[\]*_`\\|{}#~^!]")
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
_CHARACTER_REFERENCE = re.compile(r"&(#\d+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:", "file:")


def _mark(match: re.Match[str]) -> str:
    return match.group(1) or f"&#{ord(match.group(0))};"


# One pass for `markdown_text`: HTML's five special characters and the Markdown marks above.
_TEXT_TABLE = {ord(c): f"&#{ord(c)};" for c in "[]*_`\\|{}#~^!"} | {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    ord('"'): "&quot;",
    ord("'"): "&#x27;",
}


def markdown_text(value: str) -> str:
    """Plain text that shows literally inside a generated Markdown page or an HTML fragment in it."""
    if "\n" in value or "\r" in value:
        value = _LINE_BREAKS.sub(" ", value)
    return value.translate(_TEXT_TABLE)


def markdown_safe_html(fragment: str) -> str:
    """An HTML fragment PeerPath made (tags its own, text escaped) that Markdown will not re-read."""
    parts = _TAG_OR_TEXT.split(_LINE_BREAKS.sub(" ", fragment))
    return "".join(part if part.startswith("<") else _MARKDOWN_MARKS.sub(_mark, part) for part in parts)


def html_text(value: str) -> str:
    """Text for a theme that prints it as HTML (navigation, page titles): no tag, no character reference.

    Only `<`, `>` and an `&` that would start a character reference are escaped, so an ordinary
    "IC&RC" also reads right where the theme escapes the title itself (e.g. in aria-label).
    """

    def amp(match: re.Match[str]) -> str:
        ref = match.group(0)
        return "&amp;" + ref[1:] if html.unescape(ref) != ref else ref

    text = _CHARACTER_REFERENCE.sub(amp, _LINE_BREAKS.sub(" ", value))
    return text.replace("<", "&lt;").replace(">", "&gt;")


def unsafe_url(url: str) -> bool:
    """True for a link that would run code or carry content instead of pointing somewhere.

    Browsers ignore whitespace and control characters inside a scheme and decode character
    references in attributes, so both are removed before the scheme is read.
    """
    plain = html.unescape(url)
    plain = "".join(ch for ch in plain if ch > " " and ch != "\x7f").lower()
    return plain.startswith(_UNSAFE_SCHEMES)
