"""The De Jong Gierveld self-check: validation, stopping, scoring and forgetting."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.self_check import (
    ANSWER_SLOTS,
    ASK_ACTIONS,
    STOPPED,
    ActionSelfCheckResult,
    ValidateSelfCheckForm,
)
from knowledge.self_check import items
from omzien.settings import get_settings
from tests.actions.conftest import make_tracker, texts

DOMAIN = yaml.safe_load(
    (Path(__file__).resolve().parents[2] / "bot/domain/self_check.yml").read_text()
)


def validate(answer: str, requested: str = "djg_1", **slots):
    """Run the validation action as Rasa calls it: the answer arrives as a slot candidate."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        answer, "inform", requested_slot=requested, **{requested: answer}, **slots
    )
    tracker.events = [{"event": "user", "text": answer}, SlotSet(requested, answer)]
    tracker.active_loop = {"name": "self_check_form"}
    events = asyncio.run(ValidateSelfCheckForm().run(dispatcher, tracker, DOMAIN))
    return events, dispatcher.messages


@pytest.mark.parametrize(
    "answer, value",
    [("ja hoor", "ja"), ("een beetje", "min of meer"), ("nee, niet echt", "nee"), ("banaan", None)],
)
def test_free_answers_are_understood(answer, value):
    events, messages = validate(answer)
    assert events == [SlotSet("djg_1", value)]
    assert bool(messages) == (value is None), "only an unclear answer gets the explanation"


def test_stop_fills_every_open_statement_so_the_form_ends():
    events, _ = validate("stop", requested="djg_3", djg_1="ja", djg_2="nee")
    assert {e["name"]: e["value"] for e in events} == dict.fromkeys(
        ["djg_3", "djg_4", "djg_5", "djg_6"], STOPPED
    )


def test_each_statement_is_asked_with_three_answers():
    for action, item in zip(ASK_ACTIONS, items(), strict=True):
        dispatcher = CollectingDispatcher()
        asyncio.run(action().run(dispatcher, make_tracker(), {}))
        assert action().name() == f"action_ask_djg_{item.nr}"
        assert item.text in texts(dispatcher.messages)
        payloads = [b["payload"] for b in dispatcher.messages[-1]["buttons"]]
        assert payloads == ["ja", "min of meer", "nee"]


def result_for(answers: list[str]):
    slots = dict(zip(ANSWER_SLOTS, answers, strict=True))
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionSelfCheckResult().run(dispatcher, make_tracker(**slots), {}))
    return events, texts(dispatcher.messages), dispatcher.messages


def test_low_score_says_not_lonely_and_forgets_the_answers():
    events, reply, _ = result_for(["nee", "ja", "ja", "nee", "ja", "nee"])
    assert "0" in reply
    assert events == [SlotSet(slot, None) for slot in ANSWER_SLOTS]


def test_high_score_always_offers_the_human_line():
    _, reply, messages = result_for(["ja", "nee", "nee", "ja", "min of meer", "ja"])
    assert "6" in reply
    assert get_settings().human_line_number in reply
    payloads = [b["payload"] for m in messages for b in m.get("buttons", [])]
    assert "/talk_to_human" in payloads and "/find_activity" in payloads


def test_social_only_loneliness_points_to_activities_not_the_listening_ear():
    _, _, messages = result_for(["nee", "nee", "nee", "nee", "nee", "nee"])
    payloads = [b["payload"] for m in messages for b in m.get("buttons", [])]
    assert "/find_activity" in payloads
    assert "/talk_to_human" not in payloads


def test_stopped_test_gives_no_score():
    events, reply, _ = result_for(["ja", "nee", STOPPED, STOPPED, STOPPED, STOPPED])
    assert "/6" not in reply and " 6" not in reply
    assert events == [SlotSet(slot, None) for slot in ANSWER_SLOTS]
