"""Crisis response and the human line."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from bot.actions.safety import (
    ActionCrisisConnect,
    ActionCrisisResponse,
    ActionCrisisStay,
    ActionTalkToHuman,
)
from omzien.settings import get_settings
from tests.actions.conftest import customs, make_tracker, texts


def test_crisis_gives_113_and_112_first_then_stays_and_asks(run):
    events, messages = run(ActionCrisisResponse(), make_tracker("ik wil niet meer leven"))
    settings = get_settings()
    all_text = texts(messages)
    for number in (settings.crisis_number, settings.crisis_free_number, settings.emergency_number):
        assert number in all_text
    assert "113.nl" in all_text
    assert customs(messages) == [{"handover": "crisis"}]
    numbers_at = next(
        i for i, m in enumerate(messages) if settings.crisis_free_number in (m.get("text") or "")
    )
    payload_at = next(i for i, m in enumerate(messages) if m.get("custom"))
    assert payload_at == numbers_at + 1, "the phone bridge dials right after the numbers"
    last = messages[-1]
    assert last["text"].rstrip().endswith("?") and len(last["buttons"]) == 2
    assert SlotSet("djg_1", None) in events


def test_crisis_connect_repeats_the_way_to_113_and_marks_the_handover(run):
    _, messages = run(ActionCrisisConnect(), make_tracker("ja"))
    assert get_settings().crisis_free_number in texts(messages)
    assert customs(messages) == [{"handover": "crisis"}]


def test_crisis_stay_keeps_113_in_view_without_a_handover(run):
    _, messages = run(ActionCrisisStay(), make_tracker("nee"))
    assert get_settings().crisis_number in texts(messages)
    assert customs(messages) == []


def test_talk_to_human_gives_the_line_and_a_handover_payload(run):
    _, messages = run(ActionTalkToHuman(), make_tracker("mag ik een mens"))
    settings = get_settings()
    assert settings.human_line_number in texts(messages)
    assert settings.human_line_name in texts(messages)
    assert customs(messages) == [{"handover": "human_line"}]
