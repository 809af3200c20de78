"""The gateway application: `uvicorn telephony.app:app`."""

from __future__ import annotations

from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from omzien.settings import Settings, get_settings
from telephony.rasa_client import RasaClient
from telephony.routers import activities, callbacks, chat, health, services, site
from telephony.twilio.routes import ROUTERS as TWILIO_ROUTERS


def create_app(settings: Settings | None = None, transport: httpx.AsyncBaseTransport | None = None):
    """Build the gateway; `transport` lets tests stand in for Rasa."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        async with httpx.AsyncClient(
            timeout=settings.rasa_timeout_s, transport=transport
        ) as client:
            app.state.rasa = RasaClient(settings.rasa_url, settings.action_server_url, client)
            yield

    app = FastAPI(title="Omzien gateway", version="0.1.0", lifespan=lifespan)
    app.state.settings = settings
    app.include_router(chat.router)
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
    app.include_router(callbacks.router)
    app.include_router(activities.router)
    app.include_router(services.router)
    for router in TWILIO_ROUTERS:
        app.include_router(router)
    return app


app = create_app()
