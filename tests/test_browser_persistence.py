"""Nothing a learner does is lost: two tabs, blocked storage, damaged data, repeated imports, reloads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import type_search

pytestmark = pytest.mark.browser

KEY = "peerpath.progress"
BLOCK_LOCAL = (
    "Object.defineProperty(window, 'localStorage',"
    " { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });"
)
BLOCK_SESSION = BLOCK_LOCAL.replace("localStorage", "sessionStorage")
WIDTHS = [390, 1280]


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def width(request):
    return request.param


def new_device(browser, width, *init_scripts, **options):
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    for script in init_scripts:
        context.add_init_script(script)
    return context


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))


def status_in_nav(page, module: str) -> str:
    return page.locator(f".md-nav--primary a[href$='{module}.html'] .pp-status").first.get_attribute("data-status")


def test_completions_made_in_two_tabs_both_survive(browser, fixture_url, width):
    context = new_device(browser, width)
    later_tab, first_tab = context.new_page(), context.new_page()
    later_tab.goto(f"{fixture_url}/modules/listening-skills.html")  # opened first, left open
    first_tab.goto(f"{fixture_url}/modules/boundaries-basics.html")
    first_tab.locator(".pp-completion .pp-complete-toggle").first.click()

    later_tab.locator(".pp-completion .pp-complete-toggle").first.click()
    later_tab.locator(".pp-quiz input[value=how]").check()
    later_tab.locator(".pp-submit").click()

    data = stored(first_tab)
    assert data["modules"]["boundaries-basics"]["completed"] and data["modules"]["listening-skills"]["completed"]
    assert data["quizzes"]["listening-skills"]["attempts"] == 1
    first_tab.goto(f"{fixture_url}/progress.html")
    assert "completed 2 of 2 modules" in first_tab.locator(".pp-progress-summary").inner_text()
    context.close()


def test_the_other_tab_shows_a_completion_without_a_reload(browser, fixture_url, width):
    context = new_device(browser, width)
    progress_tab, module_tab = context.new_page(), context.new_page()
    progress_tab.goto(f"{fixture_url}/progress.html")
    module_tab.goto(f"{fixture_url}/modules/boundaries-basics.html")
    module_tab.locator(".pp-completion .pp-complete-toggle").first.click()
    summary = progress_tab.locator(".pp-progress-summary").filter(has_text="completed 1 of 2 modules")
    summary.wait_for()
    assert "Complete" in progress_tab.locator("tr[data-module=boundaries-basics]").inner_text()
    context.close()


def test_marking_not_complete_in_one_tab_is_not_undone_by_the_other(browser, fixture_url):
    context = new_device(browser, 1280)
    a, b = context.new_page(), context.new_page()
    a.goto(f"{fixture_url}/modules/boundaries-basics.html")
    a.locator(".pp-completion .pp-complete-toggle").first.click()
    b.goto(f"{fixture_url}/modules/listening-skills.html")
    a.locator(".pp-completion .pp-complete-toggle").first.click()  # changed my mind
    b.locator(".pp-completion .pp-complete-toggle").first.click()
    assert stored(a)["modules"]["boundaries-basics"]["completed"] is None
    assert status_in_nav(b, "boundaries-basics") == "in-progress"
    context.close()


def switch_to_dark(page):
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_with_storage_blocked_progress_and_theme_last_to_the_next_page(browser, themed_fixture, engine, width):
    context = new_device(browser, width, BLOCK_LOCAL)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    base = themed_fixture[engine]
    page.goto(f"{base}/modules/boundaries-basics.html")
    notice = page.locator(".pp-notice--storage").inner_text()
    assert "kept while this tab stays open, on every page" in notice
    page.locator(".pp-quiz input[value=thank]").check()
    page.locator(".pp-quiz input[value=false]").check()
    page.locator(".pp-submit").click()
    page.locator(".pp-completion .pp-complete-toggle").first.click()
    switch_to_dark(page)

    page.goto(f"{base}/progress.html")
    assert "completed 1 of 2 modules" in page.locator(".pp-progress-summary").inner_text()
    assert "2 attempt" not in page.locator("tr[data-module=boundaries-basics]").inner_text()
    assert "kept while this tab stays open" in page.locator(".pp-notice--storage").inner_text()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"  # the theme choice lasted too
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    assert errors == []
    context.close()


SEARCH_WAIT_MS = 30_000  # the search index loads and parses in a worker; a loaded CI machine needs longer


def search_results(page, engine: str, width: int, words: str, expect: str) -> str:
    """Open the theme's search the way a person does, type, and read the results."""
    if engine == "zensical":
        page.locator(".md-search__button:visible, label.md-header__button[for=__search]:visible").first.click()
        type_search(page, engine, words)
        shadow = "[...document.querySelectorAll('*')].map(e => e.shadowRoot ? e.shadowRoot.textContent : '').join(' ')"
        # wait for the result itself: the search box's own stylesheet already contains the word "results"
        page.wait_for_function(f"({shadow}).includes({json.dumps(expect)})", timeout=SEARCH_WAIT_MS)
        return page.evaluate(shadow)
    if width < 960:
        page.locator("label.md-header__button[for=__search]").click()
    else:
        page.keyboard.press("/")
    type_search(page, engine, words)
    page.locator(".md-search-result__item", has_text=expect).first.wait_for(timeout=SEARCH_WAIT_MS)
    return page.locator(".md-search-result").inner_text()


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_with_storage_blocked_search_still_finds_modules(browser, themed_fixture, engine, width):
    context = new_device(browser, width, BLOCK_LOCAL)
    page = context.new_page()
    page.goto(f"{themed_fixture[engine]}/index.html")
    assert "Boundaries basics" in search_results(page, engine, width, "boundary", expect="Boundaries basics")
    context.close()


