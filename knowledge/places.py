"""Dutch municipalities, towns and 4-digit postcodes from knowledge/data (CBS/Kadaster, BAG)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from knowledge.paths import DATA


@dataclass(frozen=True)
class Place:
    """A municipality or town, with the municipality it belongs to."""

    name: str
    municipality: str
    municipality_code: str
    province: str


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache
def municipalities() -> dict[str, Place]:
    """Municipalities by lower-case name."""
    return {
        row["name"].lower(): Place(row["name"], row["name"], row["code"], row["province"])
        for row in _rows("gemeenten.csv")
    }


@lru_cache
def places() -> dict[str, Place]:
    """Every municipality and town by lower-case name; a municipality wins over a town."""
    found = {
        row["woonplaats"].lower(): Place(
            row["woonplaats"], row["gemeente_naam"], row["gemeente_code"], row["provincie"]
        )
        for row in _rows("woonplaatsen.csv")
    }
    found.update(municipalities())
    return found


@lru_cache
def postcodes() -> dict[str, Place]:
    """4-digit postcodes with their main town and municipality."""
    provinces = {p.municipality_code: p.province for p in municipalities().values()}
    return {
        row["pc4"]: Place(
            row["woonplaats"] or row["gemeente_naam"],
            row["gemeente_naam"],
            row["gemeente_code"],
            provinces.get(row["gemeente_code"], ""),
        )
        for row in _rows("pc4.csv")
    }


@lru_cache
def postcode_points() -> dict[str, tuple[float, float]]:
    """The point (lat, lon) of every 4-digit postcode."""
    return {row["pc4"]: (float(row["lat"]), float(row["lon"])) for row in _rows("pc4.csv")}


def postcode_point(pc4: str) -> tuple[float, float] | None:
    """The point of a 4-digit postcode, or None when it does not exist."""
    return postcode_points().get(pc4)


def find_place(text: str) -> Place | None:
    """Resolve a place name or a postcode (with or without letters) to a Place."""
    cleaned = text.strip().lower()
    digits = cleaned[:4]
    if digits.isdigit():
        return postcodes().get(digits)
    return places().get(cleaned)
