"""GET /api/callbacks: callback requests for coordinators (bearer token), numbers decrypted."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from fastapi import APIRouter, Depends, HTTPException, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from telephony.auth import require_token
from telephony.dependencies import EngineDep, SettingsDep
from telephony.twilio.callbacks import delete_callback, pending_callbacks

router = APIRouter(
    prefix="/api/callbacks",
    tags=["callbacks"],
    dependencies=[Depends(require_token("coordinator_token"))],
)


class Callback(BaseModel):
    """One person who asked to be called back; `number` is null when it cannot be decrypted."""

    id: int
    channel: str
    number: str | None
    requested_at: dt.datetime
    expires_at: dt.datetime


@router.get("", response_model=list[Callback])
async def list_callbacks(settings: SettingsDep, engine: EngineDep) -> list[Callback]:
    """Requests that have not expired, oldest first; expired ones are deleted on the way."""
    pending = await run_in_threadpool(pending_callbacks, engine, settings)
    return [Callback(**asdict(item)) for item in pending]


@router.delete("/{callback_id}", status_code=204)
async def remove_callback(callback_id: int, engine: EngineDep) -> Response:
    """Delete a request once the person has been called back."""
    if not await run_in_threadpool(delete_callback, engine, callback_id):
        raise HTTPException(404, "No such callback request.")
    return Response(status_code=204)
