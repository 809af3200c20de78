"""The bridge's texts from knowledge/content, with helplines from the app's own settings."""

from __future__ import annotations

from typing import Any

from knowledge.content import render
from omzien.settings import Settings


def text(settings: Settings, key: str, **values: Any) -> str:
    """All messages of a text key as one text, placeholders filled from `settings`."""
    return "\n".join(message["text"] for message in render(key, settings, **values))
