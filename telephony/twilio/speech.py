"""Bot text made speakable in Dutch: no emoji or markdown, web addresses as words, numbers in
digit groups; buttons become short choices with a key each."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from omzien.settings import Settings
from telephony.schemas import BotMessage
from telephony.twilio.texts import text

MAX_CHOICES = 9  # keys 1-9; 0 is always the human line

_URL = (
    r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:nl|com|org|net|eu|be|info|nu)\b"
    r"(?:/[^\s]*[^\s.,;:!?)])?"
)
# A Dutch national or international number with at least two groups ("088 0767 000").
_PHONE = r"(?:\+\d{2}[ -]?|0)\d{1,3}(?:[ -]?\d{2,4}){2,4}"
_EMOJI_JOINERS = {"\u200d", "\ufe0e", "\ufe0f", "\u20e3"}
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(\S(?:.*?\S)?)\1")
_LINE_MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|>\s?|[-*\u2022]\s+|\d+[.)]\s+)")


def strip_emoji(value: str) -> str:
    """Drop pictographs, symbols and their joiners."""
    return "".join(
        ch
        for ch in value
        if unicodedata.category(ch) not in ("So", "Sk", "Cs", "Co") and ch not in _EMOJI_JOINERS
    )


def strip_markdown(value: str) -> str:
    """Plain text from markdown: links keep their label and address, emphasis its words."""
    value = _LINK.sub(lambda m: m[2] if m[1] == m[2] else f"{m[1]}: {m[2]}", value)
    value = _EMPHASIS.sub(r"\2", value)
    return "\n".join(_LINE_MARKUP.sub("", line) for line in value.splitlines())


def spoken_url(url: str) -> str:
    """A web address as words: "https://www.113.nl" -> "113 punt n l"."""
    bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE).rstrip("/")
    host, _, path = bare.partition("/")
    labels = host.lower().split(".")
    if len(labels[-1]) <= 2:  # country domains are spelled: "n l", "b e"
        labels[-1] = " ".join(labels[-1])
    words = " punt ".join(label.replace("-", " streepje ") for label in labels)
    parts = [part for part in path.split("/") if part]
    return " slash ".join([words, *parts])


def spoken_digits(number: str) -> str:
    """Digits one by one in their groups: "088 0767 000" -> "0 8 8, 0 7 6 7, 0 0 0"."""
    groups = [group for group in re.split(r"\D+", number) if group]
    if len(groups) == 1 and len(groups[0]) > 4:
        digits, groups = groups[0], []
        while len(digits) > 4:
            groups, digits = [*groups, digits[:3]], digits[3:]
        groups.append(digits)
    spoken = ", ".join(" ".join(group) for group in groups)
    return f"plus {spoken}" if number.strip().startswith("+") else spoken


@lru_cache(maxsize=8)
def _spoken_pattern(known_numbers: tuple[str, ...]) -> re.Pattern[str]:
    known = "|".join(re.escape(number) for number in known_numbers) or r"(?!)"
    return re.compile(
        rf"(?P<url>{_URL})|(?<![\w+])(?:(?P<known>{known})|(?P<phone>{_PHONE}))(?!\w)",
        re.IGNORECASE,
    )


def _speak_match(match: re.Match[str]) -> str:
    if match["url"]:
        return spoken_url(match["url"])
    return spoken_digits(match[0])


def as_sentences(value: str) -> str:
    """Lines become sentences, so the voice pauses where a reader would."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in value.splitlines()]
    lines = [line for line in lines if line]
    return " ".join(line if line[-1] in ".!?:," else f"{line}." for line in lines)


def speakable(value: str, known_numbers: Iterable[str] = ()) -> str:
    """Text a Dutch voice can read out: no emoji or markdown, addresses and numbers spoken."""
    numbers = tuple(sorted({n for n in known_numbers if n}, key=len, reverse=True))
    value = strip_markdown(strip_emoji(value))
    value = _spoken_pattern(numbers).sub(_speak_match, value)
    return as_sentences(value)


def known_numbers(settings: Settings) -> list[str]:
    """The helpline numbers from settings, also the short ones like 113 and 112, and our own."""
    helplines = settings.helpline_placeholders()
    numbers = [value for name, value in helplines.items() if name.endswith("_number")]
    return [*numbers, settings.phone_line_number]


def speak(settings: Settings, value: str) -> str:
    """`speakable` with the configured helpline numbers."""
    return speakable(value, known_numbers(settings))


def spoken_messages(settings: Settings, messages: list[BotMessage]) -> tuple[list[str], list[str]]:
    """What to say for bot messages, and the payload behind each key 1, 2, ... in order."""
    sentences: list[str] = []
    payloads: list[str] = []
    for message in messages:
        if message.text and (spoken := speak(settings, message.text)):
            sentences.append(spoken)
        for button in message.buttons:
            title = speak(settings, button.title).rstrip(".")
            if len(payloads) < MAX_CHOICES and title and button.payload:
                payloads.append(button.payload)
                sentences.append(text(settings, "voice_choice", text=title, nr=len(payloads)))
    return sentences, payloads


def spoken_text(settings: Settings, key: str, **values: object) -> str:
    """A text of knowledge/content/telephony.yml, ready to be said."""
    return speak(settings, text(settings, key, **values))
