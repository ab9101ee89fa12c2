"""PeerPath: validate a peer recovery curriculum and generate the pages a site builder turns into a site."""

from __future__ import annotations

__version__ = "0.1.0"
