"""Cleaning what people type before it reaches the bot."""

from __future__ import annotations

import re
import unicodedata

# Letters and marks that draw nothing: fillers spammers use to hide or pad text.
_BLANK_LETTERS = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0")
# Format (zero-width, bidi overrides and isolates, BOM, soft hyphen), lone surrogates, private
# use and unassigned code points: invisible, or not text at all.
_DROPPED_CATEGORIES = frozenset({"Cf", "Cs", "Co", "Cn"})
_WHITESPACE = re.compile(r"\s+")


def _kept(ch: str) -> str:
    if ch in _BLANK_LETTERS:
        return ""
    category = unicodedata.category(ch)
    if category in _DROPPED_CATEGORIES:
        return ""
    return " " if category == "Cc" else ch  # NUL, tab, newline, escape: a word break


def clean_message(text: str) -> str:
    """Drop control and invisible characters, NFC-normalise, collapse whitespace; never raises."""
    if not text.isascii():
        text = "".join(_kept(ch) for ch in text)
    elif not text.isprintable():
        text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    text = unicodedata.normalize("NFC", text)
    return _WHITESPACE.sub(" ", text).strip()
