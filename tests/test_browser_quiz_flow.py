"""After checking a quiz, a trainee sees what they chose, what was right, whether they passed, and what next."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from peerpath.pipeline import generate
from peerpath.project import Project

MODULE = "/modules/boundaries-basics.html"
Q = "boundaries-basics--"


@pytest.fixture(params=[390, 1280], ids=lambda w: f"{w}px")
def trainee(browser, request):
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def answer_all_correctly(page):
    page.locator(".pp-quiz input[value=thank]").check()
    page.locator(".pp-quiz input[value=false]").check()
    page.locator(".pp-quiz input[value=house]").check()
    page.locator(".pp-quiz input[value=team]").check()
    for item, position in (("notice", "1"), ("tell", "2"), ("plan", "3")):
        page.select_option(f"select[name='{Q}steps--{item}']", position)
    page.select_option(f"select[name='{Q}match-roles--peer']", label="Shares lived experience")
    page.select_option(f"select[name='{Q}match-roles--therapist']", label="Provides clinical treatment")


def top(page, selector: str) -> float:
    return page.locator(selector).first.bounding_box()["y"]


@pytest.mark.browser
def test_not_passing_shows_a_panel_above_the_questions_and_marks_the_answers(trainee, fixture_url):
    trainee.goto(fixture_url + MODULE)
    trainee.locator(".pp-quiz input[value=keep]").check()
    trainee.locator(".pp-submit").click()
    panel = trainee.locator(".pp-outcome")
    assert "Not passed yet" in panel.inner_text() and "You scored 0 out of 5 (0 %)" in panel.inner_text()
    assert top(trainee, ".pp-outcome") < top(trainee, ".pp-question")
    assert trainee.evaluate("document.activeElement.classList.contains('pp-summary')")
    marks = trainee.locator("[data-choice=keep]").get_attribute("class").split()
    assert marks == ["pp-choice", "pp-is-chosen", "pp-is-wrong"]
    assert "pp-is-correct" in trainee.locator("[data-choice=thank]").get_attribute("class")
    assert "This is a correct answer" in trainee.locator("[data-choice=thank] .pp-feedback").inner_text()
    keep = trainee.locator(".pp-quiz input[value=keep]")
    assert not keep.evaluate("input => input.disabled")  # shown in full colour, not greyed out
    trainee.locator(".pp-quiz input[value=thank]").click(force=True)
    assert keep.is_checked()  # but the answer cannot change until "Try again", by mouse or keyboard
    keep.focus()
    trainee.keyboard.press("ArrowDown")
    trainee.keyboard.press("Space")
    assert keep.is_checked()
    assert not trainee.locator(".pp-outcome-pass").is_visible()
    assert fits_the_screen(trainee, ".pp-quiz *")


def fits_the_screen(page, selector: str) -> bool:
    return page.evaluate(
        "s => [...document.querySelectorAll(s)].every(e => e.getBoundingClientRect().right <= innerWidth + 1)",
        selector,
    )


@pytest.mark.browser
def test_passing_offers_to_mark_the_module_complete_and_links_the_next_module(trainee, fixture_url):
    trainee.goto(fixture_url + MODULE)
    answer_all_correctly(trainee)
    trainee.locator(".pp-submit").click()
    panel = trainee.locator(".pp-outcome")
    assert "Passed" in panel.inner_text()
    next_link = panel.locator(".pp-next-module a")
    assert next_link.inner_text() == "Listening skills" and next_link.get_attribute("href").endswith(
        "listening-skills.html"
    )
    panel.get_by_role("button", name="Mark this module complete").click()
    assert "You marked this module complete" in panel.inner_text()
    assert not panel.locator(".pp-outcome-pass > p").is_visible()  # done: no more offer, just the status
    trainee.goto(f"{fixture_url}/progress.html")
    assert "Complete" in trainee.locator("tr[data-module=boundaries-basics]").inner_text()
    assert "Next to study: Listening skills" in trainee.locator(".pp-next").inner_text()


@pytest.mark.browser
def test_best_score_and_reflection_are_shown_again_after_a_reload(trainee, fixture_url):
    trainee.goto(fixture_url + MODULE)
    answer_all_correctly(trainee)
    trainee.locator("textarea").fill("When I said no to lending money.")
    trainee.locator(".pp-submit").click()
    trainee.reload()
    assert "best score so far: 100 % (passed), 1 attempt" in trainee.locator(".pp-quiz-record").inner_text()
    saved = trainee.locator("[data-question=own-boundary] .pp-saved-reflection").inner_text()
    assert "Your reflection, saved on" in saved and "When I said no to lending money." in saved
    trainee.goto(f"{fixture_url}/progress.html")
    reflections = trainee.locator(".pp-reflections").inner_text()
    assert "When did a boundary help you?" in reflections and "When I said no to lending money." in reflections


@pytest.mark.browser
def test_study_record_shows_reflections_and_prints_them_only_when_asked(page, fixture_url):
    page.goto(fixture_url + MODULE)
    answer_all_correctly(page)
    page.locator("textarea").fill("Private words.")
    page.locator(".pp-submit").click()
    page.goto(f"{fixture_url}/study-record.html")
    assert "Private words." in page.locator(".pp-record-reflections").inner_text()
    page.emulate_media(media="print")
    assert not page.locator(".pp-record-reflections").is_visible()
    page.emulate_media(media="screen")
    page.locator(".pp-print-reflections").check()
    page.emulate_media(media="print")
    assert page.locator(".pp-record-reflections").is_visible()


@pytest.mark.browser
def test_ordering_feedback_lists_the_right_order_and_warns_about_shared_positions(page, fixture_url):
    page.goto(fixture_url + MODULE)
    page.select_option(f"select[name='{Q}steps--notice']", "1")
    page.select_option(f"select[name='{Q}steps--tell']", "1")
    warning = page.locator("[data-question=steps] .pp-order-warning")
    assert "More than one item is in position 1" in warning.inner_text()
    page.select_option(f"select[name='{Q}steps--tell']", "2")
    assert warning.inner_text() == ""
    page.locator(".pp-submit").click()
    result = page.locator("[data-question=steps] .pp-result")
    items = result.locator("ol li").all_inner_texts()
    assert items == ["Notice the dual role", "Tell your supervisor", "Agree a plan with Jordan"]
    assert ";" not in result.inner_text() and ".." not in result.inner_text()


@pytest.mark.browser
def test_a_blank_quiz_asks_before_it_counts_as_an_attempt(page, fixture_url):
    page.goto(fixture_url + MODULE)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator(".pp-submit").click()
    assert not page.locator(".pp-outcome").is_visible()
    assert page.evaluate("localStorage.getItem('peerpath.progress')").count('"attempts"') == 0
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".pp-submit").click()
    assert "You scored 0 out of 5" in page.locator(".pp-outcome").inner_text()


@pytest.mark.browser
def test_try_again_clears_the_panel_and_the_marks(page, fixture_url):
    page.goto(fixture_url + MODULE)
    page.locator(".pp-quiz input[value=keep]").check()
    page.locator(".pp-submit").click()
    page.locator(".pp-retry").click()
    assert not page.locator(".pp-outcome").is_visible()
    assert page.locator(".pp-is-chosen, .pp-is-correct, .pp-is-wrong").count() == 0
    page.locator(".pp-quiz input[value=thank]").check()
    assert page.locator(".pp-quiz input[value=thank]").is_checked()


@pytest.mark.browser
def test_matching_questions_print_their_answers_to_choose_from(page, fixture_url):
    page.goto(fixture_url + MODULE)
    options = page.locator("[data-question=match-roles] .pp-match-options")
    assert not options.is_visible()
    page.emulate_media(media="print")
    in_the_select = page.locator(f"select[name='{Q}match-roles--peer'] option").all_inner_texts()[1:]
    assert options.locator("li").all_inner_texts() == in_the_select
    assert "Sponsors in a 12-step group" in in_the_select
    assert not page.locator(".pp-outcome").is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_quiz_after_submitting_has_no_accessibility_violations(browser, themed_fixture, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    page.goto(themed_fixture["mkdocs"] + MODULE)
    assert page.evaluate("document.body.dataset.mdColorScheme") == {"light": "default", "dark": "slate"}[scheme]
    answer_all_correctly(page)
    page.locator(".pp-quiz input[value=sponsor]").check()
    page.locator("textarea").fill("Words.")
    page.locator(".pp-submit").click()
    results = Axe().run(page, context={"include": [[".pp-quiz"]]})
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_select_all_that_apply_is_said_once(project: Project):
    quiz = project.quizzes / "boundaries-basics.yml"
    text = quiz.read_text().replace("Which roles do you hold with Jordan?", "Which roles? Select all that apply.")
    quiz.write_text(text)
    generate(project)
    page = (project.docs / "modules" / "boundaries-basics.md").read_text()
    assert page.lower().count("select all that apply") == 1
