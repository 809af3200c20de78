"""Retention: conversations older than the configured days and expired callback requests go."""

from __future__ import annotations

import datetime as dt
import time

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Engine

from omzien.db import engine_for
from omzien.settings import Settings
from telephony.twilio.callbacks import purge_expired, utc_now

# Rasa's SQL tracker store keeps every event of a conversation in the table `events`.
OLD_CONVERSATIONS = (
    "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"
)
COUNT_OLD_CONVERSATIONS = text(f"SELECT COUNT(*) FROM ({OLD_CONVERSATIONS}) AS old")
FORGET_OLD_CONVERSATIONS = text(f"DELETE FROM events WHERE sender_id IN ({OLD_CONVERSATIONS})")


def tracker_engine(settings: Settings) -> Engine:
    """An engine on Rasa's tracker store database, as bot/endpoints.yml configures it.

    Not `engine_for`: its SQLite settings (WAL) are for our own database, not Rasa's.
    """
    return create_engine(settings.tracker_url)


def forget_old_conversations(engine: Engine, days: int, now: float | None = None) -> int:
    """Delete every conversation whose last event is more than `days` old; return how many."""
    if not inspect(engine).has_table("events"):
        return 0
    cutoff = {"cutoff": (now or time.time()) - days * 86400}
    with engine.begin() as connection:
        old = connection.execute(COUNT_OLD_CONVERSATIONS, cutoff).scalar()
        connection.execute(FORGET_OLD_CONVERSATIONS, cutoff)
    return int(old or 0)


def run_retention(settings: Settings, now: dt.datetime | None = None) -> dict[str, int]:
    """Apply the retention rules once; returns what was deleted."""
    now = now or utc_now()  # naive UTC, as the callback table stores it
    stamp = now.replace(tzinfo=dt.UTC).timestamp()
    return {
        "conversations": _forget_with(settings, stamp),
        "callback_requests": purge_expired(engine_for(settings.database_url), now),
    }


def _forget_with(settings: Settings, now: float) -> int:
    engine = tracker_engine(settings)
    try:
        return forget_old_conversations(engine, settings.conversation_retention_days, now)
    finally:
        engine.dispose()
