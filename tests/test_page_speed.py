"""What makes a page quick on a phone, checked in the built pages of both builders."""

from __future__ import annotations

import re

import pytest

from peerpath.project import Project


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_nothing_in_the_page_head_is_a_script_file_the_first_paint_must_wait_for(built_fixture: Project, engine: str):
    for name in ("index.html", "modules/boundaries-basics.html", "progress.html"):
        head = (built_fixture.site(engine) / name).read_text().split("</head>", 1)[0]
        tags = re.sub(r"<script>.*?</script>", "<script></script>", head, flags=re.S)  # the tags, not the code
        assert not re.findall(r"<script[^>]*\ssrc=", tags), f"{name} links a script in its head"
        assert "window.PeerPathStorage" in head, f"{name}: the storage guard runs before the theme's scripts"
        assert "IFrameWorker" in head, f"{name}: search still works when the site is opened from disk"
