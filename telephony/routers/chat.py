"""Web chat: POST /chat with one message, the bot's messages back; never a dead end."""

from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool

from knowledge.content import render
from telephony import metrics
from telephony.dependencies import EngineDep, RasaDep, SettingsDep
from telephony.pseudonym import pseudonym
from telephony.rasa_client import BotUnavailable
from telephony.schemas import BotMessage, ChatRequest, ChatResponse
from telephony.text import clean_message

router = APIRouter(prefix="/chat", tags=["chat"])
log = logging.getLogger(__name__)


def content_messages(key: str) -> list[BotMessage]:
    """A text from knowledge/content as bot messages."""
    return [BotMessage(**message) for message in render(key)]


async def count_handovers(engine: Engine, messages: list[BotMessage]) -> None:
    """Count crisis referrals and human handovers (anonymous, per day)."""
    for message in messages:
        kind = (message.custom or {}).get("handover")
        if kind in metrics.COUNTED_HANDOVERS:
            await run_in_threadpool(metrics.increment, engine, metrics.COUNTED_HANDOVERS[kind])


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
        return ChatResponse(messages=content_messages("empty_message"))
    sender_id = pseudonym(settings.pseudonym_secret, "web", request.sender)
    try:
        messages = await rasa.send(sender_id, text)
    except BotUnavailable as error:
        log.warning("assistant unavailable for a web turn: %s", error)
        return ChatResponse(messages=content_messages("service_unavailable"), degraded=True)
    try:
        await count_handovers(engine, messages)
    except Exception:  # noqa: BLE001 - a counter must never cost a person their answer
        log.exception("could not count a handover")
    return ChatResponse(messages=messages)
