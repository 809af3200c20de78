"""A whole phone call through the running gateway against the real trained model."""

from __future__ import annotations

import httpx
import pytest

from omzien.settings import Settings
from telephony.pseudonym import pseudonym
from telephony.twilio.numbers import human_line_dial
from tests.twilio.helpers import FakeTwilio

pytestmark = [pytest.mark.stack, pytest.mark.model]


def stack_settings(stack, monkeypatch) -> Settings:
    """The settings the stack's gateway runs with (auth token, public URL, helplines)."""
    for name, value in stack.env.items():
        if name.startswith("OMZIEN_"):
            monkeypatch.setenv(name, value)
    return Settings()


def test_a_caller_asks_for_a_person_consents_and_is_put_through(stack, monkeypatch):
    settings = stack_settings(stack, monkeypatch)
    with httpx.Client(base_url=stack.url, timeout=30) as client:
        twilio = FakeTwilio(client, settings)
        greeting = twilio.voice("/twilio/voice")
        assert greeting.gather.get("language") == "nl-NL"

        question = twilio.answer(greeting, speech="ik wil graag met iemand praten")
        assert question.dial is None, f"put through without the consent step: {question.says()}"
        assert question.gather.get("action").endswith("/twilio/voice/handover")
        assert settings.human_line_name in question.spoken()

        connected = twilio.answer(question, speech="ja")
        assert connected.dialled() == human_line_dial(settings) == "+31880767000"
        whisper = twilio.voice(connected.whisper_url())
        assert whisper.says() == ["Een beller via Omzien. De beller wil graag met iemand praten."]

        goodbye = twilio.dial_result(connected, "completed")
        assert goodbye.hangs_up()
        twilio.voice("/twilio/voice/status", CallStatus="completed")

    conversation_id = pseudonym(settings.pseudonym_secret, "voice", twilio.call_sid)
    tracker = httpx.get(
        f"{settings.rasa_url}/conversations/{conversation_id}/tracker",
        params={"include_events": "ALL"},
        timeout=30,
    ).json()
    kinds = [event["event"] for event in tracker["events"]]
    assert "user" in kinds and kinds[-1] == "restart"  # the call's session was closed
