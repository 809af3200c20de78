"""Before any route: a cap on the request body, and the rate limit per client address.

An ASGI middleware (not Starlette's BaseHTTPMiddleware) so the body is read once, counted
against the cap while it streams in, and handed on unchanged to the route. Twilio sends all
its webhooks from a few addresses, so a request with a valid X-Twilio-Signature is exempt from
the address limit; its caller still has a per-person limit (telephony/limited.py).
"""

from __future__ import annotations

from fastapi.responses import JSONResponse
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from omzien.settings import Settings
from telephony.limited import address_limited
from telephony.ratelimit import RateLimiter
from telephony.twilio.signature import form_params, signature_is_valid
from telephony.twilio.texts import text

TWILIO_PREFIX = "/twilio/"
# GET requests outside these prefixes are pages, the widget and health: the generous limit.
STRICT_PREFIXES = ("/api/", "/chat", TWILIO_PREFIX)


class BodyTooLarge(Exception):
    """The body grew past the cap while it was read."""


async def read_body(receive: Receive, cap: int) -> bytes:
    """The whole request body, or BodyTooLarge as soon as it passes `cap` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":  # the client went away
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > cap:
            raise BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def replay(body: bytes, receive: Receive) -> Receive:
    """A receive channel that yields the read body once, then the client's own messages."""
    sent = False

    async def receive_again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return receive_again


def declared_length(scope: Scope) -> int | None:
    """The Content-Length header as a number; -1 when it is not one."""
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else -1
    return None


def client_address(scope: Scope) -> str:
    """The client's address (a trusted proxy's X-Forwarded-For is applied before this runs)."""
    client = scope.get("client")
    return client[0] if client else "unknown"


def is_page(scope: Scope) -> bool:
    """A GET of a page, the widget or health, which get the generous limit."""
    return scope["method"] in ("GET", "HEAD") and not scope["path"].startswith(STRICT_PREFIXES)


class RequestGuard:
    """413 for oversized bodies, 429 for addresses over their limit; the rest passes on."""

    def __init__(self, app: ASGIApp, settings: Settings, limiter: RateLimiter):
        self.app = app
        self.settings = settings
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap = self.settings.max_body_bytes
        length = declared_length(scope)
        try:
            if length is not None and not 0 <= length <= cap:
                raise BodyTooLarge
            body = await read_body(receive, cap)
        except BodyTooLarge:
            await self._too_large(scope, receive, send)
            return
        if not await self._signed_by_twilio(scope, body, receive):
            verdict = await self.limiter.address(client_address(scope), generous=is_page(scope))
            if not verdict.allowed:
                response = address_limited(self.settings, scope["path"], verdict.retry_after_s)
                await response(scope, replay(body, receive), send)
                return
        await self.app(scope, replay(body, receive), send)

    async def _signed_by_twilio(self, scope: Scope, body: bytes, receive: Receive) -> bool:
        if not scope["path"].startswith(TWILIO_PREFIX) or scope["method"] != "POST":
            return False
        request = Request(scope, replay(body, receive))  # its own copy; the route gets another
        return signature_is_valid(self.settings, request, await form_params(request))

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        detail = text(self.settings, "request_too_large")
        # The rest of the body is not read: the connection closes after this answer.
        response = JSONResponse({"detail": detail}, 413, headers={"Connection": "close"})
        await response(scope, receive, send)
