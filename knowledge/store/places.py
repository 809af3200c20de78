"""Where someone is: a postcode, town or municipality resolved to a point."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from knowledge.store.reference import Municipality, Postcode, Town


@dataclass(frozen=True)
class Origin:
    """The point distances are measured from, with a name to show."""

    name: str
    latitude: float
    longitude: float


def resolve_origin(
    session: Session,
    place: str | None = None,
    postcode: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
) -> Origin | None:
    """Coordinates, a postcode ("1234", "1234 AB") or a place name; None when unknown."""
    if lat is not None and lon is not None:
        return Origin(f"{lat:.4f}, {lon:.4f}", lat, lon)
    for text in (postcode, place):
        match = re.fullmatch(r"\s*([1-9]\d{3})\s*([A-Za-z]{2})?\s*", text or "")
        if match:
            row = session.get(Postcode, match.group(1))
            return Origin(f"{row.town} ({row.pc4})", row.latitude, row.longitude) if row else None
    if not place or not place.strip():
        return None
    name = place.strip().lower()
    municipality = session.execute(
        select(Municipality).where(func.lower(Municipality.name) == name)
    ).scalar_one_or_none()
    if municipality:
        return Origin(municipality.name, municipality.latitude, municipality.longitude)
    town = session.execute(select(Town).where(func.lower(Town.name) == name).limit(1)).scalar()
    return Origin(town.name, town.latitude, town.longitude) if town else None
