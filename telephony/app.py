"""The gateway application: `uvicorn telephony.app:app`."""

from __future__ import annotations

from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from omzien.db import create_tables, engine_for
from omzien.settings import Settings, get_settings
from telephony.rasa_client import RasaClient
from telephony.routers import chat, health


def create_app(settings: Settings | None = None, transport: httpx.AsyncBaseTransport | None = None):
    """Build the gateway; `transport` lets tests stand in for Rasa."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        create_tables(engine_for(settings.database_url))
        async with httpx.AsyncClient(
            timeout=settings.rasa_timeout_s, transport=transport
        ) as client:
            app.state.rasa = RasaClient(settings.rasa_url, settings.action_server_url, client)
            yield

    app = FastAPI(title="Omzien gateway", version="0.1.0", lifespan=lifespan)
    app.state.settings = settings
    app.include_router(chat.router)
    app.include_router(health.router)
    return app


app = create_app()
