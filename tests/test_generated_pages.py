"""What the build step writes, checked without a site builder or a browser."""

from __future__ import annotations

import yaml

from peerpath.curriculum.notes import strip_facilitator_notes
from peerpath.pipeline import generate
from peerpath.project import Project
from peerpath.site.markdown_links import demote_headings, rebase_links

NOTE = "SECRET-FACILITATOR-NOTE"


def test_learner_page_hides_facilitator_notes_and_trainer_edition_keeps_them(project: Project):
    generate(project)
    learner = (project.docs / "modules" / "boundaries-basics.md").read_text()
    trainer = (project.docs / "trainer" / "boundaries-basics.md").read_text()
    assert NOTE not in learner and "Watch the time" not in learner
    assert NOTE in trainer and "Watch the time" in trainer


def test_facilitator_note_ends_at_the_first_unindented_line():
    source = 'Intro\n\n!!! facilitator "Timing"\n    Secret.\n\n    More.\n\n## Next\n\nText\n'
    assert strip_facilitator_notes(source) == "Intro\n\n## Next\n\nText\n"


def test_trainer_edition_has_a_minute_by_minute_agenda(project: Project):
    generate(project)
    trainer = (project.docs / "trainer" / "boundaries-basics.md").read_text()
    assert "<td>0:00</td><td>15</td><td>Welcome</td>" in trainer
    assert "<td>0:15</td><td>10</td><td>Break</td>" in trainer
    assert "<td>0:25</td><td>45</td><td>Role-play</td>" in trainer
    assert '80</td><td colspan="3">contact minutes (1.25 h), plus 10 minutes of breaks' in trainer


def test_module_box_shows_derived_hours_by_topic(project: Project):
    generate(project)
    learner = (project.docs / "modules" / "boundaries-basics.md").read_text()
    assert 'data-minutes="80">1.25 h</span>' in learner
    assert "<td>Boundaries</td><td>60</td><td>1 h</td>" in learner
    assert "<td>Stages of change</td><td>20</td><td>0.25 h</td>" in learner
    assert "1. Engages peers in collaborative and caring relationships" in learner


def test_navigation_shows_each_modules_hours_and_keeps_trainer_editions_in_their_own_section(project: Project):
    generate(project)
    config = yaml.safe_load((project.build / "mkdocs.yml").read_text())
    sections = {name: pages for entry in config["nav"] for name, pages in entry.items()}
    learner = yaml.safe_dump({k: v for k, v in sections.items() if k != "For trainers"})
    assert "Boundaries basics (1.25 h): modules/boundaries-basics.md" in learner
    assert "Listening skills (1.5 h): modules/listening-skills.md" in learner
    assert "trainer/" not in learner
    trainer = {name: pages for entry in sections["For trainers"] for name, pages in entry.items()}
    assert trainer["Trainer editions"] == [
        {"All trainer editions": "trainer/index.md"},
        {"Boundaries basics": "trainer/boundaries-basics.md"},
        {"Listening skills": "trainer/listening-skills.md"},
    ]
    assert trainer["Trainer guide"] == "for-trainers/guide.md", "authored trainer pages share the section"


def test_workbook_has_one_page_per_part_with_its_modules_without_notes(project: Project):
    generate(project)
    index = (project.docs / "workbook.md").read_text()
    assert "| [1. Ethics](workbook/ethics.md) | 1 | 1.25 h |" in index
    assert "| [2. Skills](workbook/skills.md) | 1 | 1.5 h |" in index
    ethics = (project.docs / "workbook" / "ethics.md").read_text()
    assert "## Boundaries basics { #module-boundaries-basics }" in ethics
    assert "### Gifts" in ethics
    assert "Listening skills" not in ethics.split("See also")[0]
    assert "[listening](../modules/listening-skills.md)" in ethics  # a module's links still work from here
    assert NOTE not in ethics
    skills = (project.docs / "workbook" / "skills.md").read_text()
    assert "## Listening skills { #module-listening-skills }" in skills


def test_workbook_and_learner_records_stay_out_of_search(project: Project):
    """Search would show every module twice, and the index every phone downloads would double."""
    generate(project)
    for rel in ("workbook.md", "workbook/ethics.md", "workbook/skills.md", "progress.md"):
        assert "search:\n  exclude: true" in (project.docs / rel).read_text(), rel


def test_regenerating_unchanged_sources_touches_nothing(project: Project):
    generate(project)
    assert generate(project).changed == []


def test_link_rebasing_and_heading_demotion():
    assert rebase_links("[a](other.md#x) [b](../for-trainers/g.md)", "modules") == (
        "[a](modules/other.md#x) [b](for-trainers/g.md)"
    )
    assert rebase_links("[c](https://example.org/x.md)", "modules") == "[c](https://example.org/x.md)"
    assert demote_headings("## A\ntext\n### B") == "### A\ntext\n#### B"


def test_each_case_in_a_quiz_has_its_own_label(project: Project):
    quiz = project.quizzes / "boundaries-basics.yml"
    text = quiz.read_text()
    second = text[text.index("  - id: jordan-case") : text.index("  - id: match-roles")].replace(
        "id: jordan-case", "id: second-case"
    )
    second = second.replace("id: which-roles", "id: which-roles-2").replace("id: steps", "id: steps-2")
    quiz.write_text(text.replace("  - id: match-roles", second + "  - id: match-roles"))
    generate(project)
    page = (project.docs / "modules" / "boundaries-basics.md").read_text()
    assert "<strong>Case 1</strong>" in page and "<strong>Case 2</strong>" in page


def test_navigation_lists_every_page_once(project: Project):
    import yaml

    generate(project)
    nav = yaml.safe_load((project.build / "mkdocs.yml").read_text())["nav"]

    def paths(items):
        for item in items:
            for value in item.values():
                yield from paths(value) if isinstance(value, list) else [value]

    listed = list(paths(nav))
    assert len(listed) == len(set(listed))
    assert {"workbook.md", "progress.md", "study-record.md", "verify.md", "privacy.md"} <= set(listed)


def test_board_audit_names_topics_by_label_and_links_its_sources(project: Project):
    generate(project)
    board = (project.docs / "boards" / "fixture-board.md").read_text()
    assert "| Boundaries basics | 3. Role-play (role-play) | Boundaries | 45 |" in board
    assert "| ethics-boundaries |" not in board
    assert '| Sources | <a href="https://example.org/fixture-board">https://example.org/fixture-board</a> |' in board


def test_boards_overview_gives_each_standard_its_result_and_what_falls_short(project: Project):
    generate(project)
    overview = (project.docs / "boards" / "index.md").read_text()
    assert "- **[Fixture Board Peer Credential](fixture-board.md)**: ✗ **falls short**." in overview
    assert "    - Short of the required hours in: Skills; the total." in overview
    assert "Self-study earns no contact hours." in overview
    assert "PeerPath is a curriculum, not an approved training provider." in overview
