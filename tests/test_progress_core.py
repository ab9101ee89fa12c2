"""The merge and migration logic of progress tracking, run in the browser's own JavaScript engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CORE = Path(__file__).parent.parent / "tools" / "peerpath" / "static" / "progress-core.js"


@pytest.fixture
def core(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><title>core</title>")
    page.add_script_tag(path=str(CORE))

    def call(expression: str, *args):
        return page.evaluate(f"(args) => {{ const C = window.PeerPathProgressCore; return {expression}; }}", list(args))

    yield call
    page.close()


def attempt(quiz: str, percent: float, passed: bool, when: str, reflections=None):
    return {
        "quiz": quiz,
        "module": quiz,
        "score": percent / 10,
        "max": 10,
        "percent": percent,
        "passed": passed,
        "submittedAt": when,
        "reflections": reflections or {},
    }


def test_first_version_round_trips_unchanged(core):
    data = core(
        "C.recordAttempt(C.setComplete(C.empty(), 'm1', true, '2026-01-02T00:00:00Z'), args[0])",
        attempt("m1", 80, True, "2026-01-03T00:00:00Z"),
    )
    result = core("C.parse(JSON.stringify(args[0]))", data)
    assert result["problem"] is None
    assert result["data"] == data
    assert data["version"] == 1


def test_unreadable_or_foreign_data_is_reported_not_used(core):
    for text in ["{not json", "[1,2]", json.dumps({"version": 1, "modules": []}), json.dumps({"hello": "world"})]:
        result = core("C.parse(args[0])", text)
        assert result["problem"], text
        assert result["data"] == {"version": 1, "modules": {}, "quizzes": {}, "reflections": {}}


def test_data_from_a_newer_version_is_set_aside(core):
    result = core("C.parse(args[0])", json.dumps({"version": 99, "modules": {}, "quizzes": {}, "reflections": {}}))
    assert "newer version" in result["problem"]


def test_best_score_is_kept_and_attempts_counted(core):
    data = core(
        "C.recordAttempt(C.recordAttempt(C.empty(), args[0]), args[1])",
        attempt("q", 90, True, "2026-01-01T00:00:00Z"),
        attempt("q", 50, False, "2026-01-05T00:00:00Z"),
    )
    q = data["quizzes"]["q"]
    assert q["attempts"] == 2 and q["best"]["percent"] == 90 and q["passed"] is True
    assert q["passedAt"] == "2026-01-01T00:00:00Z" and q["lastAttempt"] == "2026-01-05T00:00:00Z"


def test_merge_keeps_best_scores_unions_completions_and_overwrites_nothing(core):
    phone = core(
        "C.recordAttempt(C.setComplete(C.empty(), 'a', true, '2026-02-01T00:00:00Z'), args[0])",
        attempt("a", 60, False, "2026-02-01T00:00:00Z", {"r1": "phone words"}),
    )
    laptop = core(
        "C.recordAttempt(C.setComplete(C.markOpened(C.empty(), 'b', '2026-01-01T00:00:00Z'), 'a', true,"
        " '2026-01-15T00:00:00Z'), args[0])",
        attempt("a", 85, True, "2026-01-15T00:00:00Z", {"r1": "laptop words"}),
    )
    merged = core("C.merge(args[0], args[1])", phone, laptop)
    assert set(merged["modules"]) == {"a", "b"}
    assert merged["modules"]["a"]["completed"] == "2026-01-15T00:00:00Z"  # the earlier completion
    assert merged["quizzes"]["a"]["best"]["percent"] == 85 and merged["quizzes"]["a"]["attempts"] == 2
    reflection = merged["reflections"]["a"]["r1"]
    assert reflection["text"] == "phone words" and reflection["earlierText"] == "laptop words"
    assert core("C.merge(args[0], args[1])", laptop, phone)["quizzes"] == merged["quizzes"]


def test_merging_with_itself_changes_nothing_but_attempt_counts(core):
    data = core("C.setComplete(C.empty(), 'a', true, '2026-02-01T00:00:00Z')")
    assert core("C.merge(args[0], args[0])", data) == data


def test_status_of_a_module(core):
    assert core("C.status(C.empty(), 'x')") == "not-started"
    assert core("C.status(C.markOpened(C.empty(), 'x'), 'x')") == "in-progress"
    assert core("C.status(C.setComplete(C.empty(), 'x', true), 'x')") == "complete"
