"""Helping someone else, tailored to the relation; worrying signals."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.help_other import RELATIONS, ActionHelpOther, ActionWorriedSignal
from omzien.settings import get_settings
from tests.actions.conftest import make_tracker, texts


def test_unknown_relation_asks_who_it_is_about(run):
    events, messages = run(ActionHelpOther(), make_tracker("hoe help ik iemand", "help_other"))
    assert SlotSet("asked", "relation") in events
    assert len(messages[-1]["buttons"]) >= 5


def test_each_relation_gets_its_own_steps():
    replies = set()
    for relation in RELATIONS:
        dispatcher = CollectingDispatcher()
        asyncio.run(ActionHelpOther().run(dispatcher, make_tracker("x", relation=relation), {}))
        replies.add(texts(dispatcher.messages))
    assert len(replies) == len(RELATIONS)


def test_relation_word_from_the_message_is_used(run):
    entities = [{"entity": "relation", "value": "buur", "start": 5, "end": 15}]
    tracker = make_tracker("mijn buurvrouw is alleen", "help_other", entities, relation="buur")
    _, messages = run(ActionHelpOther(), tracker)
    assert "buurvrouw" in texts(messages)
    assert messages[-1]["buttons"], "the steps end with one question and choices"


@pytest.mark.parametrize("text", ["de post stapelt zich op bij mijn buurman"])
def test_worried_signal_starts_with_112_then_the_niet_pluis_route(run, text):
    _, messages = run(ActionWorriedSignal(), make_tracker(text, "worried_signal"))
    first_line = messages[0]["text"].splitlines()[0]
    assert get_settings().emergency_number in first_line
    reply = texts(messages).lower()
    assert "wijkteam" in reply and "huisarts" in reply
    assert get_settings().nonacute_number in reply
