"""Callback requests: a caller's number, stored only with consent, encrypted, for 14 days.

The number is encrypted with Fernet (key from settings, rotatable); `person_id` is an HMAC of the
number, so a repeated request refreshes the earlier one and a later "forget me" can find it.
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
from sqlalchemy.orm import Session

from omzien.db import Base
from omzien.settings import DEV_SECRET, Settings
from telephony.pseudonym import pseudonym


class CallbackRequest(Base):
    """A request to be called back; the number only encrypted."""

    __tablename__ = "callback_requests"

    id = Column(Integer, primary_key=True)
    person_id = Column(String(64), nullable=False, index=True)
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


def purge_expired(engine: Engine, now: dt.datetime | None = None) -> int:
    """Delete expired requests; returns how many."""
    with Session(engine, future=True) as session, session.begin():
        result = session.execute(
            delete(CallbackRequest).where(CallbackRequest.expires_at <= (now or utc_now()))
        )
        return result.rowcount


def request_callback(
    engine: Engine, settings: Settings, number: str, channel: str, now: dt.datetime | None = None
) -> int:
    """Store a consented request for `number` (E.164); returns its id."""
    now = now or utc_now()
    purge_expired(engine, now)
    person_id = pseudonym(settings.pseudonym_secret, "phone", number)
    encrypted = cipher(settings).encrypt(number.encode()).decode()
    expires_at = now + dt.timedelta(days=settings.callback_retention_days)
    with Session(engine, future=True) as session, session.begin():
        row = session.execute(
            select(CallbackRequest).where(CallbackRequest.person_id == person_id)
        ).scalar_one_or_none()
        if row is None:
            row = CallbackRequest(person_id=person_id)
            session.add(row)
        row.channel = channel
        row.number_encrypted = encrypted
        row.requested_at = now
        row.expires_at = expires_at
        session.flush()
        return row.id


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
