"""A trainer's mistakes in a quiz file are each reported once, with file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import run_cli
from peerpath.inline import render_inline
from peerpath.pipeline import generate
from peerpath.project import Project

CASES = Path(__file__).parent / "cases" / "quizzes"


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.yml")))
def test_each_malformed_quiz_gets_one_clear_error(case: str, project: Project):
    (project.quizzes / "boundaries-basics.yml").unlink()
    shutil.copy(CASES / f"{case}.yml", project.quizzes)
    result = run_cli("check", cwd=project.root)
    expected = (CASES / f"{case}.expected").read_text().splitlines()
    assert result.returncode == 1
    assert result.stderr.splitlines()[:-1] == expected
    assert len(expected) == 1
    assert "Traceback" not in result.stderr


XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def test_html_and_script_in_quiz_text_is_escaped_not_executed(project: Project):
    quiz = project.quizzes / "boundaries-basics.yml"
    text = quiz.read_text()
    text = text.replace(
        'prompt: "A person you support offers you a **gift card**. What do you do?"', f"prompt: '{XSS}'"
    )
    text = text.replace("text: Keep it quietly.", f"text: '{XSS}'")
    text = text.replace("feedback: Keeping it hides the gift from your supervisor.", f"feedback: '{XSS}'")
    text = text.replace("rationale: Gifts are handled openly, with supervision.", f"rationale: '{XSS}'")
    quiz.write_text(text)
    generate(project)
    page = (project.docs / "modules" / "boundaries-basics.md").read_text()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count('<script type="application/json" class="pp-quiz-key">') == 1


def test_inline_markdown_allows_emphasis_and_safe_links_only():
    assert (
        render_inline("**bold** and *it* and `x<y`") == "<strong>bold</strong> and <em>it</em> and <code>x&lt;y</code>"
    )
    assert render_inline("[gifts](#gifts)") == '<a href="#gifts">gifts</a>'
    assert "<a" not in render_inline("[bad](javascript:alert(1))")
    assert ' onerror="' not in render_inline('[x](#a" onerror="alert(1))')


def test_xss_payload_does_not_run_in_the_browser(project: Project, browser):
    quiz = project.quizzes / "boundaries-basics.yml"
    quiz.write_text(quiz.read_text().replace("text: Keep it quietly.", f"text: '{XSS}'"))
    from peerpath.pipeline import build

    assert build(project, "mkdocs") == 0
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((project.site("mkdocs") / "modules" / "boundaries-basics.html").as_uri())
    page.locator("[data-choice=keep] input").check()
    page.locator(".pp-submit").click()
    page.wait_for_timeout(300)
    assert dialogs == []
    assert XSS in page.locator("[data-choice=keep] label").inner_text()
    page.close()
