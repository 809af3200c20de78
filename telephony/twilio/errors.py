"""Twilio never gets a 5xx: a failing Twilio route answers with TwiML to the human line."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

from omzien.settings import Settings
from telephony.twilio import webhooks
from telephony.twilio.numbers import own_number
from telephony.twilio.signature import form_params, verified_twilio_form
from telephony.twilio.texts import text
from telephony.twilio.twiml import fail_open, twiml_response, whatsapp_messages, whisper_twiml

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


def voice_fallback(settings: Settings, form: dict[str, str]) -> Response:
    """The caller goes to the human line, with one short sentence first."""
    return twiml_response(fail_open(settings, own_number(settings, form)))


def whatsapp_fallback(settings: Settings, form: dict[str, str]) -> Response:
    """The human line's number and chat, as a WhatsApp message."""
    return twiml_response(whatsapp_messages([text(settings, "whatsapp_unavailable")]))


def _whisper_fallback(settings: Settings, form: dict[str, str]) -> Response:
    # The volunteer's leg: never a Dial here, only the anonymous announcement.
    return twiml_response(whisper_twiml(settings, None))


VoiceRoute = twiml_safe_route(voice_fallback)
WhatsAppRoute = twiml_safe_route(whatsapp_fallback)
WhisperRoute = twiml_safe_route(_whisper_fallback)


def twilio_router(prefix: str, tag: str, route_class: type[APIRoute]) -> APIRouter:
    """A router for Twilio webhooks: signature checked, and `route_class`'s TwiML on any error."""
    return APIRouter(
        prefix=prefix,
        tags=[tag],
        route_class=route_class,
        dependencies=[Depends(verified_twilio_form)],
    )


def voice_router(route_class: type[APIRoute] = VoiceRoute) -> APIRouter:
    """A router for voice webhooks; by default any error puts the caller through to a human."""
    return twilio_router(webhooks.VOICE, "twilio-voice", route_class)
