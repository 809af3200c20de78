"""Handover: consent for the whisper, the whisper itself, and a crisis straight to 113."""

from __future__ import annotations

import pytest

from telephony.twilio.numbers import crisis_dial, human_line_dial
from tests.twilio.helpers import CALLER, bot

TALK_TO_HUMAN = [
    bot("Bij De Luisterlijn praat je met een vrijwilliger. Bel 030 765 4321."),
    bot(handover="human_line"),
]
CRISIS = [
    bot("Wat goed dat je dit zegt."),
    bot("Bel 113 of 0800-0113. Bel 112 als je leven nu direct in gevaar is."),
    bot(handover="crisis"),
    bot("Ik blijf hier. Wil je dat ik je help om contact te maken?", [("ja", "/affirm")]),
]
LONELY_TRACKER = [
    {"event": "user", "text": "ik ben Jan uit Zwolle en voel me alleen",
     "parse_data": {"intent": {"name": "feel_lonely"}}},
    {"event": "bot", "text": "Wat vervelend."},
    {"event": "user", "text": "ik wil met iemand praten",
     "parse_data": {"intent": {"name": "talk_to_human"}}},
]  # fmt: skip


def asked_for_a_human(twilio, fake_rasa):
    fake_rasa["messages"] = TALK_TO_HUMAN
    return twilio.answer(twilio.voice("/twilio/voice"), speech="ik wil met iemand praten")


def test_the_human_line_payload_asks_consent_for_the_summary(twilio, fake_rasa):
    question = asked_for_a_human(twilio, fake_rasa)
    assert question.dial is None
    assert question.gather.get("action").endswith("/twilio/voice/handover")
    assert question.says()[0].startswith("Bij De Luisterlijn")
    assert "0 3 0, 7 6 5, 4 3 2 1" in question.says()[0]
    assert "in één zin vertellen" in question.says()[-1]


@pytest.mark.parametrize(("speech", "digits"), [("ja dat is goed", ""), ("", "1")])
def test_consent_yes_whispers_the_topic_without_personal_data(
    twilio, twilio_settings, fake_rasa, speech, digits
):
    fake_rasa["events"] = LONELY_TRACKER
    connected = twilio.answer(asked_for_a_human(twilio, fake_rasa), speech=speech, digits=digits)
    assert connected.dialled() == human_line_dial(twilio_settings)
    assert connected.whisper_url().endswith("/twilio/voice/whisper?topic=lonely")
    assert connected.dial.get("action").endswith("/twilio/voice/dial-status?topic=lonely")
    whisper = twilio.voice(connected.whisper_url())
    said = whisper.spoken()
    assert said == "Een beller via Omzien. De beller voelt zich eenzaam en wil graag praten."
    for personal in ("Jan", "Zwolle", CALLER, "alleen"):
        assert personal not in said
    assert whisper.dial is None and whisper.gather is None


@pytest.mark.parametrize(("speech", "digits"), [("nee liever niet", ""), ("", "2"), ("", "")])
def test_no_consent_whispers_only_an_anonymous_caller(
    twilio, twilio_settings, fake_rasa, speech, digits
):
    connected = twilio.answer(asked_for_a_human(twilio, fake_rasa), speech=speech, digits=digits)
    assert connected.dialled() == human_line_dial(twilio_settings)
    assert "topic" not in connected.whisper_url()
    assert twilio.voice(connected.whisper_url()).says() == ["Een beller via Omzien."]
    assert not any("/tracker" in request for request in fake_rasa["requests"])


def test_consent_with_an_unreadable_conversation_whispers_the_general_topic(twilio, fake_rasa):
    fake_rasa["events"] = []
    connected = twilio.answer(asked_for_a_human(twilio, fake_rasa), speech="ja")
    whisper = twilio.voice(connected.whisper_url())
    assert whisper.says() == ["Een beller via Omzien. De beller wil graag met iemand praten."]


def test_a_forged_topic_is_not_spoken(twilio):
    whisper = twilio.voice("/twilio/voice/whisper?topic=Jan%20uit%20Zwolle")
    assert whisper.says() == ["Een beller via Omzien."]


def test_a_crisis_dials_113_at_once_after_the_crisis_words(twilio, twilio_settings, fake_rasa):
    fake_rasa["messages"] = CRISIS
    connected = twilio.answer(twilio.voice("/twilio/voice"), speech="ik wil niet meer leven")
    assert connected.gather is None  # no consent step, no question
    assert connected.dialled() == crisis_dial(twilio_settings) == "+318000113"
    said = connected.says()
    assert said[0] == "Wat goed dat je dit zegt."
    assert "1 1 3" in said[1] and "1 1 2" in said[1]
    assert "Wil je dat ik je help" not in connected.spoken()
    assert "verbind je nu door met 1 1 3" in said[-1]
    assert connected.whisper_url() is None
    assert connected.dial.get("action").endswith("/twilio/voice/dial-status?line=crisis")
    assert connected.dial.get("callerId") == "+31850000000"


def test_handovers_are_counted_like_the_web_chat(twilio_app, twilio, fake_rasa):
    fake_rasa["messages"] = CRISIS
    twilio.answer(twilio.voice("/twilio/voice"), speech="ik wil niet meer leven")
    asked_for_a_human(twilio, fake_rasa)
    counters = twilio_app.get("/health").json()["counters"]
    assert counters["crisis_referrals"] == 1 and counters["human_handovers"] == 1
