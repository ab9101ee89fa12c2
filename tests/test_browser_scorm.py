"""A SCORM 1.2 package runs inside an LMS runtime (scorm-again) and reports what the learner did."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import run_cli, serve_folder
from peerpath.project import Project

pytestmark = pytest.mark.browser

RUNTIME = Path(__file__).parent / "js" / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
HARNESS = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.min.js"></script>
<script>window.API = new Scorm12API({autocommit: false, logLevel: 5}); {seed}</script></head>
<body><iframe id="sco" title="module" src="package/index.html" style="width:100%;height:900px"></iframe>
</body></html>"""


def lms(project: Project, tmp_path: Path, module: str, seed: str = "") -> str:
    assert RUNTIME.is_file(), "`make test` installs tests/js (scorm-again)"
    result = run_cli("export", "scorm", "--out", str(tmp_path / "exports"), cwd=project.root)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "lms"
    with zipfile.ZipFile(tmp_path / "exports" / f"{module}-scorm12.zip") as archive:
        archive.extractall(site / "package")
    shutil.copy(RUNTIME, site)
    (site / "index.html").write_text(HARNESS.replace("{seed}", seed))
    return str(site)


@pytest.fixture
def lms_page(browser):
    page = browser.new_page()
    servers = []

    def open_lms(folder: str):
        url, server = serve_folder(Path(folder))
        servers.append(server)
        page.goto(f"{url}/index.html")
        page.frame_locator("#sco").locator(".pp-quiz").wait_for()
        return page.frame_locator("#sco")

    yield page, open_lms
    for server in servers:
        server.shutdown()
        server.server_close()
    page.close()


def cmi(page, element: str) -> str:
    return page.evaluate(f"window.API.LMSGetValue({element!r})")


def test_quiz_result_reaches_the_lms(project: Project, tmp_path: Path, lms_page):
    page, open_lms = lms_page
    sco = open_lms(lms(project, tmp_path, "listening-skills"))
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"

    sco.locator("input[value=did]").check()  # wrong
    sco.locator(".pp-submit").click()
    assert cmi(page, "cmi.core.lesson_status") == "failed"
    assert cmi(page, "cmi.core.score.raw") == "0"

    sco.locator(".pp-retry").click()
    sco.locator("input[value=how]").check()
    sco.locator("[data-question=reflections-count] input[value=false]").check()
    sco.locator(".pp-submit").click()
    assert cmi(page, "cmi.core.lesson_status") == "passed"
    assert (cmi(page, "cmi.core.score.raw"), cmi(page, "cmi.core.score.min"), cmi(page, "cmi.core.score.max")) == (
        "100",
        "0",
        "100",
    )
    state = json.loads(cmi(page, "cmi.suspend_data"))
    assert state["attempts"] == 2 and state["best"] == 100 and state["passed"] is True
    assert len(cmi(page, "cmi.suspend_data")) <= 4096

    page.evaluate("document.getElementById('sco').remove()")  # the learner leaves: the package finishes
    assert page.evaluate("window.API.isTerminated()") is True


def test_resume_state_is_read_back_from_the_lms(project: Project, tmp_path: Path, lms_page):
    page, open_lms = lms_page
    seed = (
        "window.API.loadFromJSON({cmi: {suspend_data: JSON.stringify({attempts: 3, best: 50, passed: false}),"
        " core: {lesson_status: 'failed'}}});"
    )
    sco = open_lms(lms(project, tmp_path, "listening-skills", seed))
    sco.locator("input[value=how]").check()
    sco.locator("[data-question=reflections-count] input[value=true]").check()
    sco.locator(".pp-submit").click()
    state = json.loads(cmi(page, "cmi.suspend_data"))
    assert state["attempts"] == 4 and state["best"] == 50  # 1 of 2 is 50 %: best kept, not lowered


def test_module_without_a_quiz_is_completed(project: Project, tmp_path: Path, lms_page):
    (project.quizzes / "listening-skills.yml").unlink()
    folder = lms(project, tmp_path, "listening-skills")
    page, _ = lms_page
    url, server = serve_folder(Path(folder))
    page.goto(f"{url}/index.html")
    page.frame_locator("#sco").locator("h1").wait_for()
    page.wait_for_function("window.API.LMSGetValue('cmi.core.lesson_status') === 'completed'")
    server.shutdown()
    server.server_close()


