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


def test_merging_a_record_with_itself_changes_nothing(core):
    data = core(
        "C.recordAttempt(C.setComplete(C.empty(), 'a', true, '2026-02-01T00:00:00Z'), args[0])",
        attempt("a", 70, False, "2026-02-01T00:00:00Z"),
    )
    assert core("C.merge(args[0], args[0])", data) == data
    assert core("C.merge(C.merge(args[0], args[0]), args[0])", data)["quizzes"]["a"]["attempts"] == 1


def test_importing_an_older_export_without_attempt_times_never_inflates_the_count(core):
    old = {"module": "a", "attempts": 3, "best": {"percent": 80}, "passed": True, "lastAttempt": None, "passedAt": None}
    here = core("C.recordAttempt(C.empty(), args[0])", attempt("a", 50, False, "2026-03-01T00:00:00Z"))
    once = core("C.merge(args[0], args[1])", here, {**here, "quizzes": {"a": old}})
    twice = core("C.merge(args[0], args[1])", once, {**here, "quizzes": {"a": old}})
    assert once["quizzes"]["a"]["attempts"] == 4  # 1 here + 3 from the other device
    assert twice["quizzes"]["a"]["attempts"] == 4


def test_the_same_submission_heard_twice_is_one_attempt(core):
    detail = attempt("q", 90, True, "2026-01-01T00:00:00Z")
    data = core("C.recordAttempt(C.recordAttempt(C.empty(), args[0]), args[0])", detail)
    assert data["quizzes"]["q"]["attempts"] == 1


def test_one_damaged_entry_keeps_every_valid_one(core):
    record = {
        "version": 1,
        "modules": {
            "good": {"opened": "2026-01-01T00:00:00Z", "completed": "2026-01-02T00:00:00Z"},
            "bad": {"opened": "yesterday", "completed": "2026-01-03T00:00:00Z"},
        },
        "quizzes": {"good": {"module": "good", "attempts": 1, "best": {"percent": 90}}, "bad": {"attempts": "x"}},
        "reflections": {"good": {"r": {"text": "kept", "savedAt": "2026-01-02T00:00:00Z"}, "r2": 5}},
    }
    result = core("C.parse(args[0])", json.dumps(record))
    assert set(result["data"]["modules"]) == {"good"} and set(result["data"]["quizzes"]) == {"good"}
    assert result["data"]["reflections"] == {"good": {"r": record["reflections"]["good"]["r"]}}
    assert result["damaged"] == ["module bad", "quiz bad", "reflection r2 of quiz good"]
    assert "module bad" in result["problem"] and "everything else was kept" in result["problem"]


def test_restoring_a_damaged_record_drops_only_the_damaged_fields(core):
    record = {
        "version": 1,
        "modules": {"bad": {"opened": "yesterday", "completed": "2026-01-03T00:00:00Z"}, "gone": {"opened": 7}},
        "quizzes": {"q": {"attempts": "x", "best": {"percent": 60}}, "lost": {"attempts": 1}},
        "reflections": {},
    }
    result = core("C.repair(args[0])", json.dumps(record))
    assert result["data"]["modules"]["bad"] == {"opened": "2026-01-03T00:00:00Z", "completed": "2026-01-03T00:00:00Z"}
    assert core("C.status(args[0], 'bad')", result["data"]) == "complete"
    assert result["data"]["quizzes"]["q"]["best"]["percent"] == 60
    assert result["restored"] == ["module bad", "quiz q"] and result["lost"] == ["module gone", "quiz lost"]
    assert "whole record" in core("C.repair(args[0])", "{nope")["lost"][0]


def test_status_of_a_module(core):
    assert core("C.status(C.empty(), 'x')") == "not-started"
    assert core("C.status(C.markOpened(C.empty(), 'x'), 'x')") == "in-progress"
    assert core("C.status(C.setComplete(C.empty(), 'x', true), 'x')") == "complete"
