"""Helping someone else: steps tailored to the relation, and worrying signals."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.say import ContentAction, say

RELATIONS = ("ouder", "buur", "collega", "jongere", "partner", "vriend", "familie", "anders")


def relation_word(tracker: Tracker) -> str:
    """The word the person used for the relation in this message ("buurvrouw"), if any."""
    for entity in tracker.latest_message.get("entities", []):
        if entity.get("entity") == "relation" and "start" in entity:
            text = tracker.latest_message.get("text") or ""
            return text[entity["start"] : entity["end"]].lower()
    return ""


def give_steps(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """Ask who it is about, or give the steps for that relation."""
    relation = tracker.get_slot("relation")
    if relation not in RELATIONS:
        say(dispatcher, "help_other_ask_relation")
        return [SlotSet("asked", "relation")]
    word = relation_word(tracker) or {"anders": "die persoon"}.get(relation, relation)
    say(dispatcher, f"help_other_{relation}", relation_word=word)
    say(dispatcher, "help_other_more")
    return [SlotSet("asked", None)]


class ActionHelpOther(Action):
    """Practical steps for helping someone who is, or may be, lonely."""

    def name(self) -> str:
        return "action_help_other"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Steps for the known relation, or first the question who it is about."""
        return give_steps(dispatcher, tracker)


class ActionWorriedSignal(ContentAction):
    """Acute danger: 112; otherwise the 'niet-pluis' route via neighbours, wijkteam or GP."""

    def name(self) -> str:
        return "action_worried_signal"
