"""Conversations in Rasa's own SQL tracker store, for tests of forgetting."""

from __future__ import annotations

import asyncio

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker


class Trackers:
    """Conversations in a SQLite tracker store, written and read by Rasa itself."""

    def __init__(self, path):
        self.url = f"sqlite:///{path}"
        self.store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))

    def talk(self, sender: str, *texts: str) -> None:
        """Store a conversation: each text, and an answer to it."""
        events = []
        for text in texts:
            events += [UserUttered(text), BotUttered("Dank je.")]
        asyncio.run(self.store.save(DialogueStateTracker.from_events(sender, events)))

    def senders(self) -> set[str]:
        return set(asyncio.run(self.store.keys()))
