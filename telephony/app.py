"""The gateway application: `uvicorn telephony.app:app`."""

from __future__ import annotations

from contextlib import asynccontextmanager

import httpx
from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from omzien.settings import Settings, get_settings
from telephony.guard import RequestGuard
from telephony.limited import (
    RateLimited,
    limit_chat_sender,
    limit_twilio_caller,
    rate_limited_handler,
)
from telephony.logs import AccessLog, configure_logging
from telephony.rasa_client import RasaClient
from telephony.ratelimit import RateLimiter
from telephony.routers import activities, callbacks, chat, health, services, site
from telephony.security_headers import SecurityHeaders
from telephony.twilio.routes import ROUTERS as TWILIO_ROUTERS


def create_app(settings: Settings | None = None, transport: httpx.AsyncBaseTransport | None = None):
    """Build the gateway; `transport` lets tests stand in for Rasa."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        async with httpx.AsyncClient(
            timeout=settings.rasa_timeout_s, transport=transport
        ) as client:
            app.state.rasa = RasaClient(settings.rasa_urls, settings.action_server_url, client)
            yield
        await app.state.limiter.close()

    app = FastAPI(title="Omzien gateway", version="0.1.0", lifespan=lifespan)
    app.state.settings = settings
    configure_logging()
    app.state.limiter = RateLimiter.from_settings(settings)
    app.add_exception_handler(RateLimited, rate_limited_handler)
    # Inside CORS, so a 413 or 429 is readable by the widget on another site.
    app.add_middleware(RequestGuard, settings=settings, limiter=app.state.limiter)
    app.include_router(chat.router, dependencies=[Depends(limit_chat_sender)])
    app.include_router(health.router)
    app.include_router(site.router)
    # Pages on these origins embed the widget; no cookies and no Authorization cross-origin.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type"],
        allow_credentials=False,
        max_age=600,
    )
    if settings.trusted_proxies:  # before the guard, which limits the real client's address
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxies)
    app.add_middleware(SecurityHeaders, settings=settings, skip_csp=(app.docs_url, app.redoc_url))
    app.add_middleware(AccessLog)  # outermost: every answer has a request id and a log line
    app.include_router(callbacks.router)
    app.include_router(activities.router)
    app.include_router(services.router)
    for router in TWILIO_ROUTERS:
        app.include_router(router, dependencies=[Depends(limit_twilio_caller)])
    return app


app = create_app()
