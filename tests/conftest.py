"""Shared fixtures: settings on a temporary database, and a stand-in for Rasa's HTTP API."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest
from fastapi.testclient import TestClient

from omzien.settings import Settings
from telephony.app import create_app

RasaHandler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Development settings with the application database in a temporary folder."""
    return Settings(
        database_url=f"sqlite:///{tmp_path / 'omzien.db'}",
        max_message_chars=500,
        pseudonym_secret="test-secret",
    )


@pytest.fixture
def rasa_replies():
    """The fake Rasa's behaviour: a list of REST messages, or an exception to raise."""
    return {
        "messages": [{"recipient_id": "x", "text": "Hoi!"}],
        "error": None,
        "status": 200,
        "seen": [],
    }


@pytest.fixture
def gateway(settings, rasa_replies):
    """The gateway app with Rasa and the action server replaced by an httpx mock transport."""

    def handler(request: httpx.Request) -> httpx.Response:
        if rasa_replies["error"] is not None:
            raise rasa_replies["error"]
        if request.url.path == "/webhooks/rest/webhook":
            rasa_replies["seen"].append(json.loads(request.content))
            return httpx.Response(rasa_replies["status"], json=rasa_replies["messages"])
        if request.url.path in ("/", "/health"):
            return httpx.Response(200, json={"status": "ok"})
        return httpx.Response(404)

    app = create_app(settings, transport=httpx.MockTransport(handler))
    with TestClient(app) as client:
        yield client
