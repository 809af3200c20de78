"""`python -m telephony.simulate`: a whole call and a chat through the gateway, typed."""

from __future__ import annotations

from telephony.simulate import Bridge, answer_fields, run_call, run_whatsapp
from tests.twilio.helpers import bot


def scripted(answers: list[str]):
    remaining = list(answers)
    return lambda prompt: remaining.pop(0) if remaining else None


def test_a_simulated_call_hears_the_bot_consents_and_is_put_through(
    twilio_app, twilio_settings, fake_rasa
):
    fake_rasa["messages"] = [
        bot("Bij De Luisterlijn luistert een vrijwilliger."),
        bot(handover="human_line"),
    ]
    shown: list[str] = []
    bridge = Bridge(twilio_app, twilio_settings)
    run_call(bridge, scripted(["ik wil met iemand praten", "ja", "b", "9"]), shown.append)
    assert shown[0].startswith("Omzien: Hoi, je spreekt met Omzien")
    assert "Omzien: Bij De Luisterlijn luistert een vrijwilliger." in shown
    assert "[doorverbinden met +31307654321]" in shown
    assert any(
        line.startswith("[de vrijwilliger hoort eerst: Een beller via Omzien.") for line in shown
    )
    assert any("Druk 2 als je teruggebeld wilt worden" in line for line in shown)
    assert shown[-1] == "[de oproep is beëindigd]"
    assert [events for _, events in fake_rasa["appended"]] == [[{"event": "restart"}]]


def test_a_simulated_chat_shows_the_replies(twilio_app, twilio_settings, fake_rasa):
    fake_rasa["messages"] = [bot("Hoi!", [("samen iets doen", "/find_activity")])]
    shown: list[str] = []
    run_whatsapp(Bridge(twilio_app, twilio_settings), scripted(["hoi", "/spraak"]), shown.append)
    assert shown[0] == "Omzien:\nHoi!\n\n1. samen iets doen\nStuur het nummer van je keuze.\n"
    assert "alleen tekst lezen" in shown[1]
    assert [sent["message"] for sent in fake_rasa["seen"]] == ["hoi"]


def test_a_digit_is_a_key_words_are_speech_and_nothing_is_silence():
    assert answer_fields("1") == {"Digits": "1"}
    assert answer_fields(" ik voel me alleen ") == {
        "SpeechResult": "ik voel me alleen",
        "Confidence": "0.9",
    }
    assert answer_fields("") == {}
