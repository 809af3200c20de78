"""The De Jong Gierveld self-check as a form: one statement at a time, scored, then forgotten."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

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

    def validate_answer(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """Validate the answer to one statement; "stop" ends the test."""
        text = str(value or "").strip().lower()
        if self_check.STOP.match(text):
            # Filling every open statement ends the form; the result action sees no valid answers.
            return {s: STOPPED for s in ANSWER_SLOTS if s == slot or not tracker.get_slot(s)}
        answer = self_check.parse_answer(text)
        if answer is None:
            say(dispatcher, "self_check_unclear")
        return {slot: answer}


def _validator(slot: str):
    """The `validate_<slot>` method rasa_sdk looks up for one statement."""

    async def validate(self, slot_value, dispatcher, tracker, domain):
        return self.validate_answer(slot, slot_value, dispatcher, tracker)

    validate.__doc__ = f"Validate the answer to {slot}."
    return validate


for _slot in ANSWER_SLOTS:
    setattr(ValidateSelfCheckForm, f"validate_{_slot}", _validator(_slot))


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
