"""The phone line: an incoming call, each spoken or keyed turn, silences, fail-open, call end."""

from __future__ import annotations

import logging

from fastapi import Request, Response
from sqlalchemy.engine import Engine
from twilio.twiml.voice_response import VoiceResponse

from omzien.settings import Settings
from telephony import metrics
from telephony.dependencies import EngineDep, RasaDep, SettingsDep
from telephony.pseudonym import pseudonym
from telephony.rasa_client import BotUnavailable, RasaClient
from telephony.schemas import BotMessage
from telephony.twilio import answers, webhooks
from telephony.twilio.bot import ask_bot, handover_kind, up_to_crisis
from telephony.twilio.errors import voice_fallback, voice_router
from telephony.twilio.numbers import own_number
from telephony.twilio.session import close_session
from telephony.twilio.signature import TwilioForm
from telephony.twilio.speech import spoken_messages, spoken_text
from telephony.twilio.state import VoiceState
from telephony.twilio.twiml import (
    connect,
    connect_human,
    fail_open,
    listen,
    twiml_response,
)

router = voice_router()
log = logging.getLogger(__name__)
CALL_ENDED = {"completed", "busy", "failed", "no-answer", "canceled"}


def call_conversation_id(settings: Settings, form: dict[str, str]) -> str:
    """The bot's conversation id for this call: an HMAC of the CallSid, never the number."""
    return pseudonym(settings.pseudonym_secret, "voice", form.get("CallSid", ""))


def reply_to(settings: Settings, messages: list[BotMessage], caller_id: str | None) -> Response:
    """The bot's answer as TwiML: spoken with keyed choices, or a handover."""
    kind = handover_kind(messages)
    if kind == "crisis":  # the crisis words, then 113 at once: no consent step, no question
        sentences, _ = spoken_messages(settings, up_to_crisis(messages))
        sentences.append(spoken_text(settings, "voice_connecting_crisis"))
        return twiml_response(connect(settings, sentences, "crisis", caller_id))
    if kind == "human_line":
        without_buttons = [message.copy(update={"buttons": []}) for message in messages]
        sentences, _ = spoken_messages(settings, without_buttons)
        sentences.append(spoken_text(settings, "voice_consent_question"))
        return twiml_response(listen(settings, sentences, webhooks.VOICE_HANDOVER, VoiceState()))
    sentences, payloads = spoken_messages(settings, messages)
    state = VoiceState(buttons=tuple(payloads))
    sentences = sentences or [spoken_text(settings, "voice_nothing_to_say")]
    return twiml_response(listen(settings, sentences, webhooks.VOICE_TURN, state))


async def bot_turn(
    settings: Settings, rasa: RasaClient, engine: Engine, form: dict[str, str], message: str
) -> Response:
    """Send one message to the bot within the voice budget; too slow or down: the human line."""
    caller_id = own_number(settings, form)
    conversation_id = call_conversation_id(settings, form)
    try:
        messages = await ask_bot(rasa, conversation_id, message, settings.voice_bot_budget_s)
    except BotUnavailable as error:
        log.warning("assistant unavailable on the phone, caller put through: %s", error)
        return twiml_response(fail_open(settings, caller_id))
    await metrics.count_handovers(engine, messages)
    return reply_to(settings, messages, caller_id)


def after_silence(settings: Settings, state: VoiceState) -> Response:
    """One reprompt; after the second silence the human line is offered."""
    if state.silences == 0:
        sentences = [spoken_text(settings, "voice_reprompt")]
        return twiml_response(
            listen(settings, sentences, webhooks.VOICE_TURN, state.with_(silences=1))
        )
    sentences = [spoken_text(settings, "voice_offer_human")]
    return twiml_response(
        listen(settings, sentences, webhooks.VOICE_OFFER, state.with_(silences=2))
    )


@router.post("")
async def incoming_call(form: TwilioForm, settings: SettingsDep) -> Response:
    """A call comes in: the greeting, then listen for speech or a key."""
    sentences = [spoken_text(settings, "voice_greeting")]
    return twiml_response(listen(settings, sentences, webhooks.VOICE_TURN, VoiceState()))


@router.post("/turn")
async def turn(
    request: Request, form: TwilioForm, settings: SettingsDep, rasa: RasaDep, engine: EngineDep
) -> Response:
    """What the caller said or keyed goes to the bot; 0 is the human line, silence is counted."""
    state = VoiceState.from_query(request.query_params)
    if answers.wants_human(form):
        return twiml_response(connect_human(settings, own_number(settings, form)))
    if answers.is_silent(form):
        return after_silence(settings, state)
    key = answers.digits(form)
    if key:
        index = int(key) - 1 if key.isdigit() else -1
        if not 0 <= index < len(state.buttons):
            sentences = [spoken_text(settings, "voice_unknown_key")]
            return twiml_response(listen(settings, sentences, webhooks.VOICE_TURN, state))
        return await bot_turn(settings, rasa, engine, form, state.buttons[index])
    # Spoken words are never a payload: a leading "/" would address an intent directly.
    return await bot_turn(settings, rasa, engine, form, answers.speech(form).lstrip("/"))


@router.post("/fallback")
async def fallback(form: TwilioForm, settings: SettingsDep) -> Response:
    """Twilio's fallback URL: something failed on the way; the caller goes to the human line."""
    return voice_fallback(settings, form)


@router.post("/status")
async def call_status(form: TwilioForm, settings: SettingsDep, rasa: RasaDep) -> Response:
    """The call ended: close the bot's session for it, so nothing carries over."""
    if form.get("CallStatus") in CALL_ENDED:
        await close_session(rasa, call_conversation_id(settings, form))
    return twiml_response(VoiceResponse())
