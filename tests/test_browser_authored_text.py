"""Authored text is text: a curriculum whose every field is hostile builds, and no page runs or links to code.

The checklist a security reviewer follows: paste a script, an event handler, a `</title>` break-out, a
Markdown link to `javascript:`, template syntax and an attribute list into every title, name, label,
objective, segment, reference, source, prompt and choice; build with both builders; open every page;
nothing runs, no such link exists, and the text reads exactly as typed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_fixture, run_cli, serve_folder
from hostile import poison
from peerpath.pipeline import build
from peerpath.project import Project

pytestmark = pytest.mark.browser
ENGINES = ("mkdocs", "zensical")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = copy_fixture(tmp_path_factory.mktemp("hostile") / "project")
    poison(project)
    for engine in ENGINES:
        assert build(project, engine) == 0, f"{engine} build of the hostile curriculum failed"
    return project


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "assets" not in p.parts)


# Anything on the page that could run the payload, or a link that would.
_DANGER = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      const value = el.getAttribute(attr) || '';
      if (/^on/i.test(attr) && /alert/.test(value)) found.push(`${el.tagName} ${attr}`);
      const link = /href|src|action/i.test(attr) && /^\\s*(javascript|data|vbscript):/i.test(value);
      if (link) found.push(`${el.tagName} ${attr}=${value}`);
    }
    const code = !el.type || /javascript|module/i.test(el.type);  // JSON data blocks never run
    if (el.tagName === 'SCRIPT' && code && /alert\\(/.test(el.textContent)) found.push('script with alert');
  }
  return found;
}"""


@pytest.mark.parametrize("engine", ENGINES)
def test_no_hostile_text_runs_or_links_to_code_on_any_page(hostile_site: Project, browser, engine: str):
    site = hostile_site.site(engine)
    url, server = serve_folder(site)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    dialogs: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    try:
        pages = _pages(site)
        assert len(pages) > 15
        for rel in pages:
            page.goto(f"{url}/{rel}")
            page.wait_for_load_state("load")
            danger = page.evaluate(_DANGER)
            assert danger == [], f"{engine} {rel}: {danger}"
            # Clicking what looks like the payload's link does nothing either.
            for link in page.get_by_role("link", name="x", exact=True).all()[:3]:
                link.click(no_wait_after=True)
        assert dialogs == []
    finally:
        context.close()
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("engine", ENGINES)
def test_hostile_titles_read_exactly_as_typed(hostile_site: Project, browser, engine: str):
    url, server = serve_folder(hostile_site.site(engine))
    page = browser.new_page()
    try:
        page.goto(f"{url}/modules/listening-skills.html")
        heading = page.locator("article h1").first.inner_text()
        assert "<img src=x onerror=alert(2)>" in heading
        assert "[x](javascript:alert(4))" in heading and "{{ 7*7 }}" in heading and "IC&RC" in heading
        assert "<script>alert(1)</script>" in page.title()
        nav = page.locator(".md-nav--primary").first.inner_text()
        assert "<svg onload=alert(3)>" in nav and "TITLE" in nav
        assert "{ onclick=alert(6) } | cell | *em* &lt;b&gt;" in page.locator("article").inner_text()
        references = page.locator("article li", has_text="Ref").first
        assert "<img src=x onerror=alert(7)>" in references.inner_text()
        assert references.locator("a").get_attribute("href") == "https://example.org/a_b"
        page.goto(f"{url}/boards/fixture-board.html")
        assert "</title><img src=y onerror=alert(5)>" in page.locator("article h1").first.inner_text()
        assert "DOMAIN" in page.locator("article table").nth(1).inner_text()
    finally:
        page.close()
        server.shutdown()
        server.server_close()


def test_markdown_with_html_or_script_links_is_refused_with_its_line(tmp_path: Path):
    project = copy_fixture(tmp_path / "project")
    module = project.modules / "listening-skills.md"
    lines = module.read_text(encoding="utf-8").splitlines()
    lines += ["", "Call <b onclick=alert(1)>now</b>.", "[Open](javascript:alert(1))", "![x](data:image/svg+xml,<svg>)"]
    lines += ["Fine: `<b>` in code, <https://example.org>.", "[Tip]{: onmouseover=alert(1) }", "[r]: JaVa&#09;script:x"]
    module.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first = len(lines) - 5
    result = run_cli("check", cwd=project.root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    out = result.stdout + result.stderr
    assert f"curriculum/modules/listening-skills.md:{first}: raw HTML (<b…) is not allowed" in out
    assert f"listening-skills.md:{first + 1}: link to javascript: is not allowed" in out
    assert f"listening-skills.md:{first + 2}: link to data: is not allowed" in out
    assert f"listening-skills.md:{first + 3}:" not in out
    assert f"listening-skills.md:{first + 4}: attribute 'onmouseover' in {{…}} is not allowed" in out
    assert f"listening-skills.md:{first + 5}: link to JaVa&#09;script: is not allowed" in out
    assert not project.docs.exists()
