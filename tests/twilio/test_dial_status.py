"""After a transfer: goodbye when answered; when busy or unanswered: the number, retry, callback."""

from __future__ import annotations

import pytest

from telephony.twilio.numbers import crisis_dial, human_line_dial
from tests.twilio.helpers import bot

HUMAN_NUMBER_SPOKEN = "0 3 0, 7 6 5, 4 3 2 1"


def transferred(twilio):
    return twilio.answer(twilio.voice("/twilio/voice"), digits="0")


@pytest.mark.parametrize("status", ["completed", "answered"])
def test_an_answered_transfer_ends_with_goodbye(twilio, status):
    twiml = twilio.dial_result(transferred(twilio), status)
    assert twiml.hangs_up() and "Fijn dat je belde" in twiml.spoken()


@pytest.mark.parametrize("status", ["busy", "no-answer", "failed"])
def test_a_failed_transfer_says_the_number_and_offers_retry_and_callback(twilio, status):
    twiml = twilio.dial_result(transferred(twilio), status)
    said = twiml.spoken()
    assert HUMAN_NUMBER_SPOKEN in said
    assert "Druk 1 om het opnieuw te proberen" in said
    assert "Druk 2 als je teruggebeld wilt worden" in said
    assert twiml.gather.get("action").endswith("/twilio/voice/after-dial")


def test_key_1_tries_the_same_line_again(twilio, twilio_settings):
    retry = twilio.answer(twilio.dial_result(transferred(twilio), "busy"), digits="1")
    assert retry.dialled() == human_line_dial(twilio_settings)


def test_a_retry_keeps_the_consented_whisper(twilio, fake_rasa):
    fake_rasa["messages"] = [
        bot("Bij De Luisterlijn luistert een vrijwilliger."),
        bot(handover="human_line"),
    ]
    fake_rasa["events"] = [{"event": "user", "parse_data": {"intent": {"name": "help_other"}}}]
    question = twilio.answer(twilio.voice("/twilio/voice"), speech="ik wil iemand spreken")
    connected = twilio.answer(question, speech="ja")
    retry = twilio.answer(twilio.dial_result(connected, "no-answer"), speech="probeer het opnieuw")
    assert retry.whisper_url().endswith("whisper?topic=other")


def test_a_failed_crisis_transfer_gives_113_and_112_and_no_callback(
    twilio, twilio_settings, fake_rasa
):
    fake_rasa["messages"] = [bot("Bel 113."), bot(handover="crisis")]
    connected = twilio.answer(twilio.voice("/twilio/voice"), speech="ik wil dood")
    failed = twilio.dial_result(connected, "no-answer")
    said = failed.spoken()
    assert "0 8 0 0, 0 1 1 3" in said and "1 1 2" in said and "teruggebeld" not in said
    assert twilio.answer(failed, digits="1").dialled() == crisis_dial(twilio_settings)
    assert twilio.answer(failed, digits="2").dial is None  # no callback for a crisis


def test_no_choice_after_a_failed_transfer_says_goodbye_with_the_number(twilio):
    goodbye = twilio.answer(twilio.dial_result(transferred(twilio), "busy"))
    assert goodbye.hangs_up() and HUMAN_NUMBER_SPOKEN in goodbye.spoken()
