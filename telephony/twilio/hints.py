"""Speech hints for Twilio's recogniser: activity words and the larger Dutch place names."""

from __future__ import annotations

import csv
from functools import lru_cache

from knowledge.lexicon import activities
from knowledge.paths import DATA

MAX_HINTS = 400  # Twilio accepts up to 500 entries of at most 100 characters
SYNONYMS_PER_ACTIVITY = 8
MAX_PLACES = 200


def _places_by_population() -> list[str]:
    with open(DATA / "gemeenten.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows.sort(key=lambda row: int(row.get("inwoners_pc4_2020") or 0), reverse=True)
    return [row["name"] for row in rows[:MAX_PLACES]]


@lru_cache
def speech_hints(extra: tuple[str, ...] = ()) -> str:
    """Comma-separated phrases a caller is likely to say, most useful first."""
    phrases = list(extra)
    for activity in activities().values():
        phrases += [activity["label"], *activity["synonyms"][:SYNONYMS_PER_ACTIVITY]]
    phrases += _places_by_population()
    unique = dict.fromkeys(p.strip() for p in phrases if p.strip() and "," not in p)
    return ", ".join(phrase[:100] for phrase in list(unique)[:MAX_HINTS])
