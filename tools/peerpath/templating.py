"""The Jinja2 environment every generated page is rendered with."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from markupsafe import Markup

from peerpath.hours import hours_text
from peerpath.inline import render_inline


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
        bytecode_cache=FileSystemBytecodeCache(),
    )
    env.filters["inline"] = lambda text: Markup(render_inline(text)) if text else ""
    env.filters["hours"] = hours_text
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
