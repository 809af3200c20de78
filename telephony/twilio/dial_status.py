"""After a transfer: goodbye when it was answered; otherwise try again or ask for a callback."""

from __future__ import annotations

import logging
import re

from fastapi import Request, Response
from starlette.concurrency import run_in_threadpool

from telephony.dependencies import EngineDep, SettingsDep
from telephony.twilio import answers, webhooks
from telephony.twilio.callbacks import CallbackNotSaved, request_callback
from telephony.twilio.errors import voice_router
from telephony.twilio.numbers import callable_number, own_number
from telephony.twilio.signature import TwilioForm
from telephony.twilio.speech import spoken_text
from telephony.twilio.state import VoiceState
from telephony.twilio.twiml import connect, connect_human, goodbye, listen, twiml_response
from telephony.twilio.voice import call_conversation_id

router = voice_router()
log = logging.getLogger(__name__)
ANSWERED = {"completed", "answered"}
RETRY_WORDS = re.compile(r"\b(opnieuw|nog een keer|nog eens|probeer)", re.IGNORECASE)
CALLBACK_WORDS = re.compile(r"\b(terugbel|teruggebeld|bel me|bellen)", re.IGNORECASE)


@router.post("/dial-status")
async def dial_status(request: Request, form: TwilioForm, settings: SettingsDep) -> Response:
    """Twilio's report on the transfer: answered, or busy, no answer or failed."""
    state = VoiceState.from_query(request.query_params)
    status = form.get("DialCallStatus", "")
    if status in ANSWERED:
        return twiml_response(goodbye(settings, [spoken_text(settings, "voice_dial_completed")]))
    if status == "canceled":  # the caller hung up while it rang
        return twiml_response(goodbye(settings, []))
    key = "voice_crisis_dial_failed" if state.line == "crisis" else "voice_dial_failed"
    sentences = [spoken_text(settings, key)]
    return twiml_response(listen(settings, sentences, webhooks.VOICE_AFTER_DIAL, state))


@router.post("/after-dial")
async def after_failed_dial(request: Request, form: TwilioForm, settings: SettingsDep) -> Response:
    """1: try again; 2: a callback (human line only, after consent); 0: the human line."""
    state = VoiceState.from_query(request.query_params)
    caller_id = own_number(settings, form)
    key, said = answers.digits(form), answers.speech(form)
    if answers.wants_human(form):
        return twiml_response(connect_human(settings, caller_id, state.topic))
    if key == "1" or (not key and RETRY_WORDS.search(said)):
        connecting = (
            "voice_connecting_crisis" if state.line == "crisis" else "voice_connecting_human"
        )
        sentences = [spoken_text(settings, connecting)]
        return twiml_response(connect(settings, sentences, state.line, caller_id, state.topic))
    wants_callback = key == "2" or (not key and CALLBACK_WORDS.search(said))
    if state.line == "human" and wants_callback:
        question = spoken_text(
            settings, "voice_callback_consent", nr=settings.callback_retention_days
        )
        return twiml_response(listen(settings, [question], webhooks.VOICE_CALLBACK, state))
    key = "voice_crisis_goodbye" if state.line == "crisis" else "voice_goodbye_with_number"
    return twiml_response(goodbye(settings, [spoken_text(settings, key)]))


@router.post("/callback")
async def callback_consent(form: TwilioForm, settings: SettingsDep, engine: EngineDep) -> Response:
    """Store the caller's number (encrypted) only after a clear yes."""
    if answers.wants_human(form):
        return twiml_response(connect_human(settings, own_number(settings, form)))
    if not answers.said_yes(form):
        return twiml_response(goodbye(settings, [spoken_text(settings, "voice_callback_declined")]))
    number = callable_number(form.get("From", ""))
    if number is None:
        return twiml_response(
            goodbye(settings, [spoken_text(settings, "voice_callback_hidden_number")])
        )
    try:  # stored and committed before the caller hears "we call you back"
        await run_in_threadpool(
            request_callback,
            engine,
            settings,
            number,
            "voice",
            conversation_id=call_conversation_id(settings, form),
        )
    except CallbackNotSaved as error:
        log.warning("a phone callback request was not stored (%s); caller put through", error)
        sentences = [spoken_text(settings, "voice_callback_failed")]
        return twiml_response(connect(settings, sentences, "human", own_number(settings, form)))
    log.info("a callback was requested by phone")
    return twiml_response(goodbye(settings, [spoken_text(settings, "voice_callback_saved")]))
