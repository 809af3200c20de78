"""TwiML built with the twilio library: listen, connect, say goodbye, and WhatsApp messages."""

from __future__ import annotations

from fastapi import Response
from twilio.twiml import TwiML
from twilio.twiml.messaging_response import MessagingResponse
from twilio.twiml.voice_response import Dial, Gather, VoiceResponse

from omzien.settings import Settings
from telephony.twilio import webhooks
from telephony.twilio.hints import speech_hints
from telephony.twilio.numbers import dial_target
from telephony.twilio.speech import spoken_text
from telephony.twilio.state import VoiceState, public_url
from telephony.twilio.texts import text

LANGUAGE = "nl-NL"
WHATSAPP_LIMIT = 1600  # characters per WhatsApp message sent through Twilio


def twiml_response(twiml: TwiML) -> Response:
    """An HTTP response carrying TwiML."""
    return Response(content=str(twiml), media_type="application/xml")


def say_all(target: TwiML, settings: Settings, sentences: list[str]) -> None:
    """Say each text in the configured Dutch voice."""
    for sentence in sentences:
        if sentence:
            target.say(sentence, voice=settings.twilio_voice, language=LANGUAGE)


def listen(settings: Settings, sentences: list[str], path: str, state: VoiceState) -> VoiceResponse:
    """Say the texts while listening for speech or a key; every outcome goes to `path`."""
    gather = Gather(
        input="speech dtmf",
        language=LANGUAGE,
        action=public_url(settings, path, state),
        method="POST",
        num_digits=1,
        timeout=settings.twilio_gather_timeout_s,
        speech_timeout=settings.twilio_speech_timeout_s,
        hints=speech_hints((settings.human_line_name,)),
        action_on_empty_result=True,  # silence also comes to `path`, which counts it
    )
    say_all(gather, settings, sentences)
    response = VoiceResponse()
    response.append(gather)
    return response


def goodbye(settings: Settings, sentences: list[str]) -> VoiceResponse:
    """Say the texts and hang up."""
    response = VoiceResponse()
    say_all(response, settings, sentences)
    response.hangup()
    return response


def connect(
    settings: Settings,
    sentences: list[str],
    line: str,
    caller_id: str | None,
    topic: str | None = None,
) -> VoiceResponse:
    """Say the texts and dial a line; the human line's volunteer first hears a whisper.

    `caller_id` is Omzien's own number, so the caller's number is not shown to whoever answers.
    """
    response = VoiceResponse()
    say_all(response, settings, sentences)
    dial = Dial(
        action=public_url(settings, webhooks.VOICE_DIAL_STATUS, VoiceState(line=line, topic=topic)),
        method="POST",
        timeout=settings.twilio_dial_timeout_s,
        answer_on_bridge=True,
        caller_id=caller_id,
    )
    if line == "human":
        whisper = public_url(settings, webhooks.VOICE_WHISPER, VoiceState(topic=topic))
        dial.number(dial_target(settings, line), url=whisper, method="POST")
    else:
        dial.number(dial_target(settings, line))
    response.append(dial)
    return response


def connect_human(
    settings: Settings, caller_id: str | None, topic: str | None = None
) -> VoiceResponse:
    """Put the caller through to the human line, with one sentence first."""
    sentences = [spoken_text(settings, "voice_connecting_human")]
    return connect(settings, sentences, "human", caller_id, topic)


def fail_open(settings: Settings, caller_id: str | None) -> VoiceResponse:
    """The bot is down or too slow: one short sentence, then the human line."""
    return connect(settings, [spoken_text(settings, "voice_bot_unavailable")], "human", caller_id)


def whisper_twiml(settings: Settings, topic: str | None) -> VoiceResponse:
    """What the volunteer hears before the caller is connected: the topic only with consent."""
    if topic:
        sentence = text(settings, "whisper_topic", text=text(settings, f"topic_{topic}"))
    else:
        sentence = text(settings, "whisper_generic")
    response = VoiceResponse()
    say_all(response, settings, [sentence])
    return response


def split_message(body: str, limit: int = WHATSAPP_LIMIT) -> list[str]:
    """Cut a long text into parts under `limit`, at paragraph, line or word boundaries."""
    parts: list[str] = []
    rest = body.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        cut = cut if cut > limit // 2 else limit
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [*parts, rest] if rest else parts


def whatsapp_messages(bodies: list[str]) -> MessagingResponse:
    """The texts as WhatsApp messages, each under Twilio's length limit."""
    response = MessagingResponse()
    for body in bodies:
        for part in split_message(body):
            response.message(part)
    return response