def test_with_no_storage_at_all_the_notice_says_what_is_lost_and_offers_export(browser, fixture_url):
    context = new_device(browser, 390, BLOCK_LOCAL, BLOCK_SESSION, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{fixture_url}/modules/boundaries-basics.html")
    notice = page.locator(".pp-notice--storage")
    assert "lost when you leave or reload it" in notice.inner_text()
    page.locator(".pp-completion .pp-complete-toggle").first.click()
    with page.expect_download() as download:
        notice.get_by_role("button", name="Export progress").click()
    exported = json.loads(Path(download.value.path()).read_text())
    assert exported["modules"]["boundaries-basics"]["completed"]
    context.close()


DAMAGED = {
    "version": 1,
    "modules": {
        "listening-skills": {"opened": "2026-01-01T00:00:00Z", "completed": "2026-01-02T00:00:00Z"},
        "boundaries-basics": {"opened": "last Tuesday", "completed": "2026-01-03T00:00:00Z"},
    },
    "quizzes": {},
    "reflections": {},
}


def damaged_device(browser, fixture_url, width):
    context = new_device(browser, width, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{fixture_url}/privacy.html")
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(DAMAGED))})")
    page.goto(f"{fixture_url}/progress.html")
    return context, page


def test_one_damaged_entry_hides_nothing_else_and_the_notice_stays(browser, fixture_url, width):
    context, page = damaged_device(browser, fixture_url, width)
    assert "completed 1 of 2 modules" in page.locator(".pp-progress-summary").inner_text()
    assert "module boundaries-basics" in page.locator(".pp-notice--aside").inner_text()
    page.goto(f"{fixture_url}/index.html")
    assert page.locator(".pp-notice--aside").is_visible()  # still there on the next page
    page.locator(".pp-keep-aside").click()
    page.goto(f"{fixture_url}/progress.html")
    assert page.locator(".pp-notice--aside").count() == 0
    kept = [k for k in page.evaluate("Object.keys(localStorage)") if k.startswith(KEY + ".set-aside.")]
    assert json.loads(page.evaluate(f"localStorage.getItem('{kept[0]}')")) == DAMAGED  # never deleted
    context.close()


def test_the_set_aside_record_can_be_downloaded_and_restored(browser, fixture_url, width):
    context, page = damaged_device(browser, fixture_url, width)
    with page.expect_download() as download:
        page.locator(".pp-download-aside").click()
    assert json.loads(Path(download.value.path()).read_text()) == DAMAGED
    page.locator(".pp-restore").click()
    assert (
        "Restored from the set-aside copy: module listening-skills, module boundaries-basics"
        in page.locator(".pp-notice--done").inner_text()
    )
    assert "completed 2 of 2 modules" in page.locator(".pp-progress-summary").inner_text()
    page.reload()
    assert page.locator(".pp-notice--aside").count() == 0
    context.close()


