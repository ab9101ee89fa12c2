"""The Jinja2 environment every generated page is rendered with."""

from __future__ import annotations

import hashlib
from datetime import date
from functools import cache
from pathlib import Path

from babel.dates import format_date
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


def _fill(context: Context, text: str, variables: dict) -> str:
    """A catalog's sentence is ours (trusted); the values put into it are escaped as `{{ value }}` would be."""
    if not context.eval_ctx.autoescape:
        return text % variables
    if _in_markdown(context):
        variables = {k: _markdown_value(v) for k, v in variables.items()}
    return Markup(text) % variables


def _markdown_value(value):
    return Markup(markdown_text(value)) if isinstance(value, str) and not isinstance(value, Markup) else value


@cache
def _gettext_callables(lang: str) -> dict:
    """`_`, `gettext`, `ngettext`, `pgettext` for templates (jinja2.ext.i18n newstyle: `%(name)s` values)."""
    catalog = translations(lang)

    @pass_context
    def gettext(__context: Context, __string: str, **variables) -> str:
        return _fill(__context, catalog.gettext(__string), variables)

    @pass_context
    def ngettext(__context: Context, __singular: str, __plural: str, __num: int, **variables) -> str:
        variables.setdefault("num", __num)
        return _fill(__context, catalog.ngettext(__singular, __plural, __num), variables)

    @pass_context
    def pgettext(__context: Context, __ctx: str, __string: str, **variables) -> str:
        return _fill(__context, catalog.pgettext(__ctx, __string), variables)

    return {"_": gettext, "gettext": gettext, "ngettext": ngettext, "pgettext": pgettext}


@pass_context
def _hours(context: Context, minutes: int) -> str:
    return hours_text(minutes, context.get("lang", SOURCE_LANGUAGE))


@pass_context
def _date(context: Context, value: date) -> str:
    """A date as the reader's language writes it: 2026-12-02 in English, 2 de diciembre de 2026 in Spanish."""
    lang = context.get("lang", SOURCE_LANGUAGE)
    return value.isoformat() if lang == SOURCE_LANGUAGE else format_date(value, format="long", locale=lang)


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
    env.filters["hours"] = _hours
    env.filters["date"] = _date
    env.newstyle_gettext = True  # type: ignore[attr-defined]  # `_("%(n)s h", n=...)`, as {% trans %} compiles
    env.filters["join"] = _join
    # For front matter `title:`: themes print it unescaped in <title> and the header.
    env.filters["html_text"] = lambda value: Markup(html_text(value))  # ours to print as it is
    return env


def render(template: str, lang: str = SOURCE_LANGUAGE, **context) -> str:
    """Render a template in `lang`: its `_("...")` and `{% trans %}` strings come from that language's catalog."""
    env = environment()
    env.globals.update(_gettext_callables(lang))
    return env.get_template(template).render(lang=lang, **context)
