"""Rasa's and the action server's HTTP APIs: loopback only, never reachable through the gateway;
tokens of the data and coordinator APIs compared in constant time."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from omzien.settings import get_settings
from telephony import auth
from telephony.app import create_app
from tests.twilio.conftest import rasa_handler

INTERNAL_PATHS = [
    "/model", "/model/parse", "/model/train", "/model/test/intents", "/conversations",
    "/conversations/x/tracker", "/conversations/x/tracker/events", "/conversations/x/messages",
    "/conversations/x/execute", "/conversations/x/predict", "/webhook",
    "/webhooks/rest/webhook", "/webhooks/twilio/webhook", "/status", "/version", "/domain",
    "/actions", "/socket.io/", "/twilio/../model", "/%2e%2e/model", "/chat/../model",
]  # fmt: skip


@pytest.fixture
def recording_gateway(settings, rasa_replies):
    """The gateway with a fake Rasa and action server that record every request they get."""
    rasa_replies.update(delay=0.0, events=[], appended=[], requests=[])
    app = create_app(settings, transport=httpx.MockTransport(rasa_handler(rasa_replies)))
    with TestClient(app) as client:
        yield client


@pytest.mark.parametrize("path", INTERNAL_PATHS)
@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
def test_internal_paths_are_not_found_and_never_forwarded(
    recording_gateway, rasa_replies, method, path
):
    response = recording_gateway.request(method, path, json={"text": "/greet"})
    assert response.status_code in (404, 405), response.text
    assert rasa_replies["requests"] == [], "nothing reached Rasa or the action server"


def test_rasa_and_the_action_server_listen_on_loopback_only(monkeypatch, tmp_path):
    from scripts.run import commands, process_env  # the lead's module; its public contract

    monkeypatch.setenv("OMZIEN_TRACKER_DB", str(tmp_path / "tracker.db"))
    get_settings.cache_clear()
    try:
        found = commands(Path("models/model.tar.gz"))
        env = process_env()
    finally:
        get_settings.cache_clear()
    internal = {name: command for name, command in found.items() if name != "gateway"}
    assert internal and any(name.startswith("rasa") for name in internal)
    assert "actions" in internal
    for name, command in internal.items():
        on_loopback = "--interface" in command and (
            command[command.index("--interface") + 1] == "127.0.0.1"
        )
        if name == "actions":  # rasa_sdk takes its address from SANIC_HOST
            on_loopback = on_loopback or env.get("SANIC_HOST") == "127.0.0.1"
        assert on_loopback, f"{name} is not bound to 127.0.0.1: {command}"


@pytest.mark.parametrize(
    ("path", "token"),
    [("/api/services/x", "data-token"), ("/api/callbacks", "coordinator-token")],
)
@pytest.mark.parametrize(
    "given", [None, "", "wrong", "data-toke", "coordinator-token-", "Data-Token", "x" * 5000]
)
def test_token_routes_refuse_anything_but_their_token(gateway, path, token, given):
    headers = {} if given is None else {"Authorization": f"Bearer {given}"}
    response = gateway.get(path, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_token_routes_open_with_their_token(gateway):
    assert (
        gateway.get(
            "/api/callbacks", headers={"Authorization": "Bearer coordinator-token"}
        ).status_code
        == 200
    )
    missing = gateway.get("/api/services/none", headers={"Authorization": "Bearer data-token"})
    assert missing.status_code == 404


def test_an_unset_token_keeps_its_api_closed(gateway, settings):
    settings.coordinator_token = None
    for given in ("", "None", "development-only-not-secret"):
        response = gateway.get("/api/callbacks", headers={"Authorization": f"Bearer {given}"})
        assert response.status_code == 401


def test_tokens_are_compared_in_constant_time(gateway, monkeypatch):
    compared = []
    real = auth.hmac.compare_digest

    def spy(given, expected):
        compared.append((given, expected))
        return real(given, expected)

    monkeypatch.setattr(auth.hmac, "compare_digest", spy)
    gateway.get("/api/callbacks", headers={"Authorization": "Bearer guess"})
    assert compared == [(b"guess", b"coordinator-token")]
