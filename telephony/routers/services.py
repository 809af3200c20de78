"""Write API for the people who keep the activity data current (bearer token)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Response
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from knowledge.store import importer, models
from knowledge.store.hsds import ServiceIn, to_hsds
from telephony.auth import require_token
from telephony.dependencies import EngineDep

router = APIRouter(
    prefix="/api/services",
    tags=["services"],
    dependencies=[Depends(require_token("data_api_token"))],
)


def _write(engine: Engine, service: ServiceIn, must_be_new: bool) -> dict | None:
    with Session(engine, future=True) as session, session.begin():
        if must_be_new and session.get(models.Service, service.id) is not None:
            return None
        importer.upsert(session, [service])
    return _read(engine, service.id)


def _read(engine: Engine, service_id: str) -> dict | None:
    with Session(engine, future=True) as session:
        row = session.get(models.Service, service_id)
        return to_hsds(row) if row else None


def _delete(engine: Engine, service_id: str) -> bool:
    with Session(engine, future=True) as session, session.begin():
        row = session.get(models.Service, service_id)
        if row is None:
            return False
        session.delete(row)
        return True


@router.post("", status_code=201)
async def create_service(service: ServiceIn, engine: EngineDep) -> dict:
    """Add a service (HSDS 3.0 JSON); 409 when its id exists."""
    created = await run_in_threadpool(_write, engine, service, True)
    if created is None:
        raise HTTPException(409, f"service {service.id} exists; use PUT to change it")
    return created


@router.get("/{service_id}")
async def read_service(service_id: str, engine: EngineDep) -> dict:
    """One service as HSDS 3.0 JSON."""
    found = await run_in_threadpool(_read, engine, service_id)
    if found is None:
        raise HTTPException(404, "no such service")
    return found


@router.put("/{service_id}")
async def replace_service(service_id: str, service: ServiceIn, engine: EngineDep) -> dict:
    """Create or replace a service; the id in the path and the body must agree."""
    if service.id != service_id:
        raise HTTPException(422, [{"loc": ["body", "id"], "msg": "differs from the path"}])
    return await run_in_threadpool(_write, engine, service, False)


@router.delete("/{service_id}", status_code=204)
async def delete_service(service_id: str, engine: EngineDep) -> Response:
    """Remove a service with its schedules, contacts and links."""
    if not await run_in_threadpool(_delete, engine, service_id):
        raise HTTPException(404, "no such service")
    return Response(status_code=204)
