"""Talking to the Rasa server (loopback only) over its REST channel."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx

from telephony.schemas import BotMessage


class BotUnavailable(Exception):
    """Rasa did not answer in time or answered with an error."""


class RasaClient:
    """Sends one user message to Rasa and returns the bot's messages."""

    def __init__(self, rasa_url: str, action_server_url: str, client: httpx.AsyncClient):
        self.rasa_url = rasa_url.rstrip("/")
        self.action_server_url = action_server_url.rstrip("/")
        self.client = client

    async def send(self, sender_id: str, text: str) -> list[BotMessage]:
        """Send `text` for a pseudonymous conversation id; raise BotUnavailable on failure."""
        try:
            response = await self.client.post(
                f"{self.rasa_url}/webhooks/rest/webhook",
                json={"sender": sender_id, "message": text},
            )
            response.raise_for_status()
            items = response.json()
            if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                raise ValueError("Rasa answered with something other than a list of messages")
            return [to_bot_message(item) for item in items]
        except (httpx.HTTPError, ValueError) as error:
            raise BotUnavailable(type(error).__name__) from error

    def _tracker_url(self, sender_id: str) -> str:
        return f"{self.rasa_url}/conversations/{quote(sender_id, safe='')}/tracker"

    async def session_events(self, sender_id: str, timeout_s: float = 2.0) -> list[dict[str, Any]]:
        """The events of a conversation's current session (Rasa's HTTP API, `--enable-api`)."""
        try:
            response = await self.client.get(
                self._tracker_url(sender_id),
                params={"include_events": "AFTER_RESTART"},
                timeout=timeout_s,
            )
            response.raise_for_status()
            events = response.json().get("events") or []
            return [event for event in events if isinstance(event, dict)]
        except (httpx.HTTPError, ValueError, AttributeError) as error:
            raise BotUnavailable(type(error).__name__) from error

    async def restart(self, sender_id: str, timeout_s: float = 5.0) -> None:
        """End a conversation's session with a restart event, so nothing carries over."""
        try:
            response = await self.client.post(
                f"{self._tracker_url(sender_id)}/events",
                params={"include_events": "NONE"},
                json=[{"event": "restart"}],
                timeout=timeout_s,
            )
            response.raise_for_status()
        except httpx.HTTPError as error:
            raise BotUnavailable(type(error).__name__) from error

    async def is_up(self, url: str) -> bool:
        """True when `url` answers 200."""
        try:
            return (await self.client.get(url, timeout=2.0)).status_code == 200
        except httpx.HTTPError:
            return False

    async def rasa_up(self) -> bool:
        """True when the Rasa server answers."""
        return await self.is_up(f"{self.rasa_url}/")

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
