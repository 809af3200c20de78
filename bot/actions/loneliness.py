"""Own loneliness: the first answer, information about loneliness, and volunteering."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.say import ContentAction, say

INFO_TOPICS = ("wat", "soorten", "hoe_vaak", "oorzaken", "tips", "week")
# Words that point to one information topic when no button was used.
TOPIC_WORDS = {
    "week": ("week tegen", "week van", "actieweek", "september"),
    "hoe_vaak": ("hoeveel", "hoe vaak", "procent", "hoe veel", "cijfers", "hoe gewoon"),
    "soorten": ("soort", "sociale", "emotionele", "existentiële", "existentiele", "vormen"),
    "oorzaken": ("oorzaak", "hoe komt", "waardoor", "waarom", "ontstaat"),
    "tips": ("tip", "wat kan ik", "wat helpt", "wat doe ik", "tegen doen", "minder eenzaam"),
    "wat": ("wat is", "wat betekent", "betekenis", "definitie", "wat houdt"),
}


def info_topic(text: str, slot_value: str | None) -> str | None:
    """The topic chosen by button, or else the first topic whose words are in the text."""
    if slot_value in INFO_TOPICS:
        return slot_value
    lowered = text.lower()
    for topic, words in TOPIC_WORDS.items():
        if any(word in lowered for word in words):
            return topic
    return None


class ActionFeelLonely(ContentAction):
    """Acknowledges loneliness and offers four paths as buttons."""

    def name(self) -> str:
        return "action_feel_lonely"


class ActionVolunteer(ContentAction):
    """Explains how to help others as a volunteer."""

    def name(self) -> str:
        return "action_volunteer"


class ActionLonelinessInfo(Action):
    """Answers one information topic, or offers the topics when none is clear."""

    def name(self) -> str:
        return "action_loneliness_info"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Answer the topic and clear it for the next question."""
        text = tracker.latest_message.get("text") or ""
        topic = info_topic(text, tracker.get_slot("info_topic"))
        say(dispatcher, f"info_{topic}" if topic else "info_menu")
        return [SlotSet("info_topic", None)]
