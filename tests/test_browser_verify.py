"""Anyone holding a certificate can check it on the site's verify page, in the browser."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from conftest import copy_fixture, run_cli, serve_folder
from peerpath.pipeline import build

pytestmark = pytest.mark.browser

ROSTER = """\
cohort: {id: fall-2027, title: Fall 2027, start: 2027-09-01, end: 2027-09-05, delivery: virtual-live,
         trainers: [{name: Dana Okafor}]}
learners:
  - {id: a1, name: Ari Stone, attendance: {boundaries-basics: complete, listening-skills: complete}}
  - {id: b2, name: Bea Lund, attendance: {boundaries-basics: complete, listening-skills: complete}}
"""


@pytest.fixture(scope="module")
def verify_site(tmp_path_factory):
    project = copy_fixture(tmp_path_factory.mktemp("verify") / "project")
    roster = project.root / "private" / "roster.yml"
    roster.parent.mkdir()
    roster.write_text(ROSTER)
    result = run_cli(
        "certificates", "issue", str(roster), "--standard", "fixture-board", "--out", "private/out", cwd=project.root
    )
    assert result.returncode == 0, result.stderr
    codes = {}
    for learner in ("a1", "b2"):
        text = PdfReader(project.root / f"private/out/fall-2027--{learner}--certificate.pdf").pages[0].extract_text()
        codes[learner] = text.split("Verification code: ")[1].split()[0]
    run_cli("certificates", "revoke", codes["b2"], "--reason", "Attendance record corrected", cwd=project.root)
    assert build(project, "mkdocs") == 0
    url, server = serve_folder(project.site("mkdocs"))
    yield url, codes
    server.shutdown()
    server.server_close()


def verify(page, url: str, code: str) -> tuple[str, str]:
    page.goto(f"{url}/verify.html")
    page.get_by_label("Verification code").fill(code)
    page.get_by_label("Verification code").press("Enter")
    result = page.locator("#pp-verify-result")
    page.wait_for_function("document.getElementById('pp-verify-result').dataset.result")
    return result.get_attribute("data-result"), result.inner_text()


def test_valid_code_shows_issue_date_hours_and_standard(page, verify_site):
    url, codes = verify_site
    result, text = verify(page, url, codes["a1"])
    assert result == "valid"
    assert "Issued" in text and "A.S." in text and "fixture-board" in text and "2.75 h" in text


def test_revoked_code_shows_date_and_reason(page, verify_site):
    url, codes = verify_site
    result, text = verify(page, url, codes["b2"])
    assert result == "revoked" and "Attendance record corrected" in text


def test_unknown_code(page, verify_site):
    url, _ = verify_site
    assert verify(page, url, "ZZZZ-ZZZZ-ZZZZ")[0] == "unknown"


def test_code_altered_by_one_character_is_unknown(page, verify_site):
    url, codes = verify_site
    code = codes["a1"]
    tampered = code[:-1] + ("A" if code[-1] != "A" else "B")
    assert verify(page, url, tampered)[0] == "unknown"


def test_code_typed_in_lower_case_without_dashes_still_verifies(page, verify_site):
    url, codes = verify_site
    assert verify(page, url, codes["a1"].replace("-", "").lower())[0] == "valid"


def test_qr_link_opens_the_page_with_the_code_checked(page, verify_site):
    url, codes = verify_site
    page.goto(f"{url}/verify.html#code={codes['a1']}")
    page.wait_for_function("document.getElementById('pp-verify-result').dataset.result === 'valid'")
