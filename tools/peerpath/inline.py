"""A small, safe subset of inline Markdown for quiz text: escape everything, then allow a few marks."""

from __future__ import annotations

import html
import re

from peerpath.text import markdown_safe_html, unsafe_url

_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_AUTOLINK = re.compile(r"&lt;((?:https?://|mailto:)[^\s]+?)&gt;", re.IGNORECASE)
_SAFE_URL = re.compile(r"^(https?://|mailto:|#|\.{0,2}/|[\w\-./]+(#[\w\-]*)?$)", re.IGNORECASE)


def render_inline(text: str) -> str:
    """Inline Markdown (**bold**, *italic*, `code`, [link](url)) to HTML; any raw HTML is escaped."""
    codes: list[str] = []

    def keep_code(match: re.Match[str]) -> str:
        codes.append(f"<code>{match.group(1)}</code>")
        return f"\x00{len(codes) - 1}\x00"

    out = html.escape(text.strip(), quote=True)
    out = _CODE.sub(keep_code, out)
    out = _AUTOLINK.sub(_autolink, out)
    out = _LINK.sub(_link, out)
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    out = _ITALIC.sub(lambda m: f"<em>{m.group(1) or m.group(2)}</em>", out)
    out = re.sub(r"\x00(\d+)\x00", lambda m: codes[int(m.group(1))], out)
    return markdown_safe_html(out)  # the same HTML, inert if a Markdown page holds it


def render_paragraphs(text: str) -> str:
    """Blank-line separated paragraphs of inline Markdown to <p> elements."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(f"<p>{render_inline(' '.join(p.split()))}</p>" for p in paragraphs)


def _link(match: re.Match[str]) -> str:
    label, url = match.group(1), html.unescape(match.group(2))
    if not _SAFE_URL.match(url) or unsafe_url(url):
        return label
    return f'<a href="{html.escape(url, quote=True)}">{label}</a>'


def _autolink(match: re.Match[str]) -> str:
    """`<https://…>`, as in a reference list: the address is the link text."""
    url = html.unescape(match.group(1))
    return match.group(0) if unsafe_url(url) else f'<a href="{html.escape(url, quote=True)}">{match.group(1)}</a>'
