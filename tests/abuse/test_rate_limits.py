"""Rate limits over HTTP: per person and per address, Twilio's signed requests, 429 per channel."""

from __future__ import annotations

import httpx
from fastapi.testclient import TestClient

from telephony.app import create_app
from tests.abuse.conftest import set_limits
from tests.twilio.conftest import rasa_handler
from tests.twilio.helpers import CALLER, Twiml


def chat(client, sender: str, message: str = "hoi") -> httpx.Response:
    return client.post("/chat", json={"sender": sender, "message": message})


def assert_kind_chat_429(response: httpx.Response, settings) -> None:
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) >= 1
    body = response.json()
    assert body["degraded"] is True, "the ChatResponse shape the widget reads"
    text = " ".join(message["text"] for message in body["messages"])
    assert settings.human_line_number in text and settings.crisis_number in text


def test_one_person_over_the_limit_gets_a_kind_429_others_go_on(gateway, settings, rasa_replies):
    set_limits(settings, per_id=3, per_ip=100)
    assert [chat(gateway, "anna").status_code for _ in range(3)] == [200] * 3
    assert_kind_chat_429(chat(gateway, "anna"), settings)
    assert len(rasa_replies["seen"]) == 3, "the refused turn never reached the bot"
    assert chat(gateway, "bert").status_code == 200


def test_one_address_over_the_limit_gets_429_whatever_the_sender(gateway, settings):
    set_limits(settings, per_id=100, per_ip=3)
    assert [chat(gateway, f"s{n}").status_code for n in range(3)] == [200] * 3
    assert_kind_chat_429(chat(gateway, "fresh-sender"), settings)
    other_address = TestClient(gateway.app, client=("198.51.100.20", 4000))
    assert chat(other_address, "fresh-sender").status_code == 200


def test_every_public_api_route_counts_against_the_address(gateway, settings):
    set_limits(settings, per_id=100, per_ip=2, pages=100)
    assert gateway.get("/api/activities", params={"q": "wandelen"}).status_code == 200
    assert gateway.get("/api/services/x").status_code == 401
    for path in ("/api/activities", "/api/services/x", "/api/callbacks", "/chat/anything"):
        response = gateway.get(path)
        assert response.status_code == 429, path
        body = response.json()
        text = body["detail"] if "detail" in body else body["messages"][0]["text"]
        assert settings.human_line_number in text


def test_pages_have_their_own_generous_limit(gateway, settings):
    set_limits(settings, per_id=100, per_ip=1, pages=5)
    assert chat(gateway, "a").status_code == 200
    assert chat(gateway, "a").status_code == 429, "the API limit is used up"
    paths = ["/", "/privacy", "/widget.js", "/widget/config", "/site.css"]
    assert [gateway.get(path).status_code for path in paths] == [200] * 5, "pages still load"
    assert gateway.get("/").status_code == 429


def test_trusted_proxy_forwarded_address_is_limited_not_the_proxy(settings, rasa_replies):
    settings.trusted_proxies = ["10.0.0.0/8"]
    set_limits(settings, per_id=100, per_ip=1)
    app = create_app(settings, transport=httpx.MockTransport(rasa_handler(_fake(rasa_replies))))
    with TestClient(app, client=("10.0.0.2", 4000)) as proxy:
        first = proxy.post("/chat", json={"sender": "a", "message": "hoi"},
                           headers={"X-Forwarded-For": "203.0.113.1"})  # fmt: skip
        second = proxy.post("/chat", json={"sender": "a", "message": "hoi"},
                            headers={"X-Forwarded-For": "203.0.113.2"})  # fmt: skip
        third = proxy.post("/chat", json={"sender": "a", "message": "hoi"},
                           headers={"X-Forwarded-For": "203.0.113.1"})  # fmt: skip
    assert (first.status_code, second.status_code, third.status_code) == (200, 200, 429)