def test_importing_the_same_file_twice_counts_each_attempt_once(browser, fixture_url, tmp_path):
    context = new_device(browser, 1280)
    page = context.new_page()
    page.goto(f"{fixture_url}/modules/listening-skills.html")
    page.locator(".pp-quiz input[value=how]").check()
    page.locator(".pp-submit").click()
    file = tmp_path / "progress.json"
    file.write_text(page.evaluate(f"localStorage.getItem('{KEY}')"))
    page.goto(f"{fixture_url}/progress.html")
    for _ in range(2):
        page.locator("input.pp-import").set_input_files(str(file))
        page.locator(".pp-progress-message").filter(has_text="merged").wait_for()
        page.evaluate("document.querySelector('.pp-progress-message').textContent = ''")
    assert "1 attempt" in page.locator("tr[data-module=listening-skills]").inner_text()
    assert stored(page)["quizzes"]["listening-skills"]["attempts"] == 1
    context.close()


def test_a_partly_answered_quiz_survives_a_reload(browser, fixture_url, width):
    context = new_device(browser, width)
    page = context.new_page()
    page.goto(f"{fixture_url}/modules/boundaries-basics.html")
    page.locator(".pp-quiz input[value=thank]").check()
    page.locator(".pp-quiz input[value=team]").check()
    page.select_option("select[name='boundaries-basics--steps--tell']", "2")
    page.locator("textarea").fill("Saying no to a loan.")
    page.reload()
    assert page.locator(".pp-quiz input[value=thank]").is_checked()
    assert page.locator(".pp-quiz input[value=team]").is_checked()
    assert page.locator("select[name='boundaries-basics--steps--tell']").input_value() == "2"
    assert page.locator("textarea").input_value() == "Saying no to a loan."
    assert "unfinished answers" in page.locator(".pp-draft-note").inner_text()
    page.locator(".pp-submit").click()
    page.reload()
    assert not page.locator(".pp-quiz input[value=thank]").is_checked()  # checked answers are not put back
    context.close()


def test_clearing_progress_also_removes_unfinished_quiz_answers(browser, fixture_url):
    context = new_device(browser, 390)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{fixture_url}/modules/boundaries-basics.html")
    page.locator("textarea").fill("Half a thought")
    page.goto(f"{fixture_url}/progress.html")
    page.locator(".pp-clear").click()
    page.goto(f"{fixture_url}/modules/boundaries-basics.html")
    assert page.locator("textarea").input_value() == ""
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_progress_page_with_a_notice_and_reflections_has_no_accessibility_violations(browser, themed_fixture, scheme):
    context = new_device(browser, 390, color_scheme=scheme)
    page = context.new_page()
    base = themed_fixture["mkdocs"]
    page.goto(f"{base}/modules/boundaries-basics.html")
    page.locator(".pp-quiz input[value=thank]").check()
    page.locator("textarea").fill("A reflection.")
    page.locator(".pp-submit").click()
    page.evaluate(f"localStorage.setItem('{KEY}.unreadable.2026-01-01T00:00:00.000Z', '{{broken')")
    page.goto(f"{base}/progress.html")
    assert page.locator(".pp-notice--aside").is_visible()
    assert "A reflection." in page.locator(".pp-reflections").inner_text()
    # The page's own buttons and status colours on the dark scheme are the site restyle's (UX report M8).
    results = Axe().run(page, context={"include": [[".pp-reflections"], [".pp-notices"]]})
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_when_saving_fails_the_learner_is_told_and_can_export(browser, fixture_url):
    full = (
        "const set = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) {"
        " if (k === 'peerpath.progress') throw new DOMException('full', 'QuotaExceededError');"
        " return set.call(this, k, v); };"
    )
    context = new_device(browser, 390, full)
    page = context.new_page()
    page.goto(f"{fixture_url}/modules/boundaries-basics.html")
    assert "Saving failed" in page.locator(".pp-notice--storage").inner_text()
    page.locator(".pp-completion .pp-complete-toggle").first.click()
    assert "You marked this module complete" in page.locator(".pp-complete-status").first.inner_text()
    assert page.locator(".pp-notice--storage").get_by_role("button", name="Export progress").is_visible()
    context.close()
