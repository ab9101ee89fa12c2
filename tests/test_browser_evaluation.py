"""A learner fills in the course evaluation on a phone, by keyboard; nothing is lost and nothing is sent."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import block_other_hosts, choose_radio, press_button, tab_until
from conftest import run_cli

pytestmark = pytest.mark.browser

PRINT_SPY = "window.__printed = 0; window.print = () => { window.__printed += 1; };"


def fill_by_keyboard(page) -> None:
    choose_radio(page, "objectives-met", "4")
    choose_radio(page, "recommend", "5")
    tab_until(page, "el => el.name === 'improve'")
    page.keyboard.type("More time for role plays")


def test_answers_typed_by_keyboard_are_still_there_after_a_reload(page, fixture_url):
    page.goto(f"{fixture_url}/evaluation.html")
    fill_by_keyboard(page)
    assert "3 answers saved in this browser" in page.locator(".pp-eval-status").inner_text()
    page.reload()
    assert page.locator("input[name=objectives-met][value='4']").is_checked()
    assert page.locator("input[name=recommend][value='5']").is_checked()
    assert page.locator("textarea[name=improve]").input_value() == "More time for role plays"


def test_the_downloaded_file_holds_the_answers_and_the_summary_reads_it(page, built_fixture, fixture_url, tmp_path):
    page.goto(f"{fixture_url}/evaluation.html")
    fill_by_keyboard(page)
    with page.expect_download() as download:
        press_button(page, "pp-eval-download")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("course-evaluation-") and saved.suffix == ".json"
    record = json.loads(saved.read_text())
    assert record["answers"] == {"objectives-met": 4, "recommend": 5, "improve": "More time for role plays"}
    result = run_cli("evaluations", "summarize", str(saved), "--format", "json", cwd=built_fixture.root)
    assert result.returncode == 0, result.stderr
    summary = {q["id"]: q for q in json.loads(result.stdout)["questions"]}
    assert summary["objectives-met"]["counts"] == [0, 0, 0, 1, 0]
    assert summary["improve"]["answers"] == ["More time for role plays"]


def test_print_shows_the_answers_without_the_buttons(page, fixture_url):
    page.add_init_script(PRINT_SPY)
    page.goto(f"{fixture_url}/evaluation.html")
    fill_by_keyboard(page)
    press_button(page, "pp-eval-print")
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert not page.locator(".pp-eval-actions").is_visible()
    assert page.locator("input[name=objectives-met][value='4']").is_checked()
    assert page.locator("textarea[name=improve]").is_visible()
    assert page.locator(".pp-eval-printed").is_visible()


def test_it_works_opened_from_disk_and_asks_no_other_host(browser, built_fixture):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    blocked = block_other_hosts(page)
    url = (built_fixture.site("mkdocs") / "evaluation.html").as_uri()
    page.goto(url)
    choose_radio(page, "materials", "2")
    page.reload()
    assert page.locator("input[name=materials][value='2']").is_checked()
    assert blocked == []
    context.close()


def test_the_zensical_build_keeps_answers_across_a_reload_too(browser, built_fixture):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto((built_fixture.site("zensical") / "evaluation.html").as_uri())
    choose_radio(page, "trainer-knowledge", "5")
    page.reload()
    assert page.locator("input[name=trainer-knowledge][value='5']").is_checked()
    context.close()


def test_a_browser_that_keeps_nothing_says_so_before_answers_are_lost(browser, fixture_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(
        "for (const name of ['localStorage', 'sessionStorage']) Object.defineProperty(window, name,"
        " { get() { throw new DOMException('blocked', 'SecurityError'); } });"
    )
    page = context.new_page()
    page.goto(f"{fixture_url}/evaluation.html")
    choose_radio(page, "relevance", "3")
    assert "on this page only" in page.locator(".pp-eval-status").inner_text()
    assert "download or print your answers" in page.locator(".pp-eval-status").inner_text()
    context.close()


def test_saved_answers_that_cannot_be_read_are_kept_aside_not_overwritten(page, fixture_url):
    page.goto(f"{fixture_url}/evaluation.html")
    page.evaluate('localStorage.setItem(\'peerpath.evaluation\', \'{"version": 1, "answers": {"recommend": 5\')')
    page.reload()
    assert "could not be read; they are kept unchanged" in page.locator(".pp-eval-status").inner_text()
    choose_radio(page, "recommend", "4")
    kept = page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('peerpath.evaluation.set-aside.'))"
        ".map(k => localStorage.getItem(k))"
    )
    assert kept == ['{"version": 1, "answers": {"recommend": 5']
    assert json.loads(page.evaluate("localStorage.getItem('peerpath.evaluation')"))["answers"] == {"recommend": 4}


def test_clearing_asks_first_and_keeps_the_answers_when_the_learner_says_no(page, fixture_url):
    page.goto(f"{fixture_url}/evaluation.html")
    choose_radio(page, "environment", "5")
    page.once("dialog", lambda dialog: dialog.dismiss())
    press_button(page, "pp-eval-clear")
    page.reload()
    assert page.locator("input[name=environment][value='5']").is_checked()
    page.once("dialog", lambda dialog: dialog.accept())
    press_button(page, "pp-eval-clear")
    page.reload()
    assert not page.locator("input[name=environment]:checked").count()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_filled_in_form_passes_axe(browser, fixture_url, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{fixture_url}/evaluation.html")
    fill_by_keyboard(page)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    context.close()
