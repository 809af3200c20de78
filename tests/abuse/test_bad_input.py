"""Bad input never gets a 5xx, is cleaned wherever it enters, and is never rendered as HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from telephony.pages import render_page

WIDGET_SRC = Path(__file__).resolve().parents[2] / "widget" / "src"
HIDDEN = "a\u200bb\u202ec\u2066d\x07e\ufeff"  # zero-width, RTL override, isolate, bell, BOM


@pytest.mark.parametrize(
    "body",
    [b"\xff\xfe\x00not utf-8", b"{\"sender\": \"a\", \"message\": \"\xc3\x28\"}", b"not json",
     b"[]", b"null", b"{\"sender\": 1, \"message\": []}", b""],
)  # fmt: skip
def test_undecodable_or_non_json_chat_bodies_get_4xx(gateway, rasa_replies, body):
    response = gateway.post("/chat", content=body, headers={"Content-Type": "application/json"})
    assert 400 <= response.status_code < 500
    assert rasa_replies["seen"] == []


def test_a_body_over_the_cap_gets_413_before_parsing(gateway, settings, rasa_replies):
    settings.max_body_bytes = 1000
    big = b'{"sender": "a", "message": "' + b"x" * 2000 + b'"}'
    response = gateway.post("/chat", content=big, headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert "te lang" in response.json()["detail"], "the widget shows `detail` for a 413"
    assert rasa_replies["seen"] == []


def test_a_chunked_body_without_length_is_cut_off_at_the_cap(gateway, settings):
    settings.max_body_bytes = 1000

    def chunks():
        for _ in range(50):
            yield b"x" * 100

    response = gateway.post("/chat", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413


def test_a_lying_content_length_is_refused(gateway):
    response = gateway.post(
        "/chat", content=b"{}", headers={"Content-Type": "application/json", "Content-Length": "x"}
    )
    assert response.status_code in (400, 413)


def test_hidden_characters_are_removed_from_chat(gateway, rasa_replies):
    assert gateway.post("/chat", json={"sender": "a", "message": HIDDEN}).status_code == 200
    assert rasa_replies["seen"][0]["message"] == "abcd e"


def test_hidden_characters_are_removed_from_whatsapp(twilio, fake_rasa):
    twilio.whatsapp(HIDDEN)
    assert fake_rasa["seen"][0]["message"] == "abcd e"


def test_hidden_characters_are_removed_from_speech(twilio, fake_rasa):
    greeting = twilio.voice("/twilio/voice")
    twilio.answer(greeting, speech="/" + HIDDEN)
    assert fake_rasa["seen"][0]["message"] == "abcd e"


def test_hidden_characters_never_come_back_from_the_activities_api(gateway):
    response = gateway.get(
        "/api/activities", params={"q": "wan\u202edelen", "place": "Zw\u200bolle"}
    )
    assert response.status_code == 200
    assert not re.search("[\u200b\u202e]", response.text)
    assert response.json()["place"] == "Zwolle"


def test_markup_in_and_out_of_the_chat_is_json_text(gateway, rasa_replies):
    rasa_replies["messages"] = [{"recipient_id": "x", "text": "<img src=x onerror=alert(1)>"}]
    response = gateway.post("/chat", json={"sender": "a", "message": "<script>alert(1)</script>"})
    assert response.headers["content-type"] == "application/json"
    assert response.json()["messages"][0]["text"] == "<img src=x onerror=alert(1)>"
    assert rasa_replies["seen"][0]["message"] == "<script>alert(1)</script>"


def test_pages_escape_markup_from_settings(settings):
    settings.human_line_name = '<script>alert("x")</script>'
    html = render_page("landing.html", settings)
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_the_widget_sets_text_never_html():
    source = "\n".join(path.read_text() for path in WIDGET_SRC.glob("*.js"))
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", source)
    assert "textContent" in source
