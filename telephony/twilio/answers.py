"""What a caller answered: a key, or yes or no in Dutch words."""

from __future__ import annotations

import re

from telephony.text import clean_message

HUMAN_KEY = "0"
_NO_WORDS = {"nee", "neen", "niet", "nooit", "nope"}
_YES_WORDS = {
    "ja", "jawel", "jazeker", "graag", "goed", "prima", "oke", "oké", "ok", "okay",
    "akkoord", "zeker", "mag", "tuurlijk", "natuurlijk", "doe", "yes",
}  # fmt: skip


def digits(form: dict[str, str]) -> str:
    """The key the caller pressed, if any."""
    return form.get("Digits", "").strip()


def speech(form: dict[str, str]) -> str:
    """What the caller said, as Twilio's recogniser heard it, cleaned like every typed text."""
    return clean_message(form.get("SpeechResult", ""))


def wants_human(form: dict[str, str]) -> bool:
    """The caller pressed 0: straight to the human line, from anywhere in the call."""
    return digits(form) == HUMAN_KEY


def _words(form: dict[str, str]) -> set[str]:
    return set(re.findall(r"[a-zà-ÿ]+", speech(form).lower()))


def said_yes(form: dict[str, str]) -> bool:
    """Key 1, or a yes in words without a no ("ja graag", not "nee, liever niet")."""
    if digits(form):
        return digits(form) == "1"
    words = _words(form)
    return bool(words & _YES_WORDS) and not words & _NO_WORDS


def said_no(form: dict[str, str]) -> bool:
    """Key 2, or a no in words."""
    if digits(form):
        return digits(form) == "2"
    return bool(_words(form) & _NO_WORDS)


def is_silent(form: dict[str, str]) -> bool:
    """Nothing said and no key pressed."""
    return not digits(form) and not speech(form)
