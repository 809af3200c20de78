"""The De Jong Gierveld self-check as a form: one statement at a time, scored, then forgotten."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.say import say
from knowledge import self_check

ANSWER_SLOTS = [f"djg_{item.nr}" for item in self_check.items()]
STOPPED = "gestopt"


def _make_ask_action(item: self_check.Item) -> type[Action]:
    """An `action_ask_djg_N` that asks statement N with its three answer buttons."""

    async def run(self, dispatcher, tracker, domain):
        say(dispatcher, "self_check_item", nr=item.nr, text=item.text)
        return []

    action_name = f"action_ask_djg_{item.nr}"
    return type(
        f"ActionAskDjg{item.nr}",
        (Action,),
        {"name": lambda self: action_name, "run": run, "__doc__": f"Asks statement {item.nr}."},
    )


ASK_ACTIONS = [_make_ask_action(item) for item in self_check.items()]
globals().update({cls.__name__: cls for cls in ASK_ACTIONS})


class ActionStartSelfCheck(Action):
    """Explains the self-check before the first statement."""

    def name(self) -> str:
        return "action_start_self_check"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Introduce the test and clear earlier answers."""
        say(dispatcher, "self_check_intro")
        return [SlotSet(slot, None) for slot in ANSWER_SLOTS]


class ValidateSelfCheckForm(FormValidationAction):
    """Turns free answers into ja / min of meer / nee; an unclear answer asks again."""

    def name(self) -> str:
        return "validate_self_check_form"

    async def validate(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Validate whichever statement was just answered."""
        requested = tracker.get_slot("requested_slot")
        if requested not in ANSWER_SLOTS:
            return await super().validate(dispatcher, tracker, domain)
        text = str(tracker.get_slot(requested) or "")
        if self_check.STOP.match(text.strip().lower()):
            # Filling every open statement ends the form; the result action sees no valid answers.
            open_slots = [s for s in ANSWER_SLOTS if s == requested or not tracker.get_slot(s)]
            return [SlotSet(slot, STOPPED) for slot in open_slots]
        answer = self_check.parse_answer(text)
        if answer is None:
            say(dispatcher, "self_check_unclear")
        return [SlotSet(requested, answer)]


class ActionSelfCheckResult(Action):
    """Scores the answers, explains without diagnosing, advises, and deletes the answers."""

    def name(self) -> str:
        return "action_self_check_result"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Give the score with its emotional and social parts and fitting advice."""
        answers = {item.nr: tracker.get_slot(f"djg_{item.nr}") for item in self_check.items()}
        forget = [SlotSet(slot, None) for slot in ANSWER_SLOTS]
        if any(value not in self_check.ANSWERS for value in answers.values()):
            say(dispatcher, "self_check_stopped")
            return forget
        result = self_check.score(answers)
        say(
            dispatcher,
            f"self_check_result_{result.category}",
            score=result.total,
            emotional=result.emotional,
            social=result.social,
        )
        if result.social >= 2:
            say(dispatcher, "self_check_advice_social")
        if result.emotional >= 2:
            say(dispatcher, "self_check_advice_emotional")
        if result.category == "sterk":
            say(dispatcher, "self_check_human_offer")
        return forget
