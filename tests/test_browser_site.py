"""What a trainee and a trainer see in a real browser (system Chromium through Playwright)."""

from __future__ import annotations

import pytest

from browser import block_other_hosts, type_search
from peerpath.project import Project

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "index.html",
    "modules/boundaries-basics.html",
    "trainer/boundaries-basics.html",
    "trainer/answer-keys/boundaries-basics.html",
    "trainer/index.html",
    "workbook.html",
    "workbook/ethics.html",
    "for-trainers/guide.html",
]


def test_module_page_opens_with_its_box_and_hours(page, fixture_url):
    page.goto(f"{fixture_url}/modules/boundaries-basics.html")
    box = page.locator(".pp-module-box")
    assert box.is_visible()
    assert "1.25 h" in box.inner_text()
    assert "Explain what a professional boundary is." in box.inner_text()


def test_learner_page_hides_facilitator_notes(page, fixture_url):
    page.goto(f"{fixture_url}/modules/boundaries-basics.html")
    assert "SECRET-FACILITATOR-NOTE" not in page.content()


def test_trainer_page_shows_facilitator_notes_and_agenda(page, fixture_url):
    page.goto(f"{fixture_url}/trainer/boundaries-basics.html")
    note = page.locator(".admonition.facilitator")
    assert note.is_visible()
    assert "SECRET-FACILITATOR-NOTE" in note.inner_text()
    assert page.locator("table.pp-agenda tbody tr").count() == 4


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_type_loads_nothing_from_other_hosts(page, fixture_url, path):
    blocked = block_other_hosts(page)
    page.goto(f"{fixture_url}/{path}")
    page.wait_for_load_state("networkidle")
    assert blocked == []


def test_site_works_opened_from_disk(page, built_fixture: Project):
    blocked = block_other_hosts(page)
    home = built_fixture.site("mkdocs") / "index.html"
    page.goto(home.as_uri())
    page.locator("article a[href='modules/boundaries-basics.html']").click()
    page.wait_for_url("**/modules/boundaries-basics.html")
    assert page.locator(".pp-module-box").is_visible()
    page.locator(".pp-quiz input[value=thank]").check()
    page.locator(".pp-submit").click()
    assert "You scored" in page.locator(".pp-summary").inner_text()
    assert blocked == []


def test_search_works_opened_from_disk(page, built_fixture: Project):
    blocked = block_other_hosts(page)
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto((built_fixture.site("mkdocs") / "index.html").as_uri())
    page.keyboard.press("/")
    type_search(page, "mkdocs", "boundary")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10000)
    assert "Boundaries basics" in page.locator(".md-search-result").inner_text()
    assert blocked == []


def test_module_prints_without_navigation_search_or_buttons(page, fixture_url):
    page.goto(f"{fixture_url}/modules/boundaries-basics.html")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".pp-quiz-actions", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".pp-module-box").is_visible()
    assert page.locator(".pp-quiz legend").first.is_visible()  # the quiz prints as a paper quiz
    assert not page.locator(".pp-hint").first.is_visible()


def test_workbook_prints_part_by_part(page, fixture_url):
    page.goto(f"{fixture_url}/workbook.html")
    page.get_by_role("link", name="2. Skills").click()
    page.emulate_media(media="print")
    assert page.locator("h2#module-listening-skills").is_visible()
    assert page.locator("h2#module-boundaries-basics").count() == 0
    assert "SECRET-FACILITATOR-NOTE" not in page.content()
