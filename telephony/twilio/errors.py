"""Twilio never gets a 5xx: a failing Twilio route answers with TwiML to the human line."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from twilio.twiml.voice_response import VoiceResponse

from omzien.settings import Settings
from telephony.twilio import webhooks
from telephony.twilio.numbers import own_number
from telephony.twilio.signature import form_params, verified_twilio_form
from telephony.twilio.texts import text
from telephony.twilio.twiml import fail_open, say_all, twiml_response, whatsapp_messages

log = logging.getLogger(__name__)
Fallback = Callable[[Settings, dict[str, str]], Response]


def twiml_safe_route(fallback: Fallback) -> type[APIRoute]:
    """A route class whose unexpected errors become `fallback`'s TwiML (HTTP errors stay)."""

    class TwimlSafeRoute(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            handler = super().get_route_handler()

            async def safe_handler(request: Request) -> Response:
                try:
                    return await handler(request)
                except HTTPException:
                    raise  # 403 for a bad signature: Twilio did not send it
                except Exception as error:  # noqa: BLE001 - the caller must never hit a dead end
                    log.exception(
                        "Twilio route %s failed (%s); answering with the human line",
                        request.url.path,
                        type(error).__name__,
                    )
                    return fallback(request.app.state.settings, await form_params(request))

            return safe_handler

    return TwimlSafeRoute


def _voice_fallback(settings: Settings, form: dict[str, str]) -> Response:
    return twiml_response(fail_open(settings, own_number(settings, form)))


def _whatsapp_fallback(settings: Settings, form: dict[str, str]) -> Response:
    return twiml_response(whatsapp_messages([text(settings, "whatsapp_unavailable")]))


def _whisper_fallback(settings: Settings, form: dict[str, str]) -> Response:
    # The volunteer's leg: never a Dial here, only the anonymous announcement.
    response = VoiceResponse()
    say_all(response, settings, [text(settings, "whisper_generic")])
    return twiml_response(response)


VoiceRoute = twiml_safe_route(_voice_fallback)
WhatsAppRoute = twiml_safe_route(_whatsapp_fallback)
WhisperRoute = twiml_safe_route(_whisper_fallback)


def voice_router() -> APIRouter:
    """A router for voice webhooks: signature checked, and TwiML to the human line on any error."""
    return APIRouter(
        prefix=webhooks.VOICE,
        tags=["twilio-voice"],
        route_class=VoiceRoute,
        dependencies=[Depends(verified_twilio_form)],
    )
