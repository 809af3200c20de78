"""Telling Dutch (also informal, mixed with English, Flemish) from other languages."""

from __future__ import annotations

import pytest

from bot.nlu.language import is_foreign


@pytest.mark.parametrize(
    "text",
    [
        "what is the weather like today",
        "I feel so lonely and I need help",
        "ich bin sehr allein",
        "je suis seul et triste",
        "Merhaba, bugün hava çok güzel",
        "مرحبا كيف حالك",
        "Привет, как дела",
    ],
)
def test_other_languages(text):
    assert is_foreign(text)


@pytest.mark.parametrize(
    "text",
    [
        "ik voel me zo lonely",
        "hoi",
        "hello",
        "ik zit hier mutterziel alleen",
        "ge zijt toch een robot",
        "ik wil er een eind aan maken",
        "is er een wandelclub in de buurt",
        "mijn buurvrouw is echt alone, wat kan ik doen",
    ],
)
def test_dutch_in_all_its_forms(text):
    assert not is_foreign(text)
