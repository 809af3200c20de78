"""Web chat: POST /chat with one message, the bot's messages back; never a dead end.

POST /chat/forget deletes the conversation ("Nieuw gesprek" in the widget, after a yes).
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field, StrictStr
from starlette.concurrency import run_in_threadpool

from knowledge.content import render
from omzien.forget import ForgetFailed, forget
from omzien.settings import Settings
from telephony import metrics
from telephony.dependencies import EngineDep, RasaDep, SettingsDep
from telephony.pages import site_texts
from telephony.pseudonym import web_conversation_id
from telephony.rasa_client import BotUnavailable
from telephony.schemas import BotMessage, ChatRequest, ChatResponse
from telephony.text import clean_message
from telephony.twilio.bot import ask_bot

router = APIRouter(prefix="/chat", tags=["chat"])
log = logging.getLogger(__name__)


class ForgetRequest(BaseModel):
    """The widget's own id of the conversation to forget, as it sends it to POST /chat."""

    sender: StrictStr = Field(..., min_length=1, max_length=200)


class ForgetResponse(BaseModel):
    """The conversation is gone from the server."""

    forgotten: bool = True


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
    sender_id = web_conversation_id(settings.pseudonym_secret, request.sender)
    try:
        messages = await ask_bot(rasa, sender_id, text, settings.chat_bot_budget_s)
    except BotUnavailable as error:
        log.warning("assistant unavailable for a web turn: %s", error)
        return ChatResponse(
            messages=content_messages("service_unavailable", settings), degraded=True
        )
    await metrics.count_handovers(engine, messages)
    return ChatResponse(messages=messages)


@router.post("/forget", response_model=ForgetResponse)
async def forget_conversation(request: ForgetRequest, settings: SettingsDep) -> ForgetResponse:
    """Delete everything stored about this conversation; 503 when a database failed."""
    conversation_id = web_conversation_id(settings.pseudonym_secret, request.sender)
    try:
        await run_in_threadpool(forget, settings, conversation_id)
    except ForgetFailed as error:
        log.warning("a web conversation could not be forgotten: %s", error)
        raise HTTPException(503, site_texts()["forget"]["failed"]) from error
    return ForgetResponse()
