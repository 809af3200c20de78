"""Cleaning what people type before it reaches the bot."""

from __future__ import annotations

import re
import unicodedata

# Zero-width characters and bidirectional overrides can hide or reorder text.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def clean_message(text: str) -> str:
    """NFC-normalise, drop control and invisible characters, and collapse whitespace."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return re.sub(r"\s+", " ", text).strip()
