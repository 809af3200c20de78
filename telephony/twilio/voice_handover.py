"""Handover on the phone: the offer after silence, consent for the whisper, and the whisper."""

from __future__ import annotations

from fastapi import Request, Response

from telephony.dependencies import EngineDep, RasaDep, SettingsDep
from telephony.twilio import answers, webhooks
from telephony.twilio.errors import WhisperRoute, voice_router
from telephony.twilio.numbers import own_number
from telephony.twilio.session import conversation_topic, tracker_events
from telephony.twilio.signature import TwilioForm
from telephony.twilio.speech import spoken_text
from telephony.twilio.state import VoiceState
from telephony.twilio.twiml import connect_human, goodbye, listen, twiml_response, whisper_twiml
from telephony.twilio.voice import bot_turn, call_conversation_id

router = voice_router()
# The whisper plays on the volunteer's leg of the call, so its fallback must never dial.
whisper_router = voice_router(WhisperRoute)


@router.post("/offer")
async def human_line_offer(
    form: TwilioForm, settings: SettingsDep, rasa: RasaDep, engine: EngineDep
) -> Response:
    """The answer to "wil je met een mens praten?" after two silences; a third: goodbye."""
    caller_id = own_number(settings, form)
    if answers.wants_human(form) or answers.said_yes(form):
        return twiml_response(connect_human(settings, caller_id))
    if answers.is_silent(form):
        return twiml_response(goodbye(settings, [spoken_text(settings, "voice_goodbye_silence")]))
    if answers.said_no(form) or answers.digits(form):
        sentences = [spoken_text(settings, "voice_continue")]
        return twiml_response(listen(settings, sentences, webhooks.VOICE_TURN, VoiceState()))
    return await bot_turn(settings, rasa, engine, form, answers.speech(form).lstrip("/"))


@router.post("/handover")
async def whisper_consent(form: TwilioForm, settings: SettingsDep, rasa: RasaDep) -> Response:
    """Consent for the one-sentence summary; either way the caller is put through.

    Only a clear yes counts: silence or anything unclear connects with the anonymous whisper.
    """
    topic = None
    if answers.said_yes(form):
        events = await tracker_events(
            rasa, call_conversation_id(settings, form), timeout_s=settings.voice_bot_budget_s
        )
        topic = conversation_topic(events)
    return twiml_response(connect_human(settings, own_number(settings, form), topic))


@whisper_router.post("/whisper")
async def whisper(request: Request, form: TwilioForm, settings: SettingsDep) -> Response:
    """What the volunteer hears before the caller is connected: the topic only with consent."""
    return twiml_response(
        whisper_twiml(settings, VoiceState.from_query(request.query_params).topic)
    )
