"""The phone line: greeting, speech and key turns, silences, and 0 for a human at any moment."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from telephony.pseudonym import pseudonym
from telephony.twilio.numbers import human_line_dial
from tests.twilio.helpers import CALLER, bot

CHOICES = [("samen iets doen", "/find_activity"), ("praat met een mens", "/talk_to_human")]


def test_the_greeting_listens_for_dutch_speech_and_keys(twilio, twilio_settings):
    twiml = twilio.voice("/twilio/voice")
    gather = twiml.gather
    assert gather.get("input") == "speech dtmf"
    assert gather.get("language") == "nl-NL"
    assert gather.get("speechTimeout") == str(twilio_settings.twilio_speech_timeout_s)
    assert gather.get("action") == "https://omzien.example/twilio/voice/turn"
    hints = [hint.strip() for hint in gather.get("hints").split(",")]
    assert {"wandelen", "Amsterdam", "Utrecht", twilio_settings.human_line_name} <= set(hints)
    assert len(hints) <= 500 and all(len(hint) <= 100 for hint in hints)
    say = gather.find("Say")
    assert say.get("voice") == twilio_settings.twilio_voice
    assert say.get("language") == "nl-NL"
    assert "computerprogramma" in say.text and "druk dan op 0" in say.text


def test_speech_goes_to_the_bot_under_a_pseudonymous_id(twilio, twilio_settings, fake_rasa):
    fake_rasa["messages"] = [bot("Wat vervelend dat je je eenzaam voelt.")]
    twiml = twilio.answer(twilio.voice("/twilio/voice"), speech="ik voel me eenzaam")
    sent = fake_rasa["seen"][-1]
    assert sent["message"] == "ik voel me eenzaam"
    assert sent["sender"] == pseudonym("test-secret", "voice", twilio.call_sid)
    assert CALLER not in str(sent) and twilio.call_sid not in str(sent)
    assert twiml.says() == ["Wat vervelend dat je je eenzaam voelt."]
    assert twiml.gather.get("action").endswith("/twilio/voice/turn")


def test_buttons_are_read_as_choices_and_a_key_sends_the_payload(twilio, fake_rasa):
    fake_rasa["messages"] = [bot("Wat wil je doen?", CHOICES)]
    twiml = twilio.answer(twilio.voice("/twilio/voice"), speech="hallo")
    assert twiml.says() == [
        "Wat wil je doen?",
        "Zeg 'samen iets doen' of druk 1.",
        "Zeg 'praat met een mens' of druk 2.",
    ]
    fake_rasa["messages"] = [bot("Waar woon je?")]
    twilio.answer(twiml, digits="1")
    assert fake_rasa["seen"][-1]["message"] == "/find_activity"


def test_a_key_without_a_choice_is_explained_and_nothing_is_sent(twilio, fake_rasa):
    fake_rasa["messages"] = [bot("Wat wil je doen?", CHOICES)]
    twiml = twilio.answer(twilio.voice("/twilio/voice"), speech="hallo")
    sent = len(fake_rasa["seen"])
    again = twilio.answer(twiml, digits="7")
    assert len(fake_rasa["seen"]) == sent
    assert "toets ken ik hier niet" in again.spoken()
    twilio.answer(again, digits="2")  # the choices still work after the explanation
    assert fake_rasa["seen"][-1]["message"] == "/talk_to_human"


def test_spoken_words_are_never_taken_as_an_intent_payload(twilio, fake_rasa):
    twilio.answer(twilio.voice("/twilio/voice"), speech="/crisis")
    assert fake_rasa["seen"][-1]["message"] == "crisis"


def test_bot_text_is_spoken_without_emoji_with_addresses_and_numbers_as_words(twilio, fake_rasa):
    fake_rasa["messages"] = [bot("Bel **113** of 0800-0113 😊 of chat via 113.nl")]
    twiml = twilio.answer(twilio.voice("/twilio/voice"), speech="help")
    assert twiml.says() == ["Bel 1 1 3 of 0 8 0 0, 0 1 1 3 of chat via 113 punt n l."]


def test_silence_reprompts_once_then_offers_the_human_line_then_says_goodbye(
    twilio, twilio_settings, fake_rasa
):
    first = twilio.answer(twilio.voice("/twilio/voice"))
    assert "Ik hoorde niets" in first.spoken()
    assert first.gather.get("action").endswith("/twilio/voice/turn?silences=1")
    second = twilio.answer(first)
    assert "Wil je met een mens" in second.spoken()
    assert second.gather.get("action").endswith("/twilio/voice/offer?silences=2")
    third = twilio.answer(second)
    assert third.hangs_up() and third.gather is None and third.dial is None
    assert "0 3 0, 7 6 5, 4 3 2 1" in third.spoken()  # the human line's number, digit by digit
    assert fake_rasa["seen"] == []


def test_the_offer_after_silence_connects_on_yes(twilio, twilio_settings):
    offer = twilio.answer(twilio.answer(twilio.voice("/twilio/voice")))
    twiml = twilio.answer(offer, speech="ja graag")
    assert twiml.dialled() == human_line_dial(twilio_settings)


def test_the_offer_after_silence_goes_on_with_the_bot_on_no(twilio, fake_rasa):
    offer = twilio.answer(twilio.answer(twilio.voice("/twilio/voice")))
    twiml = twilio.answer(offer, speech="nee hoor")
    assert twiml.dial is None
    assert twiml.gather.get("action").endswith("/twilio/voice/turn")  # silences start again
    assert fake_rasa["seen"] == []


def test_the_choices_survive_a_reprompt(twilio, fake_rasa):
    fake_rasa["messages"] = [bot("Wat wil je doen?", CHOICES)]
    reprompt = twilio.answer(twilio.answer(twilio.voice("/twilio/voice"), speech="hallo"))
    query = parse_qs(urlsplit(reprompt.gather.get("action")).query)
    assert query == {"silences": ["1"], "b": ["/find_activity", "/talk_to_human"]}
    twilio.answer(reprompt, digits="1")
    assert fake_rasa["seen"][-1]["message"] == "/find_activity"


@pytest.mark.parametrize("step", ["greeting", "after a bot turn", "reprompt", "offer"])
def test_zero_connects_to_the_human_line_at_any_moment(twilio, twilio_settings, fake_rasa, step):
    fake_rasa["messages"] = [bot("Wat wil je doen?", CHOICES)]
    twiml = twilio.voice("/twilio/voice")
    if step == "after a bot turn":
        twiml = twilio.answer(twiml, speech="hallo")
    if step in ("reprompt", "offer"):
        twiml = twilio.answer(twiml)
    if step == "offer":
        twiml = twilio.answer(twiml)
    sent = len(fake_rasa["seen"])
    connected = twilio.answer(twiml, digits="0")
    assert connected.dialled() == human_line_dial(twilio_settings) == "+31307654321"
    assert len(fake_rasa["seen"]) == sent
    assert connected.dial.get("action").endswith("/twilio/voice/dial-status")
    assert "topic" not in connected.whisper_url()  # no consent asked: the anonymous whisper


def test_a_transfer_shows_omziens_number_not_the_callers(twilio):
    connected = twilio.answer(twilio.voice("/twilio/voice"), digits="0")
    assert connected.dial.get("callerId") == "+31850000000"
    assert CALLER not in str(connected.root.attrib) + str(connected.dial.attrib)
