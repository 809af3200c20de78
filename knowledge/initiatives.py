"""National initiatives against loneliness (knowledge/data/landelijke_initiatieven.json).

Only entries marked verified are shown to users; the rest stay in the data, hidden.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from knowledge.paths import DATA

# The data file's categories mapped onto Omzien's activity taxonomy keys.
CATEGORY_TO_ACTIVITY = {
    "samen eten": "samen eten",
    "samen bewegen/sporten": "bewegen en sport",
    "wandelen": "wandelen",
    "creatief/cultuur": "creatief en cultuur",
    "spel": "spel en denksport",
    "koffie/ontmoeting": "koffie en ontmoeting",
    "maatje/bezoek": "maatje en bezoek",
    "telefoon/gesprek": "telefoon en gesprek",
    "vrijwilligerswerk": "vrijwilligerswerk",
    "digitaal": "digitaal",
    "vervoer": "vervoer",
}


@dataclass(frozen=True)
class Initiative:
    """A verified national initiative."""

    name: str
    organisation: str
    what: str
    website: str
    activities: tuple[str, ...]


@lru_cache
def verified() -> tuple[Initiative, ...]:
    """Initiatives whose core facts were confirmed in a source (verified: true)."""
    data = json.loads((DATA / "landelijke_initiatieven.json").read_text(encoding="utf-8"))
    return tuple(
        Initiative(
            entry["name"],
            entry.get("organisation", ""),
            entry["what"],
            entry.get("website", ""),
            tuple(CATEGORY_TO_ACTIVITY[c] for c in entry.get("activity_categories", [])),
        )
        for entry in data["initiatieven"]
        if entry.get("verified") is True and entry.get("what")
    )


def for_activity(activity: str | None) -> list[Initiative]:
    """Verified initiatives that fit an activity key."""
    return [i for i in verified() if activity in i.activities]
