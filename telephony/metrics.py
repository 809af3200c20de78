"""Anonymous counters of crisis referrals and human handovers: a count per kind per day."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import Column, Date, Integer, String, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from omzien.db import Base

log = logging.getLogger(__name__)
# The custom payload {"handover": kind} that the bot sends, and the counter it feeds.
COUNTED_HANDOVERS = {"crisis": "crisis_referrals", "human_line": "human_handovers"}


class DailyCount(Base):
    """How often something happened on one day; holds no id and no text."""

    __tablename__ = "daily_counts"

    name = Column(String(40), primary_key=True)
    day = Column(Date, primary_key=True)
    count = Column(Integer, nullable=False, default=0)


def increment(engine: Engine, name: str, day: dt.date | None = None) -> None:
    """Add one to today's counter `name`."""
    day = day or dt.date.today()
    for _ in range(2):  # a concurrent first insert of the day makes us retry the update once
        with Session(engine, future=True) as session, session.begin():
            matched = session.execute(
                update(DailyCount)
                .where(DailyCount.name == name, DailyCount.day == day)
                .values(count=DailyCount.count + 1)
            ).rowcount
            if matched:
                return
            try:
                session.add(DailyCount(name=name, day=day, count=1))
                session.flush()
                return
            except IntegrityError:
                session.rollback()


def totals(engine: Engine) -> dict[str, int]:
    """All-time totals per counter (zero for counters never incremented)."""
    with Session(engine, future=True) as session:
        rows = session.execute(
            select(DailyCount.name, func.sum(DailyCount.count)).group_by(DailyCount.name)
        ).all()
    found = {name: int(total) for name, total in rows}
    return {name: found.get(name, 0) for name in COUNTED_HANDOVERS.values()}


async def count_handovers(engine: Engine, messages: list) -> None:
    """Count the crisis and human-line handovers among the bot's messages; never raises."""
    try:
        for message in messages:
            kind = (message.custom or {}).get("handover")
            if kind in COUNTED_HANDOVERS:
                await run_in_threadpool(increment, engine, COUNTED_HANDOVERS[kind])
    except Exception:  # noqa: BLE001 - a counter must never cost a person their answer
        log.exception("could not count a handover")
