"""Doing something together: the form that learns what someone likes to do and where."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.actions.help_other import give_steps, relation_word
from bot.actions.say import say
from knowledge import interests
from knowledge.store.places import resolve_origin
from omzien.db import engine_for
from omzien.settings import get_settings

FORM = "activity_form"
log = logging.getLogger(__name__)
MAX_HOBBY_CHARS = 60


def place_known(place: str) -> bool:
    """True when a place name or postcode is in the reference tables (or they cannot be read)."""
    try:
        with Session(engine_for(get_settings().database_url), future=True) as session:
            return resolve_origin(session, place=place) is not None
    except SQLAlchemyError:
        # The database is down: take the place as given; the search that follows needs the
        # database too and answers with the human line, instead of a form that asks forever.
        log.exception("could not check a place")
        return True


class ValidateActivityForm(FormValidationAction):
    """Turns answers into an activity category (or the person's own hobby) and a known place."""

    def name(self) -> str:
        return "validate_activity_form"

    async def validate_activity(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> dict[str, Any]:
        """A category when the words name one; otherwise the hobby in the person's words."""
        text = str(value or "").strip().lower()
        keys = interests.activity_keys(text)
        if keys:
            return {"activity": keys[0]}
        return {"activity": text if 2 <= len(text) <= MAX_HOBBY_CHARS else None}

    async def validate_place(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> dict[str, Any]:
        """Keep a town, municipality or postcode we know; otherwise remember it to ask again."""
        text = str(value or "").strip()
        if text and place_known(text):
            return {"place": text, "unknown_place": None}
        return {"place": None, "unknown_place": text[:MAX_HOBBY_CHARS] or None}


class ActionAskActivity(Action):
    """Asks what the person (or the two of them) like to do."""

    def name(self) -> str:
        return "action_ask_activity"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Ask about doing something together with the person named, or alone."""
        word = relation_word(tracker)
        if word:
            say(dispatcher, "find_activity_ask_activity_together", relation_word=word)
        else:
            say(dispatcher, "find_activity_ask_activity")
        return []


class ActionAskPlace(Action):
    """Asks where the person lives; names the place it did not know."""

    def name(self) -> str:
        return "action_ask_place"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Ask for a town, municipality or postcode."""
        unknown = tracker.get_slot("unknown_place")
        if unknown:
            say(dispatcher, "find_activity_unknown_place", place=unknown)
            return [SlotSet("unknown_place", None)]
        say(dispatcher, "find_activity_ask_place")
        return []


class ActionHandleInform(Action):
    """A bare answer outside a form: a relation gets the steps, an activity or place a search."""

    def name(self) -> str:
        return "action_handle_inform"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Route the answer to helping another person or to finding an activity."""
        named = {e.get("entity") for e in tracker.latest_message.get("entities", [])}
        if tracker.get_slot("asked") == "relation" or named == {"relation"}:
            return give_steps(dispatcher, tracker)
        if named & {"activity", "place", "postcode"}:
            return [FollowupAction(FORM)]
        say(dispatcher, "nlu_fallback")
        return []
