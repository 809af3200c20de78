"""The Dutch spaCy pipeline: lookup lemmas and the entity ruler's canonical values."""

from __future__ import annotations

import pytest

from bot.nlu import dutch


@pytest.fixture(scope="module")
def nlp():
    return dutch.build_pipeline()


def entities(nlp, text: str) -> set[tuple[str, str]]:
    return {(ent.label_, dutch.entity_value(ent)[2]) for ent in nlp(text.lower()).ents}


@pytest.mark.parametrize("word, lemma", [("wandelde", "wandelen"), ("vriendinnen", "vriendin")])
def test_lookup_lemmas(nlp, word, lemma):
    assert nlp(word)[0].lemma_ == lemma


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ik brei graag", {("activity", "creatief en cultuur")}),
        ("wij wandelden gisteren", {("activity", "wandelen")}),
        ("klaverjassen in den haag", {("activity", "spel en denksport"), ("place", "Den Haag")}),
        ("koersbal op zaterdagmiddag", {("activity", "bewegen en sport"), ("time", "zaterdag")}),
        ("mijn buurvrouw is alleen", {("relation", "buur")}),
        ("mijn man is overleden", {("relation", "partner")}),
        ("postcode 3512 ab", {("postcode", "3512AB")}),
        ("ik woon in 9712", {("postcode", "9712")}),
        ("ik woon in best", {("place", "Best")}),
        ("ik ben het best in schaken", {("activity", "spel en denksport")}),
        ("echt waar", set()),
        ("ik heb 1234 en jij", set()),
    ],
)
def test_entities_get_canonical_values(nlp, text, expected):
    assert entities(nlp, text) == expected


def test_context_word_is_not_part_of_the_place_span(nlp):
    doc = nlp("ik kom uit echt")
    start, end, value = dutch.entity_value(doc.ents[0])
    assert ("ik kom uit echt"[start:end], value) == ("echt", "Echt")


@pytest.mark.parametrize(
    "text, place", [("Hoorn", "Hoorn"), ("zwolle", "Zwolle"), ("hoorn", None), ("een", None)]
)
def test_a_message_that_is_only_a_place(text, place):
    found = dutch.whole_message_place(text)
    assert (found or {}).get("value") == place
