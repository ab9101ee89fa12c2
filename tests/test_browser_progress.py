"""A trainee's progress lives in their browser: it persists, moves between devices, and survives bad data."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import choose_radio, press_button

pytestmark = pytest.mark.browser

KEY = "peerpath.progress"


@pytest.fixture
def device(browser):
    """A fresh browser profile: its own storage, like a separate phone or laptop."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    yield page
    context.close()


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))


def pass_boundaries_quiz(page, base):
    page.goto(f"{base}/modules/boundaries-basics.html")
    choose_radio(page, "boundaries-basics--gift", "thank")
    choose_radio(page, "boundaries-basics--boundary-true", "false")
    press_button(page, "pp-submit")
    press_button(page, "pp-complete-toggle")


def pass_listening_quiz(page, base):
    page.goto(f"{base}/modules/listening-skills.html")
    choose_radio(page, "listening-skills--open-question", "how")
    choose_radio(page, "listening-skills--reflections-count", "false")
    press_button(page, "pp-submit")
    press_button(page, "pp-complete-toggle")


def test_two_modules_completed_by_keyboard_persist_after_reload(device, fixture_url):
    pass_boundaries_quiz(device, fixture_url)
    pass_listening_quiz(device, fixture_url)
    device.goto(f"{fixture_url}/progress.html")
    device.reload()
    summary = device.locator(".pp-progress-summary").inner_text()
    assert "completed 2 of 2 modules: 2.75 h of 2.75 h" in summary
    row = device.locator("tr[data-module=listening-skills]").inner_text()
    assert "Complete" in row and "100 % (passed)" in row
    assert "(complete)" in device.locator(".md-nav a[href$='listening-skills.html']").first.inner_text()
    data = stored(device)
    assert data["quizzes"]["boundaries-basics"]["best"]["max"] == 5
    assert data["modules"]["listening-skills"]["completed"]


def test_navigation_on_a_module_page_marks_every_module_with_its_status(device, fixture_url):
    pass_listening_quiz(device, fixture_url)
    device.goto(f"{fixture_url}/modules/boundaries-basics.html")
    nav = device.locator(".md-nav--primary")
    assert "(complete)" in nav.locator("a[href$='listening-skills.html']").first.inner_text()
    assert "(in progress)" in nav.locator("a[href$='boundaries-basics.html']").first.inner_text()
    assert device.locator(".md-nav--secondary a[href^='#'] .pp-status").count() == 0


def test_export_clear_import_restores_exactly_the_same_state(device, fixture_url, tmp_path):
    pass_boundaries_quiz(device, fixture_url)
    device.goto(f"{fixture_url}/progress.html")
    before = stored(device)
    with device.expect_download() as download:
        press_button(device, "pp-export")
    file = tmp_path / "progress.json"
    download.value.save_as(file)
    press_button(device, "pp-clear")
    assert stored(device)["modules"] == {}
    assert "completed 0 of 2" in device.locator(".pp-progress-summary").inner_text()
    device.locator("input.pp-import").set_input_files(str(file))
    device.locator(".pp-progress-message").filter(has_text="merged").wait_for()
    assert stored(device) == before


def test_import_into_a_device_with_other_progress_merges(browser, device, fixture_url, tmp_path):
    pass_boundaries_quiz(device, fixture_url)
    file = tmp_path / "phone.json"
    file.write_text(device.evaluate(f"localStorage.getItem('{KEY}')"))

    laptop_context = browser.new_context(viewport={"width": 1200, "height": 900})
    laptop = laptop_context.new_page()
    pass_listening_quiz(laptop, fixture_url)
    laptop.goto(f"{fixture_url}/progress.html")
    laptop.locator("input.pp-import").set_input_files(str(file))
    laptop.locator(".pp-progress-message").filter(has_text="merged").wait_for()
    merged = stored(laptop)
    assert set(merged["modules"]) == {"boundaries-basics", "listening-skills"}
    assert set(merged["quizzes"]) == {"boundaries-basics", "listening-skills"}
    assert "completed 2 of 2" in laptop.locator(".pp-progress-summary").inner_text()
    laptop_context.close()


