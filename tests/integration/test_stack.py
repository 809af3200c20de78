"""The whole assistant through POST /chat: every intent's behaviour, bad input, restarts."""

from __future__ import annotations

import httpx
import pytest

from omzien.settings import get_settings

pytestmark = [pytest.mark.stack, pytest.mark.model]
SETTINGS = get_settings()


def text_of(reply: dict) -> str:
    return "\n".join(m["text"] or "" for m in reply["messages"])


def payloads(reply: dict) -> list[str]:
    return [b["payload"] for m in reply["messages"] for b in m["buttons"]]


def customs(reply: dict) -> list[dict]:
    return [m["custom"] for m in reply["messages"] if m["custom"]]


def test_greeting_is_honest_and_mentions_the_human_line(stack, sender):
    reply = stack.chat(sender, "hallo")
    assert "computerprogramma" in text_of(reply)
    assert SETTINGS.human_line_name in text_of(reply)


def test_feel_lonely_offers_four_paths(stack, sender):
    reply = stack.chat(sender, "ik voel me zo alleen de laatste tijd")
    assert {"/find_activity", "/talk_to_human", "/self_check"} <= set(payloads(reply))


def test_help_other_asks_who_then_tailors(stack, sender):
    reply = stack.chat(sender, "hoe kan ik iemand helpen die eenzaam is")
    assert any("relation" in p for p in payloads(reply))
    reply = stack.chat(sender, "mijn moeder")
    assert "moeder" in text_of(reply)


def test_find_activity_asks_what_and_where_then_shows_three_example_cards(stack, sender):
    assert "Wat doe jij graag?" in text_of(
        stack.chat(sender, "ik wil graag nieuwe mensen ontmoeten")
    )
    assert "postcode" in text_of(stack.chat(sender, "wandelen"))
    reply = stack.chat(sender, "Zwolle")
    assert "wandelen in de buurt van Zwolle" in text_of(reply)
    assert "VOORBEELD, geen echte activiteit" in text_of(reply)
    assert "/other_activity" in payloads(reply) and "/talk_to_human" in payloads(reply)


def test_interest_and_place_in_one_message_then_more_and_something_else(stack, sender):
    reply = stack.chat(sender, "ik zoek iets gezelligs, ik wandel graag in Utrecht")
    assert "Utrecht" in text_of(reply)
    first = text_of(reply)
    more = stack.chat(sender, "/more_activities")
    assert text_of(more) and text_of(more) != first
    assert "Wat doe jij graag?" in text_of(stack.chat(sender, "/other_activity"))
    reply = stack.chat(sender, "ik brei graag")
    assert "Handwerkcafé" in text_of(reply) or "creatief" in text_of(reply)


def test_unknown_place_is_named_and_asked_again(stack, sender):
    stack.chat(sender, "ik zoek een koor")
    reply = stack.chat(sender, "Xyzdorp")
    assert "'Xyzdorp'" in text_of(reply) and "?" in text_of(reply)
    assert "Maastricht" in text_of(stack.chat(sender, "Maastricht"))


def test_something_to_do_with_a_mother_asks_what_they_like(stack, sender):
    reply = stack.chat(sender, "iets om samen met mijn moeder te doen in Hengelo")
    assert "je moeder graag" in text_of(reply)


def test_crisis_gets_113_112_and_the_handover_payload(stack, sender):
    before = httpx.get(f"{stack.url}/health").json()["counters"]["crisis_referrals"]
    reply = stack.chat(sender, "ik wil niet meer leven")
    text = text_of(reply)
    for number in ("113", "0800-0113", "112"):
        assert number in text
    assert {"handover": "crisis"} in customs(reply)
    after = httpx.get(f"{stack.url}/health").json()["counters"]["crisis_referrals"]
    assert after == before + 1


def test_negated_death_wish_is_not_a_crisis(stack, sender):
    reply = stack.chat(sender, "ik wil niet dood hoor, ik verveel me gewoon")
    assert {"handover": "crisis"} not in customs(reply)


def test_self_check_understands_free_answers_and_a_crisis_interrupts_it(stack, sender):
    reply = stack.chat(sender, "ik wil de test doen")
    assert "1 van 6" in text_of(reply)
    stack.chat(sender, "ja hoor")
    reply = stack.chat(sender, "weet ik niet")
    assert "2 van 6" in text_of(reply), "an unclear answer asks the same statement again"
    for answer in ["nee, niet echt", "een beetje", "ja", "nee", "ja helaas"]:
        reply = stack.chat(sender, answer)
    assert "6 van de 6" in text_of(reply)
    assert SETTINGS.human_line_number in text_of(reply), "a high score offers the human line"
    interrupted = f"{sender}-x"
    stack.chat(interrupted, "hoe eenzaam ben ik eigenlijk")
    stack.chat(interrupted, "ja")
    reply = stack.chat(interrupted, "ik wil er gewoon niet meer zijn")
    assert {"handover": "crisis"} in customs(reply)


def test_stop_ends_the_self_check_without_a_score(stack, sender):
    stack.chat(sender, "ik wil de test doen")
    stack.chat(sender, "ja")
    reply = stack.chat(sender, "stop")
    assert "stoppen met de test" in text_of(reply)


def test_worried_signal_starts_with_112(stack, sender):
    reply = stack.chat(sender, "mijn buurman doet al dagen niet open en de post stapelt zich op")
    assert SETTINGS.emergency_number in reply["messages"][0]["text"].splitlines()[0]


@pytest.mark.parametrize(
    "message, expected",
    [
        ("hoeveel mensen in nederland zijn eenzaam", "47"),
        ("ik wil graag vrijwilliger worden", "vrijwillig"),
        ("ben jij een echt mens?", "geen mens"),
        ("wat wordt het weer morgen", "niet mee helpen"),
        ("what is the weather like in amsterdam today", "I only speak Dutch"),
        ("dank je wel", "Graag gedaan"),
        ("doei", "Dag"),
    ],
)
def test_intents_answer_in_kind(stack, sender, message, expected):
    assert expected in text_of(stack.chat(sender, message))


def test_talk_to_human_gives_the_line_and_handover(stack, sender):
    reply = stack.chat(sender, "ik wil met een echt mens praten")
    assert SETTINGS.human_line_number in text_of(reply)
    assert {"handover": "human_line"} in customs(reply)


@pytest.mark.parametrize(
    "message", ["   ", "😀😀😀", "<script>alert(1)</script>", "a" * 1999, "ÿ\u202e\u0000 hoi"]
)
def test_bad_input_never_fails(stack, sender, message):
    response = httpx.post(
        f"{stack.url}/chat", json={"sender": sender, "message": message}, timeout=30
    )
    assert response.status_code == 200
    assert response.json()["messages"]


def test_oversized_and_malformed_requests(stack, sender):
    big = httpx.post(f"{stack.url}/chat", json={"sender": sender, "message": "x" * 10_000})
    assert big.status_code == 413
    broken = httpx.post(
        f"{stack.url}/chat", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert broken.status_code == 422


def test_conversation_survives_a_restart_and_ctrl_c_stops_cleanly(stack, sender):
    stack.chat(sender, "ik wil de eenzaamheidstest doen")
    stack.chat(sender, "ja")
    assert stack.stop() == 0
    stack.start()
    reply = stack.chat(sender, "nee")
    assert "3 van 6" in text_of(reply)