def test_untrusted_clients_cannot_choose_their_address(gateway, settings):
    set_limits(settings, per_id=100, per_ip=1)
    spoofed = [
        gateway.post(
            "/chat",
            json={"sender": "a", "message": "hoi"},
            headers={"X-Forwarded-For": f"203.0.113.{n}"},
        ).status_code  # fmt: skip
        for n in range(3)
    ]
    assert spoofed == [200, 429, 429]


def _fake(rasa_replies: dict) -> dict:
    rasa_replies.update(delay=0.0, events=[], appended=[], requests=[])
    return rasa_replies


# Twilio


def test_signed_twilio_requests_are_exempt_from_the_address_limit(twilio, twilio_settings):
    set_limits(twilio_settings, per_id=100, per_ip=1)
    for n in range(5):  # five people, all through Twilio's few addresses
        twiml = twilio.whatsapp("hoi", From=f"whatsapp:+3161234500{n}")
        assert twiml.messages() == ["Hoi!"]
    assert twilio.voice("/twilio/voice").gather is not None


def test_unsigned_requests_to_twilio_routes_are_not_exempt(twilio, twilio_settings):
    set_limits(twilio_settings, per_id=100, per_ip=2)
    statuses = [twilio.post("/twilio/whatsapp", {"Body": "x"}, signature="bad").status_code]
    statuses.append(twilio.post("/twilio/voice", {}, signature="").status_code)
    assert statuses == [403, 403]
    whatsapp = twilio.post("/twilio/whatsapp", {"Body": "x"}, signature="bad")
    assert whatsapp.status_code == 429
    message = " ".join(Twiml(whatsapp.text).messages())
    assert twilio_settings.human_line_number in message
    voice = twilio.post("/twilio/voice/turn", {"SpeechResult": "hoi"}, signature="")
    assert voice.status_code == 429
    assert Twiml(voice.text).dialled() == "+31307654321"


def test_a_whatsapp_user_over_the_limit_gets_a_kind_message_as_200(
    twilio, twilio_settings, fake_rasa
):
    set_limits(twilio_settings, per_id=2, per_ip=100)
    twilio.whatsapp("een")
    twilio.whatsapp("twee")
    limited = twilio.whatsapp("drie")  # asserts 200: Twilio only delivers a 2xx answer
    text = " ".join(limited.messages())
    assert "minuutje" in text and twilio_settings.human_line_number in text
    assert len(fake_rasa["seen"]) == 2
    assert twilio.whatsapp("hoi", From="whatsapp:+31699999999").messages() == ["Hoi!"]


def test_a_caller_over_the_limit_hears_the_human_line_and_is_put_through(
    twilio, twilio_settings, fake_rasa
):
    set_limits(twilio_settings, per_id=2, per_ip=100)
    greeting = twilio.voice("/twilio/voice")
    twilio.answer(greeting, speech="ik voel me alleen")
    limited = twilio.answer(greeting, speech="nog iets")
    assert limited.dialled() == "+31307654321", "dialled, not stranded"
    assert "0 3 0, 7 6 5, 4 3 2 1" in limited.spoken(), "the number is said, digit by digit"
    assert len(fake_rasa["seen"]) == 1


def test_the_signed_fallback_and_status_webhooks_are_never_limited(twilio, twilio_settings):
    set_limits(twilio_settings, per_id=1, per_ip=1)
    twilio.voice("/twilio/voice")  # uses up the caller's turn
    for _ in range(5):
        assert twilio.voice("/twilio/voice/fallback").dialled() == "+31307654321"
        assert twilio.post("/twilio/voice/status", twilio.call_params()).status_code == 200
        assert twilio.post("/twilio/whatsapp/fallback", {"From": CALLER}).status_code == 200


def test_withheld_callers_are_limited_per_call_not_all_together(twilio, twilio_settings):
    set_limits(twilio_settings, per_id=1, per_ip=100)
    first = twilio.voice("/twilio/voice", From="+266696687")
    twilio.call_sid = "CA" + "1" * 32  # another anonymous caller
    second = twilio.voice("/twilio/voice", From="+266696687")
    assert first.gather is not None and second.gather is not None
