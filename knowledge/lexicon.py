"""Word lists behind entity recognition: activities, relations and times (knowledge/content)."""

from __future__ import annotations

from functools import lru_cache

import yaml

from knowledge.paths import CONTENT


def _load(name: str) -> dict:
    with open(CONTENT / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache
def activities() -> dict[str, dict]:
    """Canonical activity key -> {label, synonyms}."""
    return _load("activities.yml")["activities"]


def activity_label(key: str) -> str:
    """How the bot names an activity in a sentence."""
    return activities().get(key, {}).get("label", key)


@lru_cache
def word_lists() -> dict[str, dict[str, list[str]]]:
    """Relations, relations that need a possessive, and times: canonical -> words."""
    data = _load("lexicon.yml")
    return {
        "relations": data["relations"],
        "relations_after_possessive": data.get("relations_after_possessive", {}),
        "times": data["times"],
    }
