"""Phone numbers: what the bridge dials (E.164) and whether a caller can be called back."""

from __future__ import annotations

import re

from omzien.settings import Settings

COUNTRY_CODE = "31"  # a Dutch service: national numbers (0...) become +31...
_E164 = re.compile(r"\+[1-9]\d{6,14}")
# What Twilio puts in `From` when the caller id is withheld: the words spelled on a keypad.
WITHHELD = {"+266696687", "+7378742833", "+8656696", "+2562533"}  # anonymous, restricted, ...


def international(number: str) -> str:
    """A Dutch number as written for people ("088 0767 000") in E.164 ("+31880767000")."""
    digits = re.sub(r"[^\d+]", "", number)
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0"):
        return f"+{COUNTRY_CODE}{digits[1:]}"
    return digits


def human_line_dial(settings: Settings) -> str:
    """The number the bridge dials for the human listening line."""
    return settings.human_line_dial_number or international(settings.human_line_number)


def crisis_dial(settings: Settings) -> str:
    """The number the bridge dials for 113: its free number, as Twilio cannot dial short ones."""
    return settings.crisis_dial_number or international(settings.crisis_free_number)


def dial_target(settings: Settings, line: str) -> str:
    """The number for a line kind ("crisis" or "human")."""
    return crisis_dial(settings) if line == "crisis" else human_line_dial(settings)


def callable_number(address: str) -> str | None:
    """The E.164 number of a Twilio `From` (also "whatsapp:+31..."), or None when withheld."""
    number = address.removeprefix("whatsapp:").strip()
    return number if _E164.fullmatch(number) and number not in WITHHELD else None


def own_number(settings: Settings, form: dict[str, str]) -> str | None:
    """Omzien's number the caller rang: the caller id for transfers, never the caller's own."""
    called = callable_number(form.get("To", ""))
    if called:
        return called
    return international(settings.phone_line_number) if settings.phone_line_number else None
