"""Greeting, goodbye, thanks, the truth about being a computer, and everything out of scope."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.say import ContentAction, say
from bot.nlu.language import is_foreign


class ActionGreet(ContentAction):
    """Says what Omzien is and can do, and that a human line is always there."""

    def name(self) -> str:
        return "action_greet"


class ActionGoodbye(ContentAction):
    """Says goodbye."""

    def name(self) -> str:
        return "action_goodbye"


class ActionThank(ContentAction):
    """Answers thanks."""

    def name(self) -> str:
        return "action_thank"


class ActionBotChallenge(ContentAction):
    """Says truthfully that this is a computer program."""

    def name(self) -> str:
        return "action_bot_challenge"


class ActionOutOfScope(Action):
    """Redirects kindly; a message in another language gets a Dutch and an English sentence."""

    def name(self) -> str:
        return "action_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Pick the other-language reply or the out-of-scope reply."""
        text = tracker.latest_message.get("text") or ""
        say(dispatcher, "other_language" if is_foreign(text) else "out_of_scope")
        return []


class ActionMenu(ContentAction):
    """Offers the main paths (after a bare "ja" with nothing to agree to)."""

    def name(self) -> str:
        return "action_menu"


class ActionNluFallback(ContentAction):
    """Says it did not understand and offers the paths and the human line."""

    def name(self) -> str:
        return "action_nlu_fallback"
