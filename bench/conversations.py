"""The scripted conversation mix of the load benchmark: Dutch phrasings like bot/data/nlu.

Every conversation has 6-12 turns on one channel (web chat, WhatsApp or voice). A turn is a text,
or CHOICE: "take the first button the bot offered" (a button click on the web, "1" on WhatsApp,
key 1 on the phone). The same seed gives the same conversations, so every layer gets the same
texts in the same order.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

CHOICE = "#1"  # the first button of the bot's last answer
MIN_TURNS, MAX_TURNS = 6, 12
CHANNELS = {"web": 0.5, "whatsapp": 0.3, "voice": 0.2}

GREETINGS = [
    "hoi", "hallo", "goedemorgen", "goedemiddag, ik ben mevrouw Jansen", "hallo, is dit de chat?",
    "hey hoe gaat het", "goeiemorgen", "goedenavond", "hallo daar",
]  # fmt: skip
LONELY = [
    "ik voel me eenzaam", "ik voel me zo alleen", "ik voel me de laatste tijd heel eenzaam",
    "niemand belt me ooit", "ik heb niemand om mee te praten", "ik ben al maanden zo alleen",
    "mijn man is vorig jaar overleden en het huis is zo stil",
    "ik voel me zo alleen sinds mijn pensioen",
]  # fmt: skip
ACTIVITY_WITH_PLACE = [
    "ik wandel graag in Zwolle", "waar kan ik klaverjassen in Hengelo",
    "ik zing graag, is er een koor in Utrecht", "is er een schaakclub in Maastricht",
    "ik wil graag samen koken in Groningen", "ik fiets graag, kan dat samen in 3512",
    "ik zoek een breiclub in Leeuwarden",
]  # fmt: skip
ACTIVITY_OPEN = [
    "ik zoek iets leuks om te doen", "ik wil graag nieuwe mensen leren kennen",
    "zijn er activiteiten bij mij in de buurt", "ik wil graag iets doen met andere mensen",
]  # fmt: skip
ACTIVITY_WORDS = ["wandelen", "breien", "koken", "fietsen", "schaken", "zingen", "klaverjassen"]
PLACES = ["Zwolle", "Hengelo", "in Maastricht", "Groningen", "3512", "Utrecht", "8011"]
MORE = [CHOICE, "laat meer zien"]
HELP_OTHER = [
    "mijn buurvrouw is eenzaam", "hoe kan ik iemand helpen die eenzaam is",
    "wat kan ik doen voor iemand die alleen is",
    "ik wil graag iets doen voor een eenzame oudere in mijn straat",
    "mijn collega zit in de pauze altijd in zijn eentje, hoe maak ik contact",
]  # fmt: skip
RELATIONS = ["mijn schoonvader", "mijn buurman", "mijn moeder", "een collega"]
WORRIED = [
    "bij mijn buurman puilt de brievenbus uit en ik heb hem al dagen niet gezien",
    "de gordijnen bij de overburen zijn al een week dicht",
]  # fmt: skip
SELF_CHECK = [
    "kan ik een testje doen of ik eenzaam ben", "ik wil de eenzaamheidstest doen",
    "hoe eenzaam ben ik eigenlijk", "is er een test voor eenzaamheid",
]  # fmt: skip
SELF_CHECK_ANSWERS = ["ja", "nee", "min of meer"]
CRISIS = [
    "ik wil gewoon niet meer leven", "iedereen zou beter af zijn als ik er niet meer was",
    "uh ik zie het echt niet meer zitten ik wil dood",
]  # fmt: skip
SMALL_TALK = [
    "ben jij een robot?", "wat is eenzaamheid", "hoe laat gaat de supermarkt open op zondag",
    "fijn, dank je wel hoor", "ja hoor", "wat is sociale eenzaamheid",
]  # fmt: skip
THANKS = ["fijn, dank je wel hoor", "oké bedankt", "dank je"]
GOODBYES = ["doei", "tot ziens", "nee verder niks, doeg", "welterusten", "ik moet gaan"]


@dataclass(frozen=True)
class Conversation:
    """One scripted conversation: its place in the run, channel, topic and turns."""

    number: int
    channel: str
    topic: str
    turns: tuple[str, ...]


def _lonely(rng: random.Random) -> list[str]:
    # The first button after feel_lonely is "samen iets doen"; after results it is "meer".
    return [rng.choice(GREETINGS), rng.choice(LONELY), CHOICE, rng.choice(ACTIVITY_WORDS),
            rng.choice(PLACES), rng.choice(MORE)]  # fmt: skip


def _activity(rng: random.Random) -> list[str]:
    if rng.random() < 0.5:
        start = [rng.choice(ACTIVITY_WITH_PLACE)]
    else:
        start = [rng.choice(ACTIVITY_OPEN), rng.choice(ACTIVITY_WORDS), rng.choice(PLACES)]
    return [rng.choice(GREETINGS), *start, rng.choice(MORE), "liever iets anders",
            rng.choice(ACTIVITY_WORDS), rng.choice(PLACES)]  # fmt: skip


def _help_other(rng: random.Random) -> list[str]:
    turns = [rng.choice(GREETINGS), rng.choice(HELP_OTHER), rng.choice(RELATIONS)]
    if rng.random() < 0.4:
        turns.append(rng.choice(WORRIED))
    return [*turns, "wat is eenzaamheid"]


def _self_check(rng: random.Random) -> list[str]:
    answers = [rng.choice(SELF_CHECK_ANSWERS) for _ in range(6)]
    return [rng.choice(SELF_CHECK), *answers]


def _crisis(rng: random.Random) -> list[str]:
    return [rng.choice(GREETINGS), rng.choice(LONELY), rng.choice(CRISIS), "nee nu even niet",
            rng.choice(LONELY)]  # fmt: skip


# Topic -> (weight, script). A crisis is rare, as on a real listening line.
TOPICS: dict[str, tuple[float, Callable[[random.Random], list[str]]]] = {
    "loneliness": (0.25, _lonely),
    "activity": (0.30, _activity),
    "help_other": (0.20, _help_other),
    "self_check": (0.20, _self_check),
    "crisis": (0.05, _crisis),
}


def conversation(number: int, rng: random.Random) -> Conversation:
    """One conversation of 6-12 turns: a topic's script, some small talk, thanks and goodbye."""
    topic = rng.choices(list(TOPICS), weights=[w for w, _ in TOPICS.values()])[0]
    channel = rng.choices(list(CHANNELS), weights=list(CHANNELS.values()))[0]
    turns = TOPICS[topic][1](rng)
    closing = [rng.choice(THANKS), rng.choice(GOODBYES)]
    length = rng.randint(max(MIN_TURNS, len(turns) + len(closing)), MAX_TURNS)
    while len(turns) + len(closing) < length:
        turns.append(rng.choice(SMALL_TALK))
    turns = (turns + closing)[:MAX_TURNS]
    return Conversation(number, channel, topic, tuple(turns))


def conversation_mix(seed: int = 6) -> Iterator[Conversation]:
    """An endless, reproducible stream of conversations."""
    rng = random.Random(seed)
    number = 0
    while True:
        yield conversation(number, rng)
        number += 1


LONG_SCRIPT = [
    "hallo", "ik voel me zo alleen", CHOICE, "wandelen", "Zwolle", "laat meer zien",
    "liever iets anders", "koken", "Groningen", "fijn, dank je wel hoor", "ben jij een robot?",
    "wat is eenzaamheid", "mijn buurvrouw is eenzaam", "mijn buurvrouw", "ik voel me eenzaam",
]  # fmt: skip


def long_conversation(turns: int) -> tuple[str, ...]:
    """A web chat conversation of `turns` turns: a benign script, repeated."""
    return tuple(LONG_SCRIPT[n % len(LONG_SCRIPT)] for n in range(turns))
