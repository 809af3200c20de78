"""WhatsApp: text to the bot under a pseudonymous id, the reply as TwiML messages.

Buttons become a numbered list. A reply "1", "2", ... is mapped back to the payload by reading
the bot's last turn from Rasa's tracker, so no worker keeps a per-person menu in memory or in
the database. Media is never downloaded: only its presence is seen.
"""

from __future__ import annotations

import logging
import re

from fastapi import Response
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool

from omzien.settings import Settings
from telephony import metrics
from telephony.dependencies import EngineDep, RasaDep, SettingsDep
from telephony.pseudonym import whatsapp_conversation_id
from telephony.rasa_client import BotUnavailable, RasaClient
from telephony.schemas import BotMessage
from telephony.text import clean_message
from telephony.twilio import webhooks
from telephony.twilio.bot import ask_bot, handover_kind
from telephony.twilio.callbacks import CallbackNotSaved, request_callback
from telephony.twilio.errors import WhatsAppRoute, twilio_router, whatsapp_fallback
from telephony.twilio.numbers import callable_number
from telephony.twilio.session import last_turn_payloads, tracker_events
from telephony.twilio.signature import TwilioForm
from telephony.twilio.texts import text
from telephony.twilio.twiml import twiml_response, whatsapp_messages
from telephony.twilio.whatsapp_forget import forget_answer

router = twilio_router(webhooks.WHATSAPP, "twilio-whatsapp", WhatsAppRoute)
log = logging.getLogger(__name__)
CHOICE = re.compile(r"(\d{1,2})[.)]?")
CALLBACK_WORD = "terugbellen"


def numbered_reply(settings: Settings, messages: list[BotMessage]) -> str:
    """The bot's messages as one WhatsApp text, its buttons as a numbered list."""
    paragraphs = [message.text.strip() for message in messages if message.text]
    titles = [button.title for message in messages for button in message.buttons]
    if titles:
        choices = [
            text(settings, "whatsapp_choice", nr=nr, text=t) for nr, t in enumerate(titles, 1)
        ]
        paragraphs.append("\n".join([*choices, text(settings, "whatsapp_choose")]))
    if handover_kind(messages) == "human_line":
        paragraphs.append(
            text(settings, "whatsapp_callback_offer", nr=settings.callback_retention_days)
        )
    return "\n\n".join(paragraphs)


async def chosen_payload(rasa: RasaClient, conversation_id: str, body: str) -> str | None:
    """The payload behind a numbered reply to the bot's last buttons, if it is one."""
    match = CHOICE.fullmatch(body)
    if not match:
        return None
    payloads = last_turn_payloads(await tracker_events(rasa, conversation_id))
    index = int(match[1]) - 1
    return payloads[index] if 0 <= index < len(payloads) else None


async def answer(
    settings: Settings, rasa: RasaClient, engine: Engine, address: str, body: str
) -> list[str]:
    """The texts that answer one WhatsApp message."""
    if len(body) > settings.max_message_chars:
        return [text(settings, "whatsapp_too_long")]
    typed = clean_message(body)
    if not typed:
        return [text(settings, "empty_message")]
    forgetting = await forget_answer(settings, address, typed)
    if forgetting is not None:
        return forgetting
    conversation_id = whatsapp_conversation_id(settings.pseudonym_secret, address)
    number = callable_number(address)
    if typed.strip(" .!").lower() == CALLBACK_WORD and number:
        try:  # stored and committed before the confirmation is sent
            await run_in_threadpool(
                request_callback,
                engine,
                settings,
                number,
                "whatsapp",
                conversation_id=conversation_id,
            )
        except CallbackNotSaved as error:
            log.warning("a WhatsApp callback request was not stored (%s)", error)
            return [text(settings, "whatsapp_callback_failed")]
        log.info("a callback was requested on WhatsApp")
        return [text(settings, "whatsapp_callback_saved")]
    # Typed words are never a payload; only a numbered choice maps to one.
    message = await chosen_payload(rasa, conversation_id, typed) or typed.lstrip("/")
    try:
        messages = await ask_bot(rasa, conversation_id, message, settings.chat_bot_budget_s)
    except BotUnavailable as error:
        log.warning("assistant unavailable for a WhatsApp message: %s", error)
        return [text(settings, "whatsapp_unavailable")]
    await metrics.count_handovers(engine, messages)
    return [numbered_reply(settings, messages)]


@router.post("")
async def incoming_message(
    form: TwilioForm, settings: SettingsDep, rasa: RasaDep, engine: EngineDep
) -> Response:
    """A WhatsApp message comes in; media gets a kind note that only text can be read."""
    bodies: list[str] = []
    has_media = form.get("NumMedia", "0").strip() not in ("", "0")
    if has_media:
        bodies.append(text(settings, "whatsapp_media"))
    body = form.get("Body", "")
    if body.strip() or not has_media:
        bodies += await answer(settings, rasa, engine, form.get("From", ""), body)
    return twiml_response(whatsapp_messages([b for b in bodies if b]))


@router.post("/fallback")
async def fallback(form: TwilioForm, settings: SettingsDep) -> Response:
    """Twilio's fallback URL: the human line's number and chat."""
    return whatsapp_fallback(settings, form)
