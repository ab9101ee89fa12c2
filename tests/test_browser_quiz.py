"""A trainee takes a knowledge check by keyboard only; other scripts hear about it through an event."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import choose_radio, pick_option, press_button, tick_checkbox

pytestmark = pytest.mark.browser

Q = "boundaries-basics--"


def open_quiz(page, fixture_url):
    page.goto(f"{fixture_url}/modules/boundaries-basics.html")
    page.evaluate(
        "window.__events = [];document.addEventListener('peerpath:quiz-submitted', e => window.__events.push(e.detail))"
    )
    page.locator(".pp-quiz").scroll_into_view_if_needed()


def answer_everything_correctly(page):
    choose_radio(page, Q + "gift", "thank")
    choose_radio(page, Q + "boundary-true", "false")
    tick_checkbox(page, Q + "which-roles", "house")
    tick_checkbox(page, Q + "which-roles", "team")
    for item, position in (("notice", "1"), ("tell", "2"), ("plan", "3")):
        pick_option(page, f"{Q}steps--{item}", position)
    pick_option(page, Q + "match-roles--peer", "Shares lived experience")
    pick_option(page, Q + "match-roles--therapist", "Provides clinical treatment")


def test_quiz_by_keyboard_wrong_then_feedback_then_retry_then_pass(page, fixture_url):
    open_quiz(page, fixture_url)
    choose_radio(page, Q + "gift", "keep")  # the wrong answer
    choose_radio(page, Q + "boundary-true", "true")  # also wrong
    press_button(page, "pp-submit")

    summary = page.locator(".pp-summary")
    assert "You scored 0 out of 5 (0 %)" in summary.inner_text()
    assert "Not passed yet" in summary.inner_text()
    assert summary.get_attribute("aria-live") == "polite"
    chosen = page.locator("[data-question=gift] [data-choice=keep] .pp-feedback")
    assert "Your choice is not correct." in chosen.inner_text()
    assert "Keeping it hides the gift from your supervisor." in chosen.inner_text()
    assert "Gifts are handled openly" in page.locator("[data-question=gift] .pp-result").inner_text()
    events = page.evaluate("window.__events")
    assert events[0]["quiz"] == "boundaries-basics" and events[0]["passed"] is False
    assert events[0]["max"] == 5 and len(events[0]["questions"]) == 5

    press_button(page, "pp-retry")
    assert page.locator(".pp-summary").inner_text() == ""
    answer_everything_correctly(page)
    page.locator("textarea").focus()
    page.keyboard.type("When I said no to lending money.")
    press_button(page, "pp-submit")

    summary = page.locator(".pp-summary").inner_text()
    assert "✓ Passed" in summary and "You scored 5 out of 5 (100 %). The pass mark is 75 %." in summary
    last = page.evaluate("window.__events")[-1]
    assert last["passed"] is True and last["score"] == 5 and last["percent"] == 100
    assert last["reflections"] == {"own-boundary": "When I said no to lending money."}
    assert {q["id"] for q in last["questions"]} == {"gift", "boundary-true", "which-roles", "steps", "match-roles"}


def test_ordering_and_matching_are_solved_by_keyboard(page, fixture_url):
    open_quiz(page, fixture_url)
    for item, position in (("notice", "1"), ("tell", "2"), ("plan", "3")):
        pick_option(page, f"{Q}steps--{item}", position)
    pick_option(page, Q + "match-roles--peer", "Shares lived experience")
    pick_option(page, Q + "match-roles--therapist", "Provides clinical treatment")
    press_button(page, "pp-submit")
    results = {q["id"]: q["correct"] for q in page.evaluate("window.__events")[-1]["questions"]}
    assert results["steps"] is True and results["match-roles"] is True


def test_ordering_question_never_starts_solved(page, fixture_url):
    for _ in range(5):
        page.goto(f"{fixture_url}/modules/boundaries-basics.html")
        items = page.locator("[data-question=steps] [data-item]").evaluate_all("els => els.map(e => e.dataset.item)")
        assert items != ["notice", "tell", "plan"]


def test_quiz_without_javascript_shows_questions_but_no_answers(browser, fixture_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{fixture_url}/modules/boundaries-basics.html")
    quiz = page.locator(".pp-quiz")
    assert "A person you support offers you a gift card" in quiz.inner_text()
    assert "Gifts are handled openly" not in quiz.inner_text()  # rationale stays in the hidden key
    assert "Keeping it hides the gift" not in quiz.inner_text()
    context.close()


def test_quiz_page_has_no_accessibility_violations(page, fixture_url):
    page.goto(f"{fixture_url}/modules/boundaries-basics.html")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_quiz_after_submission_has_no_accessibility_violations(page, fixture_url):
    open_quiz(page, fixture_url)
    choose_radio(page, Q + "gift", "keep")
    press_button(page, "pp-submit")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_quiz_works_in_the_zensical_build(page, built_fixture):
    from conftest import serve_folder

    url, server = serve_folder(built_fixture.site("zensical"))
    try:
        page.goto(f"{url}/modules/boundaries-basics.html")
        page.locator(".pp-quiz input[value=thank]").check()
        page.locator(".pp-submit").click()
        assert "You scored 1 out of 5" in page.locator(".pp-summary").inner_text()
    finally:
        server.shutdown()
        server.server_close()
