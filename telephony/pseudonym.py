"""Pseudonymous conversation ids: an HMAC of the channel's id, never the id itself."""

from __future__ import annotations

import hashlib
import hmac


def pseudonym(secret: str, channel: str, channel_id: str) -> str:
    """A stable, non-reversible id for one person on one channel."""
    digest = hmac.new(secret.encode(), f"{channel}:{channel_id}".encode(), hashlib.sha256)
    return f"{channel}-{digest.hexdigest()[:32]}"
