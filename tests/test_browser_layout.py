"""Every page type fits a phone and a desktop, and passes axe-core in light and dark mode (system Chromium)."""

from __future__ import annotations

import pytest

from pages import OVERFLOW_JS, PAGE_TYPES, SCREENS

pytestmark = pytest.mark.browser

SCHEMES = ("light", "dark")

# The first line of each answer's text, and its radio button or checkbox, as a person sees them.
CHOICE_BOXES_JS = """() => [...document.querySelectorAll('.pp-choices label')].map(label => {
  const input = label.querySelector('input').getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(label.querySelector('span'));
  const line = range.getClientRects()[0];
  return {text: label.textContent.trim().slice(0, 40), input: [input.left, input.right, input.top, input.bottom],
          line: [line.left, line.right, line.top, line.bottom]};
})"""


@pytest.fixture(scope="module")
def tabs(browser):
    """One tab per screen size and colour scheme, reused by every page visit in this file."""
    opened: dict[tuple[str, str], object] = {}

    def tab(screen: str, scheme: str):
        if (screen, scheme) not in opened:
            context = browser.new_context(viewport=SCREENS[screen], color_scheme=scheme)
            opened[screen, scheme] = context.new_page()
        return opened[screen, scheme]

    yield tab
    for page in opened.values():
        page.context.close()


def visit(tab, url: str, name: str):
    tab.goto(f"{url}/{PAGE_TYPES[name]}")
    return tab


@pytest.mark.parametrize("name", PAGE_TYPES)
@pytest.mark.parametrize("screen", SCREENS)
def test_nothing_is_wider_than_the_screen(tabs, repo_url, screen: str, name: str):
    page = visit(tabs(screen, "light"), repo_url, name)
    assert page.evaluate(OVERFLOW_JS) == [], f"sticks out past the right edge of a {screen} screen"
    assert page.evaluate("document.documentElement.scrollWidth") <= SCREENS[screen]["width"]


@pytest.mark.parametrize("screen", SCREENS)
def test_each_answer_sits_beside_its_own_box(tabs, repo_url, screen: str):
    choices = visit(tabs(screen, "light"), repo_url, "module").evaluate(CHOICE_BOXES_JS)
    assert len(choices) > 10
    for choice in choices:
        left, right, top, bottom = choice["input"]
        line_left, _, line_top, line_bottom = choice["line"]
        middle = (top + bottom) / 2
        assert line_left >= right, f"the text of {choice['text']!r} starts left of its box"
        assert line_top <= middle <= line_bottom, f"{choice['text']!r}: the box is not on the text's first line"


@pytest.mark.parametrize("name", PAGE_TYPES)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("screen", SCREENS)
def test_every_page_type_passes_axe(tabs, request, screen: str, scheme: str, name: str):
    from axe_playwright_python.sync_playwright import Axe

    # The shipped workbook is every module on one page (16,000 elements, minutes per axe run): the fixture's
    # workbook has the same parts (two modules, two quizzes, a case) in a page axe reads in seconds.
    site = request.getfixturevalue("fixture_url" if name == "workbook" else "repo_url")
    page = visit(tabs(screen, scheme), site, name)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    if name == "module":  # checked with the answers marked, the state with the most colours in it
        page.locator(".pp-submit").first.click()
    # Checking scrolls the page, and the theme fades the page title into the header: read the colours
    # once the page is still, as a reader sees them, not half-way through the fade.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_forced_colours_keep_the_edge_of_every_field_and_question(browser, repo_url):
    context = browser.new_context(viewport=SCREENS["phone"], forced_colors="active")
    page = context.new_page()
    edges = (
        "el => getComputedStyle(el).borderTopStyle !== 'none' && parseFloat(getComputedStyle(el).borderTopWidth) >= 1"
    )
    page.goto(f"{repo_url}/{PAGE_TYPES['verify']}")
    assert page.locator("#pp-verify-code").evaluate(edges)
    page.goto(f"{repo_url}/{PAGE_TYPES['module']}")
    assert page.locator(".pp-question").first.evaluate(edges)
    assert page.locator(".pp-quiz select").first.evaluate(edges)
    context.close()


def test_reduced_motion_turns_off_button_and_quiz_transitions(browser, repo_url):
    context = browser.new_context(viewport=SCREENS["phone"], reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{repo_url}/{PAGE_TYPES['module']}")
    durations = page.locator(".pp-quiz .md-button").evaluate_all(
        "els => els.map(el => getComputedStyle(el).transitionDuration)"
    )
    assert durations and set(durations) == {"0s"}
    context.close()
