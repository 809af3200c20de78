"""Pseudonymous conversation ids: an HMAC of the channel's id, never the id itself."""

from __future__ import annotations

import hashlib
import hmac


def pseudonym(secret: str, channel: str, channel_id: str) -> str:
    """A stable, non-reversible id for one person on one channel."""
    digest = hmac.new(secret.encode(), f"{channel}:{channel_id}".encode(), hashlib.sha256)
    return f"{channel}-{digest.hexdigest()[:32]}"


def web_conversation_id(secret: str, sender: str) -> str:
    """The conversation id of the widget's own random `sender` id."""
    return pseudonym(secret, "web", sender)


def whatsapp_conversation_id(secret: str, address: str) -> str:
    """The conversation id of a WhatsApp address ("whatsapp:+31...")."""
    return pseudonym(secret, "whatsapp", address)


def phone_person_id(secret: str, number: str) -> str:
    """One person by phone number (E.164), across calls and WhatsApp: callback requests."""
    return pseudonym(secret, "phone", number)
