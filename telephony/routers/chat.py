"""Web chat: POST /chat with one message, the bot's messages back; never a dead end."""

from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException

from knowledge.content import render
from omzien.settings import Settings
from telephony import metrics
from telephony.dependencies import EngineDep, RasaDep, SettingsDep
from telephony.pseudonym import pseudonym
from telephony.rasa_client import BotUnavailable
from telephony.schemas import BotMessage, ChatRequest, ChatResponse
from telephony.text import clean_message

router = APIRouter(prefix="/chat", tags=["chat"])
log = logging.getLogger(__name__)


def content_messages(key: str, settings: Settings) -> list[BotMessage]:
    """A text from knowledge/content as bot messages, with the app's helplines."""
    return [BotMessage(**message) for message in render(key, settings)]


@router.post("", response_model=ChatResponse)
async def chat(
    request: ChatRequest, settings: SettingsDep, rasa: RasaDep, engine: EngineDep
) -> ChatResponse:
    """Pass one message to the assistant; when it is down, answer with the human line."""
    if len(request.message) > settings.max_message_chars:
        raise HTTPException(
            413, f"Je bericht is te lang (meer dan {settings.max_message_chars} tekens)."
        )
    text = clean_message(request.message)
    if not text:
        return ChatResponse(messages=content_messages("empty_message", settings))
    sender_id = pseudonym(settings.pseudonym_secret, "web", request.sender)
    try:
        messages = await rasa.send(sender_id, text)
    except BotUnavailable as error:
        log.warning("assistant unavailable for a web turn: %s", error)
        return ChatResponse(
            messages=content_messages("service_unavailable", settings), degraded=True
        )
    await metrics.count_handovers(engine, messages)
    return ChatResponse(messages=messages)
