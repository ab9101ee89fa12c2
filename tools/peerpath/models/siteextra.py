"""The `extra.peerpath` block of mkdocs.yml: settings that belong to the site, not the curriculum."""

from __future__ import annotations

from pydantic import Field

from peerpath.models.common import Strict, Text


class PeerPathSettings(Strict):
    organisation: Text = Field(description="Who issues certificates of completion.")
    verify_url: Text | None = Field(
        default=None, description="Full address of the site's verify page, for QR codes on certificates."
    )