def test_corrupt_storage_is_set_aside_with_a_notice(device, fixture_url):
    device.goto(f"{fixture_url}/index.html")
    device.evaluate(f"localStorage.setItem('{KEY}', '{{broken')")
    device.goto(f"{fixture_url}/progress.html")
    notice = device.locator(".pp-notice").first.inner_text()
    assert "could not be read" in notice and "set aside" in notice
    keys = device.evaluate("Object.keys(localStorage)")
    aside = [k for k in keys if k.startswith(KEY + ".unreadable.")]
    assert len(aside) == 1 and device.evaluate(f"localStorage.getItem('{aside[0]}')") == "{broken"
    assert "completed 0 of 2" in device.locator(".pp-progress-summary").inner_text()


def test_site_works_for_the_session_when_storage_is_blocked(browser, fixture_url):
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage',"
        " { get() { throw new DOMException('blocked', 'SecurityError'); } });"
    )
    page = context.new_page()
    page.goto(f"{fixture_url}/modules/boundaries-basics.html")
    assert "not letting this site keep anything" in page.locator(".pp-notice").first.inner_text()
    page.locator(".pp-complete-toggle").first.click()
    assert "marked this module complete" in page.locator(".pp-complete-status").first.inner_text()
    context.close()


def test_self_study_record_is_labelled_and_lists_completed_modules(device, fixture_url):
    pass_boundaries_quiz(device, fixture_url)
    device.goto(f"{fixture_url}/study-record.html")
    record = device.locator("#pp-study-record").inner_text()
    assert "self-reported study record, not a certificate of completion" in record
    assert "Boundaries basics" in record and "Listening skills" not in record
    assert device.locator(".pp-record-total").inner_text() == "1.25 h"


def test_progress_page_has_no_accessibility_violations(device, fixture_url):
    pass_boundaries_quiz(device, fixture_url)
    device.goto(f"{fixture_url}/progress.html")
    results = Axe().run(device)
    assert results.violations_count == 0, results.generate_report()


def test_progress_for_a_removed_module_is_kept_when_the_curriculum_changes(device, fixture_url):
    device.goto(f"{fixture_url}/index.html")
    old = {
        "version": 1,
        "modules": {"retired-module": {"opened": "2026-01-01T00:00:00Z", "completed": "2026-01-02T00:00:00Z"}},
        "quizzes": {
            "retired-module": {
                "module": "retired-module",
                "attempts": 1,
                "passed": True,
                "best": {"score": 8, "max": 10, "percent": 80},
            }
        },
        "reflections": {},
    }
    device.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(old))})")
    pass_boundaries_quiz(device, fixture_url)
    device.goto(f"{fixture_url}/progress.html")
    assert "completed 1 of 2" in device.locator(".pp-progress-summary").inner_text()
    data = stored(device)
    assert data["modules"]["retired-module"] == old["modules"]["retired-module"]
    assert data["quizzes"]["retired-module"]["best"]["percent"] == 80


def test_progress_page_lists_modules_and_hours_before_any_script_runs(browser, device, fixture_url):
    """The page arrives whole (nothing jumps when the script fills it in) and still says something without JS."""
    context = browser.new_context(java_script_enabled=False)
    bare = context.new_page()
    bare.goto(f"{fixture_url}/progress.html")
    assert "needs JavaScript" in bare.locator(".pp-progress-summary").inner_text()
    assert "1.5 h" in bare.locator("tr[data-module=listening-skills]").inner_text()
    topics_without_script = bare.locator("tr[data-topic]").count()
    context.close()
    pass_listening_quiz(device, fixture_url)
    device.goto(f"{fixture_url}/progress.html")
    assert device.locator("tr[data-topic]").count() == topics_without_script > 0
    row = device.locator("tr[data-module=listening-skills]").inner_text()
    assert "Complete" in row and "1.5 h" in row
