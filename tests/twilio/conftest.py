"""Fixtures for the Twilio bridge: a gateway with a fake Rasa, and a fake Twilio that signs."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient

from omzien.settings import Settings
from telephony.app import create_app
from tests.twilio.helpers import FakeTwilio

PUBLIC_URL = "https://omzien.example"


@pytest.fixture
def twilio_settings(database_url) -> Settings:
    """Settings as behind a proxy: Twilio calls the public URL, not the gateway's own host."""
    return Settings(
        _env_file=None,
        database_url=database_url,
        pseudonym_secret="test-secret",
        public_base_url=PUBLIC_URL,
        twilio_auth_token="test-twilio-token",
        callback_encryption_key=Fernet.generate_key().decode(),
        coordinator_token="coordinator-token",
        human_line_number="030 765 4321",
        voice_bot_budget_s=0.5,
    )


@pytest.fixture
def fake_rasa(rasa_replies):
    """The shared fake Rasa's behaviour, plus a delay, tracker events and appended events."""
    rasa_replies.update(delay=0.0, events=[], appended=[], requests=[])
    return rasa_replies


def rasa_handler(fake: dict):
    """An async stand-in for Rasa's REST channel and HTTP API."""

    async def handle(request: httpx.Request) -> httpx.Response:
        fake["requests"].append(f"{request.method} {request.url.path}")
        if fake["error"] is not None:
            raise fake["error"]
        path = request.url.path
        if path == "/webhooks/rest/webhook":
            await asyncio.sleep(fake["delay"])
            fake["seen"].append(json.loads(request.content))
            return httpx.Response(fake["status"], json=fake["messages"])
        if path.endswith("/tracker/events"):
            fake["appended"].append((path, json.loads(request.content)))
            return httpx.Response(200, json={})
        if path.endswith("/tracker"):
            return httpx.Response(200, json={"events": fake["events"]})
        if path in ("/", "/health"):
            return httpx.Response(200, json={"status": "ok"})
        return httpx.Response(404)

    return handle


@pytest.fixture
def twilio_app(twilio_settings, fake_rasa):
    """The gateway (test client) with Rasa replaced by `fake_rasa`."""
    app = create_app(twilio_settings, transport=httpx.MockTransport(rasa_handler(fake_rasa)))
    with TestClient(app) as client:
        yield client


@pytest.fixture
def twilio(twilio_app, twilio_settings) -> FakeTwilio:
    """Twilio, signing its webhooks with the account's auth token."""
    return FakeTwilio(twilio_app, twilio_settings)
