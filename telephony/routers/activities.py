"""GET /api/activities: ranked activities near a place, for the widget, partners and tests."""

from __future__ import annotations

from fastapi import APIRouter, Query
from pydantic import BaseModel, confloat, conint
from starlette.concurrency import run_in_threadpool

from knowledge.store import search
from knowledge.store.answers import status_text
from telephony.dependencies import EngineDep
from telephony.text import clean_message

router = APIRouter(prefix="/api/activities", tags=["activities"])


class ActivitiesOut(BaseModel):
    """Search outcome: ok, fallback (national only), unknown_place or no_place, with a text."""

    status: str
    place: str | None
    categories: list[str]
    total: int
    message: str
    results: list[search.Result]


@router.get("", response_model=ActivitiesOut)
async def activities(
    engine: EngineDep,
    q: str = Query("", max_length=200, description="what the person likes to do"),
    place: str | None = Query(None, max_length=100),
    postcode: str | None = Query(None, max_length=10),
    lat: confloat(ge=50.5, le=53.8) | None = None,
    lon: confloat(ge=3.2, le=7.3) | None = None,
    radius_km: confloat(gt=0, le=100) = 15.0,
    day: str | None = Query(None, max_length=10, description="ma, di, … or maandag, …"),
    free: bool = False,
    group: str | None = Query(None, max_length=30),
    offset: conint(ge=0, le=1000) = 0,
    limit: conint(ge=1, le=50) = 10,
) -> ActivitiesOut:
    """Activities that fit an interest, nearest first; national ones when nothing local fits."""
    # Typed text is cleaned as chat messages are: no control, invisible or reordering characters.
    place, postcode = (clean_message(v) if v else None for v in (place, postcode))
    query = search.Query(
        clean_message(q), place, postcode, lat, lon, radius_km, day, free, group, offset, limit
    )
    outcome = await run_in_threadpool(search.search, engine, query)
    return ActivitiesOut(
        status=outcome.status,
        place=outcome.place,
        categories=outcome.categories,
        total=outcome.total,
        message=status_text(outcome),
        results=outcome.results,
    )
