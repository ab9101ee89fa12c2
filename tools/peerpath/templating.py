"""The Jinja2 environment every generated page is rendered with."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, pass_context
from jinja2.filters import do_join
from jinja2.runtime import Context
from markupsafe import Markup

from peerpath.curriculum.hours import hours_text
from peerpath.i18n import SOURCE_LANGUAGE, translations
from peerpath.inline import render_inline
from peerpath.text import html_text, markdown_text

_RULES_VERSION = hashlib.sha256(
    b"".join(p.read_bytes() for p in (Path(__file__), Path(__file__).with_name("text.py")))
).hexdigest()[:16]
# Pages the site builder reads as Markdown, and the HTML/SVG fragments placed inside them: authored text
# in them must not become Markdown syntax either (a link, emphasis, a table cell, an attribute list).
_MARKDOWN_CONTEXTS = (".md.j2", ".html.j2", ".svg.j2")


def _in_markdown(context: Context) -> bool:
    return (context.name or "").endswith(_MARKDOWN_CONTEXTS)


@pass_context
def _finalize(context: Context, value):
    """Every `{{ value }}`: plain text is shown as text; only Markup (a filter's own HTML) passes."""
    if isinstance(value, str) and not isinstance(value, Markup) and _in_markdown(context):
        return Markup(markdown_text(value))
    return value


@pass_context
def _join(context: Context, items, separator: str = "") -> str:
    """Jinja's join, escaping each item as `{{ }}` would in this template."""
    if not _in_markdown(context):
        return do_join(context.eval_ctx, items, separator)
    return Markup(markdown_text(separator)).join(i if isinstance(i, Markup) else markdown_text(str(i)) for i in items)


@cache
def environment() -> Environment:
    """Templates live in peerpath/templates; everything is escaped unless marked safe."""
    env = Environment(
        loader=PackageLoader("peerpath", "templates"),
        autoescape=lambda name: not (name or "").endswith(".txt.j2"),  # plain text is never HTML
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        # Compiled templates are kept in the user's temporary folder and reused while the template is
        # unchanged: compiling them was a fifth of every `peerpath generate`.
        # The key includes this file and text.py: code compiled with another escaping rule is never reused.
        bytecode_cache=FileSystemBytecodeCache(pattern=f"__peerpath_{_RULES_VERSION}_%s.cache"),
        finalize=_finalize,
        extensions=["jinja2.ext.i18n"],
    )
    env.filters["inline"] = lambda text: Markup(render_inline(text)) if text else ""
    env.filters["hours"] = hours_text
    env.filters["join"] = _join
    # For front matter `title:`: themes print it unescaped in <title> and the header.
    env.filters["html_text"] = html_text
    return env


def render(template: str, lang: str = SOURCE_LANGUAGE, **context) -> str:
    """Render a template in `lang`: its `_("...")` and `{% trans %}` strings come from that language's catalog."""
    env = environment()
    env.install_gettext_translations(translations(lang), newstyle=True)
    return env.get_template(template).render(lang=lang, **context)
