"""What someone gets beyond a rate limit, per channel, and the per-person limit dependencies.

Twilio and a 429: Twilio treats any non-2xx answer to a webhook as a failure (error 11200): it
never plays or sends the TwiML in it, requests the number's fallback URL if one is set, and
otherwise plays a generic English error and hangs up. So a caller or WhatsApp user whose
signed requests are over the per-person limit gets a 200 with TwiML: on the phone the human
line's number is said and dialled, on WhatsApp a kind message. Nobody is stranded, whatever
the console's fallback URL. Only unsigned requests (not from Twilio) get a real 429.
"""

from __future__ import annotations

import json

from fastapi import Request, Response
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from knowledge.content import render
from omzien.settings import Settings
from telephony.pseudonym import (
    phone_person_id,
    pseudonym,
    web_conversation_id,
    whatsapp_conversation_id,
)
from telephony.schemas import BotMessage, ChatResponse
from telephony.twilio import webhooks
from telephony.twilio.numbers import callable_number, own_number
from telephony.twilio.signature import TwilioForm
from telephony.twilio.speech import spoken_text
from telephony.twilio.texts import text
from telephony.twilio.twiml import connect, twiml_response, whatsapp_messages

TOO_MANY = 429
# The webhooks where a person makes the bot work; the rest of a call (status, the transfer,
# the whisper, the fallbacks) is Twilio's bookkeeping or already on its way to a human.
BOT_FACING = {webhooks.VOICE, webhooks.VOICE_TURN, webhooks.VOICE_OFFER, webhooks.WHATSAPP}


class RateLimited(HTTPException):
    """Raised by a limit dependency; carries the channel's answer (an HTTPException, so the
    Twilio routes' error net passes it on instead of turning it into a fallback)."""

    def __init__(self, response: Response):
        super().__init__(response.status_code)
        self.response = response


async def rate_limited_handler(request: Request, error: RateLimited) -> Response:
    """The app's exception handler for RateLimited: the prepared answer."""
    return error.response


def _retry_headers(retry_after_s: int) -> dict[str, str]:
    return {"Retry-After": str(max(1, retry_after_s))}


def chat_limited(settings: Settings, retry_after_s: int) -> Response:
    """429 in the chat's own shape, so the widget can show the text with the human line."""
    messages = [BotMessage(**message) for message in render("rate_limited", settings)]
    body = ChatResponse(messages=messages, degraded=True).dict()
    return JSONResponse(body, TOO_MANY, headers=_retry_headers(retry_after_s))


def whatsapp_limited(settings: Settings, status: int = 200) -> Response:
    """A WhatsApp message: wait a minute, and the human line's number."""
    response = twiml_response(whatsapp_messages([text(settings, "rate_limited")]))
    response.status_code = status
    return response


def voice_limited(settings: Settings, form: dict[str, str], status: int = 200) -> Response:
    """The human line's number is said, then dialled."""
    sentences = [spoken_text(settings, "voice_rate_limited")]
    response = twiml_response(connect(settings, sentences, "human", own_number(settings, form)))
    response.status_code = status
    return response


def generic_limited(settings: Settings, retry_after_s: int) -> Response:
    """429 with the kind text as `detail`, for every other route."""
    detail = text(settings, "rate_limited")
    return JSONResponse({"detail": detail}, TOO_MANY, headers=_retry_headers(retry_after_s))


def address_limited(settings: Settings, path: str, retry_after_s: int) -> Response:
    """The 429 for a client address over its limit, in the shape its route speaks."""
    if path == "/chat" or path.startswith("/chat/"):
        return chat_limited(settings, retry_after_s)
    if path.startswith(webhooks.WHATSAPP):
        return whatsapp_limited(settings, TOO_MANY)
    if path.startswith(webhooks.VOICE):
        return voice_limited(settings, {}, TOO_MANY)
    return generic_limited(settings, retry_after_s)


def _sender(body: bytes) -> str | None:
    try:
        payload = json.loads(body)
    except ValueError:  # includes invalid UTF-8; validation answers 422 later
        return None
    sender = payload.get("sender") if isinstance(payload, dict) else None
    return sender if isinstance(sender, str) and sender else None


async def limit_chat_sender(request: Request) -> None:
    """Per-person limit on the web chat: the same pseudonymous id the chat route computes."""
    sender = _sender(await request.body())
    if sender is None:
        return
    settings: Settings = request.app.state.settings
    verdict = await request.app.state.limiter.person(
        web_conversation_id(settings.pseudonym_secret, sender)
    )
    if not verdict.allowed:
        raise RateLimited(chat_limited(settings, verdict.retry_after_s))


def twilio_person_id(settings: Settings, path: str, form: dict[str, str]) -> str:
    """Who sends a webhook: the WhatsApp address, the caller's number, or else the call."""
    if path.startswith(webhooks.WHATSAPP):
        return whatsapp_conversation_id(settings.pseudonym_secret, form.get("From", ""))
    number = callable_number(form.get("From", ""))
    if number:  # the same person across calls, as callback requests see them
        return phone_person_id(settings.pseudonym_secret, number)
    return pseudonym(settings.pseudonym_secret, "voice", form.get("CallSid", ""))


async def limit_twilio_caller(request: Request, form: TwilioForm) -> None:
    """Per-person limit on signed Twilio webhooks (the signature is checked first, by `form`)."""
    path = request.url.path
    if path not in BOT_FACING:
        return
    settings: Settings = request.app.state.settings
    verdict = await request.app.state.limiter.person(twilio_person_id(settings, path, form))
    if verdict.allowed:
        return
    if path.startswith(webhooks.WHATSAPP):
        raise RateLimited(whatsapp_limited(settings))
    raise RateLimited(voice_limited(settings, form))
