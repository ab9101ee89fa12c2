"""A trainer plans a live cohort: a day-by-day schedule from the agendas, breaks not counted."""

from __future__ import annotations

import datetime as dt

from conftest import run_cli
from peerpath.cohorts.schedule import build_schedule
from peerpath.curriculum.crosscheck import cross_check
from peerpath.curriculum.load import load_project
from peerpath.project import Project


def curriculum_of(project: Project):
    curriculum, problems = cross_check(load_project(project))
    assert not problems
    return curriculum


def test_every_segment_is_scheduled_once_and_contact_time_is_kept(project: Project):
    days = build_schedule(curriculum_of(project), 2, "09:30", dt.date(2027, 3, 1))
    titles = [s.title for d in days for s in d.slots if s.title != "Lunch"]
    assert titles == ["Welcome", "Break", "Role-play", "Stages refresher", "Skill drill", "Knowledge check"]
    assert sum(d.contact_minutes for d in days) == 170
    assert days[0].slots[0].start == "09:30" and days[0].date == dt.date(2027, 3, 1)
    assert days[1].date == dt.date(2027, 3, 2) and days[1].slots[0].start == "09:30"


def test_long_days_get_a_lunch_break_that_is_not_contact_time(project: Project):
    module = project.modules / "listening-skills.md"
    module.write_text(module.read_text().replace("minutes: 60", "minutes: 300"))
    (day,) = build_schedule(curriculum_of(project), 1, "09:00")
    lunch = [s for s in day.slots if s.title == "Lunch"]
    assert len(lunch) == 1 and lunch[0].minutes == 60 and not lunch[0].contact
    assert day.contact_minutes == 410


def test_schedule_command_reads_days_from_a_roster(project: Project):
    from conftest import HERE

    result = run_cli("schedule", "--cohort", str(HERE / "fixtures" / "rosters" / "cohort.yml"), cwd=project.root)
    assert result.returncode == 0, result.stderr
    assert "5 days" in result.stdout or "## Day 1: Monday 2027-03-01" in result.stdout
    assert "Contact time: 2.75 h (170 minutes)" in result.stdout


def test_too_few_days_for_the_course_is_refused_not_printed_past_midnight(project):
    # the fixture course is 180 minutes with its break (and no lunch): from 23:00 it would end at 26:00
    result = run_cli("schedule", "--days", "1", "--start", "23:00", cwd=project.root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "1 day(s) cannot hold the course: day 1 would end at 26:00; give at least 3 days" in result.stderr
