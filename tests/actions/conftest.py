"""Tracker and dispatcher fixtures for running actions without a Rasa server."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def make_tracker(
    text: str = "", intent: str = "", entities: list[dict] | None = None, **slots: Any
) -> Tracker:
    """A tracker whose latest message is `text` with `intent` and `entities`."""
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0},
        "entities": entities or [],
    }
    return Tracker("test-user", slots, latest, [], False, None, {}, "action_listen")


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    """Collects what an action sends."""
    return CollectingDispatcher()


@pytest.fixture
def run(dispatcher):
    """Run an action on a tracker; returns (events, messages sent)."""

    def _run(action, tracker: Tracker):
        events = asyncio.run(action.run(dispatcher, tracker, {}))
        return events, list(dispatcher.messages)

    return _run


def texts(messages: list[dict]) -> str:
    """All text sent, joined."""
    return "\n".join(m.get("text") or "" for m in messages)


def customs(messages: list[dict]) -> list[dict]:
    """The custom payloads sent, in order."""
    return [m["custom"] for m in messages if m.get("custom")]
