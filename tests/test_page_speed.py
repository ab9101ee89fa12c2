"""What makes a page quick on a phone, checked in the built pages of both builders."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import REPO, copy_fixture
from peerpath.pipeline import build
from peerpath.project import Project
from peerpath.site.siteconfig import in_groups


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_nothing_in_the_page_head_is_a_script_file_the_first_paint_must_wait_for(built_fixture: Project, engine: str):
    for name in ("index.html", "modules/boundaries-basics.html", "progress.html"):
        head = (built_fixture.site(engine) / name).read_text().split("</head>", 1)[0]
        tags = re.sub(r"<script>.*?</script>", "<script></script>", head, flags=re.S)  # the tags, not the code
        assert not re.findall(r"<script[^>]*\ssrc=", tags), f"{name} links a script in its head"
        assert "window.PeerPathStorage" in head, f"{name}: the storage guard runs before the theme's scripts"
        assert "IFrameWorker" in head, f"{name}: search still works when the site is opened from disk"


@pytest.fixture(scope="module")
def pruned_fixture(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The fixture curriculum with this repository's theme features (pruned navigation), built by both engines."""
    project = copy_fixture(tmp_path_factory.mktemp("pruned") / "project")
    config = yaml.safe_load(project.config.read_text())
    config["theme"]["features"] = yaml.safe_load((REPO / "mkdocs.yml").read_text())["theme"]["features"]
    project.config.write_text(yaml.safe_dump(config, sort_keys=False))
    for engine in ("mkdocs", "zensical"):
        assert build(project, engine) == 0
    return project


def _nav(html: str) -> str:
    """The site navigation of a page (the primary sidebar), without the page's own table of contents."""
    return html.split('class="md-nav md-nav--primary"', 1)[1].split('class="md-sidebar md-sidebar--secondary"', 1)[0]


def _links(html: str) -> set[str]:
    return {href.removeprefix("./") for href in re.findall(r'href="([^"#]+)"', html)}


def test_the_shipped_site_prunes_its_navigation():
    assert "navigation.prune" in yaml.safe_load((REPO / "mkdocs.yml").read_text())["theme"]["features"]


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_module_page_lists_every_module_and_leaves_out_the_trainer_editions(pruned_fixture: Project, engine: str):
    page = (pruned_fixture.site(engine) / "modules" / "boundaries-basics.html").read_text()
    nav = _links(_nav(page))
    assert {"boundaries-basics.html", "listening-skills.html"} <= nav, "every module is one tap away"
    assert "../trainer/listening-skills.html" not in nav, "trainer editions are not carried on learner pages"
    assert "../trainer/index.html" in nav, "the list of trainer editions is one tap away"
    assert "../progress.html" in nav and "../workbook.html" in nav


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_trainer_edition_lists_every_other_trainer_edition(pruned_fixture: Project, engine: str):
    page = (pruned_fixture.site(engine) / "trainer" / "boundaries-basics.html").read_text()
    assert {"listening-skills.html", "index.html"} <= _links(_nav(page))


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_previous_and_next_links_still_lead_through_the_course_in_order(pruned_fixture: Project, engine: str):
    page = (pruned_fixture.site(engine) / "modules" / "boundaries-basics.html").read_text()
    footer = page.split('class="md-footer"', 1)[1]
    nxt = re.search(r'<a href="([^"]+)"[^>]*md-footer__link--next', footer)
    assert nxt and nxt.group(1).removeprefix("./") == "listening-skills.html"


def _modules(n: int) -> list[dict[str, str]]:
    return [{f"Module {i}": f"modules/m{i}.md"} for i in range(1, n + 1)]


def test_a_part_of_forty_modules_stays_one_list():
    assert in_groups(_modules(40)) == _modules(40)


def test_a_very_long_part_is_cut_into_numbered_groups_in_course_order():
    groups = in_groups(_modules(100))
    names = [next(iter(g)) for g in groups]
    assert names == ["Modules 1–20", "Modules 21–40", "Modules 41–60", "Modules 61–80", "Modules 81–100"]
    assert [entry for g in groups for entry in next(iter(g.values()))] == _modules(100), "no module lost or moved"


def test_a_thousand_modules_give_a_page_about_sixty_links_not_a_thousand():
    groups = in_groups(_modules(1000))
    sizes = [len(next(iter(g.values()))) for g in groups]
    assert len(groups) == 32 and max(sizes) == 32  # a page lists the 32 groups and its own group's 32 modules


def test_group_names_are_in_the_site_language():
    assert next(iter(in_groups(_modules(45), "es")[1])) == "Módulos 21–40"
