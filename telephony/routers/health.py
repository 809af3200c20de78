"""GET /health: whether each part is up, and the anonymous handover counters."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from omzien.db import is_up
from telephony import metrics
from telephony.dependencies import EngineDep, RasaDep

router = APIRouter(prefix="/health", tags=["health"])


@router.get("")
async def health(rasa: RasaDep, engine: EngineDep) -> dict:
    """Report Rasa, the action server and the database as up or down."""
    database_up = await run_in_threadpool(is_up, engine)
    parts = {
        "rasa": await rasa.rasa_up(),
        "actions": await rasa.actions_up(),
        "database": database_up,
    }
    counters = await run_in_threadpool(metrics.totals, engine) if database_up else {}
    return {
        "status": "ok" if all(parts.values()) else "degraded",
        "parts": {name: "up" if up else "down" for name, up in parts.items()},
        "counters": counters,
    }