def test_session_time_is_reported_in_scorm_12_format_when_the_learner_leaves(
    project: Project, tmp_path: Path, lms_page
):
    page, open_lms = lms_page
    page.clock.install(time=1_800_000_000_000)
    page.clock.pause_at(1_800_000_001_000)  # the page's clock moves only when the test moves it
    seed = "window.sent = []; window.API.on('LMSSetValue.cmi.core.session_time', (e, v) => window.sent.push(v));"
    open_lms(lms(project, tmp_path, "listening-skills", seed))
    page.clock.fast_forward("01:05")  # the learner reads for a minute and five seconds
    page.evaluate("document.getElementById('sco').remove()")
    assert page.evaluate("window.API.isTerminated()") is True
    assert page.evaluate("window.sent") == ["0000:01:05.00"]
    assert page.evaluate("window.API.cmi.core._session_time") == "00:01:05"  # accepted by the LMS runtime


def test_session_time_format_for_long_and_short_sessions(project: Project, tmp_path: Path, lms_page):
    page, open_lms = lms_page
    open_lms(lms(project, tmp_path, "listening-skills"))
    timespan = [page.frames[1].evaluate(f"window.PeerPathScorm.timespan({ms})") for ms in (0, 45_296_784, 4e10)]
    assert timespan == ["0000:00:00.00", "0012:34:56.78", "9999:59:59.99"]  # HHHH:MM:SS.SS, at most 9999 hours


def test_result_is_recorded_when_the_lms_does_not_set_lesson_mode(project: Project, tmp_path: Path, lms_page):
    page, open_lms = lms_page
    seed = (
        "var get = window.API.LMSGetValue.bind(window.API);"
        "window.API.LMSGetValue = function (e) { return e === 'cmi.core.lesson_mode' ? '' : get(e); };"
    )
    sco = open_lms(lms(project, tmp_path, "listening-skills", seed))
    sco.locator("input[value=how]").check()
    sco.locator("[data-question=reflections-count] input[value=false]").check()
    sco.locator(".pp-submit").click()
    assert cmi(page, "cmi.core.lesson_status") == "passed"
    assert cmi(page, "cmi.core.score.raw") == "100"


def test_review_mode_records_nothing(project: Project, tmp_path: Path, lms_page):
    page, open_lms = lms_page
    seed = "window.API.loadFromJSON({cmi: {core: {lesson_mode: 'review', lesson_status: 'passed'}}});"
    sco = open_lms(lms(project, tmp_path, "listening-skills", seed))
    sco.locator("input[value=did]").check()
    sco.locator(".pp-submit").click()
    assert cmi(page, "cmi.core.lesson_status") == "passed"
    assert cmi(page, "cmi.suspend_data") == ""


def test_a_long_reflection_is_kept_up_to_the_4096_character_limit_and_restored(
    project: Project, tmp_path: Path, lms_page
):
    page, open_lms = lms_page
    sco = open_lms(lms(project, tmp_path, "boundaries-basics"))
    reflection = "When I said no to a second coffee, it helped. " * 110  # 5,060 characters
    sco.locator("[data-question=own-boundary] textarea").fill(reflection)
    sco.locator("input[value=thank]").check()
    sco.locator(".pp-submit").click()
    text = cmi(page, "cmi.suspend_data")
    state = json.loads(text)
    assert len(text) <= 4096
    assert (state["attempts"], state["best"], state["passed"]) == (1, 20, False)  # results always kept
    kept = state["reflections"]["own-boundary"]
    assert reflection.startswith(kept) and len(kept) > 3900  # the beginning, as much as fits
    assert "beginning of each is kept" in sco.locator(".pp-scorm-note").inner_text()

    page.goto("about:blank")  # the learner comes back another day: the kept text is in the box
    seed = f"window.API.loadFromJSON({{cmi: {{suspend_data: {json.dumps(text)}}}}});"
    sco = open_lms(lms(project, tmp_path / "again", "boundaries-basics", seed))
    assert sco.locator("[data-question=own-boundary] textarea").input_value() == kept


def test_resume_data_that_fits_exactly_is_kept_whole(project: Project, tmp_path: Path, lms_page):
    page, open_lms = lms_page
    open_lms(lms(project, tmp_path, "boundaries-basics"))
    sco = page.frames[1]
    base = {"attempts": 2, "best": 60, "passed": False, "last": [["gift", 1]], "reflections": {"own-boundary": ""}}
    room = 4096 - len(json.dumps(base, separators=(",", ":")))
    exact = base | {"reflections": {"own-boundary": "a" * room}}
    one_over = base | {"reflections": {"own-boundary": "a" * (room + 1)}}
    kept = json.loads(sco.evaluate("(s) => window.PeerPathScorm.suspendText(s, 4096)", exact))
    assert kept == exact
    kept = json.loads(sco.evaluate("(s) => window.PeerPathScorm.suspendText(s, 4096)", one_over))
    assert "last" not in kept and kept["reflections"]["own-boundary"] == "a" * (
        room + 1
    )  # per-question scores go first
