"""The same site whichever builder made it: what a trainee and a trainer check, under MkDocs and Zensical.

Material for MkDocs ends its life in May 2027; Zensical must then give learners the same site. Each
check here runs on both builds: opened from disk, searched from disk, printed, and the trainer edition.
"""

from __future__ import annotations

import pytest

from browser import block_other_hosts, type_search
from conftest import serve_folder
from peerpath.project import Project

pytestmark = pytest.mark.browser
ENGINES = ["mkdocs", "zensical"]

# The quiz's documented event (README: "peerpath:quiz-submitted") says what the learner scored.
_LISTEN = """() => { window.ppResults = [];
  document.addEventListener('peerpath:quiz-submitted', e => window.ppResults.push(e.detail)); }"""


@pytest.mark.parametrize("engine", ENGINES)
def test_opened_from_disk_a_learner_reaches_a_module_and_takes_its_quiz(page, built_fixture: Project, engine: str):
    blocked = block_other_hosts(page)
    page.goto((built_fixture.site(engine) / "index.html").as_uri())
    page.locator("article a[href='modules/boundaries-basics.html']").click()
    page.wait_for_url("**/modules/boundaries-basics.html")
    assert page.locator(".pp-module-box").is_visible()
    page.evaluate(_LISTEN)
    page.locator(".pp-quiz input[value=thank]").check()
    page.locator(".pp-submit").click()
    results = page.evaluate("window.ppResults")
    assert [r["quiz"] for r in results] == ["boundaries-basics"] and results[0]["max"] == 5
    assert blocked == []


@pytest.mark.parametrize("engine", ENGINES)
def test_search_finds_a_module_opened_from_disk(page, built_fixture: Project, engine: str):
    blocked = block_other_hosts(page)
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto((built_fixture.site(engine) / "index.html").as_uri())
    page.keyboard.press("/")
    type_search(page, engine, "boundary")
    # Material lists results in .md-search-result; Zensical in a listbox inside its search dialog.
    results = page.locator(".md-search-result" if engine == "mkdocs" else "[role=listbox]")
    results.get_by_text("Boundaries basics").first.wait_for(timeout=10000)
    assert blocked == []


@pytest.mark.parametrize("engine", ENGINES)
def test_a_module_prints_as_reading_and_paper_quiz_only(page, built_fixture: Project, engine: str):
    page.goto((built_fixture.site(engine) / "modules" / "boundaries-basics.html").as_uri())
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".pp-quiz-actions", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), f"{engine}: {selector} prints"
    assert page.locator(".pp-module-box").is_visible()
    assert page.locator(".pp-quiz legend").first.is_visible()


@pytest.mark.parametrize("engine", ENGINES)
def test_the_trainer_edition_shows_notes_and_agenda(page, built_fixture: Project, engine: str):
    page.goto((built_fixture.site(engine) / "trainer" / "boundaries-basics.html").as_uri())
    assert "SECRET-FACILITATOR-NOTE" in page.locator(".admonition.facilitator").inner_text()
    assert page.locator("table.pp-agenda tbody tr").count() == 4
    learner = (built_fixture.site(engine) / "modules" / "boundaries-basics.html").read_text()
    assert "SECRET-FACILITATOR-NOTE" not in learner


@pytest.mark.parametrize("engine", ENGINES)
def test_the_search_index_is_downloaded_only_when_a_reader_opens_search(page, built_fixture: Project, engine: str):
    """On a phone with patchy data, a page opens without the whole site's search index; search still works."""
    url, server = serve_folder(built_fixture.site(engine))
    try:
        asked = []
        page.on("request", lambda r: asked.append(r.url) if "search" in r.url and ".json" in r.url else None)
        page.set_viewport_size({"width": 390, "height": 800})
        page.goto(f"{url}/modules/boundaries-basics.html")
        page.wait_for_load_state("networkidle")
        assert asked == [], f"{engine}: the search index was fetched on page load"
        page.locator("label[for='__search']").first.click()
        type_search(page, engine, "boundary")
        results = page.locator(".md-search-result" if engine == "mkdocs" else "[role=listbox]")
        results.get_by_text("Boundaries basics").first.wait_for(timeout=10000)
        assert len(asked) == 1
    finally:
        server.shutdown()
        server.server_close()
