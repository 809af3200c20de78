"""The 6-item De Jong Gierveld loneliness scale: items, answer parsing and scoring.

Items and scoring from knowledge/data/de_jong_gierveld_6.json (De Jong Gierveld & Van Tilburg
2008; CBS 2023). A monitoring instrument, not a diagnosis.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge.paths import DATA

ANSWERS = ("ja", "min of meer", "nee")
STOP = re.compile(r"^(stop|stoppen|ik wil stoppen|ophouden|kappen|ik wil niet verder|laat maar)\b")
_MORE_OR_LESS = re.compile(
    r"\b(min of meer|minofmeer|soms|beetje|een beetje|enigszins|deels|gedeeltelijk|af en toe|"
    r"redelijk|best wel|wel een beetje|half|zo'?n beetje|mwa+h?|tja|misschien|2|twee)\b"
)
_YES = re.compile(
    r"\b(ja+|jawel|jazeker|zeker|klopt|inderdaad|zeer|heel erg|helemaal|vaak|altijd|yes|"
    r"yep|jep|ja hoor|wel|1|één|absoluut|precies)\b"
)
_NO = re.compile(r"\b(nee+|neen|nein|niet|nooit|no|nope|helemaal niet|totaal niet|geen|3|drie)\b")


@dataclass(frozen=True)
class Item:
    """One statement of the scale."""

    nr: int
    text: str
    subscale: str
    scores_one_if: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    """A scored self-check: total 0-6 with emotional and social parts (0-3 each)."""

    total: int
    emotional: int
    social: int

    @property
    def category(self) -> str:
        """niet (0-1), matig (2-4) or sterk (5-6), the scale's published cut-offs."""
        if self.total <= 1:
            return "niet"
        return "matig" if self.total <= 4 else "sterk"


@lru_cache
def items() -> tuple[Item, ...]:
    """The six statements in their order."""
    data = json.loads((DATA / "de_jong_gierveld_6.json").read_text(encoding="utf-8"))
    return tuple(
        Item(i["nr"], i["text"], i["subscale"], tuple(i["scores_1_if"])) for i in data["items"]
    )


def parse_answer(text: str) -> str | None:
    """Map a free answer ("ja hoor", "een beetje", "nee niet echt") to ja / min of meer / nee."""
    cleaned = re.sub(r"[^\w' ]+", " ", text.lower()).strip()
    if not cleaned:
        return None
    if re.search(r"\bweet (ik )?(het )?niet\b|\bgeen idee\b", cleaned):
        return None
    if _MORE_OR_LESS.search(cleaned) or ("ja" in cleaned.split() and "nee" in cleaned.split()):
        return "min of meer"
    if re.search(r"\b(niet echt|nee+|neen|nooit|helemaal niet|totaal niet|\w+ niet)$", cleaned):
        return "nee"
    if _YES.search(cleaned):
        return "ja"
    if _NO.search(cleaned):
        return "nee"
    return None


def score(answers: dict[int, str]) -> Result:
    """Score answers by item number ("ja", "min of meer", "nee")."""
    parts = {"emotioneel": 0, "sociaal": 0}
    for item in items():
        if answers[item.nr] in item.scores_one_if:
            parts[item.subscale] += 1
    return Result(parts["emotioneel"] + parts["sociaal"], parts["emotioneel"], parts["sociaal"])
