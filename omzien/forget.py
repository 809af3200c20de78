"""The right to erasure: everything stored about one pseudonymous id, deleted at once.

One way for everyone: `python -m knowledge forget ID`, the widget's "Nieuw gesprek" (POST
/chat/forget) and WhatsApp's "VERGEET" all call `forget`. What is stored about an id: its
conversation in Rasa's tracker store, and callback requests asked in that conversation or made
for that phone number (`person_id`, an HMAC of the number).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, inspect, or_, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from omzien.db import engine_for
from omzien.retention import tracker_engine
from omzien.settings import Settings
from telephony.pseudonym import phone_person_id
from telephony.twilio.callbacks import CallbackRequest

log = logging.getLogger(__name__)
# Rasa's SQL tracker store keeps every event of a conversation in the table `events`.
FORGET_EVENTS = text("DELETE FROM events WHERE sender_id = :sender_id")


class ForgetFailed(Exception):
    """A database failed: not everything may be gone yet (forgetting again is safe)."""


@dataclass(frozen=True)
class Forgotten:
    """What was deleted."""

    events: int
    callback_requests: int


def forget_events(engine: Engine, conversation_id: str) -> int:
    """Delete one conversation from Rasa's tracker store; returns how many events went."""
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and not Path(database).exists():
        return 0  # Rasa never started here; connecting would create an empty file
    if not inspect(engine).has_table("events"):
        return 0
    with engine.begin() as connection:
        return connection.execute(FORGET_EVENTS, {"sender_id": conversation_id}).rowcount


def forget_callback_requests(engine: Engine, ids: set[str]) -> int:
    """Delete callback requests asked in one of these conversations or for one of these people."""
    with Session(engine, future=True) as session, session.begin():
        matches = or_(CallbackRequest.conversation_id.in_(ids), CallbackRequest.person_id.in_(ids))
        return session.execute(delete(CallbackRequest).where(matches)).rowcount


def forget(settings: Settings, conversation_id: str, number: str | None = None) -> Forgotten:
    """Delete everything about `conversation_id` (and about phone `number`, E.164, if given)."""
    ids = {conversation_id}
    if number:
        ids.add(phone_person_id(settings.pseudonym_secret, number))
    tracker = tracker_engine(settings)
    try:
        events = forget_events(tracker, conversation_id)
        requests = forget_callback_requests(engine_for(settings.database_url), ids)
    except SQLAlchemyError as error:
        raise ForgetFailed(type(error).__name__) from error
    finally:
        tracker.dispose()
    log.info("forgot a conversation: %d events, %d callback requests", events, requests)
    return Forgotten(events=events, callback_requests=requests)
