"""Doing something together: what someone likes to do and where they live."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.help_other import give_steps
from bot.actions.say import say
from knowledge import initiatives, lexicon, places


def _place_name(tracker: Tracker) -> str | None:
    """The known place: a postcode's main town, or the town named."""
    for slot in ("postcode", "place"):
        value = tracker.get_slot(slot)
        place = places.find_place(value) if value else None
        if place:
            return place.name
    return None


def suggest(
    dispatcher: CollectingDispatcher, tracker: Tracker, activity: str | None = None
) -> list[dict[str, Any]]:
    """Ask what the person likes and where they live, one at a time, then suggest."""
    activity = activity or tracker.get_slot("activity")
    if not activity:
        say(dispatcher, "find_activity_ask_activity")
        return [SlotSet("asked", "activity")]
    place_name = _place_name(tracker)
    if not place_name:
        unknown = tracker.get_slot("place") or tracker.get_slot("postcode")
        if unknown:
            say(dispatcher, "find_activity_unknown_place", place=unknown)
        else:
            say(dispatcher, "find_activity_ask_place")
        return [SlotSet("asked", "place"), SlotSet("place", None), SlotSet("postcode", None)]
    label = lexicon.activity_label(activity)
    say(dispatcher, "find_activity_summary", activity_label=label, place_name=place_name)
    national = initiatives.for_activity(activity)
    if national:
        say(dispatcher, "find_activity_national")
        for item in national:
            dispatcher.utter_message(text=f"{item.name} ({item.organisation}): {item.what}")
    say(dispatcher, "find_activity_local_tip", activity_label=label, place_name=place_name)
    return [SlotSet("asked", None)]


class ActionFindActivity(Action):
    """Finds out what the person likes to do and where, then points the way."""

    def name(self) -> str:
        return "action_find_activity"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Ask for what is missing, or suggest."""
        return suggest(dispatcher, tracker)


class ActionHandleInform(Action):
    """A bare answer: continues the question that was asked, or guesses from what it names."""

    def name(self) -> str:
        return "action_handle_inform"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Route the answer to helping another person or to finding an activity."""
        asked = tracker.get_slot("asked")
        named = {e.get("entity") for e in tracker.latest_message.get("entities", [])}
        if asked == "relation" or (asked is None and named == {"relation"}):
            return give_steps(dispatcher, tracker)
        if asked == "activity" and not tracker.get_slot("activity"):
            # A hobby outside the taxonomy ("borduren") is kept in the person's own words.
            hobby = (tracker.latest_message.get("text") or "").strip().lower()
            return [SlotSet("activity", hobby), *suggest(dispatcher, tracker, hobby)]
        if asked == "place" and not named & {"place", "postcode"}:
            text = (tracker.latest_message.get("text") or "").strip()
            say(dispatcher, "find_activity_unknown_place", place=text)
            return [SlotSet("asked", "place")]
        if asked in ("activity", "place") or named & {"activity", "place", "postcode"}:
            return suggest(dispatcher, tracker)
        say(dispatcher, "nlu_fallback")
        return []
