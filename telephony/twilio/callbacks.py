"""Callback requests: a caller's number, stored only with consent, encrypted, for 14 days.

The number is encrypted with Fernet (key from settings, rotatable); `person_id` is an HMAC of the
number, so a repeated request refreshes the earlier one and a later "forget me" can find it;
`conversation_id` links it to the conversation it was asked in (omzien/forget.py).
Expired requests are deleted whenever requests are stored or listed: no scheduler needed.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import Column, DateTime, Integer, String, Text, delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from omzien.db import Base
from omzien.settings import DEV_SECRET, Settings
from telephony.pseudonym import phone_person_id


class CallbackRequest(Base):
    """A request to be called back; the number only encrypted."""

    __tablename__ = "callback_requests"

    id = Column(Integer, primary_key=True)
    person_id = Column(String(64), nullable=False, index=True)
    # The pseudonymous conversation it was asked in: forgetting that conversation deletes it.
    conversation_id = Column(String(64), nullable=True, index=True)
    channel = Column(String(16), nullable=False)
    number_encrypted = Column(Text, nullable=False)
    requested_at = Column(DateTime, nullable=False)  # UTC
    expires_at = Column(DateTime, nullable=False, index=True)  # UTC


@dataclass(frozen=True)
class PendingCallback:
    """A callback request as a coordinator sees it."""

    id: int
    channel: str
    number: str | None  # None when no configured key decrypts it any more
    requested_at: dt.datetime
    expires_at: dt.datetime


def utc_now() -> dt.datetime:
    """The current time in UTC, without a zone (how the table stores times)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def cipher(settings: Settings) -> MultiFernet:
    """The encryption of numbers at rest; the first key encrypts, every key decrypts."""
    value = settings.callback_encryption_key or DEV_SECRET
    if value == DEV_SECRET:  # development only: settings refuse to start without a key elsewhere
        keys = [base64.urlsafe_b64encode(hashlib.sha256(DEV_SECRET.encode()).digest())]
    else:
        keys = [key.strip().encode() for key in value.split(",")]
    return MultiFernet([Fernet(key) for key in keys])


class CallbackNotSaved(Exception):
    """The request is not stored (the database failed): never tell the person we call back."""


def _expired(now: dt.datetime):
    return delete(CallbackRequest).where(CallbackRequest.expires_at <= now)


def purge_expired(engine: Engine, now: dt.datetime | None = None) -> int:
    """Delete expired requests; returns how many."""
    with Session(engine, future=True) as session, session.begin():
        return session.execute(_expired(now or utc_now())).rowcount


def request_callback(
    engine: Engine,
    settings: Settings,
    number: str,
    channel: str,
    now: dt.datetime | None = None,
    conversation_id: str | None = None,
) -> int:
    """Store a consented request for `number` (E.164) in one transaction; returns its id.

    `conversation_id` is the conversation it was asked in, so forgetting that reaches it too.

    Returns only after the commit, so a confirmation sent after it is never lost; any database
    failure, the commit included, raises CallbackNotSaved instead.
    """
    now = now or utc_now()
    person_id = phone_person_id(settings.pseudonym_secret, number)
    encrypted = cipher(settings).encrypt(number.encode()).decode()
    expires_at = now + dt.timedelta(days=settings.callback_retention_days)
    try:
        with Session(engine, future=True) as session:
            with session.begin():  # commits on leaving the block, or raises
                session.execute(_expired(now))
                row = session.execute(
                    select(CallbackRequest).where(CallbackRequest.person_id == person_id)
                ).scalar_one_or_none()
                if row is None:
                    row = CallbackRequest(person_id=person_id)
                    session.add(row)
                row.channel = channel
                row.conversation_id = conversation_id
                row.number_encrypted = encrypted
                row.requested_at = now
                row.expires_at = expires_at
                session.flush()
                row_id = row.id
            return row_id
    except SQLAlchemyError as error:
        raise CallbackNotSaved(type(error).__name__) from error


def pending_callbacks(
    engine: Engine, settings: Settings, now: dt.datetime | None = None
) -> list[PendingCallback]:
    """Requests that have not expired, oldest first, with the numbers decrypted."""
    now = now or utc_now()
    purge_expired(engine, now)
    fernet = cipher(settings)
    with Session(engine, future=True) as session:
        rows = session.execute(
            select(CallbackRequest)
            .where(CallbackRequest.expires_at > now)
            .order_by(CallbackRequest.requested_at)
        ).scalars()
        return [
            PendingCallback(
                id=row.id,
                channel=row.channel,
                number=_decrypt(fernet, row.number_encrypted),
                requested_at=row.requested_at,
                expires_at=row.expires_at,
            )
            for row in rows
        ]


def _decrypt(fernet: MultiFernet, token: str) -> str | None:
    try:
        return fernet.decrypt(token.encode()).decode()
    except InvalidToken:
        return None


def delete_callback(engine: Engine, callback_id: int) -> bool:
    """Delete one request (done, or no longer wanted); False when there was none."""
    with Session(engine, future=True) as session, session.begin():
        result = session.execute(delete(CallbackRequest).where(CallbackRequest.id == callback_id))
        return result.rowcount > 0
