"""X-Twilio-Signature on every Twilio webhook, checked against the public URL from settings.

Behind a proxy the gateway sees its own host and scheme, while Twilio signs the URL it called;
so the signed URL is rebuilt from `settings.public_base_url` plus the request's path and raw
query string. There is no bypass: without a valid signature the request stops here (403) and
nothing reaches the bot.
"""

from __future__ import annotations

import logging
from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import Depends, HTTPException, Request
from twilio.request_validator import RequestValidator

from omzien.settings import Settings
from telephony.dependencies import settings_dep
from telephony.twilio.webhooks import absolute_url

SIGNATURE_HEADER = "X-Twilio-Signature"
FORM_TYPE = "application/x-www-form-urlencoded"
log = logging.getLogger(__name__)


def signed_url(settings: Settings, request: Request) -> str:
    """The URL Twilio called, as the public sees it."""
    return absolute_url(settings.public_base_url, request.url.path, request.url.query)


async def form_params(request: Request) -> dict[str, str]:
    """Twilio's form fields (it always posts them url-encoded, one value per name)."""
    if not request.headers.get("content-type", "").startswith(FORM_TYPE):
        return {}
    body = (await request.body()).decode("utf-8", errors="replace")
    return dict(parse_qsl(body, keep_blank_values=True))


def signature_is_valid(settings: Settings, request: Request, params: dict[str, str]) -> bool:
    """Whether X-Twilio-Signature is Twilio's over the public URL and these form fields."""
    signature = request.headers.get(SIGNATURE_HEADER, "")
    token = settings.twilio_auth_token
    # An empty token would make every signature computable; it never validates anything.
    return bool(token and signature) and RequestValidator(token).validate(
        signed_url(settings, request), params, signature
    )


async def verified_twilio_form(
    request: Request, settings: Annotated[Settings, Depends(settings_dep)]
) -> dict[str, str]:
    """The webhook's form fields, only when Twilio's signature over URL and fields is valid."""
    params = await form_params(request)
    if not signature_is_valid(settings, request, params):
        log.warning("rejected a Twilio webhook without a valid signature: %s", request.url.path)
        raise HTTPException(403, "Invalid Twilio signature.")
    return params


TwilioForm = Annotated[dict[str, str], Depends(verified_twilio_form)]
