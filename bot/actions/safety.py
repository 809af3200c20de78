"""Crisis response (113 first, 112 in danger, the assistant stays) and the human line."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.say import (
    HANDOVER_CRISIS,
    HANDOVER_HUMAN_LINE,
    ContentAction,
    handover,
    say,
)
from bot.actions.self_check import ANSWER_SLOTS


class ActionCrisisResponse(Action):
    """Gives 113 and 112 at once, marks the crisis for channels and stays present."""

    def name(self) -> str:
        return "action_crisis_response"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Respond to a crisis; an interrupted self-check is forgotten."""
        say(dispatcher, "crisis")
        # The payload follows the numbers at once, so the phone bridge can dial 113 right away.
        handover(dispatcher, HANDOVER_CRISIS)
        say(dispatcher, "crisis_question")
        return [SlotSet(slot, None) for slot in ANSWER_SLOTS]


class ActionCrisisConnect(ContentAction):
    """After a crisis: the person wants to be connected to 113; channels get the handover."""

    payload = HANDOVER_CRISIS

    def name(self) -> str:
        return "action_crisis_connect"


class ActionCrisisStay(ContentAction):
    """After a crisis: the person does not want to be connected now; the assistant stays."""

    def name(self) -> str:
        return "action_crisis_stay"


class ActionTalkToHuman(Action):
    """Gives the human listening line and marks the handover for channels that can connect."""

    def name(self) -> str:
        return "action_talk_to_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Give the human line; an interrupted self-check is forgotten."""
        say(dispatcher, "talk_to_human")
        handover(dispatcher, HANDOVER_HUMAN_LINE)
        return [SlotSet(slot, None) for slot in ANSWER_SLOTS]
