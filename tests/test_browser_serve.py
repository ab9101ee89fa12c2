"""A trainer's edit loop: `peerpath serve`, save a quiz, and the open page shows the change by itself."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import copy_fixture

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_served(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, "peerpath serve stopped"
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"{url} was never served")


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_saving_a_quiz_updates_the_open_page(tmp_path, browser, engine: str):
    project = copy_fixture(tmp_path / "project")
    port = _free_port()
    cmd = [sys.executable, "-m", "peerpath", "serve", "--engine", engine, "--address", f"127.0.0.1:{port}"]
    log = tmp_path / "serve.log"  # what the trainer's terminal would show, printed if the page never changes
    with log.open("w") as out:
        server = subprocess.Popen(cmd, cwd=project.root, stdout=out, stderr=subprocess.STDOUT)
    page = browser.new_page()
    try:
        url = f"http://127.0.0.1:{port}/modules/listening-skills.html"
        _wait_until_served(url, server)
        page.goto(url)
        assert page.get_by_text("Which is an open question?").is_visible()
        quiz = project.quizzes / "listening-skills.yml"
        quiz.write_text(quiz.read_text().replace("Which is an open question?", "Which question invites a story?"))
        # No reload by hand: the builder reloads the page once PeerPath has regenerated it.
        try:
            page.get_by_text("Which question invites a story?").wait_for(timeout=60_000)
        except PlaywrightTimeout:
            pytest.fail(f"the page never showed the saved quiz; peerpath serve said:\n{log.read_text()}")
    finally:
        page.close()
        server.terminate()
        server.wait(timeout=30)
