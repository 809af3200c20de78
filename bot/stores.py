"""Rasa's tracker and lock stores, configured from Omzien's settings (bot/endpoints.yml).

The tracker store is Rasa's SQLTrackerStore with two changes: personal data in what people
type is masked before it is written (the current turn still sees the unmasked text), and a
session that grows past `tracker_max_session_events` is continued in a new session that
carries its slots over, so a turn costs the same at turn 5 and at turn 500.
"""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlsplit

from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore, TicketLock
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import event

from omzien.privacy import mask_personal_data
from omzien.settings import get_settings

SESSION_START_ACTION = "action_session_start"
LISTEN_ACTION = "action_listen"
# Slots Rasa manages itself; carrying them over would resurrect a finished form.
NOT_CARRIED = {"requested_slot", "session_started_metadata"}


def masked_event(data: dict[str, Any]) -> dict[str, Any]:
    """A serialised event with personal data masked in what the person typed."""
    if data.get("event") == "slot" and isinstance(data.get("value"), str):
        # A form may keep a free answer as a slot ("what do you like to do?").
        return {**data, "value": mask_personal_data(data["value"])}
    if data.get("event") != "user":
        return data
    data = json.loads(json.dumps(data))  # the live tracker keeps the unmasked text
    if isinstance(data.get("text"), str):
        data["text"] = mask_personal_data(data["text"])
    parse_data = data.get("parse_data") or {}
    if isinstance(parse_data.get("text"), str):
        parse_data["text"] = mask_personal_data(parse_data["text"])
    for entity in parse_data.get("entities") or []:
        if isinstance(entity.get("value"), str):
            entity["value"] = mask_personal_data(entity["value"])
    return data


class OmzienTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store on `settings.tracker_url`, masked and bounded."""

    def __init__(self, domain=None, host=None, event_broker=None, **kwargs: Any) -> None:
        settings = get_settings()
        self.max_session_events = settings.tracker_max_session_events
        super().__init__(
            domain=domain, host=host or settings.tracker_url, event_broker=event_broker, **kwargs
        )
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_write_ahead_log)
            self.engine.dispose()  # connections opened while creating tables lack the pragmas

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The current session; a long one is first continued in a new, short session."""
        tracker = await super().retrieve(sender_id)
        if tracker is None or len(tracker.events) <= self.max_session_events:
            return tracker
        if tracker.active_loop_name:  # never cut a form in half; compact after it
            return tracker
        self._write(sender_id, continued_session(tracker))
        return await super().retrieve(sender_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the events not stored yet, with personal data masked."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            new_events = list(self._additional_events(session, tracker))
        self._write(tracker.sender_id, new_events)

    def _write(self, sender_id: str, events: list[Event]) -> None:
        with self.session_scope() as session:
            for item in events:
                data = masked_event(item.as_dict())
                session.add(
                    self.SQLEvent(
                        sender_id=sender_id,
                        type_name=item.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=(data.get("parse_data") or {}).get("intent", {}).get("name"),
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            session.commit()


def _sqlite_write_ahead_log(connection, _record) -> None:
    # Two commits a turn: with a write-ahead log and NORMAL sync they need no fsync each
    # (a power cut may lose the last turn, never corrupt the file), and readers never wait.
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def continued_session(tracker: DialogueStateTracker) -> list[Event]:
    """The events that open a new session with the old session's slots."""
    now = time.time()
    slots = [
        SlotSet(name, slot.value, timestamp=now)
        for name, slot in tracker.slots.items()
        if name not in NOT_CARRIED and slot.value != slot.initial_value
    ]
    return [
        ActionExecuted(SESSION_START_ACTION, timestamp=now - 0.001),
        SessionStarted(timestamp=now),
        *slots,
        ActionExecuted(LISTEN_ACTION, timestamp=now),
    ]


class OmzienLockStore(LockStore):
    """Rasa's Redis lock store on `settings.redis_url`, or an in-process one without Redis."""

    def __init__(self, endpoint_config: Any = None) -> None:
        url = get_settings().redis_url
        self.store: LockStore = redis_lock_store(url) if url else InMemoryLockStore()
        super().__init__()

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        """The conversation's lock, if any."""
        return self.store.get_lock(conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        """Forget the conversation's lock."""
        self.store.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        """Store a lock."""
        self.store.save_lock(lock)


def redis_lock_store(url: str) -> RedisLockStore:
    """Rasa's Redis lock store for a redis:// URL (host, port, password, database number)."""
    parts = urlsplit(url)
    return RedisLockStore(
        host=parts.hostname or "localhost",
        port=parts.port or 6379,
        db=int(parts.path.strip("/") or 0),
        username=parts.username,
        password=parts.password,
        use_ssl=parts.scheme == "rediss",
        key_prefix="omzien",
    )
