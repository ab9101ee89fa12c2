"""A trainer's checks of the story world: one Jordan, one name for one person."""

from __future__ import annotations

import re

from conftest import REPO
from peerpath.project import Project, is_translation
from peerpath.site.generate import authored_pages

MODULES = sorted(p for p in (REPO / "curriculum" / "modules").glob("*.md") if not is_translation(p))
QUIZZES = sorted(p for p in (REPO / "quizzes").glob("*.yml") if not is_translation(p))
STORY_WORLD = "for-trainers/story-world.md"


def jordan_passages() -> dict[str, str]:
    """Every module's and quiz's text about Jordan, by file name."""
    return {path.name: path.read_text() for path in [*MODULES, *QUIZZES] if "Jordan" in path.read_text()}


def test_story_world_is_published_for_trainers_and_linked_from_the_authoring_guide():
    pages = authored_pages(Project(REPO))
    assert STORY_WORLD in pages
    assert "(story-world.md)" in str(pages["for-trainers/authoring-guide.md"])


def test_every_module_tells_jordans_story():
    assert {path.name for path in MODULES} <= set(jordan_passages())


def test_jordan_aged_out_this_spring_everywhere():
    wrong = re.compile(r"aged out of foster care (last year|last spring|three months ago)")
    assert [name for name, text in jordan_passages().items() if wrong.search(text)] == []


def test_jordan_is_referred_by_the_public_defender_not_pretrial_services():
    for name, text in jordan_passages().items():
        assert "pretrial officer gave them a card" not in text, name


def test_jordans_peers_are_the_ones_the_story_world_names():
    for name, text in jordan_passages().items():
        assert "youth drop-in center where you" not in text and "peer worker at a youth drop-in" not in text, name
        assert not re.search(r"\b(Nadia|Sam)\b[^.]*\bJordan\b|\bJordan\b[^.]*\b(Nadia|Sam)\b", text), name


def test_one_off_people_in_the_mentoring_and_recovery_modules_have_unique_names():
    ours = [
        "the-peer-role",
        "motivational-interviewing-1",
        "motivational-interviewing-2",
        "mentoring-and-modelling",
        "stages-of-change",
        "recovery-planning-and-capital",
        "co-occurring-conditions",
        "supporting-people-in-crisis",
    ]
    shared = {"Jordan", "Teresa", "Dana", "Keisha", "Priya"}
    text_of = {
        m: (REPO / "curriculum" / "modules" / f"{m}.md").read_text() + (REPO / "quizzes" / f"{m}.yml").read_text()
        for m in ours
    }
    others = "".join(p.read_text() for p in [*MODULES, *QUIZZES] if p.stem not in ours)
    names_like = re.compile(r"\*\*Card \w+\.\*\* ([A-Z][a-z]+), \d+|^\s*- \*\*([A-Z][a-z]+), \d+\.\*\*", re.M)
    for module, text in text_of.items():
        for match in names_like.finditer(text):
            name = match.group(1) or match.group(2)
            if name in shared:
                continue
            elsewhere = [m for m, t in text_of.items() if m != module and re.search(rf"\b{name}\b", t)]
            assert not elsewhere and not re.search(rf"\b{name}\b", others), (module, name, elsewhere)
