"""How actions speak: every text comes from knowledge/content, never from code."""

from __future__ import annotations

from abc import ABCMeta, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from knowledge.content import render

HANDOVER_CRISIS = {"handover": "crisis"}
HANDOVER_HUMAN_LINE = {"handover": "human_line"}


def say(dispatcher: CollectingDispatcher, key: str, **values: Any) -> None:
    """Send the messages of a text key, with its buttons."""
    for message in render(key, **values):
        dispatcher.utter_message(text=message["text"], buttons=message.get("buttons", []))


def handover(dispatcher: CollectingDispatcher, payload: dict[str, str]) -> None:
    """Send the custom payload that tells a channel to connect the person (crisis or human line)."""
    dispatcher.utter_message(json_message=dict(payload))


class ContentAction(Action, metaclass=ABCMeta):
    """An action that sends the text keyed by its name without "action_", then `payload`."""

    payload: dict[str, str] | None = None

    @abstractmethod
    def name(self) -> str:
        """Subclasses name themselves."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Send the text, and the channel payload if there is one."""
        say(dispatcher, self.name().removeprefix("action_"))
        if self.payload:
            handover(dispatcher, self.payload)
        return []
