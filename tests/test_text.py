"""Authored text shows as typed and never turns into markup: the escaping rules, without a site."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from peerpath.inline import render_inline
from peerpath.text import html_text, markdown_text, unsafe_url

TYPED = [
    "Boundaries & dual relationships",
    "<img src=x onerror=alert(2)>",
    "[x](javascript:alert(4))",
    "{{ 7*7 }} {% raw %} { onclick=alert(6) }",
    "| a | b | *em* _em_ `code` \\* # heading",
    'it\'s "quoted" &lt;b&gt; &copy;',
]


@pytest.mark.parametrize("typed", TYPED)
def test_markdown_renders_the_text_exactly_as_typed(typed: str):
    rendered = markdown.markdown(
        f"# {markdown_text(typed)}\n\n| h |\n|---|\n| {markdown_text(typed)} |\n", extensions=["tables", "attr_list"]
    )
    assert not re.search(r"<(a|img|em|code|script)\b|<[^>]*\bon\w+=", rendered), rendered
    heading = rendered.split("<h1>")[1].split("</h1>")[0]
    assert html.unescape(heading) == typed
    cell = rendered.split("<td>")[1].split("</td>")[0]
    assert html.unescape(cell) == typed


def test_navigation_titles_lose_only_what_a_theme_would_read_as_html():
    assert html_text("IC&RC Peer Recovery") == "IC&RC Peer Recovery"  # reads right even where a theme escapes it
    assert html_text("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"
    assert html_text("&lt;b&gt; &copy; &#60;") == "&amp;lt;b&amp;gt; &amp;copy; &amp;#60;"
    assert html_text("two\nlines") == "two lines"


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", " JavaScript:x", "java\tscript:x", "&#106;avascript:x", "data:text/html,x", "vbscript:x"],
)
def test_links_that_run_code_are_recognised_however_they_are_disguised(url: str):
    assert unsafe_url(url)


@pytest.mark.parametrize("url", ["https://www.samhsa.gov", "../modules/x.md#part", "#section", "mailto:a@b.org"])
def test_ordinary_links_are_fine(url: str):
    assert not unsafe_url(url)


def test_a_reference_keeps_its_emphasis_and_address_but_no_html():
    out = render_inline("Kelly (2017). *Drug & Alcohol Dependence*. <https://doi.org/10.1016/a_b> <b>x</b>")
    assert "<em>Drug &amp; Alcohol Dependence</em>" in out
    assert '<a href="https://doi.org/10.1016/a_b">' in out
    assert "&lt;b&gt;x&lt;/b&gt;" in out
