"""Bot text made speakable: no emoji or markdown, addresses as words, numbers in digit groups."""

from __future__ import annotations

import pytest

from omzien.settings import Settings
from telephony.schemas import BotMessage, Button
from telephony.twilio.numbers import callable_number, international
from telephony.twilio.speech import speak, speakable, spoken_digits, spoken_messages, spoken_url

SETTINGS = Settings(_env_file=None)


@pytest.mark.parametrize(
    ("url", "spoken"),
    [
        ("113.nl", "113 punt n l"),
        ("https://www.113.nl", "113 punt n l"),
        ("https://www.deluisterlijn.nl/", "deluisterlijn punt n l"),
        ("www.een-tegen-eenzaamheid.nl/tips", "een streepje tegen streepje eenzaamheid punt n l slash tips"),  # noqa: E501
        ("https://example.com", "example punt com"),
    ],
)  # fmt: skip
def test_web_addresses_are_spoken_as_words(url, spoken):
    assert spoken_url(url) == spoken


@pytest.mark.parametrize(
    ("number", "spoken"),
    [
        ("113", "1 1 3"),
        ("0800-0113", "0 8 0 0, 0 1 1 3"),
        ("088 0767 000", "0 8 8, 0 7 6 7, 0 0 0"),
        ("0612345678", "0 6 1, 2 3 4, 5 6 7 8"),
        ("+31 6 1234 5678", "plus 3 1, 6, 1 2 3 4, 5 6 7 8"),
    ],
)
def test_phone_numbers_are_read_in_digit_groups(number, spoken):
    assert spoken_digits(number) == spoken


def test_a_crisis_text_keeps_113_as_an_address_and_as_a_number():
    said = speak(SETTINGS, "Bel 113 of 0800-0113. Chatten kan via 113.nl.")
    assert said == "Bel 1 1 3 of 0 8 0 0, 0 1 1 3. Chatten kan via 113 punt n l."


def test_emoji_and_markdown_are_not_read_out():
    said = speakable("**Hoi** 😊👍🏽 kijk op [de site](https://www.113.nl)\n- _samen_ eten ❤️")
    assert said == "Hoi kijk op de site: 113 punt n l. samen eten."


def test_ordinary_numbers_stay_numbers():
    assert speakable("Om 10.30 uur, 14 dagen, in 2026") == "Om 10.30 uur, 14 dagen, in 2026."


def test_lines_become_sentences_so_the_voice_pauses():
    assert speakable("Hoi\nWaar kan ik je mee helpen?") == "Hoi. Waar kan ik je mee helpen?"


def test_buttons_become_choices_with_keys_and_payloads_in_order():
    message = BotMessage(
        text="Wat wil je doen?",
        buttons=[
            Button(title="samen iets doen 🎲", payload="/find_activity"),
            Button(title="praat met een mens", payload="/talk_to_human"),
        ],
    )
    sentences, payloads = spoken_messages(SETTINGS, [message])
    assert sentences == [
        "Wat wil je doen?",
        "Zeg 'samen iets doen' of druk 1.",
        "Zeg 'praat met een mens' of druk 2.",
    ]
    assert payloads == ["/find_activity", "/talk_to_human"]


def test_no_more_than_nine_keys():
    buttons = [Button(title=f"keuze {n}", payload=f"/p{n}") for n in range(12)]
    _, payloads = spoken_messages(SETTINGS, [BotMessage(buttons=buttons)])
    assert len(payloads) == 9


def test_dialled_numbers_are_international():
    assert international("088 0767 000") == "+31880767000"
    assert international("0800-0113") == "+318000113"
    assert international("+31 85 000 0000") == "+31850000000"


def test_a_withheld_caller_cannot_be_called_back():
    assert callable_number("whatsapp:+31612345678") == "+31612345678"
    assert callable_number("anonymous") is None
    assert callable_number("+266696687") is None  # Twilio's "ANONYMOUS" on a keypad
