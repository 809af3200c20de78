"""WhatsApp "VERGEET": an explanation first, then "JA VERGEET" forgets the person, on any worker."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from omzien.db import engine_for
from telephony.pseudonym import pseudonym
from telephony.twilio.callbacks import CallbackRequest, request_callback
from tests.twilio.helpers import CALLER, WHATSAPP_CALLER, bot

OTHER = "+31687654321"


@pytest.fixture
def twilio_settings(twilio_settings, trackers):
    """The bridge's settings on a tracker store of Rasa's own making."""
    return twilio_settings.copy(update={"tracker_url": trackers.url})


def conversation(settings, address: str = WHATSAPP_CALLER) -> str:
    return pseudonym(settings.pseudonym_secret, "whatsapp", address)


def callback_rows(settings) -> list[CallbackRequest]:
    with Session(engine_for(settings.database_url), future=True) as session:
        return list(session.execute(select(CallbackRequest)).scalars())


@pytest.mark.parametrize("word", ["VERGEET", "vergeet", " Vergeet! ", "vergeet."])
def test_the_word_vergeet_explains_and_asks_for_confirmation(twilio, fake_rasa, trackers, word):
    trackers.talk(conversation(twilio.settings), "ik voel me alleen")
    [answer] = twilio.whatsapp(word).messages()
    assert "wissen we je gesprek" in answer
    assert "Stuur dan: JA VERGEET" in answer
    assert fake_rasa["seen"] == []  # never sent to the bot, so never stored either
    assert trackers.senders() == {conversation(twilio.settings)}  # nothing deleted yet


def test_ja_vergeet_forgets_the_conversation_and_the_callback_request(
    twilio, twilio_settings, fake_rasa, trackers
):
    me = conversation(twilio_settings)
    someone_else = conversation(twilio_settings, f"whatsapp:{OTHER}")
    trackers.talk(me, "ik voel me alleen", "praat met een mens")
    trackers.talk(someone_else, "hallo")
    twilio.whatsapp("TERUGBELLEN")
    [mine] = callback_rows(twilio_settings)
    assert mine.conversation_id == me  # the request knows the conversation it was asked in
    request_callback(engine_for(twilio_settings.database_url), twilio_settings, OTHER, "voice")

    [answer] = twilio.whatsapp("Ja, vergeet!").messages()

    assert "We hebben je gesprek gewist" in answer
    assert twilio_settings.human_line_number in answer
    assert trackers.senders() == {someone_else}
    [left] = callback_rows(twilio_settings)
    assert left.person_id == pseudonym(twilio_settings.pseudonym_secret, "phone", OTHER)
    assert fake_rasa["seen"] == []


def test_forgetting_reaches_a_callback_request_made_by_phone(twilio, twilio_settings):
    request_callback(engine_for(twilio_settings.database_url), twilio_settings, CALLER, "voice")
    twilio.whatsapp("JA VERGEET")
    assert callback_rows(twilio_settings) == []


def test_a_phone_callback_request_remembers_its_call(twilio, twilio_settings):
    failed = twilio.dial_result(twilio.answer(twilio.voice("/twilio/voice"), digits="0"), "busy")
    twilio.answer(twilio.answer(failed, digits="2"), digits="1")
    [row] = callback_rows(twilio_settings)
    call = pseudonym(twilio_settings.pseudonym_secret, "voice", twilio.call_sid)
    assert row.conversation_id == call


@pytest.mark.parametrize("body", ["ja", "ik vergeet vaak dingen", "vergeet het maar"])
def test_other_messages_with_these_words_go_to_the_bot(twilio, fake_rasa, trackers, body):
    trackers.talk(conversation(twilio.settings), "hoi")
    fake_rasa["messages"] = [bot("Vertel eens.")]
    assert twilio.whatsapp(body).messages() == ["Vertel eens."]
    assert fake_rasa["seen"][-1]["message"] == body
    assert trackers.senders() == {conversation(twilio.settings)}


def test_when_forgetting_fails_the_person_hears_it_and_gets_the_human_line(
    twilio, twilio_settings, tmp_path, monkeypatch
):
    broken = f"sqlite:///{tmp_path}"  # a folder: no database opens there
    monkeypatch.setattr(twilio.settings, "tracker_url", broken)
    [answer] = twilio.whatsapp("JA VERGEET").messages()
    assert "het wissen is nu niet gelukt" in answer
    assert twilio_settings.human_line_number in answer
