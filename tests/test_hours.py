"""Contact hours come from agenda segments; breaks never count."""

from __future__ import annotations

from peerpath.curriculum.hours import contact_minutes, hours_text, minutes_by_topic
from peerpath.models.module import ModuleMeta


def module(*segments: tuple[int, str | None, str]) -> ModuleMeta:
    return ModuleMeta(
        id="m",
        title="M",
        summary="S",
        objectives=["Explain a", "Describe b"],
        agenda=[{"title": f"s{i}", "minutes": m, "topic": t, "kind": k} for i, (m, t, k) in enumerate(segments)],
    )


def test_contact_hours_are_the_sum_of_segment_minutes_without_breaks():
    m = module((50, "a", "presentation"), (15, None, "break"), (40, "b", "role-play"), (10, "a", "quiz"))
    assert contact_minutes(m) == 100


def test_hours_by_topic_add_up_to_the_contact_total():
    m = module((50, "a", "presentation"), (15, None, "break"), (40, "b", "role-play"), (10, "a", "quiz"))
    assert minutes_by_topic(m) == {"a": 60, "b": 40}
    assert sum(minutes_by_topic(m).values()) == contact_minutes(m)


def test_hours_are_shown_to_the_nearest_quarter_hour():
    assert hours_text(180) == "3 h"
    assert hours_text(165) == "2.75 h"
    assert hours_text(100) == "1.75 h"  # 1 h 40 min rounds to 1.75
    assert hours_text(80) == "1.25 h"
    assert hours_text(5) == "0 h"
