"""Fail-open: a bot that is down or too slow, or any error, puts the caller through; never a 5xx."""

from __future__ import annotations

import httpx
import pytest

from telephony.pseudonym import pseudonym
from telephony.twilio import voice
from telephony.twilio.numbers import human_line_dial
from tests.twilio.helpers import Twiml, bot


def assert_put_through(twiml, settings):
    assert twiml.dialled() == human_line_dial(settings)
    assert len(twiml.root.findall("./Say")) == 1  # one short sentence, then the human line
    assert "verbind je door" in twiml.says()[0]


def test_the_bot_down_puts_the_caller_through(twilio, twilio_settings, fake_rasa):
    fake_rasa["error"] = httpx.ConnectError("connection refused")
    assert_put_through(
        twilio.answer(twilio.voice("/twilio/voice"), speech="hallo"), twilio_settings
    )


def test_the_bot_answering_an_error_puts_the_caller_through(twilio, twilio_settings, fake_rasa):
    fake_rasa["status"] = 500
    assert_put_through(
        twilio.answer(twilio.voice("/twilio/voice"), speech="hallo"), twilio_settings
    )


def test_a_bot_slower_than_the_budget_puts_the_caller_through(twilio, twilio_settings, fake_rasa):
    # The budget is 0.5 s; Rasa would answer after 30 s, well past Twilio's own 15 s timeout.
    fake_rasa["delay"] = 30.0
    fake_rasa["messages"] = [bot("te laat")]
    twiml = twilio.answer(twilio.voice("/twilio/voice"), speech="hallo")
    assert_put_through(twiml, twilio_settings)
    assert "te laat" not in twiml.spoken()


def test_twilios_fallback_url_puts_the_caller_through(twilio, twilio_settings):
    twiml = twilio.voice("/twilio/voice/fallback", ErrorCode="11200")
    assert_put_through(twiml, twilio_settings)
    assert twiml.dial.get("callerId") == "+31850000000"


@pytest.mark.parametrize("path", ["/twilio/voice/turn", "/twilio/voice/handover"])
def test_an_unexpected_error_answers_twiml_to_the_human_line(
    twilio, twilio_settings, monkeypatch, path
):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(voice, "call_conversation_id", broken)
    monkeypatch.setattr("telephony.twilio.voice_handover.call_conversation_id", broken)
    response = twilio.post(path, twilio.call_params(SpeechResult="ja"))
    assert response.status_code == 200
    assert_put_through(Twiml(response.text), twilio_settings)


def test_an_unexpected_whatsapp_error_answers_with_the_human_line(twilio, monkeypatch):
    monkeypatch.setattr("telephony.twilio.whatsapp.answer", lambda *a: 1 / 0)
    twiml = twilio.whatsapp("hoi")
    [message] = twiml.messages()
    assert "De Luisterlijn" in message and "030 765 4321" in message


def test_the_end_of_a_call_closes_the_bots_session(twilio, fake_rasa):
    twilio.voice("/twilio/voice/status", CallStatus="completed")
    [(path, events)] = fake_rasa["appended"]
    assert events == [{"event": "restart"}]
    conversation_id = pseudonym("test-secret", "voice", twilio.call_sid)
    assert path == f"/conversations/{conversation_id}/tracker/events"


def test_a_call_still_ringing_keeps_its_session(twilio, fake_rasa):
    twilio.voice("/twilio/voice/status", CallStatus="ringing")
    assert fake_rasa["appended"] == []


def test_the_end_of_a_call_with_rasa_down_is_still_answered(twilio, fake_rasa):
    fake_rasa["error"] = httpx.ConnectError("down")
    twiml = twilio.voice("/twilio/voice/status", CallStatus="completed")
    assert list(twiml.root) == []
