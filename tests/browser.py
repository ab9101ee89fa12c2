"""Helpers for driving pages the way a person does: by keyboard, watching what loads."""

from __future__ import annotations

from urllib.parse import urlparse

LOCAL_HOSTS = {"127.0.0.1", "localhost", ""}


def block_other_hosts(page) -> list[str]:
    """Abort and record every request to a host other than this machine."""
    blocked: list[str] = []

    def handle(route):
        url = route.request.url
        if urlparse(url).hostname in LOCAL_HOSTS or url.startswith(("data:", "blob:", "file:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    page.route("**/*", handle)
    return blocked


def tab_until(page, test_js: str, limit: int = 200) -> None:
    """Press Tab until `test_js` (a function of the focused element) is true."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => ({test_js})(el))(document.activeElement)"):
            return
    raise AssertionError(f"keyboard focus never reached an element where {test_js}")


def choose_radio(page, name: str, value: str) -> None:
    tab_until(page, f"el => el.name === {name!r}")
    for _ in range(12):
        if page.evaluate("document.activeElement.value") == value:
            page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"no radio {value!r} in {name!r}")


def tick_checkbox(page, name: str, value: str) -> None:
    tab_until(page, f"el => el.name === {name!r} && el.value === {value!r}")
    page.keyboard.press("Space")


def pick_option(page, name: str, label: str) -> None:
    """Focus a <select> by keyboard and choose an option by typing its label."""
    tab_until(page, f"el => el.name === {name!r}")
    page.keyboard.type(label)
    chosen = page.evaluate("document.activeElement.selectedOptions[0].textContent")
    assert chosen == label, f"typed {label!r} but {chosen!r} is selected"


def press_button(page, css_class: str) -> None:
    tab_until(page, f"el => el.classList.contains({css_class!r})")
    page.keyboard.press("Enter")


# Material's search field, or the one inside Zensical's search dialog.
SEARCH_FIELD = {"mkdocs": ".md-search__input", "zensical": "input[aria-label='Search']"}


def type_search(page, engine: str, words: str) -> None:
    """Type into the theme's search once its field is open and has focus, as a person waits to see the cursor.

    Zensical focuses its dialog's field a moment after the dialog opens; keys pressed before that are lost.
    """
    field = page.locator(SEARCH_FIELD[engine]).first
    field.wait_for(state="visible")
    page.wait_for_function(
        "sel => { let a = document.activeElement;"
        " while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;"
        " return !!a && a.matches(sel); }",
        arg=SEARCH_FIELD[engine],
    )
    page.keyboard.type(words)
