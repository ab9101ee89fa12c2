"""SAMHSA Core Competencies for Peer Workers in Behavioral Health Services (2015): category titles.

Titles 1-4 are SAMHSA's wording; 5-12 are a close paraphrase (see shared reference notes).
"""

from __future__ import annotations

from peerpath.i18n import N_

CATEGORIES: dict[int, str] = {
    1: N_("Engages peers in collaborative and caring relationships"),
    2: N_("Provides support"),
    3: N_("Shares lived experiences of recovery"),
    4: N_("Personalizes peer support"),
    5: N_("Supports recovery planning"),
    6: N_("Links to resources, services, and supports"),
    7: N_("Provides information about skills related to health, wellness, and recovery"),
    8: N_("Helps peers to manage crises"),
    9: N_("Values communication"),
    10: N_("Supports collaboration and teamwork"),
    11: N_("Promotes leadership and advocacy"),
    12: N_("Promotes growth and development"),
}
