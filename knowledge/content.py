"""The assistant's texts (knowledge/content/*.yml), rendered with helpline facts from settings."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from knowledge.paths import CONTENT
from omzien.settings import Settings, get_settings

TEXT_FILES = [
    "welcome",
    "loneliness",
    "help_other",
    "safety",
    "self_check",
    "find_activity",
    "telephony",
]


@lru_cache
def texts() -> dict[str, list[dict[str, Any]]]:
    """Every message key with its list of messages, from all text files."""
    merged: dict[str, list[dict[str, Any]]] = {}
    for name in TEXT_FILES:
        with open(CONTENT / f"{name}.yml", encoding="utf-8") as handle:
            for key, messages in yaml.safe_load(handle).items():
                if key in merged:
                    raise ValueError(f"text key {key!r} appears twice ({name}.yml)")
                merged[key] = messages
    return merged


def render(key: str, settings: Settings | None = None, **values: Any) -> list[dict[str, Any]]:
    """The messages of `key`, {placeholders} filled from `settings` (default: the process's)."""
    fill = {**(settings or get_settings()).helpline_placeholders(), **values}
    rendered = []
    for message in texts()[key]:
        out: dict[str, Any] = {"text": message["text"].format(**fill).strip()}
        if message.get("buttons"):
            out["buttons"] = [
                {"title": b["title"].format(**fill), "payload": b["payload"]}
                for b in message["buttons"]
            ]
        rendered.append(out)
    return rendered
