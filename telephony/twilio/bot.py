"""One bot turn for the bridge: within a time budget, and what handover it asks for."""

from __future__ import annotations

import asyncio
import logging

from telephony.rasa_client import BotUnavailable, RasaClient
from telephony.schemas import BotMessage

log = logging.getLogger(__name__)


async def ask_bot(
    rasa: RasaClient, conversation_id: str, message: str, budget_s: float | None = None
) -> list[BotMessage]:
    """The bot's messages, or BotUnavailable when it fails or takes longer than `budget_s`."""
    try:
        return await asyncio.wait_for(_answered_turn(rasa, conversation_id, message), budget_s)
    except TimeoutError as error:
        raise BotUnavailable("over the time budget") from error


async def _answered_turn(rasa: RasaClient, conversation_id: str, message: str) -> list[BotMessage]:
    messages = await rasa.send(conversation_id, message)
    # Every text comes from a custom action: with the action server gone, Rasa logs the failed
    # action and answers 200 with nothing, which would leave the person in silence.
    if not messages and not await rasa.actions_up():
        raise BotUnavailable("the action server is down")
    return messages


def handover_kind(messages: list[BotMessage]) -> str | None:
    """ "crisis" or "human_line" when the bot asks the channel to connect; crisis wins."""
    kinds = {(message.custom or {}).get("handover") for message in messages}
    for kind in ("crisis", "human_line"):
        if kind in kinds:
            return kind
    return None


def up_to_crisis(messages: list[BotMessage]) -> list[BotMessage]:
    """The messages up to the crisis payload: the crisis words, not the question after them."""
    for index, message in enumerate(messages):
        if (message.custom or {}).get("handover") == "crisis":
            return messages[:index]
    return messages
