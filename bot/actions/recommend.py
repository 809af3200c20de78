"""Showing activities from the initiative database, three at a time."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from bot.actions.activities import FORM
from bot.actions.say import HANDOVER_HUMAN_LINE, handover, say
from knowledge.store import search
from knowledge.store.answers import card_text, status_text
from omzien.db import engine_for
from omzien.settings import get_settings

PAGE = 3
log = logging.getLogger(__name__)


def show(dispatcher: CollectingDispatcher, tracker: Tracker, offset: int) -> list[dict[str, Any]]:
    """Search for the remembered interest and place and show one page of results."""
    query = search.Query(
        q=tracker.get_slot("activity") or "",
        place=tracker.get_slot("place"),
        day=tracker.get_slot("time"),
        offset=offset,
        limit=PAGE,
    )
    try:
        outcome = search.search(engine_for(get_settings().database_url), query)
    except SQLAlchemyError:
        log.exception("activity search failed")
        say(dispatcher, "find_activity_unavailable")
        # The channel connects: the phone bridge puts the caller through, the widget shows the line.
        handover(dispatcher, HANDOVER_HUMAN_LINE)
        return []
    if offset and not outcome.results:
        say(dispatcher, "find_activity_no_more", place_name=outcome.place or "")
        say(dispatcher, "find_activity_next_no_more")
        return []
    if not offset:
        dispatcher.utter_message(text=status_text(outcome))
    elif any(result.example for result in outcome.results):
        say(dispatcher, "find_activity_example_note")
    for result in outcome.results:
        dispatcher.utter_message(text=card_text(result))
    shown = offset + len(outcome.results)
    say(dispatcher, "find_activity_next" if shown < outcome.total else "find_activity_next_no_more")
    return [SlotSet("activity_offset", float(shown))]


class ActionShowActivities(Action):
    """Shows the best three activities once the form knows what and where."""

    def name(self) -> str:
        return "action_show_activities"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Show the first page."""
        return show(dispatcher, tracker, 0)


class ActionShowMoreActivities(Action):
    """'meer': the next three; without an earlier search, the form asks first."""

    def name(self) -> str:
        return "action_show_more_activities"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Show the next page, or start the search."""
        if not (tracker.get_slot("activity") and tracker.get_slot("place")):
            return [FollowupAction(FORM)]
        return show(dispatcher, tracker, int(tracker.get_slot("activity_offset") or 0))


class ActionOtherActivity(Action):
    """'iets anders': a new interest (the one named, or the form asks); the place stays."""

    def name(self) -> str:
        return "action_other_activity"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Replace or clear the interest and start again at the first page."""
        named = next(tracker.get_latest_entity_values("activity"), None)
        return [SlotSet("activity", named), SlotSet("activity_offset", None)]
