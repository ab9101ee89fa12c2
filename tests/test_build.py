"""Full builds of the fixture curriculum with both site builders."""

from __future__ import annotations

import re

import pytest

from conftest import run_cli
from peerpath.pipeline import build
from peerpath.problems import ProblemsFound
from peerpath.project import Project

MODULES = ("boundaries-basics", "listening-skills")


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_every_module_page_and_trainer_edition_exists_in_both_builds(built_fixture: Project, engine: str):
    site = built_fixture.site(engine)
    for module in MODULES:
        page = (site / "modules" / f"{module}.html").read_text()
        assert "pp-module-box" in page
        assert (site / "trainer" / f"{module}.html").is_file()
    assert (site / "workbook.html").is_file()
    assert (site / "workbook" / "ethics.html").is_file()
    assert (site / "trainer" / "answer-keys" / "boundaries-basics.html").is_file()


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_built_pages_reference_no_other_host(built_fixture: Project, engine: str):
    site = built_fixture.site(engine)
    for page in site.rglob("*.html"):
        html = page.read_text()
        # What a page loads by itself: any src, and <link href>. A link a reader may follow (a board's source) is not.
        for attr in re.findall(r'(?:\ssrc=|<link\s[^>]*href=)"(https?://[^"]+)"', html):
            pytest.fail(f"{page.relative_to(site)} loads {attr}")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_navigation_lists_modules_with_hours_and_trainer_editions_in_their_own_section(
    built_fixture: Project, engine: str
):
    home = (built_fixture.site(engine) / "index.html").read_text()
    assert "Boundaries basics (1.25 h)" in home
    learner_part, trainer_part = home.split("For trainers", 1)
    assert "trainer/boundaries-basics.html" not in learner_part
    assert re.search(r'href="(\./)?trainer/boundaries-basics\.html"', trainer_part)  # Zensical writes "./"
    assert re.search(r'href="(\./)?trainer/index\.html"', trainer_part)


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_trainer_editions_carry_a_banner_saying_so_and_learner_pages_do_not(built_fixture: Project, engine: str):
    site = built_fixture.site(engine)
    assert "Trainer edition." in (site / "trainer" / "boundaries-basics.html").read_text()
    assert "Trainer edition." not in (site / "modules" / "boundaries-basics.html").read_text()


def test_broken_internal_link_fails_the_build_at_the_authored_line(project: Project):
    module = project.modules / "listening-skills.md"
    module.write_text(module.read_text() + "\nSee [the missing page](no-such-module.md).\n")
    with pytest.raises(ProblemsFound, match=r"curriculum/modules/listening-skills\.md:\d+: link 'no-such-module\.md'"):
        build(project, "mkdocs")


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_link_to_a_missing_heading_fails_the_build_under_both_builders(project: Project, engine: str):
    module = project.modules / "listening-skills.md"
    module.write_text(module.read_text() + "\nSee [a renamed heading](#no-such-heading).\n")
    assert build(project, engine) != 0


def test_build_runs_the_check_first_and_writes_nothing_on_bad_input(project: Project):
    module = project.modules / "listening-skills.md"
    module.write_text(module.read_text().replace("minutes: 60", "minutes: -60"))
    result = run_cli("build", cwd=project.root)
    assert result.returncode == 1
    assert "listening-skills.md:10: agenda[0].minutes: must be greater than 0" in result.stderr
    assert "course.yml" not in result.stderr, "only the real mistake is reported"
    assert not project.site("mkdocs").exists()


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_board_audit_pages_build_with_both_engines(built_fixture: Project, engine: str):
    site = built_fixture.site(engine)
    page = (site / "boards" / "fixture-board.html").read_text()
    assert "falls short" in page
    assert "<svg" in page and "Required and instruction-only hours per domain" in page
    assert (site / "boards" / "crosswalk.html").is_file()
    assert (site / "boards" / "index.html").is_file()


def test_a_theme_folder_named_in_mkdocs_yml_but_missing_is_reported_by_check(project: Project):
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("theme:\n", "theme:\n  custom_dir: my-theme\n", 1))
    result = run_cli("check", cwd=project.root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "mkdocs.yml:" in result.stdout + result.stderr
    assert "theme.custom_dir: there is no folder 'my-theme' beside mkdocs.yml" in result.stdout + result.stderr
