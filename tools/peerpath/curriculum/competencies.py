"""SAMHSA Core Competencies for Peer Workers in Behavioral Health Services (2015): category titles.

Titles 1-4 are SAMHSA's wording; 5-12 are a close paraphrase (see shared reference notes).
"""

from __future__ import annotations

CATEGORIES: dict[int, str] = {
    1: "Engages peers in collaborative and caring relationships",
    2: "Provides support",
    3: "Shares lived experiences of recovery",
    4: "Personalizes peer support",
    5: "Supports recovery planning",
    6: "Links to resources, services, and supports",
    7: "Provides information about skills related to health, wellness, and recovery",
    8: "Helps peers to manage crises",
    9: "Values communication",
    10: "Supports collaboration and teamwork",
    11: "Promotes leadership and advocacy",
    12: "Promotes growth and development",
}
