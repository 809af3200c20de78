"""POST /chat: pass-through, bad input, and never a dead end when Rasa fails."""

from __future__ import annotations

import httpx
import pytest


def test_bot_messages_come_back_with_buttons_and_custom_payloads(gateway, rasa_replies):
    rasa_replies["messages"] = [
        {"recipient_id": "x", "text": "Waar kan ik je mee helpen?", "buttons": [
            {"title": "samen iets doen", "payload": "/find_activity"}]},
        {"recipient_id": "x", "custom": {"handover": "human_line"}},
    ]  # fmt: skip
    response = gateway.post("/chat", json={"sender": "abc", "message": "hoi"})
    assert response.status_code == 200
    messages = response.json()["messages"]
    assert messages[0]["text"] == "Waar kan ik je mee helpen?"
    assert messages[0]["buttons"] == [{"title": "samen iets doen", "payload": "/find_activity"}]
    assert messages[1]["custom"] == {"handover": "human_line"}
    assert response.json()["degraded"] is False


def test_the_sender_reaches_rasa_only_as_a_pseudonym(gateway, rasa_replies):
    gateway.post("/chat", json={"sender": "0612345678", "message": "hoi"})
    gateway.post("/chat", json={"sender": "0612345678", "message": "nog een"})
    first, second = (seen["sender"] for seen in rasa_replies["seen"])
    assert "0612345678" not in first
    assert first == second and first.startswith("web-")


@pytest.mark.parametrize(
    "body",
    [
        {"message": "hoi"},
        {"sender": "abc"},
        {"sender": "", "message": "hoi"},
        {"sender": "abc", "message": 12},
        [],
    ],
)
def test_malformed_requests_get_422(gateway, body):
    assert gateway.post("/chat", json=body).status_code == 422


def test_malformed_json_gets_422(gateway):
    response = gateway.post(
        "/chat",
        content=b'{"sender": "a", "message": ',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422


def test_too_long_message_gets_413_and_never_reaches_rasa(gateway, rasa_replies, settings):
    long_text = "eenzaam " * (settings.max_message_chars // 8 + 1)
    response = gateway.post("/chat", json={"sender": "abc", "message": long_text})
    assert response.status_code == 413
    assert rasa_replies["seen"] == []


@pytest.mark.parametrize("message", ["", "   ", "\u200b\u200b", "\n\t"])
def test_empty_message_gets_an_invitation_without_asking_rasa(gateway, rasa_replies, message):
    response = gateway.post("/chat", json={"sender": "abc", "message": message})
    assert response.status_code == 200
    assert response.json()["messages"][0]["text"]
    assert rasa_replies["seen"] == []


def test_invisible_and_control_characters_are_removed(gateway, rasa_replies):
    gateway.post("/chat", json={"sender": "a", "message": "ik\u202e voel\x00 me\u200b eenzaam"})
    assert rasa_replies["seen"][0]["message"] == "ik voel me eenzaam"


@pytest.mark.parametrize(
    "error", [httpx.ConnectError("down"), httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("x")]
)
def test_rasa_down_gives_the_human_line_and_crisis_numbers(gateway, rasa_replies, settings, error):
    rasa_replies["error"] = error
    response = gateway.post("/chat", json={"sender": "abc", "message": "hoi"})
    assert response.status_code == 200
    body = response.json()
    text = " ".join(m["text"] for m in body["messages"])
    assert body["degraded"] is True
    assert settings.human_line_number in text
    assert settings.crisis_number in text and settings.emergency_number in text


@pytest.mark.parametrize("status, messages", [(500, []), (200, {"error": "boom"}), (200, ["x"])])
def test_rasa_errors_and_odd_answers_are_not_passed_on(gateway, rasa_replies, status, messages):
    rasa_replies["status"], rasa_replies["messages"] = status, messages
    response = gateway.post("/chat", json={"sender": "abc", "message": "hoi"})
    assert response.status_code == 200
    assert response.json()["degraded"] is True
