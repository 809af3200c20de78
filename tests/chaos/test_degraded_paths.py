"""Degraded turns in-process (part of the plain pytest run): the action server or the database
gone, or Rasa slower than the chat budget, and each channel still gives a way to a human."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.activities import place_known
from bot.actions.recommend import ActionShowActivities
from omzien.settings import Settings, get_settings
from telephony.app import create_app
from telephony.twilio.numbers import human_line_dial
from tests.actions.conftest import customs, make_tracker, texts
from tests.chaos.channels import complete_apology
from tests.twilio.helpers import FakeTwilio

# Nothing listens on port 1: a connection is refused at once, as by a stopped PostgreSQL.
DATABASE_DOWN = "postgresql+psycopg2://postgres@127.0.0.1:1/omzien"


@pytest.fixture
def parts():
    """How the stand-ins behave: Rasa's reply and delay, and whether the action server is up."""
    return {"messages": [], "delay": 0.0, "actions_up": False}


@pytest.fixture
def client(database_url, parts):
    """The gateway with small budgets, Rasa and the action server replaced by `parts`."""
    settings = Settings(
        _env_file=None,
        database_url=database_url,
        pseudonym_secret="test-secret",
        public_base_url="https://omzien.example",
        twilio_auth_token="test-twilio-token",
        callback_encryption_key=Fernet.generate_key().decode(),
        voice_bot_budget_s=0.3,
        chat_bot_budget_s=0.3,
    )

    async def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/webhooks/rest/webhook":
            await asyncio.sleep(parts["delay"])
            return httpx.Response(200, json=parts["messages"])
        if request.url.path == "/health":  # the action server's health check
            return httpx.Response(200 if parts["actions_up"] else 503)
        return httpx.Response(200, json={})

    app = create_app(settings, transport=httpx.MockTransport(handle))
    with TestClient(app) as test_client:
        test_client.settings = settings
        yield test_client


def web_turn(client) -> dict:
    response = client.post("/chat", json={"sender": "abc", "message": "ik voel me eenzaam"})
    assert response.status_code == 200
    return response.json()


def web_text(body: dict) -> str:
    return "\n".join(message["text"] or "" for message in body["messages"])


def test_the_action_server_down_gives_web_users_the_apology_with_every_number(client):
    body = web_turn(client)
    assert body["degraded"] is True and complete_apology(client.settings, web_text(body))


def test_the_action_server_down_gives_whatsapp_users_the_apology_with_every_number(client):
    [message] = FakeTwilio(client, client.settings).whatsapp("ik voel me eenzaam").messages()
    assert complete_apology(client.settings, message)


def test_the_action_server_down_puts_a_caller_through(client):
    twilio = FakeTwilio(client, client.settings)
    twiml = twilio.answer(twilio.voice("/twilio/voice"), speech="ik voel me eenzaam")
    assert twiml.dialled() == human_line_dial(client.settings)


def test_an_empty_reply_with_the_action_server_up_is_a_normal_turn(client, parts):
    parts["actions_up"] = True
    assert web_turn(client)["degraded"] is False
    twilio = FakeTwilio(client, client.settings)
    twiml = twilio.answer(twilio.voice("/twilio/voice"), speech="hm")
    assert twiml.gather is not None and twiml.dial is None


def test_rasa_slower_than_the_chat_budget_gives_the_apology_on_web_and_whatsapp(client, parts):
    parts.update(delay=5.0, actions_up=True, messages=[{"recipient_id": "x", "text": "te laat"}])
    body = web_turn(client)
    assert body["degraded"] is True and complete_apology(client.settings, web_text(body))
    [message] = FakeTwilio(client, client.settings).whatsapp("hoi").messages()
    assert "te laat" not in message and complete_apology(client.settings, message)


@pytest.fixture
def database_down(monkeypatch):
    """The action server's settings point at a database that refuses connections."""
    monkeypatch.setenv("OMZIEN_DATABASE_URL", DATABASE_DOWN)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_with_the_database_down_the_form_takes_the_place_instead_of_asking_forever(
    database_down,
):
    assert place_known("Zwolle") is True


def test_with_the_database_down_the_search_answers_with_the_human_line_and_hands_over(
    database_down,
):
    tracker = make_tracker("ik wandel graag in Zwolle", activity="wandelen", place="Zwolle")
    dispatcher = CollectingDispatcher()
    assert asyncio.run(ActionShowActivities().run(dispatcher, tracker, {})) == []
    messages = dispatcher.messages
    assert complete_apology(get_settings(), texts(messages))
    assert customs(messages) == [{"handover": "human_line"}]
