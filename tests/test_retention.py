"""Retention: old conversations leave Rasa's tracker store, expired callback requests go too."""

from __future__ import annotations

import asyncio
import datetime as dt
import time

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from omzien.db import engine_for
from omzien.retention import run_retention
from telephony.twilio.callbacks import CallbackRequest, request_callback

DAY = 86400


def save_conversation(path, sender: str, *ages_in_days: float) -> None:
    """Store a conversation in Rasa's own SQL tracker store, one message per age."""
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    now = time.time()
    events = [
        UserUttered(f"bericht {n}", timestamp=now - age * DAY) for n, age in enumerate(ages_in_days)
    ]
    asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))


def senders(path) -> set[str]:
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    return set(asyncio.run(store.keys()))


def test_conversations_older_than_the_retention_days_are_deleted(settings, tmp_path):
    tracker_db = tmp_path / "tracker.db"
    rules = settings.copy(
        update={"tracker_url": f"sqlite:///{tracker_db}", "conversation_retention_days": 30}
    )
    save_conversation(tracker_db, "old", 45, 40)
    save_conversation(tracker_db, "recent", 2)
    save_conversation(tracker_db, "came-back", 50, 1)  # the last message counts
    deleted = run_retention(rules)
    assert deleted["conversations"] == 1
    assert senders(tracker_db) == {"recent", "came-back"}
    assert run_retention(rules)["conversations"] == 0


def test_expired_callback_requests_are_deleted(settings, tmp_path):
    rules = settings.copy(update={"tracker_url": f"sqlite:///{tmp_path / 'none.db'}"})
    engine = engine_for(settings.database_url)
    request_callback(engine, settings, "+31612345678", "voice")
    later = dt.datetime.utcnow() + dt.timedelta(days=settings.callback_retention_days + 1)
    assert run_retention(rules, now=later)["callback_requests"] == 1
    with Session(engine, future=True) as session:
        assert session.scalar(select(func.count()).select_from(CallbackRequest)) == 0


def test_a_missing_tracker_store_is_nothing_to_delete(settings, tmp_path):
    rules = settings.copy(update={"tracker_url": f"sqlite:///{tmp_path / 'never-started.db'}"})
    assert run_retention(rules) == {"conversations": 0, "callback_requests": 0}
