"""Talking to the Rasa server (loopback only) over its REST channel."""

from __future__ import annotations

import itertools
import logging
from typing import Any
from urllib.parse import quote

import httpx

from telephony.schemas import BotMessage

log = logging.getLogger(__name__)


class BotUnavailable(Exception):
    """Rasa did not answer in time or answered with an error."""


# Safe to send again to another replica: the request never reached a Rasa server, or the
# server died with it (a replica's lock expires, so the other one can take over).
REPLICA_DOWN = (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError)


class RasaClient:
    """Sends one user message to Rasa and returns the bot's messages.

    With several Rasa replicas, turns go round-robin; a replica that cannot be reached is
    skipped for that turn, so killing one loses no conversation (they share the tracker store
    and, through Redis, the conversation locks).
    """

    def __init__(self, rasa_urls: list[str], action_server_url: str, client: httpx.AsyncClient):
        self.rasa_urls = [url.rstrip("/") for url in rasa_urls]
        self.action_server_url = action_server_url.rstrip("/")
        self.client = client
        self._turns = itertools.count()

    async def _request(self, method: str, path: str, **options: Any) -> httpx.Response:
        """One call to Rasa, on the next replica in turn or, if it is down, on the others."""
        start = next(self._turns) % len(self.rasa_urls)
        for replica in self.rasa_urls[start:] + self.rasa_urls[:start]:
            try:
                response = await self.client.request(method, f"{replica}{path}", **options)
                return response.raise_for_status()
            except REPLICA_DOWN as error:
                log.warning("Rasa replica %s unreachable (%s)", replica, type(error).__name__)
                last_error: Exception = error
            except httpx.HTTPError as error:
                raise BotUnavailable(type(error).__name__) from error
        raise BotUnavailable(type(last_error).__name__) from last_error

    async def send(self, sender_id: str, text: str) -> list[BotMessage]:
        """Send `text` for a pseudonymous conversation id; raise BotUnavailable on failure."""
        response = await self._request(
            "POST", "/webhooks/rest/webhook", json={"sender": sender_id, "message": text}
        )
        try:
            items = response.json()
        except ValueError as error:
            raise BotUnavailable(type(error).__name__) from error
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise BotUnavailable("Rasa answered with something other than a list of messages")
        return [to_bot_message(item) for item in items]

    @staticmethod
    def _tracker_path(sender_id: str) -> str:
        return f"/conversations/{quote(sender_id, safe='')}/tracker"

    async def session_events(self, sender_id: str, timeout_s: float = 2.0) -> list[dict[str, Any]]:
        """The events of a conversation's current session (Rasa's HTTP API, `--enable-api`)."""
        response = await self._request(
            "GET",
            self._tracker_path(sender_id),
            params={"include_events": "AFTER_RESTART"},
            timeout=timeout_s,
        )
        try:
            events = response.json().get("events") or []
        except (ValueError, AttributeError) as error:
            raise BotUnavailable(type(error).__name__) from error
        return [event for event in events if isinstance(event, dict)]

    async def restart(self, sender_id: str, timeout_s: float = 5.0) -> None:
        """End a conversation's session with a restart event, so nothing carries over."""
        await self._request(
            "POST",
            f"{self._tracker_path(sender_id)}/events",
            params={"include_events": "NONE"},
            json=[{"event": "restart"}],
            timeout=timeout_s,
        )

    async def is_up(self, url: str) -> bool:
        """True when `url` answers 200."""
        try:
            return (await self.client.get(url, timeout=2.0)).status_code == 200
        except httpx.HTTPError:
            return False

    async def rasa_up(self) -> bool:
        """True when at least one Rasa replica answers."""
        for replica in self.rasa_urls:
            if await self.is_up(f"{replica}/"):
                return True
        return False

    async def actions_up(self) -> bool:
        """True when the action server answers its health check."""
        return await self.is_up(f"{self.action_server_url}/health")


def to_bot_message(item: dict[str, Any]) -> BotMessage:
    """Turn one message of Rasa's REST channel into the gateway's shape."""
    buttons = [
        {"title": b.get("title", ""), "payload": b.get("payload", "")}
        for b in item.get("buttons") or []
    ]
    return BotMessage(text=item.get("text"), buttons=buttons, custom=item.get("custom"))
