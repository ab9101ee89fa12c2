"""Shared fixtures: a copy of the small fixture curriculum, built sites, a local server, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from peerpath.pipeline import build
from peerpath.project import Project, copy_sources

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "site"
REPO = HERE.parent

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


TRANSLATIONS = ("*.es.md", "*.es.yml")  # the fixture's Spanish edition: one module and its quiz


def copy_fixture(dest: Path, translated: bool = False) -> Project:
    """A copy of the fixture; without its translations unless asked, so editing an English file leaves none stale."""
    skipped = ("build", "site") if translated else ("build", "site", *TRANSLATIONS)
    shutil.copytree(FIXTURE, dest, ignore=shutil.ignore_patterns(*skipped))
    project = Project(dest)
    repo_vendor = Project(REPO).vendor
    if repo_vendor.is_dir():  # installed by `make install`; lets search work from disk
        shutil.copytree(repo_vendor, project.vendor)
    return project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh, writable copy of the fixture curriculum."""
    return copy_fixture(tmp_path / "project")


@pytest.fixture
def project_es(tmp_path: Path) -> Project:
    """A fresh copy of the fixture curriculum with its Spanish translations."""
    return copy_fixture(tmp_path / "project", translated=True)


@pytest.fixture(scope="session")
def built_fixture(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The fixture curriculum, with its Spanish edition, built once with MkDocs and once with Zensical."""
    project = copy_fixture(tmp_path_factory.mktemp("built") / "project", translated=True)
    for engine in ("mkdocs", "zensical"):
        assert build(project, engine) == 0, f"{engine} build failed"
    return project


@pytest.fixture(scope="session")
def built_repo(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The real curriculum of this repository, built with MkDocs into a temporary copy."""
    project = copy_sources(Project(REPO), tmp_path_factory.mktemp("repo") / "project")
    assert build(project, "mkdocs") == 0
    return project


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m peerpath` as a trainer would, capturing what they would see."""
    return subprocess.run([sys.executable, "-m", "peerpath", *args], cwd=cwd, capture_output=True, text=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve_folder(folder: Path):
    """Serve a built site on 127.0.0.1 (a free port); returns (base url, server)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def _served(project: Project):
    url, server = serve_folder(project.site("mkdocs"))
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def fixture_url(built_fixture: Project):
    yield from _served(built_fixture)


@pytest.fixture(scope="session")
def repo_url(built_repo: Project):
    yield from _served(built_repo)


def chromium_path() -> str:
    for candidate in (
        os.environ.get("PEERPATH_CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate:
            return candidate
    pytest.fail("Chromium is missing: `make test` installs Debian's chromium, or set PEERPATH_CHROMIUM")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chrome = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chrome
        chrome.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def themed_fixture(tmp_path_factory):
    """The fixture curriculum with the colour toggle of this repository's site, built by both engines."""
    project = copy_fixture(tmp_path_factory.mktemp("themed") / "project")
    config = yaml.safe_load(project.config.read_text())
    config["theme"]["palette"] = yaml.safe_load((REPO / "mkdocs.yml").read_text())["theme"]["palette"]
    project.config.write_text(yaml.safe_dump(config, sort_keys=False))
    for engine in ("mkdocs", "zensical"):
        assert build(project, engine) == 0
    served = {engine: serve_folder(project.site(engine)) for engine in ("mkdocs", "zensical")}
    yield {engine: url for engine, (url, _) in served.items()}
    for _, server in served.values():
        server.shutdown()
        server.server_close()
