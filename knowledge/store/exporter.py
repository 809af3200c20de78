"""Export the initiative database as HSDS 3.0 JSON."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from knowledge.store import models
from knowledge.store.hsds import to_hsds


def export_services(engine: Engine) -> list[dict]:
    """Every service as a nested HSDS 3.0 object, ordered by id."""
    with Session(engine, future=True) as session:
        rows = session.execute(select(models.Service).order_by(models.Service.id)).scalars()
        return [to_hsds(row) for row in rows]
