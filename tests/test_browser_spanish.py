"""The Spanish site beside the English one, as a learner checks it: under both builders, from disk and a server.

A learner switches language on any page and lands on the same page; a Spanish quiz grades exactly like
the English one; progress made in one language shows in the other; Spanish pages pass axe-core.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import block_other_hosts, choose_radio, press_button, tick_checkbox, type_search
from peerpath.project import Project

pytestmark = pytest.mark.browser
ENGINES = ["mkdocs", "zensical"]
MODULE = "modules/boundaries-basics.html"
Q = "boundaries-basics--"
_LISTEN = """() => { window.ppResults = [];
  document.addEventListener('peerpath:quiz-submitted', e => window.ppResults.push(e.detail)); }"""


def switch_to(page, lang: str) -> None:
    """Follow the header's language switcher to `lang`, as a learner picking it from the menu."""
    link = page.locator(f".md-select__link[hreflang={lang}]")
    assert link.count() == 1
    with page.expect_navigation():
        link.evaluate("a => a.click()")


@pytest.mark.parametrize("engine", ENGINES)
def test_the_switcher_leads_to_the_same_page_in_the_other_language_from_disk(page, built_fixture: Project, engine: str):
    blocked = block_other_hosts(page)
    page.goto((built_fixture.site(engine) / MODULE).as_uri())
    assert page.locator("html").get_attribute("lang") == "en"
    switch_to(page, "es")
    assert page.url.endswith(f"/es/{MODULE}")
    assert page.locator("html").get_attribute("lang") == "es"
    assert "Límites básicos" in page.locator("article h1").inner_text()
    assert page.locator(".md-nav a", has_text="Mi progreso").count() >= 1
    switch_to(page, "en")
    assert page.url == (built_fixture.site(engine) / MODULE).as_uri()
    page.goto((built_fixture.site(engine) / "es" / "index.html").as_uri())
    switch_to(page, "en")
    assert page.url == (built_fixture.site(engine) / "index.html").as_uri()
    assert blocked == []


@pytest.mark.parametrize("engine", ENGINES)
def test_an_untranslated_module_is_reachable_in_english_with_a_spanish_notice(
    page, built_fixture: Project, engine: str
):
    page.goto((built_fixture.site(engine) / "es" / "modules" / "listening-skills.html").as_uri())
    assert "Esta parte aún no está traducida" in page.locator(".pp-untranslated").inner_text()
    assert page.locator("article [lang=en]").first.is_visible()
    # a screen reader reads the English title, summary and objectives with an English voice
    assert page.locator("article h1").get_attribute("lang") == "en"
    assert page.locator(".pp-module-summary").get_attribute("lang") == "en"
    assert page.locator(".pp-objectives").get_attribute("lang") == "en"
    assert page.locator(".pp-topic-hours caption").get_attribute("lang") is None  # the box's own words are Spanish


def answer(page, right: bool, matches: tuple[str, str]) -> None:
    choose_radio(page, Q + "gift", "thank" if right else "keep")
    choose_radio(page, Q + "boundary-true", "false")
    tick_checkbox(page, Q + "which-roles", "house")
    for item, position in (("notice", "1"), ("tell", "3" if not right else "2"), ("plan", "2" if not right else "3")):
        select(page, f"{Q}steps--{item}", position)
    select(page, Q + "match-roles--peer", matches[0])
    select(page, Q + "match-roles--therapist", matches[1])


def select(page, name: str, label: str) -> None:
    page.locator(f"select[name='{name}']").select_option(label=label)


def graded(page, base: str, right: bool, matches: tuple[str, str]) -> list[dict]:
    page.goto(f"{base}/{MODULE}")
    page.evaluate(_LISTEN)
    answer(page, right, matches)
    press_button(page, "pp-submit")
    return [
        {k: r[k] for k in ("quiz", "score", "max", "percent", "passed")}
        | {"questions": sorted((q["id"], q["correct"]) for q in r["questions"])}
        for r in page.evaluate("window.ppResults")
    ]


def test_a_spanish_quiz_grades_exactly_like_the_english_one(page, fixture_url):
    english = ("Shares lived experience", "Provides clinical treatment")
    spanish = ("Comparte su experiencia vivida", "Da tratamiento clínico")
    for right in (False, True):
        in_spanish = graded(page, f"{fixture_url}/es", right, spanish)
        assert "Una persona a la que apoyas" in page.locator(".pp-quiz").inner_text()
        assert in_spanish == graded(page, fixture_url, right, english)
        assert in_spanish[0]["passed"] is right


def complete(page, base: str, module: str) -> None:
    page.goto(f"{base}/modules/{module}.html")
    press_button(page, "pp-complete-toggle")


@pytest.fixture
def device(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def progress_shown(page, url: str) -> dict:
    """What the progress page shows, in figures any language prints alike: completed modules and topic minutes."""
    page.goto(url)
    page.locator("tr[data-module] .pp-module-completed").first.wait_for()
    completed = page.evaluate(
        """() => [...document.querySelectorAll('tr[data-module]')]
             .filter(row => row.querySelector('.pp-module-completed').textContent.trim() !== '–')
             .map(row => row.dataset.module)"""
    )
    topics = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('tr[data-topic]')]"
        ".map(row => [row.dataset.topic, row.querySelector('progress').value]))"
    )
    return {"completed": sorted(completed), "topics": topics}


def test_progress_made_in_one_language_shows_in_the_other_on_a_server(device, fixture_url):
    complete(device, fixture_url, "boundaries-basics")
    assert progress_shown(device, f"{fixture_url}/es/progress.html")["completed"] == ["boundaries-basics"]
    complete(device, f"{fixture_url}/es", "listening-skills")
    english = progress_shown(device, f"{fixture_url}/progress.html")
    assert english["completed"] == ["boundaries-basics", "listening-skills"]
    assert english == progress_shown(device, f"{fixture_url}/es/progress.html")


@pytest.mark.parametrize("engine", ENGINES)
def test_progress_follows_the_learner_across_languages_from_disk(device, built_fixture: Project, engine: str):
    site = built_fixture.site(engine)
    device.goto((site / "modules" / "boundaries-basics.html").as_uri())
    press_button(device, "pp-complete-toggle")
    spanish = progress_shown(device, (site / "es" / "progress.html").as_uri())
    assert spanish["completed"] == ["boundaries-basics"]
    assert spanish == progress_shown(device, (site / "progress.html").as_uri())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_spanish_module_page_has_no_accessibility_violations(browser, fixture_url, scheme: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    try:
        for module in ("boundaries-basics", "listening-skills"):
            page.goto(f"{fixture_url}/es/modules/{module}.html")
            assert page.locator("html").get_attribute("lang") == "es"
            results = Axe().run(page)
            assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


def test_spanish_search_finds_a_spanish_module(page, fixture_url):
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(f"{fixture_url}/es/index.html")
    page.keyboard.press("/")
    type_search(page, "mkdocs", "regalos")
    page.locator(".md-search-result").get_by_text("Límites básicos").first.wait_for(timeout=10000)
