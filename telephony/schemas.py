"""Request and response shapes of the gateway's chat API."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, StrictStr


class ChatRequest(BaseModel):
    """One message from a person; `sender` is the channel's own conversation id."""

    sender: StrictStr = Field(..., min_length=1, max_length=200)
    message: StrictStr


class Button(BaseModel):
    """A quick reply: what it shows and what it sends back."""

    title: str
    payload: str


class BotMessage(BaseModel):
    """One message of the bot: text with buttons, or a custom payload for the channel."""

    text: str | None = None
    buttons: list[Button] = []
    custom: dict[str, Any] | None = None


class ChatResponse(BaseModel):
    """The bot's messages for one turn; `degraded` when the assistant could not answer."""

    messages: list[BotMessage]
    degraded: bool = False
