"""Hobby words, inflected forms and synonyms map onto the activity taxonomy."""

from __future__ import annotations

import pytest

from knowledge import interests, lexicon

HOBBY_WORDS = {
    "klaverjassen": "spel en denksport",
    "ik klaverjas graag": "spel en denksport",
    "bridge": "spel en denksport",
    "schaken": "spel en denksport",
    "sjoelen": "spel en denksport",
    "koersbal": "bewegen en sport",
    "jeu de boules": "bewegen en sport",
    "zwemmen": "bewegen en sport",
    "yoga": "bewegen en sport",
    "breien": "creatief en cultuur",
    "ik brei graag": "creatief en cultuur",
    "haken": "creatief en cultuur",
    "schilderen": "creatief en cultuur",
    "repair café": "creatief en cultuur",
    "ik wandelde vroeger veel": "wandelen",
    "wandelgroep": "wandelen",
    "fietsen": "fietsen",
    "ik fiets graag": "fietsen",
    "koken": "samen eten",
    "eettafel": "samen eten",
    "ik zing in een koor": "muziek en zang",
    "zingen": "muziek en zang",
    "tuinieren": "tuinieren en natuur",
    "moestuin": "tuinieren en natuur",
    "koffieochtend": "koffie en ontmoeting",
    "buurthuis": "koffie en ontmoeting",
    "maatje": "maatje en bezoek",
    "taalcafé": "leren en taal",
    "computerles": "digitaal",
    "tablet": "digitaal",
    "vrijwilligerswerk": "vrijwilligerswerk",
    "belcirkel": "telefoon en gesprek",
}


@pytest.mark.parametrize(("text", "category"), HOBBY_WORDS.items())
def test_hobby_words_reach_their_category(text, category):
    assert category in interests.activity_keys(text)


def test_at_least_thirty_hobby_words_are_covered():
    assert len(HOBBY_WORDS) >= 30
    assert set(HOBBY_WORDS.values()) <= set(lexicon.activities())


@pytest.mark.parametrize("key", list(lexicon.activities()))
def test_every_canonical_key_names_itself(key):
    assert interests.activity_keys(key)[0] == key


@pytest.mark.parametrize("text", ["", "ik weet het niet", "hallo", "mijn moeder woont alleen"])
def test_words_without_an_activity_name_none(text):
    assert interests.activity_keys(text) == []


def test_lemmas_undo_inflection_and_leave_out_stop_words():
    assert interests.lemmas("ik wandelde met vriendinnen") == ["wandelen", "vriendin"]
