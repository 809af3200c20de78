"""The NLU components that have the last word after the classifier."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.components import LanguageGuard, SafetyNet
from bot.nlu.safety import assess


def classified(text: str, *ranking: tuple[str, float]) -> Message:
    """A message as DIET leaves it: top intent and ranking."""
    items = [{"name": n, "confidence": c} for n, c in ranking]
    return Message(data={"text": text, "intent": items[0], "intent_ranking": items})


def run(component_class, message: Message) -> str:
    return component_class().process([message])[0].get("intent")["name"]


def test_lexicon_match_overrides_any_model_verdict():
    message = classified("ik wil niet meer leven", ("feel_lonely", 0.9), ("crisis", 0.1))
    assert run(SafetyNet, message) == "crisis"
    assert message.get("intent")["confidence"] == 1.0
    assert [r["name"] for r in message.get("intent_ranking")][:2] == ["crisis", "feel_lonely"]


@pytest.mark.parametrize(
    "text", ["ik wil niet dood hoor", "ik lach me dood", "ik denk niet aan zelfmoord", "doodmoe"]
)
def test_defused_phrase_lets_a_model_crisis_give_way(text):
    assert assess(text).defused and assess(text).match is None
    message = classified(text, ("crisis", 0.8), ("feel_lonely", 0.15), ("greet", 0.05))
    assert run(SafetyNet, message) == "feel_lonely"


def test_model_crisis_without_lexicon_opinion_stands():
    message = classified("ik heb een mes gepakt en weet niet wat ik ga doen", ("crisis", 0.7))
    assert run(SafetyNet, message) == "crisis"


def test_other_language_becomes_out_of_scope_but_a_crisis_still_wins():
    english = classified("what time does the museum open", ("find_activity", 0.6))
    assert run(LanguageGuard, english) == "out_of_scope"
    crisis = classified("i want to kill myself", ("feel_lonely", 0.6))
    run(LanguageGuard, crisis)
    assert run(SafetyNet, crisis) == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "ik wil niet meer alleen thuis zitten",
        "ik hoop nog lang te leven",
        "de herrie van de buren mag van mij wel ophouden",
        "ik wil niet meer verder met de breiclub",
        "ik word elke nacht om drie uur wakker",
        "ik wil weer van het leven genieten",
    ],
)
def test_everyday_uses_of_crisis_words_are_defused(text):
    assert assess(text) == assess(text).__class__(None, True)


@pytest.mark.parametrize(
    "text",
    ["ik wil niet meer leven", "ik wil niet meer verder", "ik wil niet meer wakker worden"],
)
def test_defusers_never_outrank_a_crisis_phrase(text):
    assert assess(text).match is not None
