"""WhatsApp: text to the bot under a pseudonym, numbered choices, media, handover, callbacks."""

from __future__ import annotations

import httpx
import requests

from telephony.pseudonym import pseudonym
from tests.twilio.helpers import CALLER, WHATSAPP_CALLER, bot

TOKEN = {"Authorization": "Bearer coordinator-token"}
MENU = [
    bot("Hoi, ik ben Omzien."),
    bot("Waar kan ik je mee helpen?", [("ik voel me eenzaam", "/feel_lonely"),
                                       ("samen iets doen", "/find_activity")]),
]  # fmt: skip


def menu_in_tracker(fake_rasa) -> None:
    """Rasa's tracker after the menu above: the person's message, then the bot's turn."""
    fake_rasa["events"] = [
        {"event": "user", "text": "hoi"},
        {"event": "bot", "text": "Hoi, ik ben Omzien.", "data": {}},
        {"event": "bot", "text": "Waar kan ik je mee helpen?",
         "data": {"buttons": [{"title": "ik voel me eenzaam", "payload": "/feel_lonely"},
                              {"title": "samen iets doen", "payload": "/find_activity"}]}},
        {"event": "action", "name": "action_listen"},
    ]  # fmt: skip


def test_a_message_goes_to_the_bot_under_a_pseudonym_and_comes_back(twilio, fake_rasa):
    fake_rasa["messages"] = [bot("Fijn dat je er bent.")]
    twiml = twilio.whatsapp("hallo")
    assert twiml.messages() == ["Fijn dat je er bent."]
    sent = fake_rasa["seen"][-1]
    assert sent == {
        "sender": pseudonym("test-secret", "whatsapp", WHATSAPP_CALLER),
        "message": "hallo",
    }
    assert CALLER[1:] not in str(sent) and "Jan" not in str(sent)


def test_buttons_become_a_numbered_list(twilio, fake_rasa):
    fake_rasa["messages"] = MENU
    [message] = twilio.whatsapp("hoi").messages()
    assert message == (
        "Hoi, ik ben Omzien.\n\nWaar kan ik je mee helpen?\n\n"
        "1. ik voel me eenzaam\n2. samen iets doen\nStuur het nummer van je keuze."
    )


def test_a_number_maps_back_to_the_payload_of_the_last_buttons(twilio, fake_rasa):
    menu_in_tracker(fake_rasa)
    fake_rasa["messages"] = [bot("Waar woon je?")]
    twilio.whatsapp("2")
    assert fake_rasa["seen"][-1]["message"] == "/find_activity"
    twilio.whatsapp(" 1. ")
    assert fake_rasa["seen"][-1]["message"] == "/feel_lonely"


def test_a_number_without_such_a_choice_is_sent_as_text(twilio, fake_rasa):
    menu_in_tracker(fake_rasa)
    twilio.whatsapp("7")
    assert fake_rasa["seen"][-1]["message"] == "7"


def test_buttons_of_an_earlier_turn_do_not_count(twilio, fake_rasa):
    menu_in_tracker(fake_rasa)
    fake_rasa["events"] += [
        {"event": "user", "text": "/feel_lonely"},
        {"event": "bot", "text": "Wat naar.", "data": {}},
    ]
    twilio.whatsapp("1")
    assert fake_rasa["seen"][-1]["message"] == "1"


def test_typed_text_is_never_an_intent_payload(twilio, fake_rasa):
    twilio.whatsapp('/inform{"place": "Utrecht"}')
    assert fake_rasa["seen"][-1]["message"] == 'inform{"place": "Utrecht"}'


def test_media_gets_a_kind_reply_and_is_never_fetched(twilio, fake_rasa, monkeypatch):
    fetched = []  # any HTTP client the gateway (or the twilio library) could fetch media with

    async def async_send(*args, **kwargs):
        fetched.append(args)

    monkeypatch.setattr(httpx.AsyncClient, "send", async_send)
    monkeypatch.setattr(requests.Session, "send", lambda *args, **kwargs: fetched.append(args))
    media = {
        "NumMedia": "1",
        "MediaContentType0": "audio/ogg",
        "MediaUrl0": "https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME1",
    }
    [message] = twilio.whatsapp("", **media).messages()
    assert "alleen tekst lezen" in message and "030 765 4321" in message
    assert fake_rasa["requests"] == [] and fetched == []


def test_media_with_a_caption_answers_the_caption_too(twilio, fake_rasa):
    fake_rasa["messages"] = [bot("Mooie foto-tekst ontvangen.")]
    messages = twilio.whatsapp(
        "dit is mijn hond", NumMedia="1", MediaContentType0="image/jpeg"
    ).messages()
    assert "alleen tekst lezen" in messages[0]
    assert messages[1] == "Mooie foto-tekst ontvangen."
    assert fake_rasa["seen"][-1]["message"] == "dit is mijn hond"


def test_a_long_reply_is_split_under_1600_characters(twilio, fake_rasa):
    fake_rasa["messages"] = [bot(" ".join(["Een zin van wat woorden."] * 150))]
    messages = twilio.whatsapp("vertel").messages()
    assert len(messages) >= 3
    assert all(len(message) <= 1600 for message in messages)
    assert " ".join(messages).split() == fake_rasa["messages"][0]["text"].split()


def test_the_human_line_handover_gives_the_number_chat_and_callback_offer(twilio, fake_rasa):
    fake_rasa["messages"] = [
        bot("Bel De Luisterlijn op 030 765 4321, of chat via https://www.deluisterlijn.nl."),
        bot(handover="human_line"),
    ]
    [message] = twilio.whatsapp("ik wil met een mens praten").messages()
    assert "030 765 4321" in message and "deluisterlijn.nl" in message
    assert "TERUGBELLEN" in message and "Na 14 dagen wissen we het" in message


def test_terugbellen_stores_an_encrypted_callback_request(twilio_app, twilio, fake_rasa):
    [message] = twilio.whatsapp("Terugbellen").messages()
    assert "bellen je zo snel mogelijk terug" in message
    assert fake_rasa["seen"] == []
    [item] = twilio_app.get("/api/callbacks", headers=TOKEN).json()
    assert item == {**item, "number": CALLER, "channel": "whatsapp"}


def test_the_bot_down_answers_with_the_human_line(twilio, fake_rasa):
    fake_rasa["error"] = httpx.ConnectError("down")
    [message] = twilio.whatsapp("hoi").messages()
    assert "030 765 4321" in message and "deluisterlijn.nl" in message


def test_a_too_long_message_is_not_sent_to_the_bot(twilio, fake_rasa):
    [message] = twilio.whatsapp("a" * 3000).messages()
    assert "te lang" in message and fake_rasa["seen"] == []


def test_the_whatsapp_fallback_url_gives_the_human_line(twilio):
    response = twilio.post("/twilio/whatsapp/fallback", {"From": WHATSAPP_CALLER, "Body": "hoi"})
    assert response.status_code == 200 and "De Luisterlijn" in response.text
