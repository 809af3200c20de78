"""Rasa's HTTP API (loopback, `rasa run --enable-api`): read a conversation, close its session.

Reading the tracker keeps the bridge stateless: the topic for the whisper and the payloads behind
WhatsApp's numbered choices are derived from what Rasa already stores, not kept by a worker.
"""

from __future__ import annotations

import logging
from typing import Any

from telephony.rasa_client import BotUnavailable, RasaClient

log = logging.getLogger(__name__)

# Intent -> topic of the one-sentence whisper; the latest topical intent wins.
TOPIC_OF_INTENT = {
    "feel_lonely": "lonely",
    "loneliness_info": "lonely",
    "self_check": "lonely",
    "help_other": "other",
    "worried_signal": "other",
    "find_activity": "activity",
    "volunteer": "volunteer",
}
DEFAULT_TOPIC = "talk"
# Every topic key (each has a text "topic_<key>" in knowledge/content/telephony.yml).
TOPICS = frozenset({*TOPIC_OF_INTENT.values(), DEFAULT_TOPIC})


async def tracker_events(
    rasa: RasaClient, conversation_id: str, timeout_s: float = 2.0
) -> list[dict[str, Any]]:
    """The events of the conversation's current session; empty when Rasa cannot tell."""
    try:
        return await rasa.session_events(conversation_id, timeout_s)
    except BotUnavailable as error:
        log.warning("could not read a conversation from Rasa: %s", error)
        return []


def conversation_topic(events: list[dict[str, Any]]) -> str:
    """The topic key of the conversation, from the intents only (never the words)."""
    for event in reversed(events):
        if event.get("event") == "user":
            intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
            if intent in TOPIC_OF_INTENT:
                return TOPIC_OF_INTENT[intent]
    return DEFAULT_TOPIC


def last_turn_payloads(events: list[dict[str, Any]]) -> list[str]:
    """The payloads of the buttons the bot sent since the person's last message, in order."""
    payloads: list[str] = []
    for event in reversed(events):
        if event.get("event") == "user":
            break
        if event.get("event") == "bot":
            buttons = (event.get("data") or {}).get("buttons") or []
            payloads = [b.get("payload", "") for b in buttons if isinstance(b, dict)] + payloads
    return payloads


async def close_session(rasa: RasaClient, conversation_id: str) -> bool:
    """End the conversation's session (a restart event), so nothing carries over."""
    try:
        await rasa.restart(conversation_id)
        return True
    except BotUnavailable as error:
        log.warning("could not close a conversation's session: %s", error)
        return False
