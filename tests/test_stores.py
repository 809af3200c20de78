"""Rasa's stores as Omzien configures them: masked and bounded trackers, shared locks."""

from __future__ import annotations

import asyncio
import json
import time

import pytest
import redis
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, text

from bot.stores import OmzienLockStore, OmzienTrackerStore
from omzien.settings import get_settings

DOMAIN = Domain.from_dict(
    {
        "slots": {
            "interest": {"type": "text", "mappings": [{"type": "custom"}]},
            "activity": {"type": "text", "mappings": [{"type": "custom"}]},
            "place": {"type": "text", "mappings": [{"type": "custom"}]},
        },
        "forms": {"activity_form": {"required_slots": ["interest", "place"]}},
    }
)
REDIS_URL = "redis://127.0.0.1:6379/3"


@pytest.fixture
def store(tmp_path, monkeypatch):
    """The tracker store on a private SQLite file, with a short session limit."""
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    monkeypatch.setenv("OMZIEN_TRACKER_URL", url)
    monkeypatch.setenv("OMZIEN_TRACKER_MAX_SESSION_EVENTS", "20")
    get_settings.cache_clear()
    yield OmzienTrackerStore(DOMAIN)
    get_settings.cache_clear()


def stored_texts(store: OmzienTrackerStore, sender: str) -> list[str]:
    with store.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user'"),
            {"s": sender},
        )
        return [json.loads(data)["text"] for (data,) in rows]


def opened(sender: str, *events) -> DialogueStateTracker:
    """A conversation whose session started a minute before `events` (made earlier)."""
    then = time.time() - 60
    start = [
        ActionExecuted("action_session_start", timestamp=then),
        SessionStarted(timestamp=then),
        ActionExecuted("action_listen", timestamp=then),
    ]
    return DialogueStateTracker.from_events(sender, [*start, *events], DOMAIN.slots)


def test_personal_data_is_masked_in_storage_but_not_in_the_live_turn(store):
    typed = "bel me op 06-12345678 of mail anna@example.nl, ik woon in 8011"
    tracker = opened("web-a", UserUttered(typed, parse_data={"text": typed, "intent": {}}))
    asyncio.run(store.save(tracker))
    assert tracker.latest_message.text == typed
    [stored] = stored_texts(store, "web-a")
    assert "12345678" not in stored and "anna@example.nl" not in stored
    assert "8011" in stored  # a bare postcode is needed for the search
    retrieved = asyncio.run(store.retrieve("web-a"))
    assert retrieved.latest_message.text == stored


def test_a_free_answer_kept_in_a_slot_is_masked_too(store):
    tracker = opened(
        "web-e", SlotSet("activity", "bellen met 0612345678"), SlotSet("place", "8011")
    )
    asyncio.run(store.save(tracker))
    retrieved = asyncio.run(store.retrieve("web-e"))
    assert "0612345678" not in retrieved.get_slot("activity")
    assert retrieved.get_slot("place") == "8011"
    assert tracker.get_slot("activity") == "bellen met 0612345678"  # the live turn keeps it


def test_a_long_session_continues_in_a_short_one_with_its_slots(store):
    turns = [UserUttered(f"bericht {n}") for n in range(30)]
    tracker = opened("web-b", SlotSet("place", "Zwolle"), SlotSet("interest", "wandelen"), *turns)
    asyncio.run(store.save(tracker))
    retrieved = asyncio.run(store.retrieve("web-b"))
    assert len(retrieved.events) < 10
    assert retrieved.get_slot("place") == "Zwolle" and retrieved.get_slot("interest") == "wandelen"
    # The next turn is stored after the carried-over slots and read back in order.
    retrieved.update(UserUttered("nog een bericht"))
    asyncio.run(store.save(retrieved))
    again = asyncio.run(store.retrieve("web-b"))
    assert again.latest_message.text == "nog een bericht"
    assert again.get_slot("place") == "Zwolle"
    assert len(stored_texts(store, "web-b")) == 31  # the old session is still there, whole


def test_a_session_in_the_middle_of_a_form_is_not_cut(store):
    turns = [UserUttered(f"bericht {n}") for n in range(30)]
    tracker = opened("web-c", ActiveLoop("activity_form"), *turns)
    asyncio.run(store.save(tracker))
    retrieved = asyncio.run(store.retrieve("web-c"))
    assert retrieved.active_loop_name == "activity_form"
    assert len(retrieved.events) == len(tracker.events)


def test_a_short_session_is_returned_as_it_is(store):
    tracker = opened("web-d", UserUttered("hoi"))
    asyncio.run(store.save(tracker))
    assert asyncio.run(store.retrieve("web-d")).latest_message.text == "hoi"


def test_without_redis_locks_stay_in_the_process(monkeypatch):
    monkeypatch.delenv("OMZIEN_REDIS_URL", raising=False)
    get_settings.cache_clear()
    assert isinstance(OmzienLockStore().store, InMemoryLockStore)
    get_settings.cache_clear()


def test_with_redis_two_replicas_share_one_lock(monkeypatch):
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis on 127.0.0.1:6379 does not answer; the shared lock is not tested")
    monkeypatch.setenv("OMZIEN_REDIS_URL", REDIS_URL)
    get_settings.cache_clear()
    first, second = OmzienLockStore(), OmzienLockStore()
    get_settings.cache_clear()
    assert isinstance(first.store, RedisLockStore)
    conversation = "web-lock-test"
    first.delete_lock(conversation)
    lock = first.get_or_create_lock(conversation)
    ticket = lock.issue_ticket(30)
    first.save_lock(lock)
    seen = second.get_lock(conversation)
    assert seen is not None and seen.last_issued == ticket
    first.delete_lock(conversation)
    assert second.get_lock(conversation) is None


def test_the_store_uses_the_tracker_url(store, tmp_path):
    assert str(store.engine.url) == f"sqlite:///{tmp_path / 'tracker.db'}"
    engine = create_engine(f"sqlite:///{tmp_path / 'tracker.db'}")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT COUNT(*) FROM events")).scalar() == 0


def test_an_sqlite_tracker_store_writes_ahead(store):
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
